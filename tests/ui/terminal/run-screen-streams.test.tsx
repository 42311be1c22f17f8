/**
 * runScreen with the watching controllers, on fake terminal streams: a
 * replay and the demo draw on the alternate screen, and `q`, Ctrl-C or a
 * signal end them with the terminal restored (raw mode off, alternate
 * screen left, cursor shown).
 */
import { describe, expect, it, vi } from 'vitest';
import { playBot } from '../../../src/bot/index.js';
import { processTime } from '../../../src/cli/screen-time.js';
import { DEMO, demoModel } from '../../../src/ui/drivers/demo.js';
import { indexReplay } from '../../../src/core/replay-cursor.js';
import { REPLAY, replayModel } from '../../../src/ui/drivers/replay.js';
import type { Driver } from '../../../src/ui/drivers/screen.js';
import { runScreen, type Interruption } from '../../../src/ui/terminal/run-screen.js';
import { fakeTerminal, type FakeStdin, type FakeStdout } from '../helpers.js';

const game = playBot({ seed: 2, pieces: 30, pace: 30 });
const INDEX = indexReplay({ seed: 2, settings: {}, inputs: game.inputs });

/** A screen to run: a driver and its first model. */
type Screen = { readonly driver: Driver<unknown>; readonly model: unknown };
const screen = <M,>(driver: Driver<M>, model: M): Screen => ({ driver: driver as Driver<unknown>, model });

const controllers: [string, string, () => Screen][] = [
  ['a replay', 'REPLAY', () => screen(REPLAY, replayModel(INDEX))],
  ['the demo', 'DEMO', () => screen(DEMO, demoModel({ settings: {}, seedOf: () => 8 }))],
];

function start(make: () => Screen, stopProgram?: () => Promise<void>) {
  const { driver, model } = make();
  const { stdin, stdout, streams } = fakeTerminal();
  let interrupt: (interruption: Interruption) => void = () => {};
  const done = runScreen({
    display: {},
    terminal: streams,
    interruptions: (listener) => {
      interrupt = listener;
      return () => {
        interrupt = () => {};
      };
    },
    stopProgram,
    time: processTime(),
    driver,
    model,
  });
  return { stdin, stdout, done, interrupt: (i: Interruption) => interrupt(i) };
}

/** A stop of the program the test continues: `stopped` once it is asked, `continue()` is the shell's `fg`. */
function fakeStop() {
  const stop = { calls: 0, continue: () => {}, stop: (): Promise<void> => Promise.resolve() };
  stop.stop = () => {
    stop.calls++;
    return new Promise<void>((resolve) => {
      stop.continue = resolve;
    });
  };
  return stop;
}

/** The terminal is back as it was: raw mode off, alternate screen left, cursor shown. */
function expectRestored(t: { stdin: FakeStdin; stdout: FakeStdout }) {
  expect(t.stdin.isRaw).toBe(false);
  expect(t.stdout.text.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(t.stdout.text.lastIndexOf('\u001B[?1049h'));
  expect(t.stdout.text.lastIndexOf('\u001B[?25h')).toBeGreaterThan(t.stdout.text.lastIndexOf('\u001B[?25l'));
}

describe.each(controllers)('runScreen with %s', (_name, marker, make) => {
  it('draws it on the alternate screen and settles on q with the terminal restored', async () => {
    const t = start(make);
    await vi.waitFor(() => expect(t.stdout.text).toContain(marker));
    expect(t.stdout.text).toContain('\u001B[?1049h');
    expect(t.stdin.isRaw).toBe(true);
    t.stdin.type('q');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
    expectRestored(t);
  });

  it('settles on Ctrl-C the same way', async () => {
    const t = start(make);
    await vi.waitFor(() => expect(t.stdout.text).toContain(marker));
    t.stdin.type('\u0003');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
    expectRestored(t);
  });

  it.each([
    ['Ctrl-Z (the byte 0x1A in raw mode)', (t: ReturnType<typeof start>) => t.stdin.type('\u001a')],
    ['SIGTSTP', (t: ReturnType<typeof start>) => t.interrupt({ kind: 'suspend' })],
  ])('on %s gives the terminal back, stops, and on fg draws it again, paused', async (_how, suspend) => {
    const stop = fakeStop();
    const t = start(make, stop.stop);
    await vi.waitFor(() => expect(t.stdout.text).toContain(marker));
    suspend(t);
    await vi.waitFor(() => expect(stop.calls).toBe(1));
    // Stopped: raw mode off, the alternate screen left, the cursor shown, as the shell needs them.
    expectRestored(t);
    const stoppedAt = t.stdout.text.length;
    // A second Ctrl-Z while stopped (typed ahead) is not a second stop.
    t.interrupt({ kind: 'suspend' });
    stop.continue();
    await vi.waitFor(() => expect(t.stdout.text.slice(stoppedAt)).toContain(marker));
    const again = t.stdout.text.slice(stoppedAt);
    expect(t.stdin.isRaw).toBe(true);
    expect(again).toContain('\u001B[?1049h');
    // Still paused: the replay marked stopped, the demo showing its keys.
    expect(again).toMatch(marker === 'REPLAY' ? /\|\|/ : /any key/);
    expect(stop.calls).toBe(1);
    t.stdin.type('q');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
    expectRestored(t);
  });

  it('ends on SIGTERM with the terminal restored', async () => {
    const t = start(make);
    await vi.waitFor(() => expect(t.stdout.text).toContain(marker));
    t.interrupt({ kind: 'signal', signal: 'SIGTERM' });
    await expect(t.done).resolves.toEqual({ reason: 'signal', signal: 'SIGTERM' });
    expectRestored(t);
  });
});
