/**
 * The one way a piece under HOLD or NEXT is drawn: its spawn shape centred
 * in a box four cells wide and two rows high, each cell `scale` times
 * across and down (layout.ts `gameLayout`). The Ink PieceBox and the
 * painter's HOLD and NEXT fields (terminal/screen-fields.ts) both draw
 * these rows, so a piece looks the same whichever of them draws it.
 */
import type { PieceType } from '../../core/index.js';
import { pieceRows, scaleLines } from './board-lines.js';
import { gameLayout, type Scale } from './layout.js';
import type { Display } from './theme.js';

/** One drawn row of a piece box: blank columns, then the shape to its last block. */
export interface PieceBoxRow {
  /** Columns before the shape: it is centred by its own width in cells. */
  readonly indent: number;
  /** The shape's characters (glyphs), the gaps inside it as empty cells; it ends at its last block. */
  readonly body: string;
}

/** The drawn rows of `piece`'s box, top first (none for an empty box); the box's rows below them are blank. */
export function pieceBoxRows(piece: PieceType | null, display: Pick<Display, 'glyphs'>, scale: Scale): PieceBoxRow[] {
  if (!piece) return [];
  const { cellWidth } = gameLayout(scale);
  const { glyphs } = display;
  return scaleLines(pieceRows(piece), scale).map((row) => {
    // A drawn row holds `scale` characters per cell.
    const indent = ((4 - row.length / scale) * cellWidth) / 2;
    let body = '';
    for (const ch of row) body += ch === '.' ? glyphs.empty : glyphs.block;
    return { indent, body: body.trimEnd() };
  });
}
