/**
 * The process boundary: real stdin/stdout, the disk, exit codes. Everything
 * else in the CLI gets these through `CliDeps`.
 */
import { CommanderError } from 'commander';
import { open, rename, stat, writeFile } from 'node:fs/promises';
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

/** Files larger than this are never read whole: no input of inktris is near it. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * Read a UTF-8 file, but never more than 16 MiB + 1 byte: a path like
 * /dev/zero reports size 0 and never ends. A longer file fails with EFBIG.
 */
async function boundedRead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(MAX_READ_BYTES + 1, Math.max(64 * 1024, (await handle.stat()).size + 1)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > MAX_READ_BYTES) throw Object.assign(new Error(`${path}: file too large`), { code: 'EFBIG' });
        const bigger = Buffer.alloc(Math.min(MAX_READ_BYTES + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const { bytesRead } = await handle.read(chunk, length, chunk.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return chunk.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/** The dependencies of the real program. */
export function processDeps(): CliDeps {
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    version: VERSION,
    readFile: boundedRead,
    fileSize: async (path) => (await stat(path)).size,
    writeFile: atomicWrite,
    randomSeed: () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
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
