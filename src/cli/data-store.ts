/**
 * Safe reads and writes of inktris's own files: atomic replacement
 * (temporary file, then rename), a lock for read-modify-write so two games
 * ending together both keep their entries, and corrupt files moved aside,
 * never deleted.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Files larger than this are not read: none of ours gets near it. */
export const MAX_STORE_BYTES = 16 * 1024 * 1024;

/** Replace `path` with `text` atomically, creating its folder. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** What reading a store file found. */
export type StoreRead<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'corrupt'; readonly problem: string; readonly movedTo: string | null };

/**
 * Read and validate a JSON file. A file that is not JSON, too large, or
 * fails `validate` (which returns the value or a problem string) is renamed
 * to `NAME.corrupt-<time>` so nothing is lost, and reported as corrupt.
 */
export async function readStore<T>(path: string, validate: (value: unknown) => T | string, now: Date): Promise<StoreRead<T>> {
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_STORE_BYTES) return moveAside(path, `larger than ${MAX_STORE_BYTES} bytes`, now);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', problem: `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`, movedTo: null };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return moveAside(path, 'not valid JSON', now);
  }
  const checked = validate(value);
  return typeof checked === 'string' ? moveAside(path, checked, now) : { kind: 'ok', value: checked };
}

async function moveAside(path: string, problem: string, now: Date): Promise<StoreRead<never>> {
  const movedTo = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, movedTo);
    return { kind: 'corrupt', problem, movedTo };
  } catch {
    return { kind: 'corrupt', problem, movedTo: null };
  }
}

/** How long a lock may be held before another process may take it over. */
const STALE_LOCK_MS = 10_000;
/** How long to wait for a lock at most. */
const LOCK_WAIT_MS = 5_000;

/**
 * Run `fn` while holding `PATH.lock` (created exclusively), so read-modify-
 * write sequences on `path` from several processes do not lose each other's
 * changes. A lock older than 10 s is taken to be left by a dead process.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`${lock}: another inktris holds this lock`);
      else await sleep(delay);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
