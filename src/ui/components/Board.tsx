/**
 * The playfield: the two spawn rows above the well, then 10 x 20 cells
 * inside a border, each cell two columns wide (at scale 2 four columns and
 * two rows), or the panel that covers it. Rows are memoised on their text, so a
 * falling piece re-renders only the rows it touches; each row is drawn by
 * the one board-row renderer (frame/board-runs.ts).
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { boardRowText } from '../frame/board-runs.js';
import { gameLayout, type Scale } from '../frame/layout.js';
import { dimText, type Display } from '../frame/theme.js';
import type { Overlay } from './Panels.js';

/** Props of {@link Board}. */
export interface BoardProps {
  /** The well's drawn rows, top first: the 20 visible rows as `boardLines` makes them, at `scale` (`scaleLines`). */
  readonly rows: readonly string[];
  /**
   * The spawn rows as drawn, above the border (SPAWN_ROWS x scale high, blank for
   * fewer lines); undefined: the well alone, without the rows above it.
   */
  readonly spawn?: readonly string[];
  /** The size the rows are drawn at: the board's rectangle (layout.ts `gameLayout`). @default 1 */
  readonly scale?: Scale;
  readonly display: Display;
  /** Drawn inside the border instead of the cells (the paused and help panels). */
  readonly cover?: ReactNode;
  /** Drawn over the rows, which stay visible (the end of a game, the countdown). */
  readonly overlay?: Overlay | null;
  /** The rows are drawn dimmed (the final board under the end panel). @default false */
  readonly dim?: boolean;
}

/** One board row. */
const BoardRow = memo(function BoardRow({ line, display }: { readonly line: string; readonly display: Display }) {
  return <Text>{boardRowText(line, display)}</Text>;
});

/** A board row drawn dimmed, with `over` (text `cells` cells wide) over it from cell `from`, if given. */
function OverlaidRow({
  line,
  display,
  dim,
  over,
}: {
  readonly line: string;
  readonly display: Display;
  readonly dim: boolean;
  readonly over?: { readonly from: number; readonly cells: number; readonly text: string };
}) {
  const part = (cells: string) => (dim ? dimText(boardRowText(cells, display), display) : boardRowText(cells, display));
  if (!over) return <Text>{part(line)}</Text>;
  return <Text>{part(line.slice(0, over.from)) + over.text + part(line.slice(over.from + over.cells))}</Text>;
}

/** The spawn rows over the board in its border, or a panel covering it. */
export function Board({ rows, spawn, display, cover, overlay = null, dim = false, scale = 1 }: BoardProps) {
  const { boardWidth, boardHeight, spawnHeight } = gameLayout(scale);
  const row = (line: string, i: number): ReactNode => {
    const at = overlay ? i - overlay.top : -1;
    const text = overlay && at >= 0 && at < overlay.lines.length ? overlay.lines[at]! : null;
    if (text === null && !dim) return <BoardRow key={i} line={line} display={display} />;
    const over = text === null || !overlay ? undefined : { from: overlay.from, cells: overlay.cells, text };
    return <OverlaidRow key={i} line={line} display={display} dim={dim} over={over} />;
  };
  const well = (
    <Box borderStyle={display.glyphs.border} flexDirection="column" width={boardWidth} height={boardHeight} flexShrink={0}>
      {cover ?? rows.map(row)}
    </Box>
  );
  if (spawn === undefined) return well;
  return (
    <Box flexDirection="column" width={boardWidth} height={spawnHeight + boardHeight} flexShrink={0}>
      <Box flexDirection="column" width={boardWidth} height={spawnHeight} paddingLeft={1} flexShrink={0}>
        {spawn.map((line, i) =>
          dim ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place above the well
            <OverlaidRow key={i} line={line} display={display} dim />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place above the well
            <BoardRow key={i} line={line} display={display} />
          ),
        )}
      </Box>
      {well}
    </Box>
  );
}
