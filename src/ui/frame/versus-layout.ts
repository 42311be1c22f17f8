/**
 * The sizes of the versus screen: two boards side by side, each with its
 * own columns, in terminal cells. One side is HOLD over NEXT (one column,
 * so that two sides fit where a solo screen and a half would), the
 * incoming-garbage meter, the board, and the numbers; the second side is
 * the first one moved right. Board cells are as in solo (layout.ts), and
 * twice as wide and tall at scale 2 where the terminal holds that.
 */
import {
  BOARD_COLUMNS,
  BOARD_ROWS,
  CELL_WIDTH,
  FRAME_BOARD_ROWS,
  GAP,
  SIDEBAR_COLUMN_WIDTH,
  SPAWN_ROWS,
  STAT_HEIGHT,
  type Cell,
  type Scale,
  type TerminalSize,
} from './layout.js';

/** Columns between the two sides. */
export const SIDES_GAP = 4;
/** Columns of the incoming-garbage meter (one character a row). */
export const METER_WIDTH = 1;
/** Columns between the meter and the well's border. */
export const METER_GAP = 1;
/** The numbers of a side: SCORE, LEVEL, LINES, TIME and SENT. */
export const VERSUS_NUMBERS = 5;

/** One side's sizes at one scale; columns are from the side's own left edge. */
export interface VersusLayout {
  readonly scale: Scale;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Rows drawn above the well (the spawn rows). */
  readonly spawnHeight: number;
  /** Rows drawn inside the well's border. */
  readonly wellRows: number;
  readonly boardWidth: number;
  /** HOLD over NEXT: pieces four cells wide. */
  readonly pieceColumnWidth: number;
  readonly pieceBoxHeight: number;
  /** Rows above HOLD and the first number: level with the well. */
  readonly sideTop: number;
  readonly meterLeft: number;
  readonly boardLeft: number;
  readonly sidebarLeft: number;
  /** One side. */
  readonly sideWidth: number;
  /** Where the second side begins. */
  readonly rightLeft: number;
  /** The whole versus screen: what must fit in the terminal. */
  readonly width: number;
  readonly height: number;
}

function layoutAt(scale: Scale): VersusLayout {
  const cellWidth = CELL_WIDTH * scale;
  const pieceColumnWidth = 4 * cellWidth;
  const boardWidth = BOARD_COLUMNS * cellWidth + 2;
  const spawnHeight = SPAWN_ROWS * scale;
  const meterLeft = pieceColumnWidth + GAP;
  const boardLeft = meterLeft + METER_WIDTH + METER_GAP;
  const sidebarLeft = boardLeft + boardWidth + GAP;
  const sideWidth = sidebarLeft + SIDEBAR_COLUMN_WIDTH;
  return Object.freeze({
    scale,
    cellWidth,
    cellHeight: scale,
    spawnHeight,
    wellRows: BOARD_ROWS * scale,
    boardWidth,
    pieceColumnWidth,
    pieceBoxHeight: 2 * scale,
    sideTop: spawnHeight + 1,
    meterLeft,
    boardLeft,
    sidebarLeft,
    sideWidth,
    rightLeft: sideWidth + SIDES_GAP,
    width: 2 * sideWidth + SIDES_GAP,
    height: spawnHeight + BOARD_ROWS * scale + 2,
  });
}

const LAYOUTS: Readonly<Record<Scale, VersusLayout>> = Object.freeze({ 1: layoutAt(1), 2: layoutAt(2) });

/** The versus screen's sizes at `scale`. */
export function versusLayout(scale: Scale = 1): VersusLayout {
  return LAYOUTS[scale];
}

/** The smallest terminal the versus screen is drawn in: its size at the normal scale (108 x 24). */
export const VERSUS_MIN: TerminalSize = Object.freeze({ columns: LAYOUTS[1].width, rows: LAYOUTS[1].height });

/** Whether the versus screen fits a terminal of `size`. */
export function versusFits(size: TerminalSize): boolean {
  return size.columns >= VERSUS_MIN.columns && size.rows >= VERSUS_MIN.rows;
}

/** Scale 2 when `big` is asked for and the terminal holds the screen at twice its cells (164 x 48), else 1. */
export function versusScaleFor(size: TerminalSize, big: boolean): Scale {
  const double = LAYOUTS[2];
  return big && size.columns >= double.width && size.rows >= double.height ? 2 : 1;
}

/** The top-left cell of the versus screen at `scale` in a terminal of `size`: centred by whole cells. */
export function versusOrigin(size: TerminalSize, scale: Scale = 1): Cell {
  const { width, height } = LAYOUTS[scale];
  return { row: Math.floor((size.rows - height) / 2), column: Math.floor((size.columns - width) / 2) };
}

/** Where one side's fields are: its board's screen rows, top first, and its numbers' values. */
export interface VersusSideCells {
  /** FRAME_BOARD_ROWS x scale cells: the spawn rows, then the well's inside its border. */
  readonly board: readonly Cell[];
  /** SCORE, LEVEL, LINES, TIME, SENT: where each value begins (SIDEBAR_WIDTH cells wide). */
  readonly numbers: readonly Cell[];
  /** A watched match's speed and clock, under REPLAY below the numbers (SIDEBAR_WIDTH cells wide). */
  readonly status: readonly Cell[];
}

/** The cells of both sides' fields at `scale` in a terminal of `size`, from the sizes the components lay out. */
export function versusFieldCells(size: TerminalSize, scale: Scale = 1): readonly [VersusSideCells, VersusSideCells] {
  const origin = versusOrigin(size, scale);
  const layout = LAYOUTS[scale];
  const side = (left: number): VersusSideCells => ({
    board: Array.from({ length: FRAME_BOARD_ROWS * scale }, (_, i) => ({
      row: origin.row + i + (i < layout.spawnHeight ? 0 : 1),
      column: origin.column + left + layout.boardLeft + 1,
    })),
    numbers: Array.from({ length: VERSUS_NUMBERS }, (_, i) => ({
      row: origin.row + layout.sideTop + i * STAT_HEIGHT + 1,
      column: origin.column + left + layout.sidebarLeft,
    })),
    status: [1, 2].map((i) => ({
      row: origin.row + layout.sideTop + VERSUS_NUMBERS * STAT_HEIGHT + i,
      column: origin.column + left + layout.sidebarLeft,
    })),
  });
  return [side(0), side(layout.rightLeft)];
}
