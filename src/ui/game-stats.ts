/**
 * The numbers a finished game is judged by, as pure functions of the core's
 * state: time, pieces per second, how many clears of each size, the share
 * of lines cleared by tetrises, and whether the result beats a personal best
 * (marathon by score, sprint by time, the high-score table's order).
 */
import { SPRINT_LINES, type GameState, type Mode } from '../core/index.js';
import { TICKS_PER_SECOND } from './timing.js';

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

/**
 * A finished game's result in its mode's units, or null when it does not
 * count: a sprint counts only when it reached its 40 lines, a marathon only
 * with points (the high-score table's rule).
 */
export function bestResult(state: GameState): number | null {
  if (state.status !== 'over') return null;
  if (state.settings.mode === 'sprint') return state.topOut === null && state.lines >= SPRINT_LINES ? state.time : null;
  return state.score > 0 ? state.score : null;
}

/** Whether `result` beats `best` in `mode`: more points, or less time. A tie keeps the older best. */
export function beats(mode: Mode, result: number, best: number | null): boolean {
  if (best === null) return true;
  return mode === 'sprint' ? result < best : result > best;
}

/** The bests after a game has ended: unchanged unless the game counts and beats its mode's best. */
export function updateBests(bests: PersonalBests, state: GameState): PersonalBests {
  const result = bestResult(state);
  const mode = state.settings.mode;
  if (result === null || !beats(mode, result, bests[mode])) return bests;
  return { ...bests, [mode]: result };
}
