/**
 * The last place a replay goes when its files could not be written (a full
 * disk, a read-only data folder): a new file in the current folder, never
 * replacing one that is there, complete or absent (the one safe writer,
 * safe-write.ts `writeNewFileSafely`).
 */
import { join } from 'node:path';
import { writeNewFileSafely } from './safe-write.js';

/** The file name of a rescued replay: `inktris-replay-<date>-seed<seed>.json`, `-2`, `-3`... after it if taken. */
export function rescueFileName(date: Date, seed: number, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `inktris-replay-${date.toISOString().replace(/[:.]/g, '-')}-seed${seed}${suffix}.json`;
}

/** Names tried before giving up: a folder holding that many rescues of the same millisecond is not a folder to write in. */
const MAX_ATTEMPTS = 100;

/**
 * Write `text` into a new file in `dir` and return its path. Throws the
 * file system's error (EROFS, ENOSPC, EACCES, ENOTDIR...) when it cannot.
 */
export async function rescueReplay(dir: string, date: Date, seed: number, text: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const path = join(dir, rescueFileName(date, seed, attempt));
    try {
      writeNewFileSafely(path, text);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === MAX_ATTEMPTS) throw error;
    }
  }
}
