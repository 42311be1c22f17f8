/**
 * Which games count: the one rule behind the high-score table and the
 * personal best. Only a finished game counts (a top out, a sprint's 40
 * lines); a game quit or restarted mid-way does not, and neither does a
 * practice game (one started with a fixed queue, CLI.md version 2), which is
 * recorded but never scored. Marathon counts by score, sprint by time.
 */
import type { GameSettings, GameState, Mode } from './game.js';
import { SPRINT_LINES } from './rules.js';

/**
 * Why a game does not count, in the order they are told: a practice game
 * never could; an unfinished one was left before its end; a sprint that
 * topped out before its lines, or a marathon without a point, has no result.
 */
export type Exclusion = 'practice' | 'unfinished' | 'toppedOut' | 'noPoints';

/** Whether a game counts, and its result (points, or a sprint's ticks) when it does. */
export type Standing = { readonly kind: 'scored'; readonly result: number } | { readonly kind: 'excluded'; readonly why: Exclusion };

/** Whether games with these settings are practice: a fixed queue deals pieces the seed does not, so no two results compare. */
export function isPractice(settings: Pick<Required<GameSettings>, 'queue'>): boolean {
  return settings.queue !== '';
}

/** Whether `state` counts for the high-score table and the personal best, and with what result. */
export function standing(state: GameState): Standing {
  if (isPractice(state.settings)) return { kind: 'excluded', why: 'practice' };
  if (state.status !== 'over') return { kind: 'excluded', why: 'unfinished' };
  if (state.settings.mode === 'sprint') {
    return state.topOut === null && state.lines >= SPRINT_LINES
      ? { kind: 'scored', result: state.time }
      : { kind: 'excluded', why: 'toppedOut' };
  }
  return state.score > 0 ? { kind: 'scored', result: state.score } : { kind: 'excluded', why: 'noPoints' };
}

/** The result `state` enters the table with (marathon points, sprint ticks), or null when it does not count. */
export function scoredResult(state: GameState): number | null {
  const s = standing(state);
  return s.kind === 'scored' ? s.result : null;
}

/** Whether `result` beats `best` in `mode`: more points, or less time. A tie keeps the older best. */
export function beats(mode: Mode, result: number, best: number | null): boolean {
  if (best === null) return true;
  return mode === 'sprint' ? result < best : result > best;
}
