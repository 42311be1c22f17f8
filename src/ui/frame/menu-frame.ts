/**
 * The frame of a menu screen (the front door's menu, Settings, Scores,
 * Watch): the view's rows fitted to the terminal, a window of them around
 * the selected one when they are more than fit, centred by whole cells. A
 * menu frame has no fields: Ink draws all of it (terminal/screen-fields.ts
 * gives none), and it changes only on a key.
 */
import type { MenuView } from '../drivers/menu-view.js';
import type { Cell, TerminalSize } from './layout.js';
import type { Display } from './theme.js';

/** A menu screen, fitted to its terminal. */
export interface MenuFrame {
  readonly kind: 'menu';
  readonly size: TerminalSize;
  /** Where the menu's first row is drawn. */
  readonly origin: Cell;
  /** Columns of the menu, every row padded to them. */
  readonly width: number;
  readonly title: string;
  /** The rows shown (a window of the view's), each `width` columns. */
  readonly rows: readonly string[];
  /** Which of `rows` is selected, -1 for none. */
  readonly selected: number;
  /** Rows of the view above and below the window: the frame marks them. */
  readonly above: boolean;
  readonly below: boolean;
  readonly message: string;
  readonly footer: string;
  /**
   * The row under the list (its `...` when rows are below) is drawn: false
   * when the whole list fits only with that row given to it (Settings at 80 x 24).
   */
  readonly belowRow: boolean;
  /** Everything above as one string, so that two frames compare by value. */
  readonly key: string;
}

/** Rows around the list: the title and a blank under it; a blank, the message and the footer under the rows. */
const CHROME_ROWS = 5;
/** Most rows of a list shown at once, however tall the terminal. */
const MAX_LIST_ROWS = 20;

/** The arrows of the footers in ASCII, for terminals without them. */
const ASCII_ARROWS: readonly [string, string][] = [
  ['↑↓', 'up/down'],
  ['←→', 'left/right'],
];

/** The frame of a menu `view` in a terminal of `size`. */
export function menuFrame(view: MenuView, display: Display, size: TerminalSize): MenuFrame {
  const count = view.rows.length;
  // A list one row too long shows whole in the row its `...` would take: nothing is below it to mark.
  const belowRow = count !== size.rows - CHROME_ROWS + 1 || count > MAX_LIST_ROWS;
  const room = Math.max(1, Math.min(MAX_LIST_ROWS, size.rows - CHROME_ROWS + (belowRow ? 0 : 1)));
  // The window: the selected row kept in it, as near its middle as the ends allow.
  const first = count <= room || view.selected < 0 ? 0 : Math.min(count - room, Math.max(0, view.selected - Math.floor(room / 2)));
  const shown = view.rows.slice(first, first + room);
  const footer = display.ascii ? ASCII_ARROWS.reduce((text, [from, to]) => text.replaceAll(from, to), view.footer) : view.footer;
  // Two columns of marker before every row: `> ` at the selected one.
  const width = Math.min(
    size.columns,
    Math.max(view.title.length, view.message.length, footer.length, ...shown.map((row) => row.text.length + 2)),
  );
  const rows = shown.map((row) => `  ${row.text}`.padEnd(width).slice(0, width));
  const height = rows.length + CHROME_ROWS - (belowRow ? 0 : 1);
  const selected = view.selected - first;
  const frame = {
    kind: 'menu' as const,
    size,
    origin: { row: Math.max(0, Math.floor((size.rows - height) / 2)), column: Math.max(0, Math.floor((size.columns - width) / 2)) },
    width,
    title: view.title.slice(0, width),
    rows,
    selected: selected >= 0 && selected < rows.length ? selected : -1,
    above: first > 0,
    below: first + rows.length < count,
    message: view.message.slice(0, width),
    footer: footer.slice(0, width),
    belowRow,
  };
  return { ...frame, key: JSON.stringify(frame) };
}

/** Whether two frames, one of them a menu's, show the same. */
export function sameMenuFrame(a: { readonly kind: string }, b: { readonly kind: string }): boolean {
  return a.kind === 'menu' && b.kind === 'menu' && (a as MenuFrame).key === (b as MenuFrame).key;
}
