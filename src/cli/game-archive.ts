/**
 * The data folder: `scores.json` (the high-score table) and `replays/` (the
 * newest 100 games, plus every replay a high-score entry points to).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mode } from '../core/index.js';
import { readStore, withLock, writeAtomic } from './data-store.js';
import { addEntry, EMPTY_TABLE, validateTable, type ScoreEntry, type ScoreTable } from './high-scores.js';

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

/** The table, or an empty one when there is none; a corrupt file is moved aside with a warning. */
export async function loadScores(ctx: ArchiveContext): Promise<ScoreTable> {
  const path = scoresPath(ctx.dir);
  const read = await readStore(path, validateTable, ctx.now());
  if (read.kind === 'ok') return read.value;
  if (read.kind === 'corrupt') {
    ctx.warn(
      read.movedTo
        ? `${path}: ${read.problem}; kept as ${read.movedTo}, starting a new table`
        : `${path}: ${read.problem}; starting a new table`,
    );
  }
  return EMPTY_TABLE;
}

/**
 * Add a finished game to the table under a lock (so two games ending at the
 * same moment both keep their entries) and return its rank, or null.
 */
export async function addScore(ctx: ArchiveContext, mode: Mode, entry: ScoreEntry): Promise<number | null> {
  const path = scoresPath(ctx.dir);
  return withLock(path, async () => {
    const { table, rank } = addEntry(await loadScores(ctx), mode, entry);
    if (rank !== null) await writeAtomic(path, `${JSON.stringify(table, null, 2)}\n`);
    return rank;
  });
}

/** Replay file names in the data folder, newest first. */
export async function listReplays(dir: string): Promise<string[]> {
  try {
    return (await readdir(replaysDir(dir))).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().reverse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Make the replays folder; returns its path. */
export async function ensureReplaysDir(dir: string): Promise<string> {
  await mkdir(replaysDir(dir), { recursive: true });
  return replaysDir(dir);
}

/** Delete replays beyond the newest 100 that no high-score entry points to. */
export async function pruneReplays(ctx: ArchiveContext): Promise<void> {
  const table = await loadScores(ctx);
  const pinned = new Set([...table.marathon, ...table.sprint].map((e) => e.replay));
  const old = (await listReplays(ctx.dir)).slice(KEPT_REPLAYS).filter((name) => !pinned.has(name));
  await Promise.all(old.map((name) => rm(join(replaysDir(ctx.dir), name), { force: true })));
}

/** The replay file of the best game of `mode`, or of the last game played. */
export async function findReplay(ctx: ArchiveContext, which: 'best' | 'last', mode: Mode = 'marathon'): Promise<string | null> {
  if (which === 'last') {
    const [newest] = await listReplays(ctx.dir);
    return newest ? join(replaysDir(ctx.dir), newest) : null;
  }
  const best = (await loadScores(ctx))[mode][0];
  return best?.replay ? join(replaysDir(ctx.dir), best.replay) : null;
}

/**
 * The best result of each mode in the table, for the end panel: the top
 * marathon score and the fastest sprint time (ticks). Null for a mode with
 * no entry yet.
 */
export async function personalBests(ctx: ArchiveContext): Promise<{ marathon: number | null; sprint: number | null }> {
  const table = await loadScores(ctx);
  return { marathon: table.marathon[0]?.score ?? null, sprint: table.sprint[0]?.time ?? null };
}
