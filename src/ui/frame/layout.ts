/**
 * The fixed size of the game screen and the number formats it shows. Every
 * size here is in terminal cells; a board cell is two columns wide, and
 * twice that and two rows high at scale 2 (`--big`, see `gameLayout`).
 */
import { SPRINT_LINES, TICKS_PER_SECOND, ULTRA_TICKS, type Mode } from '../../core/index.js';

/** Columns of one board cell. */
export const CELL_WIDTH = 2;
/** Board columns (RULES.md "Playfield"). */
export const BOARD_COLUMNS = 10;
/** Visible board rows (RULES.md "Playfield"). */
export const BOARD_ROWS = 20;
/** Columns of the board with its border. */
export const BOARD_WIDTH = BOARD_COLUMNS * CELL_WIDTH + 2;
/** Rows of the board with its border. */
export const BOARD_HEIGHT = BOARD_ROWS + 2;
/**
 * Rows drawn above the well: the spawn rows 20 and 21 (RULES.md
 * "Playfield"), so a new piece shows whole from its first frame.
 */
export const SPAWN_ROWS = 2;
/** The board's rows as the frame has them: the spawn rows, then the well's. */
export const FRAME_BOARD_ROWS = SPAWN_ROWS + BOARD_ROWS;
/** The HOLD and NEXT columns, left of the board: pieces four cells wide. */
export const PIECE_COLUMN_WIDTH = 4 * CELL_WIDTH;
/** The numbers right of the board (SCORE, LEVEL, LINES, TIME): the painter's fields are this wide. */
export const SIDEBAR_WIDTH = 10;
/** The column right of the board: the numbers, and the feedback texts under them ("T-SPIN DOUBLE", "BACK-TO-BACK"). */
export const SIDEBAR_COLUMN_WIDTH = 16;
/** Space between the columns. */
export const GAP = 2;

/**
 * The whole game screen, HOLD | NEXT | board | numbers: what must fit in the
 * terminal, and what `frameText` prints.
 */
export const LAYOUT = Object.freeze({
  width: PIECE_COLUMN_WIDTH + GAP + PIECE_COLUMN_WIDTH + GAP + BOARD_WIDTH + GAP + SIDEBAR_COLUMN_WIDTH,
  height: SPAWN_ROWS + BOARD_HEIGHT,
});

/**
 * Rows above a panel of `height` rows drawn over the board (a well of
 * `wellRows` drawn rows), to centre it.
 * Whole rows: Yoga's own centring places rows at half positions, and its
 * rounding then lets neighbouring rows overwrite each other.
 */
export function coverPadding(height: number, wellRows: number = BOARD_ROWS): number {
  return Math.max(0, Math.floor((wellRows - height) / 2));
}

/** Rows of one number in the sidebar: its label, its value, a blank row. */
export const STAT_HEIGHT = 3;
/**
 * Rows above the first line of HOLD, NEXT and the sidebar: the spawn rows
 * and the board's top border, so that they start level with the well.
 */
export const SIDE_TOP = SPAWN_ROWS + 1;

/** The terminal size, in columns and rows. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** A cell of the terminal, from 0. */
export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** The smallest terminal the menus are drawn in (their lists scroll in it): their widest line, and a few rows of list. */
export const MENU_MIN: TerminalSize = Object.freeze({ columns: 48, rows: 12 });

/** Whether a terminal of `size` holds `need`. */
export function fitsIn(size: TerminalSize, need: TerminalSize): boolean {
  return size.columns >= need.columns && size.rows >= need.rows;
}

/** Whether the game screen fits a terminal of this size. */
export function fits(size: TerminalSize): boolean {
  return size.columns >= LAYOUT.width && size.rows >= LAYOUT.height;
}

/**
 * How many times its normal size the game screen is drawn: 2 (`--big`,
 * config.json's `big`) draws every board cell, and HOLD's and NEXT's,
 * twice as wide and twice as tall; the sidebar's text stays as it is.
 */
export type Scale = 1 | 2;

/**
 * The scale of the game screen in a terminal of `size`: 2 when `big` is
 * asked for and the terminal is at least twice {@link LAYOUT} both ways
 * (120 x 48), else 1, so asking for big never makes a terminal too small.
 */
export function scaleFor(size: TerminalSize, big: boolean): Scale {
  return big && size.columns >= 2 * LAYOUT.width && size.rows >= 2 * LAYOUT.height ? 2 : 1;
}

/** The game screen's sizes at one scale, in terminal cells: every rectangle the components and the painter use. */
export interface GameLayout {
  readonly scale: Scale;
  /** Columns of one board cell (and of one cell of a piece under HOLD or NEXT). */
  readonly cellWidth: number;
  /** Rows of one board cell. */
  readonly cellHeight: number;
  /** Rows drawn above the well (the spawn rows, each cellHeight high). */
  readonly spawnHeight: number;
  /** Rows drawn inside the well's border. */
  readonly wellRows: number;
  /** The board with its border, and its rows with the spawn rows above. */
  readonly boardWidth: number;
  readonly boardHeight: number;
  /** The HOLD and NEXT columns: pieces four cells wide. */
  readonly pieceColumnWidth: number;
  /** Rows of one piece under HOLD or NEXT: two cells high. */
  readonly pieceBoxHeight: number;
  /** Rows above the first line of HOLD, NEXT and the sidebar: level with the well. */
  readonly sideTop: number;
  /** Columns of the frame before the board's border, and before the sidebar. */
  readonly boardLeft: number;
  readonly sidebarLeft: number;
  /** The whole game screen. */
  readonly width: number;
  readonly height: number;
}

function layoutAt(scale: Scale): GameLayout {
  const cellWidth = CELL_WIDTH * scale;
  const pieceColumnWidth = 4 * cellWidth;
  const boardWidth = BOARD_COLUMNS * cellWidth + 2;
  const spawnHeight = SPAWN_ROWS * scale;
  const boardLeft = 2 * (pieceColumnWidth + GAP);
  const sidebarLeft = boardLeft + boardWidth + GAP;
  return Object.freeze({
    scale,
    cellWidth,
    cellHeight: scale,
    spawnHeight,
    wellRows: BOARD_ROWS * scale,
    boardWidth,
    boardHeight: BOARD_ROWS * scale + 2,
    pieceColumnWidth,
    pieceBoxHeight: 2 * scale,
    sideTop: spawnHeight + 1,
    boardLeft,
    sidebarLeft,
    width: sidebarLeft + SIDEBAR_COLUMN_WIDTH,
    height: spawnHeight + BOARD_ROWS * scale + 2,
  });
}

const LAYOUTS: Readonly<Record<Scale, GameLayout>> = Object.freeze({ 1: layoutAt(1), 2: layoutAt(2) });

/** The game screen's sizes at `scale`; at 1 they are {@link LAYOUT}'s. */
export function gameLayout(scale: Scale = 1): GameLayout {
  return LAYOUTS[scale];
}

/** The top-left cell of the game frame at `scale` in a terminal of `size`: centred by whole cells. */
export function frameOrigin(size: TerminalSize, scale: Scale = 1): Cell {
  const { width, height } = gameLayout(scale);
  return { row: Math.floor((size.rows - height) / 2), column: Math.floor((size.columns - width) / 2) };
}

/** The most pieces NEXT shows (theme.ts `PREVIEW_RANGE`): the NEXT fields are laid out for this many. */
export const MAX_PREVIEW = 6;

/**
 * Where the game frame's fields are in a terminal of `size`: the first cell
 * of each screen row of the board (the spawn rows above the border, then
 * the well's inside it; at scale 2 each board row is two screen rows), the
 * four numbers' values, and the rows of the pieces under HOLD and NEXT.
 */
export interface FieldCells {
  /** FRAME_BOARD_ROWS x scale cells, top first. */
  readonly board: readonly Cell[];
  /** SCORE, LEVEL, LINES, TIME: where each value begins (SIDEBAR_WIDTH cells wide). */
  readonly numbers: readonly Cell[];
  /** The rows of HOLD's piece box (pieceBoxHeight of them), then the row under it (`(used)` without colour); pieceColumnWidth cells wide. */
  readonly hold: readonly Cell[];
  /** The rows of NEXT's piece boxes, MAX_PREVIEW boxes of pieceBoxHeight rows, top first; pieceColumnWidth cells wide. */
  readonly next: readonly Cell[];
}

/** The cells of the fields at `scale`, from the same sizes the components lay out. */
export function fieldCells(size: TerminalSize, scale: Scale = 1): FieldCells {
  const origin = frameOrigin(size, scale);
  const { spawnHeight, boardLeft, sidebarLeft, sideTop, pieceBoxHeight, pieceColumnWidth } = gameLayout(scale);
  // HOLD's and NEXT's first box: under the label and a blank row (HoldPanel, NextPanel); each next box a blank row lower.
  const boxTop = origin.row + sideTop + 2;
  return {
    // The spawn rows, then the top border, then the well.
    board: Array.from({ length: FRAME_BOARD_ROWS * scale }, (_, i) => ({
      row: origin.row + i + (i < spawnHeight ? 0 : 1),
      column: origin.column + boardLeft + 1,
    })),
    numbers: [0, 1, 2, 3].map((i) => ({ row: origin.row + sideTop + i * STAT_HEIGHT + 1, column: origin.column + sidebarLeft })),
    hold: Array.from({ length: pieceBoxHeight + 1 }, (_, i) => ({ row: boxTop + i, column: origin.column })),
    next: Array.from({ length: MAX_PREVIEW * pieceBoxHeight }, (_, i) => ({
      row: boxTop + Math.floor(i / pieceBoxHeight) * (pieceBoxHeight + 1) + (i % pieceBoxHeight),
      column: origin.column + pieceColumnWidth + GAP,
    })),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Ticks of play as a clock: `m:ss`, or `h:mm:ss` past an hour; with
 * `precise`, hundredths too (`m:ss.cc`). Whole seconds change once a second,
 * so the running clock redraws once a second, not sixty times.
 */
export function formatTime(ticks: number, precise = false): string {
  const totalSeconds = Math.floor(ticks / TICKS_PER_SECOND);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const clock = hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${minutes}:${pad2(seconds)}`;
  if (!precise) return clock;
  const hundredths = Math.floor(((ticks % TICKS_PER_SECOND) * 100) / TICKS_PER_SECOND);
  return `${clock}.${pad2(hundredths)}`;
}

/** Coarser units of a clock too wide for its place: hours in each. */
const CLOCK_UNITS: readonly (readonly [unit: string, hours: number])[] = [
  ['h', 1],
  ['d', 24],
  ['y', 24 * 365],
];

/**
 * Ticks of play as a clock of at most `width` characters: {@link formatTime}
 * while it fits (`9999:59:59` in ten, 416 days), then the first of whole
 * hours, days or years of 365 days that fits (`192901234d` for 1e15 ticks;
 * a safe integer of ticks is 4760273 years). A clock is never cut (a cut
 * `4629629629:37:46` reads as `4629629629`) nor wrapped onto the next row.
 */
export function clockText(ticks: number, width: number): string {
  const clock = formatTime(ticks);
  if (clock.length <= width) return clock;
  const hours = Math.floor(ticks / (TICKS_PER_SECOND * 3600));
  let text = clock;
  for (const [unit, per] of CLOCK_UNITS) {
    text = `${Math.floor(hours / per)}${unit}`;
    if (text.length <= width) break;
  }
  return text;
}

/** Pieces locked per second of play, two decimals (`0.00` before the first second). */
export function piecesPerSecond(pieces: number, ticks: number): string {
  if (ticks <= 0) return '0.00';
  return ((pieces * TICKS_PER_SECOND) / ticks).toFixed(2);
}

/**
 * SCORE, LEVEL, LINES (lines left in sprint, garbage rows left in dig) and
 * TIME (to the hundredth in sprint, the time left in ultra) as the sidebar
 * shows them. A number wider than the sidebar is cut to its width (a score
 * of over ten digits; no game reaches one); TIME goes to coarser units
 * instead.
 */
export function sidebarNumbers(score: number, level: number, lines: number, time: number, mode: Mode, garbageLeft = 0): string[] {
  const shown = mode === 'sprint' ? Math.max(0, SPRINT_LINES - lines) : mode === 'dig' ? garbageLeft : lines;
  const clock =
    mode === 'sprint'
      ? formatTime(time, true)
      : mode === 'ultra'
        ? formatTime(Math.max(0, ULTRA_TICKS - time), true)
        : clockText(time, SIDEBAR_WIDTH);
  return [...[String(score), String(level), String(shown)].map((value) => value.slice(0, SIDEBAR_WIDTH)), clock.slice(0, SIDEBAR_WIDTH)];
}

/** The labels of the third and fourth numbers in `mode`. */
export function numberLabels(mode: Mode): { readonly lines: string; readonly time: string } {
  switch (mode) {
    case 'sprint':
      return { lines: 'LINES LEFT', time: 'TIME' };
    case 'ultra':
      return { lines: 'LINES', time: 'TIME LEFT' };
    case 'dig':
      return { lines: 'GARBAGE LEFT', time: 'TIME' };
    case 'marathon':
      return { lines: 'LINES', time: 'TIME' };
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/** A text as lines of the sidebar: broken at its last space that fits ("T-SPIN DOUBLE" over "+1200"), cut only where there is none. */
export function sidebarLines(text: string): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > SIDEBAR_COLUMN_WIDTH) {
    const at = rest.lastIndexOf(' ', SIDEBAR_COLUMN_WIDTH);
    if (at <= 0) break;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  lines.push(rest.slice(0, SIDEBAR_COLUMN_WIDTH));
  return lines;
}
