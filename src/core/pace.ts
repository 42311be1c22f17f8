/**
 * Pace against a best game: the kept replay of that game folded once into
 * a progress curve (what it had after each lock, and when), so a game in
 * play can be compared with it at any moment: in sprint the time it took to
 * these lines, in ultra the score it had by now, in dig the time it took to
 * these garbage rows.
 */
import type { GameState, Mode } from './game.js';
import type { AnyReplay } from './replay.js';
import { indexReplay } from './replay-cursor.js';

/** What a game had after each of its locks, in order. */
export interface PaceCurve {
  readonly mode: Mode;
  /** Ticks of play (`time`) at each lock, ascending. */
  readonly times: readonly number[];
  /** Lines, score and garbage rows removed right after each lock. */
  readonly lines: readonly number[];
  readonly scores: readonly number[];
  readonly garbage: readonly number[];
}

/** The progress curve of a replay: one fold, a position kept after every lock. */
export function paceCurve(replay: AnyReplay): PaceCurve {
  const index = indexReplay(replay, 1);
  const locks = index.checkpoints.slice(1).map((p) => p.state);
  return {
    mode: index.final.state.settings.mode,
    times: locks.map((s) => s.time),
    lines: locks.map((s) => s.lines),
    scores: locks.map((s) => s.score),
    garbage: locks.map((s) => s.garbage.cleared),
  };
}

/** The first lock at which `counts` reached `n`, or -1. */
function firstReaching(counts: readonly number[], n: number): number {
  let lo = 0;
  let hi = counts.length;
  // Counts never go down: the first index with counts[i] >= n by halving.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid]! >= n) hi = mid;
    else lo = mid + 1;
  }
  return lo < counts.length ? lo : -1;
}

/** Ticks of play the curve's game took to `lines` lines; null if it never had them. */
export function timeAtLines(curve: PaceCurve, lines: number): number | null {
  const i = firstReaching(curve.lines, lines);
  return i < 0 ? null : curve.times[i]!;
}

/** Ticks of play the curve's game took to remove `rows` garbage rows; null if it never did. */
export function timeAtGarbage(curve: PaceCurve, rows: number): number | null {
  const i = firstReaching(curve.garbage, rows);
  return i < 0 ? null : curve.times[i]!;
}

/** The curve's game's score after `time` ticks of play (its last lock by then; 0 before the first). */
export function scoreAtTime(curve: PaceCurve, time: number): number {
  let lo = 0;
  let hi = curve.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.times[mid]! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : curve.scores[lo - 1]!;
}

/**
 * How `game` stands against the curve's game now: in sprint, ticks of play
 * more (positive: behind) than the best took to these lines; in dig, the
 * same for the garbage rows removed; in ultra, points more (positive:
 * ahead) than the best had by this time. Null before there is anything to
 * compare (no line yet, no garbage removed yet), when the best never got
 * this far, in marathon, and for a curve of another mode.
 */
export function paceOf(curve: PaceCurve, game: GameState): number | null {
  const mode = game.settings.mode;
  if (curve.mode !== mode) return null;
  switch (mode) {
    case 'sprint': {
      const best = game.lines > 0 ? timeAtLines(curve, game.lines) : null;
      return best === null ? null : game.time - best;
    }
    case 'dig': {
      const rows = game.garbage.cleared;
      const best = rows > 0 ? timeAtGarbage(curve, rows) : null;
      return best === null ? null : game.time - best;
    }
    case 'ultra':
      return game.score - scoreAtTime(curve, game.time);
    case 'marathon':
      return null;
    default: {
      const never: never = mode;
      return never;
    }
  }
}
