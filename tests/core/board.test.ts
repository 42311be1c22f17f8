import { describe, expect, it } from 'vitest';
import {
  boardFromRows,
  boardRows,
  cellsOf,
  emptyBoard,
  fits,
  HEIGHT,
  isBlocked,
  lockPiece,
  VISIBLE_HEIGHT,
  WIDTH,
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

  it('places the piece letter into the cells it covers', () => {
    const { board } = lockPiece(emptyBoard(), { type: 'T', x: 0, y: 0, rotation: 2 });
    expect(boardRows(board).slice(-2)).toEqual(['TTT.......', '.T........']);
    expect(cellsOf({ type: 'T', x: 0, y: 0, rotation: 2 })).toHaveLength(4);
  });
});
