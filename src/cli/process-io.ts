/**
 * The real disk behind `CliDeps` (main.ts), in a module of its own that
 * main.ts loads on first use: `node:fs/promises` costs startup time that
 * `--version` and `--help` need not pay.
 */
import { open, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Write to a temporary file beside the target, then rename: never a half-written file. */
export async function atomicWrite(path: string, text: string): Promise<void> {
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
export async function boundedRead(path: string): Promise<string> {
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

/** Size of a file in bytes. */
export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
