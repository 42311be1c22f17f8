/**
 * Garbage rows (RULES.md "Modes", dig): nine blocks and a hole, the hole
 * columns from a second mulberry32 stream, so that the pieces and the
 * garbage of a seed never depend on each other.
 */
import { WIDTH } from './board.js';
import { mulberry32 } from './randomizer.js';

/** The garbage stream's seed is the game's seed XOR this (the golden ratio's 32 bits). */
export const GARBAGE_SEED_MASK = 0x9e3779b9;

/** The first state of the garbage stream of a game seeded with `seed`. */
export function garbageSeed(seed: number): number {
  return (seed ^ GARBAGE_SEED_MASK) >>> 0;
}

/** The garbage stream after some rows, and the hole of the last row made (-1 before the first). */
export interface HoleStream {
  readonly state: number;
  readonly last: number;
}

/**
 * The next hole column: h = floor(random() * 10), and when h is the hole of
 * the row made just before, h = (h + 1 + floor(random() * 9)) % 10, so two
 * rows made one after the other never share a hole.
 */
export function nextHole(stream: HoleStream): HoleStream {
  const first = mulberry32(stream.state);
  let hole = Math.floor(first.value * WIDTH);
  let state = first.state;
  if (hole === stream.last) {
    const second = mulberry32(state);
    state = second.state;
    hole = (hole + 1 + Math.floor(second.value * (WIDTH - 1))) % WIDTH;
  }
  return { state, last: hole };
}

/** The holes of the next `count` rows, in the order they are made, and the stream after them. */
export function nextHoles(stream: HoleStream, count: number): { holes: number[]; stream: HoleStream } {
  const holes: number[] = [];
  let s = stream;
  for (let i = 0; i < count; i++) {
    s = nextHole(s);
    holes.push(s.last);
  }
  return { holes, stream: s };
}
