/**
 * NEXT: the coming pieces drawn as shapes, one under the other (`--preview N`).
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { LAYOUT, PIECE_COLUMN_WIDTH } from '../frame/layout.js';
import { PieceBox } from './PieceBox.js';
import type { Display } from '../frame/theme.js';

/** Props of {@link NextPanel}. */
export interface NextPanelProps {
  /** The coming pieces as letters (`"TSZIO"`), as many as the preview shows; a string, so the panel redraws only when it changes. */
  readonly pieces: string;
  /** Hide the pieces (while paused). */
  readonly hidden: boolean;
  readonly display: Display;
}

/** The NEXT column. */
export const NextPanel = memo(function NextPanel({ pieces, hidden, display }: NextPanelProps) {
  return (
    <Box flexDirection="column" width={PIECE_COLUMN_WIDTH} height={LAYOUT.height} flexShrink={0}>
      <Box height={1} />
      <Text>NEXT</Text>
      {hidden
        ? null
        : [...pieces].map((piece, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place in the preview; the same piece can stand in two
            <Box key={i} marginTop={1}>
              <PieceBox piece={piece as PieceType} display={display} />
            </Box>
          ))}
    </Box>
  );
});
