/**
 * What a game comes to: its statistics, and which games count, the one rule
 * behind the high-score table, the personal best and NEW PERSONAL BEST.
 * Only a finished game counts (a top out, a sprint's 40 lines); a game quit
 * or restarted mid-way does not, and neither does a practice game (one
 * started with a fixed queue, CLI.md version 2), which is recorded but never
 * scored. Marathon ranks by score, sprint by time; a tie keeps the older.
 */
import type { GameSettings, GameState, Mode } from './game.js';
import { SPRINT_LINES } from './rules.js';
import { TICKS_PER_SECOND } from './time.js';

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

/** The numbers of a game that its mode ranks by. */
export interface Ranked {
  /** Points. */
  readonly score: number;
  /** Ticks of play, paused ticks not counted. */
  readonly time: number;
}

/** The number `mode` ranks a game (or a table entry) by: marathon points, sprint ticks. */
export function rankedResult(mode: Mode, game: Ranked): number {
  return mode === 'sprint' ? game.time : game.score;
}

/** Whether `state` counts for the high-score table and the personal best, and with what result. */
export function standing(state: GameState): Standing {
  if (isPractice(state.settings)) return { kind: 'excluded', why: 'practice' };
  if (state.status !== 'over') return { kind: 'excluded', why: 'unfinished' };
  if (state.settings.mode === 'sprint') {
    return state.topOut === null && state.lines >= SPRINT_LINES
      ? { kind: 'scored', result: rankedResult('sprint', state) }
      : { kind: 'excluded', why: 'toppedOut' };
  }
  return state.score > 0 ? { kind: 'scored', result: rankedResult('marathon', state) } : { kind: 'excluded', why: 'noPoints' };
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

/** Whether `state` is a game that counts and beats `best`, its mode's best before it: NEW PERSONAL BEST. */
export function isNewBest(state: GameState, best: number | null): boolean {
  const result = scoredResult(state);
  return result !== null && beats(state.settings.mode, result, best);
}

/**
 * The best result so far of each mode, as the high-score table ranks them:
 * the highest marathon score, the fastest finished sprint in ticks. Null
 * where no game of that mode has counted yet.
 */
export interface PersonalBests {
  readonly marathon: number | null;
  readonly sprint: number | null;
}

/** No games yet. */
export const NO_BESTS: PersonalBests = Object.freeze({ marathon: null, sprint: null });

/** The bests after a game has ended: unchanged unless the game counts (finished, not practice) and beats its mode's best. */
export function updateBests(bests: PersonalBests, state: GameState): PersonalBests {
  const mode = state.settings.mode;
  if (!isNewBest(state, bests[mode])) return bests;
  return { ...bests, [mode]: scoredResult(state) };
}

/** The statistics of a game. */
export interface GameStats {
  /** Ticks of play, paused ticks not counted. */
  readonly time: number;
  /** Pieces locked. */
  readonly pieces: number;
  /** Pieces locked per second of play; 0 before any time has passed. */
  readonly piecesPerSecond: number;
  readonly lines: number;
  /** Clears of one, two, three and four rows at once. */
  readonly singles: number;
  readonly doubles: number;
  readonly triples: number;
  readonly tetrises: number;
  /** Share of the lines cleared that were cleared by tetrises, 0-1; null before the first line. */
  readonly tetrisRate: number | null;
}

/** The statistics of `state` (the core counts clears in `state.clears`). */
export function gameStats(state: GameState): GameStats {
  const [singles, doubles, triples, tetrises] = state.clears;
  return {
    time: state.time,
    pieces: state.pieces,
    piecesPerSecond: state.time > 0 ? (state.pieces * TICKS_PER_SECOND) / state.time : 0,
    lines: state.lines,
    singles,
    doubles,
    triples,
    tetrises,
    tetrisRate: state.lines > 0 ? (4 * tetrises) / state.lines : null,
  };
}
