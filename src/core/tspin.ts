/**
 * T-spin detection (RULES.md "T-spins"): the 3-corner rule, the front
 * corners, and the fifth-kick exception. Walls and the floor count as
 * blocked, as for every collision (`isBlocked`).
 */
import { isBlocked, type Board, type Placement } from './board.js';

/**
 * What the last change of the active piece was, for the T-spin rule: 0 not
 * a rotation (a move, a row of fall, a new piece), 1 a rotation, 2 a
 * rotation that took the fifth kick of its list (one column and two rows).
 */
export type Spin = 0 | 1 | 2;

/** A T-spin's kind, or null for a lock that is none. */
export type TSpin = 'mini' | 'full' | null;

/**
 * The four corners diagonal to the T's centre (its box is 3x3, the centre at
 * (1, 1)), as box offsets, and for each rotation the two on the side the T
 * points to: up in 0, right in R, down in 2, left in L.
 */
const CORNERS: readonly (readonly [number, number])[] = [
  [0, 2],
  [2, 2],
  [2, 0],
  [0, 0],
];
/** Indices into CORNERS of the two front corners, by rotation state. */
const FRONT: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 0],
];

/** The T-spin a piece makes locking at `p` on `board` (before it is placed), after a last change `spin`. */
export function tSpinAt(board: Board, p: Placement, spin: Spin): TSpin {
  if (p.type !== 'T' || spin === 0) return null;
  const blocked = CORNERS.map(([dx, dy]) => isBlocked(board, p.x + dx, p.y + dy));
  let count = 0;
  for (const b of blocked) if (b) count++;
  if (count < 3) return null;
  const [a, b] = FRONT[p.rotation]!;
  return spin === 2 || (blocked[a]! && blocked[b]!) ? 'full' : 'mini';
}
