/**
 * SRS wall kicks (RULES.md "Rotation (SRS)"): the offsets a rotation tries,
 * in order, x right and y up.
 */
import type { PieceType, Rotation } from './pieces.js';

type Kicks = readonly (readonly [number, number])[];

/** Kicks for J L S T Z, keyed `from>to` with states 0, 1 (R), 2, 3 (L). */
const JLSTZ_KICKS: Record<string, Kicks> = {
  '0>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
  '1>0': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
  '1>2': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
  '2>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
  '2>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
  '3>2': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
  '3>0': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
  '0>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
};

/** Kicks for I. */
const I_KICKS: Record<string, Kicks> = {
  '0>1': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
  '1>0': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
  '1>2': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
  '2>1': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
  '2>3': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
  '3>2': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
  '3>0': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
  '0>3': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
};

const O_KICKS: Kicks = [[0, 0]];

/** The rotation state after turning clockwise (+1) or counter-clockwise (-1). */
export function rotated(from: Rotation, turn: 1 | -1): Rotation {
  return ((from + turn + 4) % 4) as Rotation;
}

/** The offsets to try, in order, when a piece turns from one state to the next. */
export function kicksFor(type: PieceType, from: Rotation, to: Rotation): Kicks {
  if (type === 'O') return O_KICKS;
  const table = type === 'I' ? I_KICKS : JLSTZ_KICKS;
  return table[`${from}>${to}`]!;
}
