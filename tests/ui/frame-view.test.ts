/** The small derived views the screen uses. */
import { describe, expect, it } from 'vitest';
import { advance, inputAction, step } from '../../src/core/index.js';
import { boardLines, pieceRows, sameFrame } from '../../src/ui/frame-view.js';
import { fresh, play, rowsAboutToClear } from './helpers.js';

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

describe('sameFrame', () => {
  it('is true for ticks that change nothing on screen', () => {
    const s = fresh();
    expect(sameFrame(s, advance(s, 10), 5)).toBe(true);
  });

  it('is false when the piece falls, moves, the clock passes a second, or the game pauses', () => {
    const s = fresh();
    expect(sameFrame(s, advance(s, 48), 5)).toBe(false);
    expect(sameFrame(s, step(s, inputAction('left')), 5)).toBe(false);
    const almost = advance(s, 40);
    expect(sameFrame(almost, { ...almost, time: 60 }, 5)).toBe(false);
    expect(sameFrame(s, play(s, 'pause'), 5)).toBe(false);
  });

  it('looks at only as many NEXT pieces as are shown', () => {
    const s = fresh();
    const queue = [...s.queue];
    queue[5] = queue[5] === 'I' ? 'O' : 'I';
    expect(sameFrame(s, { ...s, queue }, 5)).toBe(true);
    expect(sameFrame(s, { ...s, queue }, 6)).toBe(false);
  });
});
