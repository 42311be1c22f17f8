/**
 * The process's own `CliDeps`: real stdin/stdout, the disk, the clock. A
 * module of its own, so that the lean `replay FILE --json` bundle
 * (lean-replay-json.ts) has them without the program.
 */
import { VERSION } from '../version.js';
import type { CliDeps } from './deps.js';
import { descriptorOutput } from './descriptor-output.js';
import { holdOldGeneration, holdYoungGeneration, skipOptimizingCompiler } from './heap.js';

/** Options of `processDeps`. */
export interface ProcessDepsOptions {
  /**
   * Read files with the disk's blocking calls (BoundedReadOptions.blocking):
   * for the lean `replay FILE --json`, which reads one file and then folds
   * it. Never for the program, whose server and screens share their event
   * loop. @default false
   */
  readonly blockingReads?: boolean;
}

/** The dependencies of the real program. */
export function processDeps(options: ProcessDepsOptions = {}): CliDeps {
  const blocking = options.blockingReads ?? false;
  return {
    // Straight to the descriptor, process.stdout only if it refuses (descriptor-output.ts). Not on Windows,
    // where a console wants the stream's own writing.
    stdout:
      process.platform === 'win32'
        ? { write: (text) => void process.stdout.write(text) }
        : descriptorOutput(
            1,
            () => process.stdout,
            (fd, bytes, offset) => process.getBuiltinModule('node:fs').writeSync(fd, bytes, offset),
          ),
    stderr: { write: (text) => void process.stderr.write(text) },
    env: process.env,
    // A getter: touching process.stdin sets up its stream, which `--version` need not pay for.
    get isTTY() {
      return Boolean(process.stdin.isTTY && process.stdout.isTTY);
    },
    terminal: () => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
    now: () => new Date(),
    signals: process,
    version: VERSION,
    // The disk is loaded when first used: `--version` and `--help` never touch it.
    readFile: async (path) => (await import('./process-io.js')).boundedRead(path, blocking),
    fileSize: async (path) => (await import('./process-io.js')).fileSize(path, blocking),
    writeFile: async (path, text) => (await import('./process-io.js')).atomicWrite(path, text),
    randomSeed: () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
    holdYoungGeneration,
    holdOldGeneration,
    skipOptimizingCompiler,
  };
}
