/**
 * A piece drawn small, in its spawn state, centred in a box four cells wide
 * and two rows high (at scale 2 each cell twice as wide and tall): the
 * pieces under NEXT and the one in HOLD.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { gameLayout, type Scale } from '../frame/layout.js';
import { pieceBoxRows } from '../frame/piece-box.js';
import { dimText, pieceText, type Display } from '../frame/theme.js';

/** Props of {@link PieceBox}. */
export interface PieceBoxProps {
  /** The piece, or null for an empty box (an empty hold, or hidden while paused). */
  readonly piece: PieceType | null;
  readonly display: Display;
  /** Drawn dim: a held piece that cannot be taken back now. @default false */
  readonly dimmed?: boolean;
  /** Each cell drawn `scale` times across and down. @default 1 */
  readonly scale?: Scale;
}

/** Rows of a piece box at the normal size. */
export const PIECE_BOX_HEIGHT = gameLayout(1).pieceBoxHeight;

/** Two rows, four cells wide: the piece centred in them, or blank. */
export const PieceBox = memo(function PieceBox({ piece, display, dimmed = false, scale = 1 }: PieceBoxProps) {
  const { pieceColumnWidth, pieceBoxHeight } = gameLayout(scale);
  return (
    <Box flexDirection="column" width={pieceColumnWidth} height={pieceBoxHeight} flexShrink={0}>
      {pieceBoxRows(piece, display, scale).map(({ indent, body }, i) => {
        const text = pieceText(body, piece!, display);
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the shape, top to bottom
        return <Text key={i}>{' '.repeat(indent) + (dimmed ? dimText(text, display) : text)}</Text>;
      })}
    </Box>
  );
});
