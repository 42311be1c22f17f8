/**
 * The numbers a finished game is judged by, as pure functions of the core's
 * state: time, pieces per second, how many clears of each size, the share
 * of lines cleared by tetrises, and the personal bests a session keeps
 * (which games count is the core's rule: `scoredResult`).
 */
import type { GameState } from '../core/index.js';
import { TICKS_PER_SECOND } from '../core/index.js';

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

/** The personal bests a session keeps: the core's rule (results.ts), one per rule set and mode. */
export { NO_BESTS, updateBests, type PersonalBests } from '../core/index.js';
