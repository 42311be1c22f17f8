/**
 * NEXT: the coming pieces drawn as shapes, one under the other (`--preview N`).
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { gameLayout, type Scale } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';
import { PieceBox } from './PieceBox.js';

/** Props of {@link NextPanel}. */
export interface NextPanelProps {
  /** The coming pieces as letters (`"TSZIO"`), as many as the preview shows; '' while hidden. */
  readonly pieces: string;
  readonly display: Display;
  /** The size the column is drawn at (layout.ts `gameLayout`). @default 1 */
  readonly scale?: Scale;
}

/** The NEXT column. */
export const NextPanel = memo(function NextPanel({ pieces, display, scale = 1 }: NextPanelProps) {
  const layout = gameLayout(scale);
  return (
    <Box flexDirection="column" width={layout.pieceColumnWidth} height={layout.height} flexShrink={0}>
      <Box height={layout.sideTop} />
      <Text>NEXT</Text>
      {[...pieces].map((piece, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place in the preview; the same piece can stand in two
        <Box key={i} marginTop={1}>
          <PieceBox piece={piece as PieceType} display={display} scale={scale} />
        </Box>
      ))}
    </Box>
  );
});
