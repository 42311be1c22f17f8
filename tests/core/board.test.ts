import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardFromRows,
  boardRows,
  cellsOf,
  dropDistance,
  emptyBoard,
  fits,
  fitsAt,
  HEIGHT,
  isBlocked,
  lockPiece,
  PIECE_TYPES,
  placePiece,
  VISIBLE_HEIGHT,
  WIDTH,
  type Placement,
  type Rotation,
} from '../../src/core/index.js';
import { rowsOf } from './helpers.js';

describe('playfield', () => {
  it('is exactly 10 columns wide and 40 rows tall, 20 of them visible', () => {
    expect(WIDTH).toBe(10);
    expect(HEIGHT).toBe(40);
    expect(VISIBLE_HEIGHT).toBe(20);
    expect(boardRows(emptyBoard())).toHaveLength(20);
    expect(boardRows(emptyBoard()).every((row) => row.length === 10)).toBe(true);
  });

  it.each([
    [-1, 0],
    [10, 0],
    [11, 5],
    [0, -1],
    [5, 40],
    [5, 1000],
    [-100, -100],
  ])('treats (%i, %i), outside the field, as blocked', (x, y) => {
    expect(isBlocked(emptyBoard(), x, y)).toBe(true);
  });

  it.each([
    [0, 0],
    [9, 0],
    [0, 39],
    [9, 39],
    [4, 20],
  ])('treats (%i, %i), an empty cell inside the field, as free', (x, y) => {
    expect(isBlocked(emptyBoard(), x, y)).toBe(false);
  });

  it('lets a piece stand partly above the visible field without colliding', () => {
    expect(fits(emptyBoard(), { type: 'I', x: 0, y: 17, rotation: 1 })).toBe(true); // rows 17-20
    expect(fits(emptyBoard(), { type: 'T', x: 3, y: 37, rotation: 0 })).toBe(true); // rows 38-39
    expect(fits(emptyBoard(), { type: 'T', x: 3, y: 38, rotation: 0 })).toBe(false); // row 40 is outside
  });

  it('refuses a piece past the right wall at column 10', () => {
    expect(fits(emptyBoard(), { type: 'I', x: 6, y: 0, rotation: 0 })).toBe(true); // columns 6-9
    expect(fits(emptyBoard(), { type: 'I', x: 7, y: 0, rotation: 0 })).toBe(false); // column 10
  });
});

describe('line clears', () => {
  it.each([1, 2, 3, 4])('removes %i full rows and moves the rows above down by that many', (n) => {
    // n full-but-one rows at the bottom (gap in column 0), two marker rows above them.
    const board = boardFromRows(['.....J....', '.....LL...', ...rowsOf('.IIIIIIIII', n)]);
    // A vertical I in column 0, rows 0-3, fills the n gaps.
    const { board: after, clearedRows } = lockPiece(board, { type: 'I', x: -2, y: 0, rotation: 1 });
    expect(clearedRows).toEqual(Array.from({ length: n }, (_, i) => i));
    // The markers drop by n to rows 0 and 1; the 4 - n cells of the I above the
    // cleared rows drop with them.
    const bottom = (y: number) => (y <= 3 - n ? 'I' : '.') + (y === 0 ? '....LL...' : y === 1 ? '....J....' : '.........');
    const expected = Array.from({ length: 20 }, (_, i) => bottom(19 - i));
    expect(boardRows(after)).toEqual(expected);
  });

  it('removes full rows that are not adjacent and keeps the row between them', () => {
    const board = boardFromRows(['IIIIIIIII.', 'OOOOOOOO..', 'IIIIIIIII.']);
    const { board: after, clearedRows } = lockPiece(board, { type: 'I', x: 7, y: 0, rotation: 1 }); // column 9, rows 0-3
    expect(clearedRows).toEqual([0, 2]);
    expect(boardRows(after).slice(-2)).toEqual(['.........I', 'OOOOOOOO.I']);
  });

  it('equals removing every full row one by one, on any board, for any piece that fits', () => {
    /** The slow way: place the piece, keep the rows that are not full, bottom first, and fill the top with empty rows. */
    const naive = (board: Uint8Array, p: Placement) => {
      const placed = placePiece(board, p);
      const kept: Uint8Array[] = [];
      const cleared: number[] = [];
      for (let y = 0; y < HEIGHT; y++) {
        const row = placed.slice(y * WIDTH, (y + 1) * WIDTH);
        if (row.every((cell) => cell !== 0)) cleared.push(y);
        else kept.push(row);
      }
      const out = new Uint8Array(WIDTH * HEIGHT);
      for (let y = 0; y < kept.length; y++) out.set(kept[y]!, y * WIDTH);
      return { board: Array.from(out), clearedRows: cleared };
    };
    // A stack of rows full but for a well in columns g and g + 1 (one of them, or both, open in each row),
    // up to four rows under the top; a piece dropped onto it from the top often clears rows, several at
    // once, and one put anywhere it fits in the well clears rows with the stack above them.
    const stackArb = fc.record({
      g: fc.integer({ min: 0, max: WIDTH - 2 }),
      rows: fc.array(fc.constantFrom(0, 1, 2), { maxLength: HEIGHT - 4 }),
    });
    const row = (g: number, open: number) =>
      Array.from({ length: WIDTH }, (_, x) => ((x === g && open !== 1) || (x === g + 1 && open !== 0) ? '.' : 'L')).join('');
    const dropArb = fc.record({
      type: fc.constantFrom(...PIECE_TYPES),
      x: fc.integer({ min: -2, max: WIDTH - 1 }),
      rotation: fc.constantFrom<Rotation>(0, 1, 2, 3),
      at: fc.option(fc.integer({ min: -2, max: HEIGHT - 1 })),
    });
    fc.assert(
      fc.property(stackArb, dropArb, ({ g, rows }, { at, ...drop }) => {
        const board = boardFromRows(rows.map((open) => row(g, open)).reverse()) as Uint8Array;
        const from: Placement = { ...drop, x: at === null ? drop.x : g - 1 + (drop.x & 1), y: at ?? HEIGHT - 4 };
        fc.pre(fits(board, from));
        const p = at === null ? { ...from, y: from.y - dropDistance(board, from) } : from;
        const { board: after, clearedRows } = lockPiece(board, p);
        expect({ board: Array.from(after), clearedRows }).toEqual(naive(board, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('places the piece letter into the cells it covers', () => {
    const { board } = lockPiece(emptyBoard(), { type: 'T', x: 0, y: 0, rotation: 2 });
    expect(boardRows(board).slice(-2)).toEqual(['TTT.......', '.T........']);
    expect(cellsOf({ type: 'T', x: 0, y: 0, rotation: 2 })).toHaveLength(4);
  });
});

describe('drop distance', () => {
  /** The rows a piece can move down, found the slow way: one collision test per row. */
  const rowByRow = (board: Uint8Array, p: Placement) => {
    let rows = 0;
    while (fitsAt(board, p, p.x, p.y - rows - 1)) rows++;
    return rows;
  };
  const boardArb = fc.array(
    fc.array(fc.constantFrom(...'.......IJLOSTZ'), { minLength: WIDTH, maxLength: WIDTH }).map((row) => row.join('')),
    { maxLength: 24 },
  );
  const placementArb = fc.record({
    type: fc.constantFrom(...PIECE_TYPES),
    // Off the field on every side too: such a piece cannot move, as in fitsAt.
    x: fc.integer({ min: -3, max: WIDTH + 1 }),
    y: fc.integer({ min: -3, max: HEIGHT + 1 }),
    rotation: fc.constantFrom<Rotation>(0, 1, 2, 3),
  });

  it('equals a collision test at every row, on any board, anywhere', () => {
    fc.assert(
      fc.property(boardArb, placementArb, (rows, p) => {
        const board = boardFromRows(rows) as Uint8Array;
        expect(dropDistance(board, p)).toBe(rowByRow(board, p));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops on the stack, under an overhang and at the floor', () => {
    // OO in columns 2-3 of row 3, over the gap in rows 1-2; IIII in columns 0-3 of row 0.
    const board = boardFromRows(['..OO......', '..........', '..........', 'IIII......']) as Uint8Array;
    // A flat I (its cells in row y + 2 of its box), columns 0-3: it stops on the OO, row 4.
    expect(dropDistance(board, { type: 'I', x: 0, y: 19, rotation: 0 })).toBe(17);
    // Columns 4-7 are empty to the floor.
    expect(dropDistance(board, { type: 'I', x: 4, y: 19, rotation: 0 })).toBe(21);
    // An O under the overhang, rows 1-2: the I below it is in the way.
    expect(dropDistance(board, { type: 'O', x: 2, y: 1, rotation: 0 })).toBe(0);
    // Off the field: cannot move.
    expect(dropDistance(emptyBoard() as Uint8Array, { type: 'O', x: -1, y: 10, rotation: 0 })).toBe(0);
  });
});

describe('boards cut from shared blocks of memory', () => {
  it('keep their own cells: a thousand boards in a row, each one piece more, none changed by the next', () => {
    const boards: Uint8Array[] = [emptyBoard() as Uint8Array];
    for (let i = 0; i < 1000; i++) boards.push(placePiece(boards[i]!, { type: 'O', x: (i % 5) * 2, y: 36, rotation: 0 }));
    // Every board differs from the one before by the one O placed on it (or by nothing, where it covered the same cells).
    boards.forEach((board, i) => {
      expect(board.length).toBe(WIDTH * HEIGHT);
      expect(board.reduce((n, cell) => n + (cell === 0 ? 0 : 1), 0)).toBe(Math.min(i, 5) * 4);
    });
    // Rows 37 and 36 (top first: 39, 38, 37, 36) of the board with three O's.
    expect(boardRows(boards[3]!, HEIGHT).slice(2, 4)).toEqual(['OOOOOO....', 'OOOOOO....']);
    expect(boardRows(boards[0]!, HEIGHT).slice(2, 4)).toEqual(['..........', '..........']);
  });
});
