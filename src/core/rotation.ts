/**
 * SRS wall kicks (RULES.md "Rotation (SRS)"): the offsets a rotation tries,
 * in order, x right and y up.
 */
import type { PieceType, Rotation } from './pieces.js';

type Kicks = readonly (readonly [number, number])[];

/** Kicks for J L S T Z, keyed `from>to` with states 0, 1 (R), 2, 3 (L). */
// biome-ignore format: one kick list a line, as the table in docs/RULES.md
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
// biome-ignore format: one kick list a line, as the table in docs/RULES.md
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

/** A table by `from * 4 + to` instead of `from>to`: a key string per rotation costs more than the kicks. */
function byIndex(table: Record<string, Kicks>): Kicks[] {
  const out: Kicks[] = [];
  for (const [key, kicks] of Object.entries(table)) {
    const [from, to] = key.split('>').map(Number) as [number, number];
    out[from * 4 + to] = kicks;
  }
  return out;
}

const JLSTZ_BY_INDEX = byIndex(JLSTZ_KICKS);
const I_BY_INDEX = byIndex(I_KICKS);

/** The rotation state after turning clockwise (+1) or counter-clockwise (-1). */
export function rotated(from: Rotation, turn: 1 | -1): Rotation {
  return ((from + turn + 4) % 4) as Rotation;
}

/** The offsets to try, in order, when a piece turns from one state to the next. */
export function kicksFor(type: PieceType, from: Rotation, to: Rotation): Kicks {
  if (type === 'O') return O_KICKS;
  return (type === 'I' ? I_BY_INDEX : JLSTZ_BY_INDEX)[from * 4 + to]!;
}
