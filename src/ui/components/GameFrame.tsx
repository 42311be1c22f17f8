/**
 * The game screen, LAYOUT.width x LAYOUT.height cells: HOLD, NEXT, the
 * board, and the numbers, drawn from the frame model, so `replay --frame`
 * prints exactly what the terminal shows.
 */
import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { Cover, GameScreenFrame } from '../frame/frame-model.js';
import {
  BOARD_COLUMNS,
  BOARD_ROWS,
  BOARD_WIDTH,
  GAP,
  LAYOUT,
  PIECE_COLUMN_WIDTH,
  SIDEBAR_COLUMN_WIDTH,
  SPAWN_ROWS,
} from '../frame/layout.js';
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
   * Leave the board rows and the four numbers blank: the terminal app draws
   * them itself (see terminal/screen-fields.ts). @default false
   */
  readonly fieldsBlank?: boolean;
}

/** The board with every cell empty, as drawn when the fields are drawn elsewhere. */
const BLANK_LINES: readonly string[] = Object.freeze([
  ...Array<string>(SPAWN_ROWS).fill(' '.repeat(BOARD_COLUMNS)),
  ...Array<string>(BOARD_ROWS).fill('.'.repeat(BOARD_COLUMNS)),
]);

/** The board's rows for {@link Board}: the spawn rows above the well, then the well's (none under a cover). */
function boardRows(frame: GameScreenFrame, fieldsBlank: boolean): { rows: readonly string[]; spawn: readonly string[] } {
  const lines = frame.board === null ? [] : fieldsBlank ? BLANK_LINES : frame.board;
  return { spawn: lines.slice(0, SPAWN_ROWS), rows: lines.slice(SPAWN_ROWS) };
}

/** The board under a cover that leaves it visible. */
function underRows(cover: Cover): { rows: readonly string[]; spawn: readonly string[] } {
  const lines = 'under' in cover ? cover.under : [];
  return { spawn: lines.slice(0, SPAWN_ROWS), rows: lines.slice(SPAWN_ROWS) };
}

/** The four columns of the game screen, left to right, each of a fixed width (see {@link GAME_FRAME_COLUMNS}). */
export interface GameFrameParts {
  readonly hold: ReactElement;
  readonly next: ReactElement;
  /** The board in its border, or the panel that covers it. */
  readonly board: ReactElement;
  readonly sidebar: ReactElement;
}

/** The width of each column, in the order HOLD, NEXT, board, sidebar; GAP columns lie between them. */
export const GAME_FRAME_COLUMNS: readonly number[] = [PIECE_COLUMN_WIDTH, PIECE_COLUMN_WIDTH, BOARD_WIDTH, SIDEBAR_COLUMN_WIDTH];

/**
 * The columns of the screen. GameFrame lays them side by side; the
 * asciicast export draws them one by one, so that a column that did not
 * change costs nothing.
 */
export function gameFrameParts({ frame, display, fieldsBlank = false }: GameFrameProps): GameFrameParts {
  const overlay = frame.cover ? coverOverlay(frame.cover, display) : null;
  const cover = frame.cover && !overlay ? <CoverPanel cover={frame.cover} display={display} /> : null;
  return {
    hold: <HoldPanel piece={frame.hold} used={frame.holdUsed} display={display} />,
    next: <NextPanel pieces={frame.next} display={display} />,
    board: overlay ? (
      <Board {...underRows(frame.cover!)} display={display} overlay={overlay} dim={frame.cover!.kind === 'over'} />
    ) : (
      <Board {...boardRows(frame, fieldsBlank)} display={display} cover={cover} />
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
      />
    ),
  };
}

/** The whole game screen. While paused, the board, NEXT and HOLD are hidden. */
export function GameFrame(props: GameFrameProps) {
  const parts = gameFrameParts(props);
  return (
    <Box flexDirection="row" width={LAYOUT.width} height={LAYOUT.height} flexShrink={0}>
      {parts.hold}
      <Box marginLeft={GAP}>{parts.next}</Box>
      <Box marginLeft={GAP}>{parts.board}</Box>
      <Box marginLeft={GAP}>{parts.sidebar}</Box>
    </Box>
  );
}
