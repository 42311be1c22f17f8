/**
 * The seven SRS tetrominoes: their shapes in each rotation state, and where
 * they spawn (RULES.md "Pieces").
 */

/** A tetromino letter. */
export type PieceType = 'I' | 'O' | 'T' | 'S' | 'Z' | 'J' | 'L';

/** Every piece letter, in the order a fresh bag starts (RULES.md "Randomizer"). */
export const PIECE_TYPES: readonly PieceType[] = ['I', 'J', 'L', 'O', 'S', 'T', 'Z'];

/** Rotation state: 0 spawn, 1 = R (one `cw`), 2, 3 = L (one `ccw`). */
export type Rotation = 0 | 1 | 2 | 3;

/** A cell offset inside a piece's bounding box; x right, y up, (0,0) bottom-left. */
export interface Offset {
  readonly x: number;
  readonly y: number;
}

/**
 * The SRS boxes drawn as text, top row first, one string per rotation state
 * (0, R, 2, L). Rotation is the "true rotation" of the box about its centre,
 * which is what makes the SRS kick tables line up.
 */
const SHAPE_ART: Record<PieceType, readonly string[][]> = {
  I: [
    ['....', 'IIII', '....', '....'],
    ['..I.', '..I.', '..I.', '..I.'],
    ['....', '....', 'IIII', '....'],
    ['.I..', '.I..', '.I..', '.I..'],
  ],
  O: [
    ['OO', 'OO'],
    ['OO', 'OO'],
    ['OO', 'OO'],
    ['OO', 'OO'],
  ],
  T: [
    ['.T.', 'TTT', '...'],
    ['.T.', '.TT', '.T.'],
    ['...', 'TTT', '.T.'],
    ['.T.', 'TT.', '.T.'],
  ],
  S: [
    ['.SS', 'SS.', '...'],
    ['.S.', '.SS', '..S'],
    ['...', '.SS', 'SS.'],
    ['S..', 'SS.', '.S.'],
  ],
  Z: [
    ['ZZ.', '.ZZ', '...'],
    ['..Z', '.ZZ', '.Z.'],
    ['...', 'ZZ.', '.ZZ'],
    ['.Z.', 'ZZ.', 'Z..'],
  ],
  J: [
    ['J..', 'JJJ', '...'],
    ['.JJ', '.J.', '.J.'],
    ['...', 'JJJ', '..J'],
    ['.J.', '.J.', 'JJ.'],
  ],
  L: [
    ['..L', 'LLL', '...'],
    ['.L.', '.L.', '.LL'],
    ['...', 'LLL', 'L..'],
    ['LL.', '.L.', '.L.'],
  ],
};

function cellsOf(art: readonly string[]): Offset[] {
  const size = art.length;
  const cells: Offset[] = [];
  art.forEach((row, r) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] !== '.') cells.push({ x, y: size - 1 - r });
    }
  });
  return cells;
}

/** `SHAPES[type][rotation]`: the four cells of a piece, relative to its box. */
export const SHAPES: Record<PieceType, readonly (readonly Offset[])[]> = Object.fromEntries(
  PIECE_TYPES.map((type) => [type, SHAPE_ART[type].map(cellsOf)]),
) as unknown as Record<PieceType, readonly Offset[][]>;

/**
 * Where a piece's box sits when it first appears, before the one-row move:
 * its lowest cells in row 20, the first hidden row; columns I 3-6, O 4-5,
 * the others 3-5 (RULES.md "Spawn").
 */
export const SPAWN: Record<PieceType, Offset> = {
  I: { x: 3, y: 18 },
  O: { x: 4, y: 20 },
  T: { x: 3, y: 19 },
  S: { x: 3, y: 19 },
  Z: { x: 3, y: 19 },
  J: { x: 3, y: 19 },
  L: { x: 3, y: 19 },
};

/** Piece letter to a small code for the board's byte cells (0 is empty). */
export const PIECE_CODE: Record<PieceType, number> = { I: 1, J: 2, L: 3, O: 4, S: 5, T: 6, Z: 7 };

/** What a board cell can hold: a piece's block, or `G`, a block of a garbage row (dig, RULES.md "Modes"). */
export type BlockLetter = PieceType | 'G';

/** The board byte code of a garbage block; the pieces use 1-7. */
export const GARBAGE_CODE = 8;

/** Board byte code back to the block letter; index 0 is unused. */
export const CODE_PIECE: readonly (BlockLetter | null)[] = [null, 'I', 'J', 'L', 'O', 'S', 'T', 'Z', 'G'];

/** True for any of the seven piece letters. */
export function isPieceType(value: unknown): value is PieceType {
  return typeof value === 'string' && value.length === 1 && 'IJLOSTZ'.includes(value);
}
