import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardFromRows, emptyBoard, stackHeight, type Placement } from '../../src/core/index.js';
import { boardFeatures, EL_TETRIS_WEIGHTS, evaluatePlacement, placementFeatures, weightedScore } from '../../src/bot/index.js';

describe('boardFeatures', () => {
  it.each([
    {
      name: 'an empty field: every visible row has its two wall transitions, every column one',
      rows: [] as string[],
      expected: { rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 0 },
    },
    {
      name: 'a bottom row with the right column open: a one-deep well by the wall',
      rows: ['IIIIIIIII.'],
      expected: { rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 1 },
    },
    {
      name: 'a covered cell: a hole, two extra column transitions, and (as El-Tetris counts it) a well cell',
      rows: ['I.........', '.IIIIIIIII'],
      expected: { rowTransitions: 40, columnTransitions: 12, holes: 1, wellSums: 1 },
    },
    {
      name: 'a three-deep well in the middle: 1 + 2 + 3',
      rows: ['IIII.IIIII', 'IIII.IIIII', 'IIII.IIIII'],
      expected: { rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 6 },
    },
    {
      name: 'a hole under an overhang, with open gaps beside it',
      rows: ['...I......', 'II.I.IIIII', 'II...IIIII'],
      // Rows: 2 + 4 + 4, then 17 empty rows x 2. Columns: 3 for column 3 (empty, filled, top), 1 for the rest.
      // Column 3 row 0 is the one hole. Columns 2 and 4 are open at row 0 to the hole's side, so only
      // their row-1 cells are well cells, each over one empty cell: 2 + 2.
      expected: { rowTransitions: 44, columnTransitions: 12, holes: 1, wellSums: 4 },
    },
    {
      name: 'a stack above the visible rows: those rows count too',
      rows: Array.from({ length: 22 }, () => 'I.........'),
      expected: { rowTransitions: 44, columnTransitions: 10, holes: 0, wellSums: 0 },
    },
  ])('measures $name', ({ rows, expected }) => {
    const board = rows.length === 0 ? emptyBoard() : boardFromRows(rows);
    expect(boardFeatures(board)).toEqual({ landingHeight: 0, rowsRemoved: 0, ...expected });
  });
});

describe('placementFeatures', () => {
  const iVerticalAt9: Placement = { type: 'I', rotation: 1, x: 7, y: 0 };
  it.each([
    {
      name: 'an O on the floor lands at height 0.5',
      rows: [] as string[],
      piece: { type: 'O', rotation: 0, x: 0, y: 0 } as Placement,
      expected: { landingHeight: 0.5, rowsRemoved: 0, rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 0 },
    },
    {
      name: 'a flat T on the floor lands at height 0.5',
      rows: [] as string[],
      piece: { type: 'T', rotation: 0, x: 0, y: -1 } as Placement,
      // Row 0: TTT then open; row 1: .T. -> columns 0 and 2 are one-deep wells beside the T's top.
      expected: { landingHeight: 0.5, rowsRemoved: 0, rowTransitions: 42, columnTransitions: 10, holes: 0, wellSums: 1 },
    },
    {
      name: 'a vertical I that clears one row is measured before the row goes',
      rows: ['IIIIIIIII.'],
      piece: iVerticalAt9,
      expected: { landingHeight: 1.5, rowsRemoved: 1, rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 0 },
    },
    {
      name: 'a vertical I into a four-deep well clears four rows and leaves an empty field',
      rows: ['IIIIIIIII.', 'IIIIIIIII.', 'IIIIIIIII.', 'IIIIIIIII.'],
      piece: iVerticalAt9,
      expected: { landingHeight: 1.5, rowsRemoved: 4, rowTransitions: 40, columnTransitions: 10, holes: 0, wellSums: 0 },
    },
    {
      name: 'an O on top of a ledge covers the cells under it',
      rows: ['II........'],
      piece: { type: 'O', rotation: 0, x: 1, y: 1 } as Placement,
      // Column 2 row 0 becomes a hole under the O. Column 0, between the wall and the O, is a well
      // two deep above its block: 1 + 2.
      expected: { landingHeight: 1.5, rowsRemoved: 0, rowTransitions: 44, columnTransitions: 12, holes: 1, wellSums: 3 },
    },
  ])('$name', ({ rows, piece, expected }) => {
    const board = rows.length === 0 ? emptyBoard() : boardFromRows(rows);
    expect(placementFeatures(board, piece)).toEqual(expected);
  });

  it('leaves the board it measured unchanged', () => {
    const board = boardFromRows(['IIIIIIIII.']);
    const before = new Uint8Array(board);
    placementFeatures(board, iVerticalAt9);
    expect(new Uint8Array(board)).toEqual(before);
  });

  it('throws on a placement with a cell off the field', () => {
    expect(() => placementFeatures(emptyBoard(), { type: 'I', rotation: 0, x: 8, y: 0 })).toThrow(RangeError);
  });
});

describe('the El-Tetris score', () => {
  it('uses the published weights', () => {
    expect(EL_TETRIS_WEIGHTS).toEqual({
      landingHeight: -4.500158825082766,
      rowsRemoved: 3.4181268101392694,
      rowTransitions: -3.2178882868487753,
      columnTransitions: -9.348695305445199,
      holes: -7.899265427351652,
      wellSums: -3.3855972247263626,
    });
  });

  it('is the weighted sum of the features', () => {
    const board = boardFromRows(['...I......', 'II.I.IIIII', 'II...IIIII']);
    const piece: Placement = { type: 'L', rotation: 2, x: 2, y: 0 };
    const f = placementFeatures(board, piece);
    expect(evaluatePlacement(board, piece)).toBeCloseTo(
      f.landingHeight * -4.500158825082766 +
        f.rowsRemoved * 3.4181268101392694 +
        f.rowTransitions * -3.2178882868487753 +
        f.columnTransitions * -9.348695305445199 +
        f.holes * -7.899265427351652 +
        f.wellSums * -3.3855972247263626,
      10,
    );
    expect(weightedScore(f)).toBe(evaluatePlacement(board, piece));
  });

  it('prefers the flat placement that fills a gap to one that leaves a hole', () => {
    const board = boardFromRows(['II..IIIIII']);
    const fill: Placement = { type: 'O', rotation: 0, x: 2, y: 0 };
    const cover: Placement = { type: 'O', rotation: 0, x: 1, y: 1 };
    expect(evaluatePlacement(board, fill)).toBeGreaterThan(evaluatePlacement(board, cover));
  });
});

describe('stackHeight', () => {
  it.each([
    { rows: [] as string[], height: 0 },
    { rows: ['I.........'], height: 1 },
    { rows: ['....I.....', '..........', 'I.........'], height: 3 },
    { rows: ['IIIIIIIIII'], height: 1 },
  ])('is $height for a stack of $rows.length rows', ({ rows, height }) => {
    expect(stackHeight(rows.length === 0 ? emptyBoard() : boardFromRows(rows))).toBe(height);
  });
});

describe('the features against a cell-by-cell reading of their definitions', () => {
  // Naive versions, one cell at a time over a 20-row field as El-Tetris has it.
  const ROWS = 20;
  const filled = (board: Uint8Array, x: number, y: number) => x < 0 || x > 9 || board[y * 10 + x] !== 0;
  function naive(board: Uint8Array) {
    let rowTransitions = 0;
    let columnTransitions = 0;
    let holes = 0;
    let wellSums = 0;
    for (let y = 0; y < ROWS; y++) {
      for (let x = 0; x <= 10; x++) if (filled(board, x - 1, y) !== filled(board, x, y)) rowTransitions++;
    }
    for (let x = 0; x < 10; x++) {
      let covered = false;
      // The floor counts as filled; the top of the field is not a wall.
      for (let y = 0; y < ROWS; y++) if (filled(board, x, y) !== (y === 0 || filled(board, x, y - 1))) columnTransitions++;
      for (let y = ROWS - 1; y >= 0; y--) {
        if (filled(board, x, y)) covered = true;
        else if (covered) holes++;
      }
      for (let y = 0; y < ROWS; y++) {
        if (!filled(board, x, y) && filled(board, x - 1, y) && filled(board, x + 1, y)) {
          wellSums++;
          for (let k = y - 1; k >= 0 && !filled(board, x, k); k--) wellSums++;
        }
      }
    }
    return { rowTransitions, columnTransitions, holes, wellSums };
  }

  it('agrees on random stacks up to 16 rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), { maxLength: 16 }), (rows) => {
        const board = emptyBoard() as Uint8Array;
        rows.forEach((row, y) => {
          row.forEach((on, x) => {
            board[y * 10 + x] = on ? 1 : 0;
          });
        });
        const { landingHeight: _l, rowsRemoved: _r, ...measured } = boardFeatures(board);
        expect(measured).toEqual(naive(board));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
