/**
 * The data folder: `scores.json` (the high-score table) and `replays/` (the
 * newest 100 games, plus every replay a kept high-score table points to).
 */
import { join } from 'node:path';
import type { PersonalBests, TableKey } from '../core/index.js';
import { readBounded } from './bounded-read.js';
import { listFolder, makeFolders, readdirSync, removeFile } from './disk.js';
import { ASIDE_SUFFIXES, LOCK_WAIT_MS, readStore, withLock, writeAtomic } from './data-store.js';
import { InputError } from './errors.js';
import { LockBusyError } from './file-lock.js';
import { addEntry, EMPTY_TABLE, tableBests, validateTable, type ScoreEntry, type ScoreTable } from './high-scores.js';

/** Replays kept in the data folder besides those the table points to. */
export const KEPT_REPLAYS = 100;

/** Where the archive lives and how it reports. */
export interface ArchiveContext {
  /** The data folder. */
  readonly dir: string;
  readonly now: () => Date;
  /** Prints one warning line (a corrupt file moved aside). */
  readonly warn: (line: string) => void;
}

export const scoresPath = (dir: string): string => join(dir, 'scores.json');
export const replaysDir = (dir: string): string => join(dir, 'replays');

/** A sortable, unique-enough file name for a new game's replay. */
export function replayFileName(date: Date, seed: number): string {
  return `${date.toISOString().replace(/[:.]/g, '-')}-seed${seed}.json`;
}

/** The names `replayFileName` makes: the only files in `replays/` the archive orders, counts and prunes. */
const ARCHIVE_NAME = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-seed\d{1,10}\.json$/;

/** The time in an archive name, or null for another name. */
function nameTime(name: string): number | null {
  const stamp = ARCHIVE_NAME.exec(name)?.[1];
  if (!stamp) return null;
  const time = Date.parse(`${stamp.slice(0, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`);
  return Number.isNaN(time) ? null : time;
}

/**
 * The file name for a game starting at `date`: `replayFileName`, with a
 * time made monotonic, so that the names sort in the order the games were
 * played even when the clock was set back, or a later-named replay is there:
 * then the name takes the newest name's time plus 1 ms. `--last` and the
 * pruning go by this order, and so never take a new game for an old one.
 */
export function archiveReplayName(dir: string, date: Date, seed: number): string {
  let newest = Number.NEGATIVE_INFINITY;
  try {
    for (const name of readdirSync(replaysDir(dir))) newest = Math.max(newest, nameTime(name) ?? newest);
  } catch {
    // No folder yet: no game to come after.
  }
  return replayFileName(date.getTime() > newest ? date : new Date(newest + 1), seed);
}

/** The table as read, and whether it may be written. */
interface ScoresRead {
  readonly table: ScoreTable;
  /** Why the file on disk must be left alone (it could not be read, nor moved aside), or null. */
  readonly blocked: string | null;
}

/** The table; `locked` says whether the caller holds the table's lock, without which nothing is moved. */
async function readScores(ctx: ArchiveContext, locked: boolean): Promise<ScoresRead> {
  const path = scoresPath(ctx.dir);
  const read = await readStore(path, validateTable, ctx.now(), locked);
  if (read.kind === 'ok') return { table: read.value, blocked: null };
  if (read.kind === 'missing') return { table: EMPTY_TABLE, blocked: null };
  if (!locked) {
    // Moved aside only under the lock: else a good table another game has
    // just written in the bad one's place could be the one moved.
    try {
      return await withLock(path, () => readScores(ctx, true));
    } catch {
      // A read-only folder, or a lock held through the wait: the file stays where it is.
    }
  }
  if (read.movedTo) {
    ctx.warn(`${path}: ${read.problem}; kept as ${read.movedTo}, starting a new table`);
    return { table: EMPTY_TABLE, blocked: null };
  }
  const blocked = `${path}: ${read.problem}, and it cannot be moved aside; it is left as it is and no score is saved until it is fixed`;
  ctx.warn(blocked);
  return { table: EMPTY_TABLE, blocked };
}

/** The table, or an empty one when there is none; a file that cannot be used is moved aside (or left alone) with a warning. */
export async function loadScores(ctx: ArchiveContext): Promise<ScoreTable> {
  return (await readScores(ctx, false)).table;
}

/**
 * Add a finished game to the table under a lock (so two games ending at the
 * same moment both keep their entries) and return its rank, or null. A table
 * that could not be read is never written over, and a lock another live
 * inktris holds through the wait leaves the table as it is: either way one
 * warning says the score was not saved, and why.
 */
export async function addScore(ctx: ArchiveContext, mode: TableKey, entry: ScoreEntry): Promise<number | null> {
  const path = scoresPath(ctx.dir);
  try {
    return await withLock(path, async () => {
      const read = await readScores(ctx, true);
      if (read.blocked) return null;
      const { table, rank } = addEntry(read.table, mode, entry);
      if (rank !== null) await writeAtomic(path, `${JSON.stringify(table, null, 2)}\n`);
      return rank;
    });
  } catch (error) {
    if (error instanceof LockBusyError) {
      ctx.warn(`${path}: ${error.holder} kept the high-score table locked for ${LOCK_WAIT_MS / 1000} s; this game's score is not saved`);
      return null;
    }
    // The safe writer's refusal (a read-only table, a link another user made) is the player's to undo: it says what it is.
    if (error instanceof InputError) {
      ctx.warn(`${error.message}; this game's score is not saved`);
      return null;
    }
    throw error;
  }
}

/** Archive replay file names in the data folder, newest game first (see `archiveReplayName`); other files are not the archive's. */
export async function listReplays(dir: string): Promise<string[]> {
  try {
    return (await listFolder(replaysDir(dir)))
      .filter((n) => ARCHIVE_NAME.test(n))
      .sort()
      .reverse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Make the replays folder; returns its path. */
export async function ensureReplaysDir(dir: string): Promise<string> {
  await makeFolders(replaysDir(dir));
  return replaysDir(dir);
}

/** A `"replay": "NAME"` field, found in any table's text, even one cut short or not valid JSON. */
const REPLAY_FIELD = /"replay"\s*:\s*"([\w.-]{1,100})"/g;

/**
 * Every replay name a kept table points to: scores.json and each table moved
 * aside beside it. Null when one of them cannot be read: then what it points
 * to is unknown, and nothing may be deleted.
 */
async function pinnedReplays(dir: string): Promise<Set<string> | null> {
  const tables = (await listFolder(dir)).filter((n) => n === 'scores.json' || ASIDE_SUFFIXES.some((s) => n.startsWith(`scores.json${s}`)));
  const pinned = new Set<string>();
  for (const name of tables) {
    let text: string;
    try {
      text = await readBounded(join(dir, name));
    } catch (error) {
      // Gone, or a folder or FIFO that no table was ever written as: it points to nothing.
      if (['ENOENT', 'EISDIR', 'ENOTREG'].includes((error as NodeJS.ErrnoException).code ?? '')) continue;
      return null;
    }
    for (const match of text.matchAll(REPLAY_FIELD)) pinned.add(match[1]!);
  }
  return pinned;
}

/**
 * Delete archive replays beyond the newest 100 that no kept table points to
 * (scores.json, or one moved aside). Files the archive did not name are never
 * deleted, nor is anything while a table cannot be read.
 */
export async function pruneReplays(ctx: ArchiveContext): Promise<void> {
  const old = (await listReplays(ctx.dir)).slice(KEPT_REPLAYS);
  if (old.length === 0) return;
  const pinned = await pinnedReplays(ctx.dir);
  if (!pinned) return;
  await Promise.all(old.filter((name) => !pinned.has(name)).map((name) => removeFile(join(replaysDir(ctx.dir), name))));
}

/** The replay file of the best game of table `mode`, or of the last game played. */
export async function findReplay(ctx: ArchiveContext, which: 'best' | 'last', mode: TableKey = 'marathon'): Promise<string | null> {
  if (which === 'last') {
    const [newest] = await listReplays(ctx.dir);
    return newest ? join(replaysDir(ctx.dir), newest) : null;
  }
  const best = (await loadScores(ctx))[mode]?.[0];
  return best?.replay ? join(replaysDir(ctx.dir), best.replay) : null;
}

/**
 * The best result of each table, for the end panel: the top score
 * (marathon, ultra) or the fastest time in ticks (sprint, dig). Null for a
 * table with no entry yet.
 */
export async function personalBests(ctx: ArchiveContext): Promise<PersonalBests> {
  return tableBests(await loadScores(ctx));
}
