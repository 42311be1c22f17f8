/**
 * The last place a replay goes when its files could not be written (a full
 * disk, a read-only data folder): a new file in the current folder, never
 * replacing one that is there, and complete or absent (temporary file, then
 * a hard link under the final name, which fails rather than overwrite).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file name of a rescued replay: `inktris-replay-<date>-seed<seed>.json`, `-2`, `-3`... after it if taken. */
export function rescueFileName(date: Date, seed: number, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `inktris-replay-${date.toISOString().replace(/[:.]/g, '-')}-seed${seed}${suffix}.json`;
}

/** Names tried before giving up: a folder holding that many rescues of the same millisecond is not a folder to write in. */
const MAX_ATTEMPTS = 100;

/** Codes of a file system that has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Give the complete file `tmp` the name `path`, failing with EEXIST rather than replace a file there. */
async function place(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    // A copy that still refuses to replace a file, though not atomic.
    await copyFile(tmp, path, constants.COPYFILE_EXCL);
  }
}

/**
 * Write `text` into a new file in `dir` and return its path. Throws the
 * file system's error (EROFS, ENOSPC, EACCES, ENOTDIR...) when it cannot.
 */
export async function rescueReplay(dir: string, date: Date, seed: number, text: string): Promise<string> {
  const tmp = join(dir, `.${rescueFileName(date, seed)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    for (let attempt = 1; ; attempt++) {
      const path = join(dir, rescueFileName(date, seed, attempt));
      try {
        await place(tmp, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
