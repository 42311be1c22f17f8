/** The board and the pieces as the frame model draws them. */
import { describe, expect, it } from 'vitest';
import { boardLines, pieceRows } from '../../../src/ui/frame/board-lines.js';
import { rowsAboutToClear } from '../helpers.js';

describe('boardLines', () => {
  it('writes blocks in capitals and the ghost in small letters', () => {
    const lines = boardLines(rowsAboutToClear(), true);
    expect(lines).toHaveLength(20);
    expect(lines.at(-1)).toBe('LLLJiOOTTT');
    expect(boardLines(rowsAboutToClear(), false).at(-1)).toBe('LLLJ.OOTTT');
  });
});

describe('pieceRows', () => {
  it.each([
    ['I', ['IIII']],
    ['O', ['OO', 'OO']],
    ['T', ['.T.', 'TTT']],
    ['S', ['.SS', 'SS.']],
    ['Z', ['ZZ.', '.ZZ']],
    ['J', ['J..', 'JJJ']],
    ['L', ['..L', 'LLL']],
  ] as const)('draws %s in its spawn state', (piece, rows) => {
    expect(pieceRows(piece)).toEqual(rows);
  });
});
