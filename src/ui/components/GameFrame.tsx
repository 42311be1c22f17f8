/**
 * The game screen, LAYOUT.width x LAYOUT.height cells (at the frame's
 * scale 2, `gameLayout(2)`'s): HOLD, NEXT, the board, and the numbers,
 * drawn from the frame model, so `replay --frame` prints exactly what the
 * terminal shows.
 */
import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { Cover, GameScreenFrame } from '../frame/frame-model.js';
import { scaleLines } from '../frame/board-lines.js';
import { BOARD_COLUMNS, BOARD_ROWS, GAP, gameLayout, SIDEBAR_COLUMN_WIDTH, SPAWN_ROWS, type Scale } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';
import { Board } from './Board.js';
import { HoldPanel } from './HoldPanel.js';
import { NextPanel } from './NextPanel.js';
import { CoverPanel, coverOverlay } from './Panels.js';
import { Sidebar } from './Sidebar.js';

/** Props of {@link GameFrame}. */
export interface GameFrameProps {
  readonly frame: GameScreenFrame;
  readonly display: Display;
  /**
   * Leave the board rows, the four numbers and the pieces under HOLD and
   * NEXT blank: the terminal app draws them itself (see
   * terminal/screen-fields.ts). @default false
   */
  readonly fieldsBlank?: boolean;
}

/** The board with every cell empty, as drawn when the fields are drawn elsewhere. */
const BLANK_LINES: readonly string[] = Object.freeze([
  ...Array<string>(SPAWN_ROWS).fill(' '.repeat(BOARD_COLUMNS)),
  ...Array<string>(BOARD_ROWS).fill('.'.repeat(BOARD_COLUMNS)),
]);

/** Board rows as {@link Board} draws them at `scale`: the spawn rows above the well, then the well's. */
function drawnRows(lines: readonly string[], scale: Scale): { rows: readonly string[]; spawn: readonly string[] } {
  const drawn = scaleLines(lines, scale);
  const spawn = SPAWN_ROWS * scale;
  return { spawn: drawn.slice(0, spawn), rows: drawn.slice(spawn) };
}

/** The board's rows for {@link Board} (none under a cover). */
function boardRows(frame: GameScreenFrame, fieldsBlank: boolean): { rows: readonly string[]; spawn: readonly string[] } {
  return drawnRows(frame.board === null ? [] : fieldsBlank ? BLANK_LINES : frame.board, frame.scale);
}

/** The board under a cover that leaves it visible. */
function underRows(cover: Cover, scale: Scale): { rows: readonly string[]; spawn: readonly string[] } {
  return drawnRows('under' in cover ? cover.under : [], scale);
}

/** The four columns of the game screen, left to right, each of a fixed width (see {@link GAME_FRAME_COLUMNS}). */
export interface GameFrameParts {
  readonly hold: ReactElement;
  readonly next: ReactElement;
  /** The board in its border, or the panel that covers it. */
  readonly board: ReactElement;
  readonly sidebar: ReactElement;
}

/** The width of each column at `scale`, in the order HOLD, NEXT, board, sidebar; GAP columns lie between them. */
export function gameFrameColumns(scale: Scale = 1): readonly number[] {
  const { pieceColumnWidth, boardWidth } = gameLayout(scale);
  return [pieceColumnWidth, pieceColumnWidth, boardWidth, SIDEBAR_COLUMN_WIDTH];
}

/** The width of each column at the normal size (see {@link gameFrameColumns}). */
export const GAME_FRAME_COLUMNS: readonly number[] = gameFrameColumns(1);

/**
 * The columns of the screen. GameFrame lays them side by side; the
 * asciicast export draws them one by one, so that a column that did not
 * change costs nothing.
 */
export function gameFrameParts({ frame, display, fieldsBlank = false }: GameFrameProps): GameFrameParts {
  const { scale } = frame;
  const layout = gameLayout(scale);
  const overlay = frame.cover ? coverOverlay(frame.cover, display, layout) : null;
  const cover = frame.cover && !overlay ? <CoverPanel cover={frame.cover} display={display} wellRows={layout.wellRows} /> : null;
  return {
    // Blank, the piece boxes are fields too: the painter draws HOLD's and NEXT's pieces.
    hold: <HoldPanel piece={fieldsBlank ? null : frame.hold} used={!fieldsBlank && frame.holdUsed} display={display} scale={scale} />,
    next: <NextPanel pieces={fieldsBlank ? '' : frame.next} display={display} scale={scale} />,
    board: overlay ? (
      <Board {...underRows(frame.cover!, scale)} display={display} overlay={overlay} dim={frame.cover!.kind === 'over'} scale={scale} />
    ) : (
      <Board {...boardRows(frame, fieldsBlank)} display={display} cover={cover} scale={scale} />
    ),
    sidebar: (
      <Sidebar
        numbers={frame.numbers}
        linesLabel={frame.linesLabel}
        timeLabel={frame.timeLabel}
        side={frame.side}
        feedback={frame.feedback}
        pace={frame.pace}
        hint={frame.hint}
        numbersBlank={fieldsBlank}
        scale={scale}
      />
    ),
  };
}

/** The whole game screen. While paused, the board, NEXT and HOLD are hidden. */
export function GameFrame(props: GameFrameProps) {
  const parts = gameFrameParts(props);
  const { width, height } = gameLayout(props.frame.scale);
  return (
    <Box flexDirection="row" width={width} height={height} flexShrink={0}>
      {parts.hold}
      <Box marginLeft={GAP}>{parts.next}</Box>
      <Box marginLeft={GAP}>{parts.board}</Box>
      <Box marginLeft={GAP}>{parts.sidebar}</Box>
    </Box>
  );
}
