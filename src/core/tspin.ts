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
  // Plain loops, no list made: this runs at every lock of a T after a rotation.
  let count = 0;
  for (let i = 0; i < CORNERS.length; i++) if (isBlocked(board, p.x + CORNERS[i]![0], p.y + CORNERS[i]![1])) count++;
  if (count < 3) return null;
  if (spin === 2) return 'full';
  const front = FRONT[p.rotation]!;
  const a = CORNERS[front[0]]!;
  const b = CORNERS[front[1]]!;
  return isBlocked(board, p.x + a[0], p.y + a[1]) && isBlocked(board, p.x + b[0], p.y + b[1]) ? 'full' : 'mini';
}
