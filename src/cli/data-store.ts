/**
 * Safe reads and writes of inktris's own files: atomic replacement
 * (safe-write.ts), a lock for read-modify-write so two games ending together
 * both keep their entries (file-lock.ts), and a file that cannot be used
 * moved aside, never deleted and never written over.
 */
import { dirname } from 'node:path';
import { readBounded } from './bounded-read.js';
import { linkStats, makeFolders, renamePath } from './disk.js';
import { withFileLock } from './file-lock.js';
import { writeFileSafely } from './safe-write.js';

/** Replace `path` with `text` atomically (safe-write.ts), creating its folder. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await makeFolders(dirname(path));
  writeFileSafely(path, text);
}

/** What reading a store file found. */
export type StoreRead<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly value: T }
  /**
   * The file is not a usable one. `movedTo` is where it is kept now, or null
   * when it could not be moved: then it is still at its path, and must not
   * be written over.
   */
  | { readonly kind: 'corrupt'; readonly problem: string; readonly movedTo: string | null };

/** Plain words for a read that failed. */
function readProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EISDIR':
    case 'ENOTREG':
    case 'EFBIG':
      return error.message;
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it (permission denied)';
    default:
      return `cannot read it (${error.code ?? 'error'})`;
  }
}

/**
 * Read and validate a JSON file. A file that is not JSON or fails `validate`
 * (which returns the value or a problem string) is renamed to
 * `NAME.corrupt-<time>`; one that cannot be read at all (permissions, a
 * folder, a FIFO, too large) to `NAME.unreadable-<time>`. Either way nothing
 * is lost, and it is reported as corrupt. With `move` false it is only
 * reported (`movedTo` null): the caller moves it while holding the lock.
 */
export async function readStore<T>(path: string, validate: (value: unknown) => T | string, now: Date, move = true): Promise<StoreRead<T>> {
  const aside = (why: 'corrupt' | 'unreadable', problem: string): Promise<StoreRead<T>> | StoreRead<T> =>
    move ? moveAside(path, why, problem, now) : { kind: 'corrupt', problem, movedTo: null };
  let text: string;
  try {
    // The bounded reader's limit, the replay's (core/limits.ts): none of our stores gets near it.
    text = await readBounded(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return aside('unreadable', readProblem(error as NodeJS.ErrnoException));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return aside('corrupt', 'not valid JSON');
  }
  const checked = validate(value);
  return typeof checked === 'string' ? aside('corrupt', checked) : { kind: 'ok', value: checked };
}

/** The suffixes of files moved aside: what to look for to keep them in mind (their replays are kept too). */
export const ASIDE_SUFFIXES = ['.corrupt-', '.unreadable-'] as const;

/** Names tried for the file moved aside before giving up. */
const ASIDE_ATTEMPTS = 20;

async function moveAside<T>(path: string, why: 'corrupt' | 'unreadable', problem: string, now: Date): Promise<StoreRead<T>> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let attempt = 1; attempt <= ASIDE_ATTEMPTS; attempt++) {
    const movedTo = `${path}.${why}-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
    // rename() replaces what is there: a name already taken (two moved aside
    // in one millisecond, or a clock set back) must be skipped, never reused.
    const taken = await linkStats(movedTo).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    try {
      await renamePath(path, movedTo);
      return { kind: 'corrupt', problem, movedTo };
    } catch (error) {
      // Another process moved it first: there is nothing left to read.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'corrupt', problem, movedTo: null };
    }
  }
  return { kind: 'corrupt', problem, movedTo: null };
}

/** How long a game's end waits for a lock another live inktris holds: a table's update takes milliseconds. */
export const LOCK_WAIT_MS = 5_000;

/**
 * Run `fn` while holding `PATH.lock` (file-lock.ts), so read-modify-write
 * sequences on `path` from several processes do not lose each other's
 * changes. Throws LockBusyError when a live process holds it through LOCK_WAIT_MS.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  await makeFolders(dirname(path));
  return withFileLock(`${path}.lock`, fn, { waitMs: LOCK_WAIT_MS });
}
