/**
 * runPlay's ways out, on fake terminal streams: `q`, a signal, an error in
 * the game, an error while drawing. Each restores the terminal (raw mode
 * off, alternate screen left, cursor shown) and ends the game once, before
 * runPlay settles.
 */
import { describe, expect, it, vi } from 'vitest';
import type { GameState } from '../../../src/core/index.js';
import { DEFAULT_KEYMAP, type Keymap } from '../../../src/ui/input/keymap.js';
import { processTime } from '../../../src/cli/screen-time.js';
import { runPlay, type Interruption } from '../../../src/ui/terminal/run-screen.js';
import { fakeTerminal, type FakeStdin, type FakeStdout } from '../helpers.js';

function play(overrides: { keymap?: Keymap; onInput?: (tick: number, input: string) => void; kitty?: boolean } = {}) {
  const term = fakeTerminal();
  if (overrides.kitty) term.stdout.kitty = term.stdin;
  const ended: GameState[] = [];
  let interrupt: (interruption: Interruption) => void = () => {};
  const done = runPlay({
    config: { settings: {}, seedOf: () => 5 },
    time: processTime(),
    display: {},
    keymap: overrides.keymap,
    terminal: term.streams,
    interruptions: (listener) => {
      interrupt = listener;
      return () => {
        interrupt = () => {};
      };
    },
    onInput: overrides.onInput,
    onGameEnd: (state) => void ended.push(state),
  });
  return { ...term, done, ended, interrupt: (i: Interruption) => interrupt(i) };
}

/** The terminal is back as it was: raw mode off, alternate screen left, cursor shown. */
function expectRestored(t: { stdin: FakeStdin; stdout: FakeStdout }) {
  expect(t.stdin.isRaw).toBe(false);
  expect(t.stdout.text).toContain('\u001B[?1049h');
  const leave = t.stdout.text.lastIndexOf('\u001B[?1049l');
  expect(leave).toBeGreaterThan(t.stdout.text.lastIndexOf('\u001B[?1049h'));
  expect(t.stdout.text.lastIndexOf('\u001B[?25h')).toBeGreaterThan(t.stdout.text.lastIndexOf('\u001B[?25l'));
}

describe('runPlay', () => {
  it('draws the game on the alternate screen in raw mode', async () => {
    const t = play();
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    expect(t.stdin.isRaw).toBe(true);
    t.stdin.type('q');
    await t.done;
  });

  it('settles on q with the game ended once and the terminal restored', async () => {
    const t = play();
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    t.stdin.type('q');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
    expect(t.ended).toHaveLength(1);
    expectRestored(t);
  });

  it('settles on Ctrl-C the same way', async () => {
    const t = play();
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    t.stdin.type('\u0003');
    await expect(t.done).resolves.toEqual({ reason: 'quit' });
    expect(t.ended).toHaveLength(1);
    expectRestored(t);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('ends the game and restores the terminal on %s', async (signal) => {
    const t = play();
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    t.interrupt({ kind: 'signal', signal });
    await expect(t.done).resolves.toEqual({ reason: 'signal', signal });
    expect(t.ended).toHaveLength(1);
    expectRestored(t);
  });

  it('restores the terminal, ends the game, then rejects with an error from inside the game', async () => {
    const t = play({
      onInput: () => {
        throw new Error('the disk is on fire');
      },
    });
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    t.stdin.type('\u001B[D');
    await expect(t.done).rejects.toThrow('the disk is on fire');
    expect(t.ended).toHaveLength(1);
    expectRestored(t);
  });

  it('rejects with an uncaught error, after restoring the terminal', async () => {
    const t = play();
    await vi.waitFor(() => expect(t.stdout.text).toContain('HOLD'));
    t.interrupt({ kind: 'error', error: new Error('out of cheese') });
    await expect(t.done).rejects.toThrow('out of cheese');
    expectRestored(t);
  });

  it('never draws a stack trace over the game when drawing fails', async () => {
    const broken = { ...DEFAULT_KEYMAP, help: undefined } as unknown as Keymap;
    const t = play({ keymap: broken });
    await expect(t.done).rejects.toThrow();
    expect(t.stdout.text).not.toMatch(/ at .*\.(tsx?|js):\d+/);
    expectRestored(t);
  });

  // The press and release of ← as real kitty 0.26.5 and foot 1.13 send them (tests/fixtures/terminal-keys.json): kitty's press has no event type.
  it.each([
    ['kitty', '\u001B[D', '\u001B[1;1:3D'],
    ['foot', '\u001B[1;1:1D', '\u001B[1;1:3D'],
  ])(
    'asks for key press and release where the terminal speaks the kitty protocol, and shifts a held key with DAS and ARR (%s)',
    async (_terminal, press, release) => {
      const inputs: [number, string][] = [];
      const t = play({ kitty: true, onInput: (tick, input) => void inputs.push([tick, input]) });
      // Flags 27: disambiguate, event types, all keys as escape codes, associated text.
      await vi.waitFor(() => expect(t.stdout.text).toContain('\u001B[>27u'));
      t.stdin.type(press);
      await vi.waitFor(() => expect(inputs.length).toBeGreaterThanOrEqual(3), { timeout: 2000 });
      t.stdin.type(release);
      const [first, second, third] = inputs.map(([tick]) => tick);
      expect(inputs.slice(0, 3).map(([, input]) => input)).toEqual(['left', 'left', 'left']);
      expect(second! - first!).toBe(10);
      expect(third! - second!).toBe(2);
      t.stdin.type('\u001B[113;1:1u');
      await t.done;
      // The protocol is switched off again on the way out.
      expect(t.stdout.text.lastIndexOf('\u001B[<u')).toBeGreaterThan(t.stdout.text.lastIndexOf('\u001B[>27u'));
    },
  );
});
