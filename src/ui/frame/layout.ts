/**
 * The fixed size of the game screen and the number formats it shows. Every
 * size here is in terminal cells; a board cell is two columns wide.
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
 * Rows above a panel of `height` rows drawn over the board, to centre it.
 * Whole rows: Yoga's own centring places rows at half positions, and its
 * rounding then lets neighbouring rows overwrite each other.
 */
export function coverPadding(height: number): number {
  return Math.max(0, Math.floor((BOARD_ROWS - height) / 2));
}

/** Rows of one number in the sidebar: its label, its value, a blank row. */
export const STAT_HEIGHT = 3;
/**
 * Rows above the first line of HOLD, NEXT and the sidebar: the spawn rows
 * and the board's top border, so that they start level with the well.
 */
export const SIDE_TOP = SPAWN_ROWS + 1;
/** Columns of the frame before the board's border, and before the sidebar. */
const BOARD_LEFT = 2 * (PIECE_COLUMN_WIDTH + GAP);
const SIDEBAR_LEFT = BOARD_LEFT + BOARD_WIDTH + GAP;

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

/** The top-left cell of the game frame in a terminal of `size`: centred by whole cells. */
export function frameOrigin(size: TerminalSize): Cell {
  return { row: Math.floor((size.rows - LAYOUT.height) / 2), column: Math.floor((size.columns - LAYOUT.width) / 2) };
}

/**
 * Where the game frame's fields are in a terminal of `size`: the first cell
 * of each board row (the spawn rows above the border, then the well's
 * inside it), and the four numbers' values.
 */
export interface FieldCells {
  /** FRAME_BOARD_ROWS cells, top first. */
  readonly board: readonly Cell[];
  /** SCORE, LEVEL, LINES, TIME: where each value begins (SIDEBAR_WIDTH cells wide). */
  readonly numbers: readonly Cell[];
}

/** The cells of the fields, from the same sizes the components lay out. */
export function fieldCells(size: TerminalSize): FieldCells {
  const origin = frameOrigin(size);
  return {
    // The spawn rows, then the top border, then the well.
    board: Array.from({ length: FRAME_BOARD_ROWS }, (_, i) => ({
      row: origin.row + i + (i < SPAWN_ROWS ? 0 : 1),
      column: origin.column + BOARD_LEFT + 1,
    })),
    numbers: [0, 1, 2, 3].map((i) => ({ row: origin.row + SIDE_TOP + i * STAT_HEIGHT + 1, column: origin.column + SIDEBAR_LEFT })),
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
