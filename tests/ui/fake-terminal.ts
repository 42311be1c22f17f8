/**
 * A terminal in memory, 80 x 24: the streams Ink and `runPlay` are handed in
 * the UI tests and in the benchmark's render row (bench/render-frame.ts),
 * which counts bytes and frame ends on top of it. No test framework here,
 * so that the benchmark can import it.
 */
import { EventEmitter } from 'node:events';
import type { PlayTerminal } from '../../src/ui/terminal/run-screen.js';

/** A TTY's input: raw mode, and keys typed by the test. */
export class FakeStdin extends EventEmitter {
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

/** A TTY's output, 80x24: everything written is kept in `text`. */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 80;
  rows = 24;
  text = '';
  /** Answer the kitty keyboard protocol query, as a terminal that speaks it does. */
  kitty: FakeStdin | null = null;
  write(chunk: string, callback?: () => void) {
    this.text += chunk;
    if (this.kitty && chunk.includes('\u001B[?u')) setImmediate(() => this.kitty!.type('\u001B[?0u'));
    callback?.();
    return true;
  }
}

/** A fake terminal: its three streams, and the same as the `PlayTerminal` the runners take. */
export function fakeTerminal() {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  return { stdin, stdout, stderr, streams: { stdin, stdout, stderr } as unknown as PlayTerminal };
}
