/**
 * The playfield: 10 x 20 cells inside a border, each cell two columns wide.
 * Rows are memoised on their text, so a falling piece re-renders only the
 * rows it touches.
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { PieceType } from '../../core/index.js';
import { BOARD_HEIGHT, BOARD_WIDTH } from '../frame/layout.js';
import { ghostColor, type Display, type Glyphs, type Palette } from '../frame/theme.js';

/** Props of {@link Board}. */
export interface BoardProps {
  /** The 20 visible rows, top first, as `boardLines` makes them. */
  readonly lines: readonly string[];
  readonly display: Display;
  /** Drawn inside the border instead of the cells (the paused, help and game-over panels). */
  readonly cover?: ReactNode;
}

interface RowProps {
  readonly line: string;
  readonly glyphs: Glyphs;
  readonly palette: Palette | null;
}

/** One board row: runs of equal cells drawn as one string each, coloured by piece. */
const BoardRow = memo(function BoardRow({ line, glyphs, palette }: RowProps) {
  if (!palette) {
    let text = '';
    for (const ch of line) text += ch === '.' ? glyphs.empty : ch === ch.toUpperCase() ? glyphs.block : glyphs.ghost;
    return <Text>{text}</Text>;
  }
  const runs: ReactNode[] = [];
  let start = 0;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[start]) continue;
    const ch = line[start]!;
    const count = i - start;
    if (ch === '.') {
      runs.push(glyphs.empty.repeat(count));
    } else {
      const piece = ch.toUpperCase() as PieceType;
      const ghost = ch !== piece;
      runs.push(
        <Text key={start} color={ghost ? ghostColor(palette[piece]) : palette[piece]}>
          {(ghost ? glyphs.ghost : glyphs.block).repeat(count)}
        </Text>,
      );
    }
    start = i;
  }
  return <Text>{runs}</Text>;
});

/** The board in its border, or a panel covering it. */
export function Board({ lines, display, cover }: BoardProps) {
  return (
    <Box borderStyle={display.glyphs.border} flexDirection="column" width={BOARD_WIDTH} height={BOARD_HEIGHT} flexShrink={0}>
      {/* biome-ignore lint/suspicious/noArrayIndexKey: a row is its place on the board, top to bottom */}
      {cover ?? lines.map((line, i) => <BoardRow key={i} line={line} glyphs={display.glyphs} palette={display.palette} />)}
    </Box>
  );
}
