/**
 * The process boundary: real stdin/stdout, the disk, exit codes. Everything
 * else in the CLI gets these through `CliDeps`.
 */
import { CommanderError } from 'commander';
import { randomInt } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VERSION } from '../version.js';
import type { CliDeps } from './deps.js';
import { EXIT, InputError } from './errors.js';
import { createProgram } from './program.js';

/** Write to a temporary file beside the target, then rename: never a half-written file. */
async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** The dependencies of the real program. */
export function processDeps(): CliDeps {
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    version: VERSION,
    readFile: (path) => readFile(path, 'utf8'),
    fileSize: async (path) => (await stat(path)).size,
    writeFile: atomicWrite,
    randomSeed: () => randomInt(0, 2 ** 32),
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
      deps.stderr.write(`inktris: ${error.message}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr.write(`inktris: internal error: ${message}\n`);
    return EXIT.internal;
  }
}

/** Entry point of the bundled program (bin/inktris.js). */
export async function run(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2));
}
