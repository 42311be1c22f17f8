/** The board and the pieces as the frame model draws them, and when the screen can next change. */
import { describe, expect, it } from 'vitest';
import { advance, step, TICK } from '../../../src/core/index.js';
import { boardLines, pieceRows, ticksUntilChange } from '../../../src/ui/frame/board-lines.js';
import { fresh, play, rowsAboutToClear } from '../helpers.js';

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

describe('ticksUntilChange', () => {
  it('is the ticks to the next row of fall, or to the next second if that comes first', () => {
    const s = fresh();
    expect(ticksUntilChange(s)).toBe(48);
    expect(ticksUntilChange(advance(s, 48))).toBe(12);
    expect(ticksUntilChange(advance(s, 60))).toBe(36);
  });

  it('counts down the lock delay of a resting piece', () => {
    const resting = play(fresh(), 'softDrop*19');
    const after = step(resting, TICK);
    expect(after.lockCount).toBe(1);
    expect(ticksUntilChange(after)).toBe(Math.min(29, 60 - (after.time % 60)));
  });

  it('is 1 for a game that is not running', () => {
    expect(ticksUntilChange(play(fresh(), 'pause'))).toBe(1);
  });
});
