/**
 * runScreen with the watching controllers, on fake terminal streams: a
 * replay and the demo draw on the alternate screen, and `q`, Ctrl-C or a
 * signal end them with the terminal restored (raw mode off, alternate
 * screen left, cursor shown).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import { DemoController } from '../../src/ui/demo-controller.js';
import { indexReplay } from '../../src/ui/playback.js';
import { runScreen, type Interruption, type PlayTerminal, type ScreenContext } from '../../src/ui/run-play.js';
import type { ScreenController } from '../../src/ui/screen-controller.js';
import { WatchController } from '../../src/ui/watch-controller.js';

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  private queue: string[] = [];
  setRawMode(mode: boolean) {
    this.isRaw = mode;
    return this;
  }
  setEncoding() {
    return this;
  }
  read(): string | null {
    return this.queue.shift() ?? null;
  }
  type(text: string) {
    this.queue.push(text);
    this.emit('readable');
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  pause() {
    return this;
  }
  resume() {
    return this;
  }
}

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 80;
  rows = 24;
  text = '';
  write(chunk: string, callback?: () => void) {
    this.text += chunk;
    callback?.();
    return true;
  }
}

const game = playBot({ seed: 2, pieces: 30, pace: 30 });
const INDEX = indexReplay({ seed: 2, settings: {}, inputs: game.inputs });

const controllers: [string, string, (context: ScreenContext) => ScreenController][] = [
  ['a replay', 'REPLAY', (context) => new WatchController({ index: INDEX, preview: context.display.preview, ...context })],
  ['the demo', 'DEMO', (context) => new DemoController({ settings: {}, nextSeed: () => 8, preview: context.display.preview, ...context })],
];

function start(make: (context: ScreenContext) => ScreenController) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  let interrupt: (interruption: Interruption) => void = () => {};
  const done = runScreen({
    display: {},
    terminal: { stdin, stdout, stderr } as unknown as PlayTerminal,
    interruptions: (listener) => {
      interrupt = listener;
      return () => {
        interrupt = () => {};
      };
    },
    controller: make,
  });
  return { stdin, stdout, done, interrupt: (i: Interruption) => interrupt(i) };
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

  it('ends on SIGTERM with the terminal restored', async () => {
    const t = start(make);
    await vi.waitFor(() => expect(t.stdout.text).toContain(marker));
    t.interrupt({ kind: 'signal', signal: 'SIGTERM' });
    await expect(t.done).resolves.toEqual({ reason: 'signal', signal: 'SIGTERM' });
    expectRestored(t);
  });
});
