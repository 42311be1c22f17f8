/**
 * A lock between processes for a read-modify-write of one file (the
 * high-score table), safe with a stale lock left by a dead process.
 *
 * The lock is a file created with O_EXCL holding its owner: pid, host,
 * a random token and the time. Only O_EXCL ever creates it, so at most one
 * process holds it. A lock is stale when its owner on this host is dead
 * (kill(pid, 0) says ESRCH), when it is older than 30 s, or when it is no
 * lock of ours at all (a folder, a FIFO, an old empty file). Removing a
 * stale lock, and releasing one's own, happen only while holding a second
 * lock, `LOCK.break`, and only after checking again that the lock is still
 * the same stale one (or still ours): so a process that judged a lock stale
 * a moment ago can never remove the fresh lock another process has just
 * made in its place.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBounded } from './bounded-read.js';
import { closeFile, constants, linkStats, openFile, removeEmptyFolder, removeFile, renamePath, type Stats, writeText } from './disk.js';

/** Who holds a lock: the lock file's content. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** Random, so a process knows its own lock from a later one with the same pid. */
  readonly token: string;
  /** When it was taken, ms since the epoch. */
  readonly time: number;
}

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** How long to wait for a lock another process holds. @default 5000 */
  readonly waitMs?: number;
  /** Age after which a lock whose owner still seems alive is taken over (a reused pid, another host). @default 30000 */
  readonly staleMs?: number;
}

/** The lock stayed held by a live process for the whole wait. */
export class LockBusyError extends Error {
  override readonly name = 'LockBusyError';
  /** Who holds it, for the user's line: `another inktris (pid 123)`. */
  readonly holder: string;
  constructor(
    readonly lock: string,
    /** The holder, when its lock file said. */
    readonly owner: LockOwner | null,
  ) {
    const holder = owner ? `another inktris (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})` : 'another process';
    super(`${lock}: held by ${holder}`);
    this.holder = holder;
  }
}

/** A lock file whose content is not an owner, younger than this, may be one being written: wait. */
const UNREADABLE_STALE_MS = 2_000;

/** What is at a lock's path. */
type Seen =
  | { readonly kind: 'none' }
  | { readonly kind: 'lock'; readonly ino: number; readonly owner: LockOwner }
  | { readonly kind: 'other'; readonly ino: number; readonly folder: boolean; readonly regular: boolean; readonly ageMs: number };

function ownerIn(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    const ok = Number.isSafeInteger(v.pid) && typeof v.host === 'string' && typeof v.token === 'string' && Number.isFinite(v.time);
    return ok ? (v as LockOwner) : null;
  } catch {
    return null;
  }
}

async function inspect(path: string): Promise<Seen> {
  let stats: Stats;
  try {
    stats = await linkStats(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  const other = {
    kind: 'other',
    ino: stats.ino,
    folder: stats.isDirectory(),
    regular: stats.isFile(),
    ageMs: Math.abs(Date.now() - stats.mtimeMs),
  } as const;
  if (!stats.isFile()) return other;
  try {
    const owner = ownerIn(await readBounded(path, { limit: 4096, noFollow: true }));
    return owner ? { kind: 'lock', ino: stats.ino, owner } : other;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return other;
  }
}

/** Whether process `pid` of this host is gone. EPERM means it lives, under another user. */
function dead(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function stale(seen: Seen, staleMs: number): boolean {
  if (seen.kind === 'none') return false;
  if (seen.kind === 'other') return !seen.regular || seen.ageMs > UNREADABLE_STALE_MS;
  const { owner } = seen;
  // A clock set back makes the age negative: its size is what counts.
  return (owner.host === hostname() && dead(owner.pid)) || Math.abs(Date.now() - owner.time) > staleMs;
}

function sameThing(a: Seen, b: Seen): boolean {
  if (a.kind === 'none' || b.kind === 'none') return false;
  if (a.ino !== b.ino || a.kind !== b.kind) return false;
  return a.kind !== 'lock' || b.kind !== 'lock' || a.owner.token === b.owner.token;
}

function newOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), token: randomBytes(16).toString('hex'), time: Date.now() };
}

/** Create `path` holding `owner` if nothing is there (O_EXCL); false if something is. */
async function create(path: string, owner: LockOwner): Promise<boolean> {
  let fd: number;
  try {
    fd = await openFile(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await writeText(fd, JSON.stringify(owner));
  } finally {
    await closeFile(fd);
  }
  return true;
}

/** Remove what is at `path`: a file, or a folder moved aside first (and deleted if empty: a folder is not ours to empty). */
async function remove(path: string, seen: Seen): Promise<void> {
  if (seen.kind === 'other' && seen.folder) {
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    await renamePath(path, aside);
    await removeEmptyFolder(aside).catch(() => undefined);
    return;
  }
  await removeFile(path);
}

/**
 * Run `change` on what is at `lock` while holding `LOCK.break`, and say
 * whether it ran. A break lock whose owner died is removed first: it is held
 * for a few system calls only, so it is stale by age after 30 s too.
 */
async function underBreakLock(lock: string, staleMs: number, change: () => Promise<void>): Promise<boolean> {
  const path = `${lock}.break`;
  const owner = newOwner();
  if (!(await create(path, owner))) {
    const seen = await inspect(path);
    if (stale(seen, staleMs)) await remove(path, seen);
    return false;
  }
  try {
    await change();
    return true;
  } finally {
    await removeFile(path);
  }
}

/**
 * Run `fn` while holding `lock` (see the module), waiting up to `waitMs` with
 * a short backoff for a live holder. Throws LockBusyError when the wait ends,
 * and fs's errors when the lock's folder cannot be written.
 */
export async function withFileLock<T>(lock: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 5_000;
  const staleMs = options.staleMs ?? 30_000;
  const { token } = newOwner();
  // The time in the lock is when it was taken, not when the wait began.
  let owner: LockOwner = { ...newOwner(), token };
  const deadline = Date.now() + waitMs;
  for (let delay = 2; !(await create(lock, owner)); delay = Math.min(delay * 2, 50), owner = { ...newOwner(), token }) {
    const seen = await inspect(lock);
    if (seen.kind === 'none') continue;
    if (stale(seen, staleMs)) {
      let removed = false;
      await underBreakLock(lock, staleMs, async () => {
        const again = await inspect(lock);
        removed = sameThing(again, seen) && stale(again, staleMs);
        if (removed) await remove(lock, again);
      });
      if (removed) continue;
    }
    if (Date.now() > deadline) throw new LockBusyError(lock, seen.kind === 'lock' ? seen.owner : null);
    // A random share of the delay, so processes that collided do not collide again in step.
    await sleep(delay / 2 + Math.random() * delay);
  }
  const heldSince = performance.now();
  try {
    return await fn();
  } finally {
    await release(lock, owner, staleMs, heldSince);
  }
}

/** Remove `lock` if it is still ours; one taken over meanwhile is left to its new owner. */
async function release(lock: string, owner: LockOwner, staleMs: number, heldSince: number): Promise<void> {
  const mine = async () => {
    const seen = await inspect(lock);
    if (seen.kind === 'lock' && seen.owner.token === owner.token) await removeFile(lock);
  };
  // A lock held for well under `staleMs` by a live process cannot have been
  // taken over (the usual case: a table's update takes milliseconds), so the
  // break lock is needed only for one held long, by either clock.
  const young = (clock: number, since: number) => clock - since < staleMs / 2;
  if (young(performance.now(), heldSince) && young(Date.now(), owner.time)) {
    await mine();
    return;
  }
  for (let tries = 0; tries < 50; tries++) {
    if (await underBreakLock(lock, staleMs, mine)) return;
    await sleep(2 + Math.random() * 4);
  }
  // The break lock stayed busy (a process stopped while holding it): ours is still ours to remove.
  await mine();
}
