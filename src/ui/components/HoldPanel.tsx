/**
 * HOLD: the piece put aside, drawn in its spawn state (blank when the box is
 * empty, and while paused), dimmed while hold is used up for the piece in play
 * (`(used)` under it where there is no colour).
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { gameLayout, type Scale } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';
import { PieceBox } from './PieceBox.js';

/** Props of {@link HoldPanel}. */
export interface HoldPanelProps {
  /** The piece shown; null for none (an empty hold, or hidden while paused). */
  readonly piece: PieceType | null;
  readonly display: Display;
  /** The size the column is drawn at (layout.ts `gameLayout`). @default 1 */
  readonly scale?: Scale;
  /** Hold is used up for the piece in play: the piece is drawn dimmed. @default false */
  readonly used?: boolean;
}

/** The HOLD column. */
export const HoldPanel = memo(function HoldPanel({ piece, display, used = false, scale = 1 }: HoldPanelProps) {
  const layout = gameLayout(scale);
  return (
    <Box flexDirection="column" width={layout.pieceColumnWidth} height={layout.height} flexShrink={0}>
      <Box height={layout.sideTop} />
      <Text>HOLD</Text>
      <Box marginTop={1}>
        <PieceBox piece={piece} display={display} dimmed={used} scale={scale} />
      </Box>
      {/* Without colour nothing can be dim: the word says it. */}
      {used && piece && !display.palette ? <Text>(used)</Text> : null}
    </Box>
  );
});
