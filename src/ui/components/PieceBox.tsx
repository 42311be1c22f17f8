/**
 * A piece drawn small, in its spawn state, centred in a box four cells wide
 * and two rows high: the pieces under NEXT and the one in HOLD.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { pieceRows } from '../frame/board-lines.js';
import { CELL_WIDTH, PIECE_COLUMN_WIDTH } from '../frame/layout.js';
import { dimText, pieceText, type Display } from '../frame/theme.js';

/** Props of {@link PieceBox}. */
export interface PieceBoxProps {
  /** The piece, or null for an empty box (an empty hold, or hidden while paused). */
  readonly piece: PieceType | null;
  readonly display: Display;
  /** Drawn dim: a held piece that cannot be taken back now. @default false */
  readonly dimmed?: boolean;
}

/** Rows of a piece box. */
export const PIECE_BOX_HEIGHT = 2;

/** Two rows, four cells wide: the piece centred in them, or blank. */
export const PieceBox = memo(function PieceBox({ piece, display, dimmed = false }: PieceBoxProps) {
  const rows = piece ? pieceRows(piece) : [];
  const { glyphs } = display;
  return (
    <Box flexDirection="column" width={PIECE_COLUMN_WIDTH} height={PIECE_BOX_HEIGHT} flexShrink={0}>
      {rows.map((row, i) => {
        const indent = ' '.repeat(((4 - row.length) * CELL_WIDTH) / 2);
        // The gaps inside a spawn shape are empty cells; the row ends at its last block.
        let body = '';
        for (const ch of row) body += ch === '.' ? glyphs.empty : glyphs.block;
        const text = pieceText(body.trimEnd(), piece!, display);
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the shape, top to bottom
        return <Text key={i}>{indent + (dimmed ? dimText(text, display) : text)}</Text>;
      })}
    </Box>
  );
});
