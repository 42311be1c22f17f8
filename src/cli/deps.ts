/**
 * Everything a command touches outside itself, so that tests run the program
 * in-process with captured output and an in-memory disk (commander's own
 * tests work the same way).
 *
 * The rule: what a test must be able to replace comes through here, and
 * only main.ts fills it from `process`: the output, the terminal a screen
 * runs on, the environment, the clock, the random seed, the process's
 * signals (and dying of one), and the files named on the command line. The
 * files inktris keeps itself (config.json, the data folder, locks) are on
 * the real disk, which tests point at a temporary folder through the
 * environment; every disk call goes through disk.ts.
 */
import type { ProcessSignals } from './signals.js';

/** Where a command writes text. */
export interface Output {
  write(text: string): void;
}

/**
 * A file's text: whole, or in pieces made while the file is written, so
 * that a long recording (a cast, a bot's replay) is never one string. An
 * async iterable's pieces may wait for the event loop between them (a long
 * export gives it turns: actions/export.ts).
 */
export type FileText = string | Iterable<string> | AsyncIterable<string>;

/** The streams a screen runs on. */
export interface TerminalStreams {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** The world a command sees. `main.ts` fills it from `process`; tests fill it by hand. */
export interface CliDeps {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Environment variables (NO_COLOR, XDG_*). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdin and stdout are a terminal (play and watch need one). */
  readonly isTTY: boolean;
  /** The terminal for `play`, watching and `demo`; asked for only then, since touching stdin sets its stream up. */
  terminal(): TerminalStreams;
  /** The wall clock: the date of a game and its files, a table moved aside, a cast's timestamp. */
  now(): Date;
  /** The process's signals, and dying of one (signals.ts). */
  readonly signals: ProcessSignals;
  /** The program's version. */
  readonly version: string;
  /** Reads a UTF-8 text file; throws NodeJS.ErrnoException like fs does. */
  readFile(path: string): Promise<string>;
  /** Size of a file in bytes, to refuse huge inputs before reading them. */
  fileSize(path: string): Promise<number>;
  /** Writes a text file atomically (temporary file, then rename); pieces are written as they come. */
  writeFile(path: string, text: FileText): Promise<void>;
  /** A random unsigned 32-bit seed, for games started without `--seed`. */
  randomSeed(): number;
  /** Called by the long-running commands: keep V8's young generation from growing (heap.ts). */
  holdYoungGeneration(): void;
  /** Called by `replay --json` for a replay of up to QUICK_FOLD_BYTES: no TurboFan for the rest of the process (heap.ts). */
  skipOptimizingCompiler(): void;
  /** Called by `serve`: keep V8's old generation close to what it holds, the young one free to grow (heap.ts). */
  holdOldGeneration(): void;
}
