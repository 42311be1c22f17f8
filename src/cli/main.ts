/**
 * The process boundary: real stdin/stdout, the disk, exit codes. Everything
 * else in the CLI gets these through `CliDeps`.
 */
import { CommanderError } from 'commander';
import { VERSION } from '../version.js';
import type { CliDeps } from './deps.js';
import { descriptorOutput } from './descriptor-output.js';
import { EXIT, InputError, printable } from './errors.js';
import { holdOldGeneration, holdYoungGeneration, skipOptimizingCompiler } from './heap.js';
import { createProgram } from './program.js';

/** The dependencies of the real program. */
export function processDeps(): CliDeps {
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
    readFile: async (path) => (await import('./process-io.js')).boundedRead(path),
    fileSize: async (path) => (await import('./process-io.js')).fileSize(path),
    writeFile: async (path, text) => (await import('./process-io.js')).atomicWrite(path, text),
    randomSeed: () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
    holdYoungGeneration,
    holdOldGeneration,
    skipOptimizingCompiler,
  };
}

/**
 * Run the program on `argv` and return its exit code: 0 success, 2 bad usage
 * or input (one line on stderr, no stack), 1 an internal error.
 */
export async function runCli(argv: readonly string[], deps: CliDeps = processDeps()): Promise<number> {
  const program = createProgram(deps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one line (or the help/version text).
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (error instanceof InputError) {
      deps.stderr.write(`inktris: ${printable(error.message)}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr.write(`inktris: internal error: ${printable(message)}\n`);
    return EXIT.internal;
  }
}

/** Entry point of the bundled program (bin/inktris.js). */
export async function run(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2));
}
