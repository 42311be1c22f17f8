/**
 * The progress curve of a table's best game, from its kept replay, for the
 * pace in the sidebar (sprint, ultra, dig): the one place `play` and the
 * front door find it.
 */
import {
  isPractice,
  paceCurve,
  TABLE_KEYS,
  tableKey,
  tableOf,
  type GameSettings,
  type PaceCurve,
  type PersonalBests,
  type TableKey,
} from '../core/index.js';
import type { CliDeps } from './deps.js';
import { findReplay, type ArchiveContext } from './game-archive.js';
import { loadPackedReplay } from './replay-file.js';

/** Whether games of these settings are paced: not marathon, not practice. */
function paced(settings: Pick<Required<GameSettings>, 'mode' | 'queue'>): boolean {
  return settings.mode !== 'marathon' && !isPractice(settings);
}

/** The curve of the best game of `key`'s table; null without a best or its file, or when the file cannot be read. */
export async function bestPace(ctx: ArchiveContext, key: TableKey, deps: CliDeps): Promise<PaceCurve | null> {
  try {
    const path = await findReplay(ctx, 'best', key);
    return path ? paceCurve(await loadPackedReplay(path, deps)) : null;
  } catch {
    return null;
  }
}

/** The curve for a game of `settings` (null in marathon and for a practice game). */
export function paceFor(ctx: ArchiveContext, settings: Required<GameSettings>, deps: CliDeps): Promise<PaceCurve | null> {
  return paced(settings) ? bestPace(ctx, tableKey(settings), deps) : Promise.resolve(null);
}

/** The curves of every paced table with a best, for the front door's games. */
export async function bestPaces(
  ctx: ArchiveContext,
  bests: PersonalBests | null,
  deps: CliDeps,
): Promise<Partial<Record<TableKey, PaceCurve>>> {
  const out: Partial<Record<TableKey, PaceCurve>> = {};
  for (const key of TABLE_KEYS) {
    const { mode } = tableOf(key);
    // Marathon has no pace; ultra, by score, and the timed modes do.
    if (mode === 'marathon' || (bests?.[key] ?? null) === null) continue;
    const curve = await bestPace(ctx, key, deps);
    if (curve) out[key] = curve;
  }
  return out;
}
