/**
 * The real disk behind `CliDeps` (main.ts), in a module of its own that
 * main.ts loads on first use. It calls `node:fs` with callbacks rather than
 * `node:fs/promises`, which loads streams and readline with it (about 4 ms
 * of `replay --json`).
 */
import { close, closeSync, fstat, open, openSync, read, rename, rmSync, stat, writeFile, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileText } from './deps.js';

/** A callback-style fs call as a promise. */
function call<T>(start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}

/** Characters gathered before each write of a text given in pieces: few writes, little memory. */
const CHUNK_CHARS = 64 * 1024;

/** Write the pieces to a new file as they come, a chunk at a time: the whole text is never in memory. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  const flush = (text: string) => {
    // The string itself, not a Buffer made of it: a Buffer per chunk was
    // native memory that outlived its chunk (issue 15: 50 MB of a long export).
    const written = writeSync(fd, text);
    if (written === Buffer.byteLength(text)) return;
    const rest = Buffer.from(text).subarray(written);
    for (let done = 0; done < rest.length; ) done += writeSync(fd, rest, done, rest.length - done);
  };
  try {
    let pending = '';
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= CHUNK_CHARS) {
        flush(pending);
        pending = '';
      }
    }
    flush(pending);
  } finally {
    closeSync(fd);
  }
}

/** Write to a temporary file beside the target, then rename: never a half-written file. */
export async function atomicWrite(path: string, text: FileText): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (typeof text === 'string') await call<void>((done) => writeFile(tmp, text, 'utf8', (error) => done(error, undefined)));
    else writePieces(tmp, text);
  } catch (error) {
    // A full disk, or the pieces' maker failed: no half-written temporary file stays behind.
    rmSync(tmp, { force: true });
    throw error;
  }
  await call<void>((done) => rename(tmp, path, (error) => done(error, undefined)));
}

/** Files larger than this are never read whole: no input of inktris is near it. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * Read a UTF-8 file, but never more than 16 MiB + 1 byte: a path like
 * /dev/zero reports size 0 and never ends. A longer file fails with EFBIG.
 */
export async function boundedRead(path: string): Promise<string> {
  const fd = await call<number>((done) => open(path, 'r', done));
  try {
    const size = (await call<{ size: number }>((done) => fstat(fd, done))).size;
    let chunk = Buffer.alloc(Math.min(MAX_READ_BYTES + 1, Math.max(64 * 1024, size + 1)));
    let length = 0;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > MAX_READ_BYTES) throw Object.assign(new Error(`${path}: file too large`), { code: 'EFBIG' });
        const bigger = Buffer.alloc(Math.min(MAX_READ_BYTES + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const into = chunk;
      const bytesRead = await call<number>((done) => read(fd, into, length, into.length - length, null, done));
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return chunk.toString('utf8', 0, length);
  } finally {
    await call<void>((done) => close(fd, (error) => done(error, undefined)));
  }
}

/** Size of a file in bytes. */
export async function fileSize(path: string): Promise<number> {
  return (await call<{ size: number }>((done) => stat(path, done))).size;
}
