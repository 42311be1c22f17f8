/**
 * The process boundary: real stdin/stdout, the disk, exit codes. Everything
 * else in the CLI gets these through `CliDeps`.
 */
import { VERSION } from '../version.js';
import type { CliDeps } from './deps.js';
import { descriptorOutput } from './descriptor-output.js';
import { EXIT, reportError } from './errors.js';
import { holdOldGeneration, holdYoungGeneration, skipOptimizingCompiler } from './heap.js';
import { replayJsonFile } from './lean-start.js';

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
 * or input (one line on stderr, no stack), 1 an internal error. The program
 * (commander and every command) is loaded here, not by the entry: a plain
 * `replay FILE --json` runs its action without it (lean-start.ts).
 */
export async function runCli(argv: readonly string[], deps: CliDeps = processDeps()): Promise<number> {
  let program: typeof import('./program.js') | undefined;
  try {
    const file = replayJsonFile(argv);
    // A bundle of its own in dist/ (scripts/build.mjs): one module to load, not the program's many chunks.
    if (file !== null) return (await import('./lean-replay-json.js')).runReplayJson(file, deps);
    program = await import('./program.js');
    await program.createProgram(deps).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (program && error instanceof program.CommanderError) {
      // Commander has already printed its one line (or the help/version text).
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    return reportError(error, deps.stderr);
  }
}

/** Entry point of the bundled program (bin/inktris.js). */
export async function run(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2));
}
