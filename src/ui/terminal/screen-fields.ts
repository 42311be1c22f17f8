/**
 * The cells of the game screen that change while a piece falls: the 20
 * board rows and the four numbers (SCORE, LEVEL, LINES, TIME). The terminal
 * app draws these itself, cell by cell, and Ink draws the rest of the frame
 * with them left blank (GameFrame's `fieldsBlank`): a piece that falls or
 * moves then costs a few cursor moves and the cells that changed, not a
 * render of the whole tree (docs/PERFORMANCE.md).
 *
 * The fields are the same picture GameFrame draws: a frame with its fields
 * blank, overlaid with `screenFields`, is the frame drawn whole, colours
 * included (tests/ui/screen-fields.test.ts). Everything else on the screen
 * (HOLD, NEXT, the panels, a watched replay's status) is the frame's
 * structure: when it changes, Ink draws the frame (see `sameStructure`).
 */
import chalk from 'chalk';
import type { PieceType } from '../../core/index.js';
import { boardLines } from '../frame-view.js';
import {
  BOARD_ROWS,
  BOARD_WIDTH,
  fits,
  GAP,
  LAYOUT,
  PIECE_COLUMN_WIDTH,
  SIDEBAR_WIDTH,
  sidebarNumbers,
  type TerminalSize,
} from '../frame/layout.js';
import type { ScreenView } from '../drivers/screen.js';
import { ghostColor, type Display, type Palette } from '../frame/theme.js';

/** One field: a run of cells on one screen row, each one column wide. */
export interface Field {
  /** Screen row and column of its first cell, from 0. */
  readonly row: number;
  readonly column: number;
  /** One character per cell. */
  readonly text: string;
  /** Per cell, the escape codes that open its style ('' for none). */
  readonly styles: readonly string[];
}

/** The fields of a frame, in a fixed order (board rows top first, then the numbers); null where the frame hides one. */
export type Fields = readonly (Field | null)[];

/** Rows of the sidebar's numbers within the frame: each Stat is a label row, a value row and a blank row, under one blank row. */
const NUMBER_ROWS = [2, 5, 8, 11] as const;
/** Columns of the frame before the board's border, and before the sidebar. */
const BOARD_LEFT = 2 * (PIECE_COLUMN_WIDTH + GAP);
const SIDEBAR_LEFT = BOARD_LEFT + BOARD_WIDTH + GAP;
/** Styles of a field with none: a board row without colour, a number. */
const NO_STYLES: readonly string[] = Object.freeze(Array<string>(BOARD_WIDTH - 2).fill(''));
const NUMBER_STYLES: readonly string[] = Object.freeze(Array<string>(SIDEBAR_WIDTH).fill(''));

/** The top-left cell of the game frame in a terminal of `size`: Screen's whole-cell centring. */
export function frameOrigin(size: TerminalSize): { readonly row: number; readonly column: number } {
  return { row: Math.floor((size.rows - LAYOUT.height) / 2), column: Math.floor((size.columns - LAYOUT.width) / 2) };
}

/** Whether the board is covered by a panel in this view (help, paused, game over), as GameFrame decides. */
export function boardCovered(view: ScreenView): boolean {
  return view.help || view.state.status === 'over' || view.state.status === 'paused';
}

/**
 * Whether two views draw the same frame apart from their fields, so that
 * going from one to the other needs only the fields drawn. `preview` is the
 * number of pieces NEXT shows.
 */
export function sameStructure(a: ScreenView, b: ScreenView, preview: number): boolean {
  if (a === b) return true;
  if (a.help !== b.help || a.best !== b.best || (a.rank ?? null) !== (b.rank ?? null) || a.watch !== b.watch) return false;
  const s = a.state;
  const t = b.state;
  if (s.status !== t.status || s.hold !== t.hold || s.settings.mode !== t.settings.mode) return false;
  if (s.status === 'over' || t.status === 'over') return s === t;
  if (s.queue !== t.queue) {
    for (let i = 0; i < preview; i++) if (s.queue[i] !== t.queue[i]) return false;
  }
  return true;
}

/** Opening escape codes for a block and a ghost of each piece, as Ink's `<Text color>` writes them (Chalk, at its level). */
interface CellStyles {
  readonly block: Readonly<Record<PieceType, string>>;
  readonly ghost: Readonly<Record<PieceType, string>>;
}

const stylesByPalette = new WeakMap<Palette, { level: number; styles: CellStyles }>();

/** The opening codes Chalk writes before `text` for a colour name Ink accepts (a Chalk name or `ansi256(N)`). */
function openCodes(color: string): string {
  const ansi = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
  const paint = ansi ? chalk.ansi256(Number(ansi[1])) : (chalk[color as 'red'] as typeof chalk.red | undefined);
  if (!paint) return '';
  const marked = paint('\u0000');
  return marked.slice(0, marked.indexOf('\u0000'));
}

function cellStyles(palette: Palette): CellStyles {
  const known = stylesByPalette.get(palette);
  if (known && known.level === chalk.level) return known.styles;
  const block = {} as Record<PieceType, string>;
  const ghost = {} as Record<PieceType, string>;
  for (const piece of Object.keys(palette) as PieceType[]) {
    block[piece] = openCodes(palette[piece]);
    ghost[piece] = openCodes(ghostColor(palette[piece]));
  }
  const styles = { block, ghost };
  stylesByPalette.set(palette, { level: chalk.level, styles });
  return styles;
}

/** One board row (`.` empty, upper case a block, lower case the ghost) as a field. */
function boardField(line: string, row: number, column: number, display: Display): Field {
  const { glyphs, palette } = display;
  let text = '';
  let styles: string[] | null = null;
  const codes = palette ? cellStyles(palette) : null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '.') {
      text += glyphs.empty;
      styles?.push('', '');
      continue;
    }
    const piece = ch.toUpperCase() as PieceType;
    const ghost = ch !== piece;
    text += ghost ? glyphs.ghost : glyphs.block;
    if (codes) {
      styles ??= Array<string>(2 * i).fill('');
      const open = ghost ? codes.ghost[piece] : codes.block[piece];
      styles.push(open, open);
    }
  }
  return { row, column, text, styles: styles ?? NO_STYLES };
}

/**
 * The fields of `view` in a terminal of `size`, or null when the terminal
 * shows no game frame (too small). The board rows are null while a panel
 * covers the board.
 */
export function screenFields(view: ScreenView, display: Display, size: TerminalSize): Fields | null {
  if (!fits(size)) return null;
  const origin = frameOrigin(size);
  const fields: (Field | null)[] = [];
  if (boardCovered(view)) {
    for (let i = 0; i < BOARD_ROWS; i++) fields.push(null);
  } else {
    const lines = boardLines(view.state, display.ghost);
    for (let i = 0; i < BOARD_ROWS; i++) fields.push(boardField(lines[i]!, origin.row + 1 + i, origin.column + BOARD_LEFT + 1, display));
  }
  const { score, level, lines, time, settings } = view.state;
  const numbers = sidebarNumbers(score, level, lines, time, settings.mode);
  for (let i = 0; i < NUMBER_ROWS.length; i++) {
    const text = numbers[i]!.padEnd(SIDEBAR_WIDTH);
    fields.push({ row: origin.row + NUMBER_ROWS[i]!, column: origin.column + SIDEBAR_LEFT, text, styles: NUMBER_STYLES });
  }
  return fields;
}

const RESET = '\u001B[0m';

/**
 * The escape codes that turn `before` into `after` on the screen: for each
 * field whose cells differ, the cursor to its first changed cell and the
 * cells up to its last changed one (all of them where `before` has no such
 * field). Positions are absolute; the cursor is left where the codes end.
 */
export function drawFields(before: Fields | null, after: Fields): string {
  let out = '';
  for (let f = 0; f < after.length; f++) {
    const next = after[f];
    if (!next) continue;
    const previous = before?.[f];
    let first = 0;
    let last = next.text.length - 1;
    if (previous && previous.row === next.row && previous.column === next.column && previous.text.length === next.text.length) {
      while (first <= last && previous.text[first] === next.text[first] && previous.styles[first] === next.styles[first]) first++;
      while (last >= first && previous.text[last] === next.text[last] && previous.styles[last] === next.styles[last]) last--;
      if (first > last) continue;
    }
    out += `\u001B[${next.row + 1};${next.column + first + 1}H`;
    let open = '';
    for (let i = first; i <= last; i++) {
      const style = next.styles[i]!;
      if (style !== open) {
        out += (open ? RESET : '') + style;
        open = style;
      }
      out += next.text[i];
    }
    if (open) out += RESET;
  }
  return out;
}
