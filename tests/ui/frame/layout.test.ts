import { describe, expect, it } from 'vitest';
import { clockText, fieldCells, gameLayout, LAYOUT, scaleFor, sidebarNumbers } from '../../../src/ui/frame/layout.js';

const HOUR = 60 * 3600;

describe('clockText', () => {
  it.each([
    [0, '0:00'],
    [(59 * 60 + 59) * 60, '59:59'],
    [HOUR, '1:00:00'],
    [9999 * HOUR + 59 * 3600 + 59 * 60, '9999:59:59'],
    [10000 * HOUR, '10000h'],
    [999_999_999 * HOUR, '999999999h'],
    [1e15, '192901234d'],
    [Number.MAX_SAFE_INTEGER, '4760273y'],
  ])('shows %d ticks in ten columns as %s', (ticks, text) => {
    expect(clockText(ticks, 10)).toBe(text);
  });

  it('never gives more characters than its width, for any tick up to the largest safe integer', () => {
    for (let ticks = 1; ticks < Number.MAX_SAFE_INTEGER; ticks *= 7) expect(clockText(ticks, 10).length).toBeLessThanOrEqual(10);
  });
});

describe('sidebarNumbers', () => {
  it('shows a TIME of 1e15 ticks in days, not cut to its first ten digits', () => {
    expect(sidebarNumbers(0, 0, 0, 1e15, 'marathon')[3]).toBe('192901234d');
  });
});

describe('the big layout', () => {
  it('is the normal one at scale 1, and twice the board and pieces at scale 2 with the sidebar as it is', () => {
    expect(gameLayout(1)).toMatchObject({ width: LAYOUT.width, height: LAYOUT.height, cellWidth: 2, boardWidth: 22 });
    expect(gameLayout(2)).toMatchObject({
      width: 96,
      height: 46,
      cellWidth: 4,
      cellHeight: 2,
      boardWidth: 42,
      wellRows: 40,
      spawnHeight: 4,
    });
  });

  it.each([
    [119, 48, true, 1],
    [120, 47, true, 1],
    [120, 48, true, 2],
    [300, 100, true, 2],
    [300, 100, false, 1],
    [60, 24, true, 1],
  ])('in %i x %i, big %s: scale %i', (columns, rows, big, scale) => {
    expect(scaleFor({ columns, rows }, big)).toBe(scale);
  });

  it('places two screen rows of fields per board row at scale 2', () => {
    const cells = fieldCells({ columns: 130, rows: 50 }, 2);
    expect(cells.board).toHaveLength(44);
    // Two spawn rows (four screen rows), then the border, then the well.
    expect(cells.board.slice(0, 6).map((c) => c.row)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(new Set(cells.board.map((c) => c.column))).toEqual(new Set([17 + 36 + 1]));
    expect(cells.numbers[0]).toEqual({ row: 2 + 5 + 1, column: 17 + 80 });
  });
});
