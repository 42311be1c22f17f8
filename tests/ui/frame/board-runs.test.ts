/** The one board-row renderer: runs of equal cells, each with its colour's codes, the same for Ink and the painter. */
import { describe, expect, it } from 'vitest';
import { boardRowCells, boardRowText, boardRuns } from '../../../src/ui/frame/board-runs.js';
import { PALETTE_16, PALETTE_256, resolveDisplay } from '../../../src/ui/frame/theme.js';

describe('boardRuns', () => {
  it('merges equal cells into one run: empty, blocks of one piece, its ghost', () => {
    const runs = boardRuns('..OOt.....', resolveDisplay({ color: PALETTE_256 }));
    expect(runs.map((r) => r.text)).toEqual(['    ', '████', '[]', '          ']);
    expect(runs.map((r) => r.open)).toEqual(['', '\u001B[38;5;226m', '\u001B[95m', '']);
  });

  it('draws no colour without a palette, and ASCII glyphs under --ascii', () => {
    expect(boardRowText('IIII......', resolveDisplay({ ascii: true }))).toBe(`${'[]'.repeat(4)}${' '.repeat(12)}`);
    expect(boardRowText('j.........', resolveDisplay({}))).toBe(`[]${' '.repeat(18)}`);
  });

  it('gives Ink a row whose codes close, and the painter the same codes cell by cell', () => {
    const display = resolveDisplay({ color: PALETTE_16 });
    expect(boardRowText('LL........', display)).toBe(`\u001B[93m████\u001B[39m${' '.repeat(16)}`);
    const cells = boardRowCells('LL........', display);
    expect(cells.text).toBe(`████${' '.repeat(16)}`);
    expect(cells.styles.slice(0, 5)).toEqual(['\u001B[93m', '\u001B[93m', '\u001B[93m', '\u001B[93m', '']);
    expect(cells.styles).toHaveLength(20);
  });
});
