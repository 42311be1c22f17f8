/**
 * The playfield: the two spawn rows above the well, then 10 x 20 cells
 * inside a border, each cell two columns wide, or the panel that covers it. Rows are memoised on their text, so a
 * falling piece re-renders only the rows it touches; each row is drawn by
 * the one board-row renderer (frame/board-runs.ts).
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { boardRowText } from '../frame/board-runs.js';
import { BOARD_HEIGHT, BOARD_WIDTH, SPAWN_ROWS } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';

/** Props of {@link Board}. */
export interface BoardProps {
  /** The 20 visible rows, top first, as `boardLines` makes them. */
  readonly rows: readonly string[];
  /**
   * The spawn rows, drawn above the border (SPAWN_ROWS high, blank for
   * fewer lines); undefined: the well alone, without the rows above it.
   */
  readonly spawn?: readonly string[];
  readonly display: Display;
  /** Drawn inside the border instead of the cells (the paused, help and game-over panels). */
  readonly cover?: ReactNode;
}

/** One board row. */
const BoardRow = memo(function BoardRow({ line, display }: { readonly line: string; readonly display: Display }) {
  return <Text>{boardRowText(line, display)}</Text>;
});

/** The spawn rows over the board in its border, or a panel covering it. */
export function Board({ rows, spawn, display, cover }: BoardProps) {
  const well = (
    <Box borderStyle={display.glyphs.border} flexDirection="column" width={BOARD_WIDTH} height={BOARD_HEIGHT} flexShrink={0}>
      {/* biome-ignore lint/suspicious/noArrayIndexKey: a row is its place on the board, top to bottom */}
      {cover ?? rows.map((line, i) => <BoardRow key={i} line={line} display={display} />)}
    </Box>
  );
  if (spawn === undefined) return well;
  return (
    <Box flexDirection="column" width={BOARD_WIDTH} height={SPAWN_ROWS + BOARD_HEIGHT} flexShrink={0}>
      <Box flexDirection="column" width={BOARD_WIDTH} height={SPAWN_ROWS} paddingLeft={1} flexShrink={0}>
        {spawn.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place above the well
          <BoardRow key={i} line={line} display={display} />
        ))}
      </Box>
      {well}
    </Box>
  );
}
