/**
 * An SSH channel as the terminal a screen runs on: Ink renders to a stream
 * with `columns`, `rows` and `resize` events, and reads a stream with
 * `isTTY` and `setRawMode`. The pty's size comes from `pty-req` and
 * `window-change`; the keys from the channel, at most {@link KEY_RATE} key
 * events a second (the excess dropped, never queued).
 */
import { PassThrough, Writable } from 'node:stream';
import { WriteStream } from 'node:tty';
import type { PlayTerminal } from '../ui/terminal/run-screen.js';

/** Key events a session may send per second; more are dropped. */
export const KEY_RATE = 100;

/** What the terminal writes to and reads from: the SSH channel (or a test's pair of streams). */
export interface ChannelLike {
  write(data: string | Uint8Array): boolean;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  readonly writable?: boolean;
}

/** One key as a terminal sends it: a CSI or SS3 sequence, ESC and a character, or one character. */
const KEY = /\u001b\[[0-9;:?<=>]*[ -/]*[@-~]|\u001bO.|\u001b[\s\S]|[\s\S]/gu;

/** Keys a second, counted over a sliding second: `take` says how many of `count` keys may pass at `now`. */
export class KeyBudget {
  private readonly times: number[] = [];
  constructor(
    private readonly rate = KEY_RATE,
    private readonly windowMs = 1000,
  ) {}

  take(count: number, now: number): number {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    const allowed = Math.min(count, this.rate - this.times.length);
    for (let i = 0; i < allowed; i++) this.times.push(now);
    return Math.max(0, allowed);
  }
}

/** The keys of `data` that the budget lets through, in order, as one string. */
export function limitKeys(data: string, budget: KeyBudget, now: number): { readonly passed: string; readonly dropped: number } {
  const keys = data.match(KEY) ?? [];
  const allowed = budget.take(keys.length, now);
  return { passed: keys.slice(0, allowed).join(''), dropped: keys.length - allowed };
}

/** The terminal of one SSH session, with its size and the activity that keeps it from being idle. */
export interface ChannelTerminal extends PlayTerminal {
  resize(columns: number, rows: number): void;
  /** Ends the streams (the client went away, or the session closes). */
  destroy(): void;
}

/** Options of {@link channelTerminal}. */
export interface ChannelTerminalOptions {
  readonly columns: number;
  readonly rows: number;
  /** Monotonic milliseconds, for the key budget. */
  readonly now: () => number;
  /** Called on every key that passed (the idle timer restarts). */
  readonly onKeys?: () => void;
}

/** The channel as a terminal: what Ink writes goes to the channel, what the client types (within the budget) comes in. */
export function channelTerminal(channel: ChannelLike, options: ChannelTerminalOptions): ChannelTerminal {
  let columns = Math.max(1, options.columns || 80);
  let rows = Math.max(1, options.rows || 24);
  const budget = new KeyBudget();
  const input = new PassThrough({ encoding: 'utf8' });
  let raw = false;
  // Properties defined, not assigned: Object.assign would copy a getter's value once.
  const stdin = Object.defineProperties(input, {
    isTTY: { value: true },
    isRaw: { get: () => raw },
    setRawMode: {
      value: (mode: boolean) => {
        raw = mode;
        return input;
      },
    },
    ref: { value: () => input },
    unref: { value: () => input },
  });
  const decoder = new TextDecoder('utf-8');
  channel.on('data', (data: Buffer) => {
    if (input.destroyed) return;
    const text = decoder.decode(data, { stream: true });
    const { passed } = limitKeys(text, budget, options.now());
    if (passed.length === 0) return;
    options.onKeys?.();
    input.write(passed);
  });

  const output = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      try {
        // A pty turns each newline into CR LF (ONLCR); the channel has none, so this does.
        if (channel.writable !== false) channel.write(String(chunk).replaceAll('\n', '\r\n'));
      } catch {
        // The client is gone; the session is being torn down.
      }
      callback();
    },
  });
  const stdout = Object.defineProperties(output, {
    isTTY: { value: true },
    columns: { get: () => columns },
    rows: { get: () => rows },
    // Node's own guess from the environment given (the pty's TERM, color-depth.ts passes it): a channel is a terminal.
    getColorDepth: { value: (env?: Record<string, string | undefined>) => WriteStream.prototype.getColorDepth.call(output, env ?? {}) },
  });
  const stderr = new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    resize(newColumns, newRows) {
      columns = Math.max(1, newColumns || columns);
      rows = Math.max(1, newRows || rows);
      output.emit('resize');
    },
    destroy() {
      input.end();
      input.destroy();
      output.destroy();
    },
  };
}
