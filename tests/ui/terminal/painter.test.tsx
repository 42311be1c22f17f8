/**
 * The field painter in the running app (runScreen on a fake terminal, the
 * game on a fake clock): everything written, played back on a terminal in
 * memory, is the frame GameFrame draws whole for the controller's view,
 * colours included, after every key, tick, pause, help and resize; and a
 * move of the piece is drawn by the painter alone, in a few bytes.
 */
import { renderToString } from 'ink';
import { describe, expect, it, vi } from 'vitest';
import type { Loop } from '../../../src/ui/drivers/loop.js';
import { playBot } from '../../../src/bot/index.js';
import { processTime } from '../../../src/cli/screen-time.js';
import { indexReplay } from '../../../src/core/index.js';
import { PLAY, playModel, type PlayModel } from '../../../src/ui/drivers/play.js';
import { REPLAY, replayModel } from '../../../src/ui/drivers/replay.js';
import type { Driver } from '../../../src/ui/drivers/screen.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { runScreen, type FaultHooks } from '../../../src/ui/terminal/run-screen.js';
import type { PlayView, ScreenView } from '../../../src/ui/drivers/screen.js';
import { Screen } from '../../../src/ui/components/Screen.js';
import { PALETTE_256, resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTerminal, fakeTime, withChalkLevel256 } from '../helpers.js';
import { VtScreen } from '../vt-screen.js';

withChalkLevel256();

const DISPLAY = resolveDisplay({ color: PALETTE_256 });

/** The frame drawn whole for `view`, as a picture. */
function whole(view: ScreenView, columns: number, rows: number): string[] {
  const screen = new VtScreen(columns, rows);
  screen.write(renderToString(<Screen frame={frameOf(view, DISPLAY, { columns, rows })} display={DISPLAY} />, { columns }));
  return screen.picture();
}

function start(stopProgram?: () => Promise<void>, faults?: FaultHooks) {
  const time = fakeTime();
  const terminal = fakeTerminal();
  let loop: Loop<PlayModel> | null = null;
  const done = runScreen({
    display: { color: PALETTE_256 },
    terminal: terminal.streams,
    time,
    stopProgram,
    faults,
    driver: PLAY,
    model: playModel({ settings: {}, seedOf: () => 3 }),
    // The first game's start comes with the loop that runs it.
    onEffect: (_effect, running) => {
      loop = running;
      return undefined;
    },
  });
  let screen = new VtScreen(80, 24);
  let seen = 0;
  return {
    ...terminal,
    time,
    done,
    view: () => PLAY.view(loop!.model) as PlayView,
    screen: () => screen,
    /** Let Ink's throttle and the painter's end-of-task flush pass, then play what was written onto the screen; returns it. */
    async settle(): Promise<string> {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const written = terminal.stdout.text.slice(seen);
      seen = terminal.stdout.text.length;
      screen.write(written);
      return written;
    },
    /**
     * Play what is written until the screen shows `expected()`: Ink's
     * throttle and the painter's flush come on timers, which a loaded machine
     * delays past one settle. A screen that stays wrong fails after 3 s with
     * its last picture.
     */
    async converge(expected: () => string[], label: string): Promise<void> {
      await vi.waitFor(
        async () => {
          await this.settle();
          expect(screen.picture(), label).toEqual(expected());
        },
        { timeout: 3000, interval: 0 },
      );
    },
    /** The terminal shows a new, blank screen from here on (the alternate screen entered again after `fg`). */
    freshScreen() {
      seen = terminal.stdout.text.length;
      screen = new VtScreen(terminal.stdout.columns, terminal.stdout.rows);
    },
    resize(columns: number, rows: number) {
      terminal.stdout.columns = columns;
      terminal.stdout.rows = rows;
      screen.resize(columns, rows);
      terminal.stdout.emit('resize');
    },
  };
}

const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const UP = '\u001B[A';
const DOWN = '\u001B[B';

/** A screen to run: a driver and its first model. */
const screen = <M,>(driver: Driver<M>, model: M) => ({ driver: driver as Driver<unknown>, model: model as unknown });

describe('the field painter', () => {
  it('keeps the terminal showing the whole frame of the view through a game', async () => {
    const t = start();
    await vi.waitFor(() => expect(t.stdout.text).toContain('NEXT'));
    await t.converge(() => whole(t.view(), 80, 24), 'first frame');
    // A fixed walk through keys and time: moves, rotations, drops, hold, pause, help, a resize.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const keys = [LEFT, RIGHT, UP, 'z', DOWN, ' ', 'c', LEFT, LEFT, RIGHT];
    for (let i = 0; i < 160; i++) {
      if (i === 60 || i === 64) t.stdin.type('p');
      else if (i === 90 || i === 93) t.stdin.type('?');
      else if (i === 120) t.resize(100, 30);
      else if (random() < 0.35) t.time.advance(Math.floor(random() * 2000));
      else t.stdin.type(keys[Math.floor(random() * keys.length)]!);
      await t.converge(() => whole(t.view(), t.stdout.columns, t.stdout.rows), `step ${i}`);
    }
    t.stdin.type('q');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
  }, 30_000);

  it.each([0, 1, 5, 10, 20])(
    'hides the board it drew when a pause comes %i ms after a hard drop (Ink still holding its frame)',
    async (ms) => {
      const t = start();
      await vi.waitFor(() => expect(t.stdout.text).toContain('NEXT'));
      await t.converge(() => whole(t.view(), 80, 24), 'first frame');
      t.stdin.type(' ');
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      t.stdin.type('p');
      await t.converge(() => whole(t.view(), 80, 24), 'paused');
      expect(t.view().game.status).toBe('paused');
      t.stdin.type('q');
      await expect(t.done).resolves.toEqual({ reason: 'quit' });
    },
  );

  it('draws nothing while stopped by Ctrl-Z, and the whole frame, paused, after fg', async () => {
    let continueProgram = () => {};
    let stops = 0;
    const t = start(
      () =>
        new Promise<void>((resolve) => {
          stops++;
          continueProgram = resolve;
        }),
    );
    await vi.waitFor(() => expect(t.stdout.text).toContain('NEXT'));
    await t.settle();
    t.stdin.type(LEFT);
    t.time.advance(1500);
    await t.settle();
    t.stdin.type('\u001a');
    await vi.waitFor(() => expect(stops).toBe(1));
    await t.settle();
    expect(t.view().game.status).toBe('paused');
    // Stopped: the clock, Ink and the painter all leave the terminal to the shell.
    t.time.advance(5000);
    expect(await t.settle()).toBe('');
    t.freshScreen();
    continueProgram();
    await t.converge(() => whole(t.view(), 80, 24), 'after fg');
    expect(t.view().game.status).toBe('paused');
    t.stdin.type('p');
    await t.settle();
    expect(t.view().game.status).toBe('playing');
    await t.converge(() => whole(t.view(), 80, 24), 'after p');
    t.stdin.type('q');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
  });

  it('draws a move of the piece by itself: one write of the changed cells, cursor saved and restored', async () => {
    const t = start();
    await vi.waitFor(() => expect(t.stdout.text).toContain('NEXT'));
    await t.settle();
    t.stdin.type(LEFT);
    const written = await t.settle();
    expect(written.startsWith('\u001B[?2026h\u001B7\u001B[')).toBe(true);
    expect(written.endsWith('\u001B8\u001B[?2026l')).toBe(true);
    // Between them only cursor positions, colours and cells.
    expect(written.slice(10, -10).replace(/\u001B\[\d+;\d+H|\u001B\[[\d;]*m/g, '')).toMatch(/^[ █[\]]+$/u);
    expect(Buffer.byteLength(written)).toBeLessThan(160);
    // No line of Ink's: the sidebar and NEXT were not written again.
    expect(written).not.toContain('NEXT');
    t.stdin.type('q');
    await t.done;
  });

  it('draws a lock and a hold by itself, NEXT and HOLD included: no render of the Ink tree, one write of the changed cells', async () => {
    let renders = 0;
    const t = start(undefined, {
      render: () => {
        renders++;
      },
    });
    await vi.waitFor(() => expect(t.stdout.text).toContain('NEXT'));
    await t.converge(() => whole(t.view(), 80, 24), 'first frame');
    for (const [key, label] of [
      [' ', 'a hard drop: the piece locks, a new one comes from NEXT'],
      ['c', 'a hold: the piece goes to HOLD, the next one comes from NEXT'],
      [' ', 'a lock after a hold: HOLD is no longer used up'],
    ] as const) {
      const before = t.view().game;
      const rendered = renders;
      t.stdin.type(key);
      const written = await t.settle();
      const after = t.view().game;
      // The key did what it says (and cleared no row: a feedback text would be structure).
      expect(after.pieces + (after.hold === before.hold ? 0 : 1), label).toBeGreaterThan(before.pieces);
      expect(after.lines, label).toBe(0);
      expect(renders, label).toBe(rendered);
      expect(written.startsWith('\u001B[?2026h\u001B7\u001B['), label).toBe(true);
      expect(written.endsWith('\u001B8\u001B[?2026l'), label).toBe(true);
      // Between them only cursor positions, colours and cells: blocks, blanks, the score's digits.
      expect(written.slice(10, -10).replace(/\u001B\[\d+;\d+H|\u001B\[[\d;]*m/g, ''), label).toMatch(/^[ █[\]\d]+$/u);
      // What the terminal shows is still the frame drawn whole.
      expect(t.screen().picture(), label).toEqual(whole(t.view(), 80, 24));
    }
    t.stdin.type('q');
    await t.done;
  });

  it.each([
    ['a game', () => screen(PLAY, playModel({ settings: {}, seedOf: () => 3 }))],
    [
      'a replay',
      () => screen(REPLAY, replayModel(indexReplay({ seed: 2, settings: {}, inputs: playBot({ seed: 2, pieces: 8, pace: 20 }).inputs }))),
    ],
  ])('draws nothing onto the shell screen once Ink has left the alternate screen on q (%s)', async (_name, make) => {
    const terminal = fakeTerminal();
    const { driver, model } = make();
    const done = runScreen({ display: { color: PALETTE_256 }, terminal: terminal.streams, time: processTime(), driver, model });
    await vi.waitFor(() => expect(terminal.stdout.text).toContain('NEXT'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    terminal.stdin.type('q');
    await done;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = terminal.stdout.text;
    const after = text.slice(text.lastIndexOf('\u001B[?1049l'));
    // Only modes may follow (the cursor shown, the keyboard protocol popped): no cursor move, no cell.
    expect(after.replace(/\u001B\[[?>=<][\d;]*[A-Za-z]/g, '')).toBe('');
  });
});
