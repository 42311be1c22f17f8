/** The interactive app in ink-testing-library: keys in, frames out, q leaves. */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/components/App.js';
import { LAYOUT, SPAWN_ROWS } from '../../../src/ui/frame/layout.js';
import { effectsToHooks, PLAY, playModel } from '../../../src/ui/drivers/play.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTime, screenHarness } from '../helpers.js';

afterEach(() => cleanup());

function start(size = { columns: 80, rows: 24 }) {
  const time = fakeTime();
  const ended: number[] = [];
  const controller = screenHarness(PLAY, playModel({ settings: {}, seedOf: () => 1 }), time, {
    onEffect: effectsToHooks({ onGameEnd: (state) => void ended.push(state.tick) }),
  });
  const app = render(<App loop={controller.loop} display={resolveDisplay()} size={size} />);
  /** The last frame drawn that is not empty (after an Ink 8 app exits the very last one can be). */
  const frame = () => app.frames.filter((f) => f.trim() !== '').at(-1) ?? '';
  return { app, controller, time, ended, frame };
}

describe('the app', () => {
  it('draws the game centred and moves the piece on a key', async () => {
    const { app, controller, frame } = start();
    await vi.waitFor(() => expect(frame()).toContain('HOLD'));
    // Centred: 80 x 24 holds the frame exactly; the top border is under the two spawn rows.
    expect(frame().split('\n')[Math.floor((24 - LAYOUT.height) / 2) + SPAWN_ROWS]).toContain('┌');
    const x = controller.state.active!.x;
    app.stdin.write('\u001B[D');
    await vi.waitFor(() => expect(controller.state.active!.x).toBe(x - 1));
  });

  it('hides the board behind PAUSED on p and brings it back on p', async () => {
    const { app, frame } = start();
    await vi.waitFor(() => expect(frame()).toContain('HOLD'));
    app.stdin.write('p');
    await vi.waitFor(() => expect(frame()).toContain('PAUSED'));
    app.stdin.write('p');
    await vi.waitFor(() => expect(frame()).not.toContain('PAUSED'));
  });

  it('shows the keys on ?', async () => {
    const { app, frame } = start();
    app.stdin.write('?');
    await vi.waitFor(() => expect(frame()).toContain('KEYS'));
  });

  it('says the terminal is too small, and the game waits', async () => {
    const { controller, frame } = start({ columns: 40, rows: 20 });
    await vi.waitFor(() => expect(frame()).toContain(`Terminal too small: need ${LAYOUT.width} x ${LAYOUT.height}`));
    expect(controller.state.status).toBe('paused');
  });

  it('ends the game and exits on q', async () => {
    const { app, ended } = start();
    app.stdin.write('q');
    await vi.waitFor(() => expect(ended).toHaveLength(1));
  });
});
