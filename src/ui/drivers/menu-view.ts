/**
 * The view of every screen of the front door that is not a game: a title,
 * rows of which one may be selected, a line for what just happened, and
 * the keys. The frame model (frame/menu-frame.ts) fits it to the terminal.
 */

/** One row of a menu screen. */
export interface MenuRow {
  readonly text: string;
  /** A heading or a blank: never selected, only shown. */
  readonly inert?: boolean;
}

/** A menu screen. */
export interface MenuView {
  readonly kind: 'menu';
  readonly title: string;
  readonly rows: readonly MenuRow[];
  /** The row selected, or -1 for none (a table only shown). */
  readonly selected: number;
  /** What just happened (a key refused, a file that could not be written), '' for nothing. */
  readonly message: string;
  /** The keys of this screen. */
  readonly footer: string;
}
