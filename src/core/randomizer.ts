/**
 * The seeded 7-bag (RULES.md "Randomizer"). The generator is part of the
 * replay format: changing a line here changes every recorded game.
 */
import { PIECE_TYPES, type PieceType } from './pieces.js';

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** One mulberry32 draw: the next generator state and a number in [0, 1). */
export function mulberry32(state: number): { state: number; value: number } {
  const a = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return { state: a, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

/**
 * The next bag: `I J L O S T Z` shuffled by Fisher-Yates (i from 6 down to
 * 1, j = floor(random() * (i + 1))), and the generator state after it.
 */
export function nextBag(state: number): { state: number; bag: PieceType[] } {
  // Plain loops and a plain swap: spreads and destructuring go through the
  // iterator protocol, slow before V8 optimizes, and a replay's first
  // thousand pieces run before it does.
  const bag = PIECE_TYPES.slice();
  let s = state;
  for (let i = bag.length - 1; i >= 1; i--) {
    const draw = mulberry32(s);
    s = draw.state;
    const j = Math.floor(draw.value * (i + 1));
    const swap = bag[i]!;
    bag[i] = bag[j]!;
    bag[j] = swap;
  }
  return { state: s, bag };
}

/** The first `count` pieces a seed deals (after no fixed queue). */
export function dealPieces(seed: number, count: number): PieceType[] {
  const out: PieceType[] = [];
  let state = seed >>> 0;
  while (out.length < count) {
    const next = nextBag(state);
    state = next.state;
    out.push(...next.bag);
  }
  return out.slice(0, count);
}
