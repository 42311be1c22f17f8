/**
 * The one way a board row is drawn: a row of `boardLines` (`.` empty, ` `
 * outside the well, an upper-case letter a block, a lower-case one the ghost) becomes runs of
 * equal cells, each with the escape codes that open its colour. The Ink
 * board, the painter's fields and the exports all draw rows from these
 * runs, so a row looks the same wherever it is drawn, and no one of them
 * reads a colour level from a global (each screen has its own palette).
 */
import type { PieceType } from '../../core/index.js';
import { CLOSE_COLOR, pieceCodes, type Display } from './theme.js';

/** Cells of one look, side by side. */
export interface Run {
  /** The cells' characters, two columns per cell. */
  readonly text: string;
  /** The codes that open the run's colour, '' for none. */
  readonly open: string;
}

/** The runs of one board row. */
export function boardRuns(line: string, display: Display): Run[] {
  const { glyphs, palette } = display;
  const codes = palette ? pieceCodes(palette) : null;
  const runs: Run[] = [];
  let start = 0;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[start]) continue;
    const ch = line[start]!;
    const count = i - start;
    if (ch === '.') runs.push({ text: glyphs.empty.repeat(count), open: '' });
    // Outside the well (the spawn rows above it): nothing.
    else if (ch === ' ') runs.push({ text: '  '.repeat(count), open: '' });
    else {
      const piece = ch.toUpperCase() as PieceType;
      const ghost = ch !== piece;
      runs.push({
        text: (ghost ? glyphs.ghost : glyphs.block).repeat(count),
        // A garbage block (`G`, dig) has no piece colour: the terminal's own.
        open: codes ? ((ghost ? codes.ghost[piece] : codes.block[piece]) ?? '') : '',
      });
    }
    start = i;
  }
  return runs;
}

/** One board row as text with its colour codes, as Ink is given it. */
export function boardRowText(line: string, display: Display): string {
  let out = '';
  for (const run of boardRuns(line, display)) out += run.open ? run.open + run.text + CLOSE_COLOR : run.text;
  return out;
}

/** One board row cell by cell: its characters, and per character the codes that open its colour ('' for none). */
export function boardRowCells(line: string, display: Display): { readonly text: string; readonly styles: readonly string[] } {
  let text = '';
  const styles: string[] = [];
  for (const run of boardRuns(line, display)) {
    text += run.text;
    for (let i = 0; i < run.text.length; i++) styles.push(run.open);
  }
  return { text, styles };
}
