/**
 * How the game is drawn: the piece colours of RULES.md ("Pieces") and the
 * characters a cell is made of, for Unicode and for `--ascii` terminals.
 */
import type { PieceType } from '../core/index.js';
import { DEFAULT_KEYMAP, type Keymap } from './keymap.js';

/** A colour for each piece, in a form Ink's `<Text color>` accepts. */
export type Palette = Readonly<Record<PieceType, string>>;

/**
 * The piece colours for terminals with 256 colours or more: I cyan, T
 * magenta, S green, Z red, J blue; O and L fixed colours of the 256-colour
 * cube, the same on every terminal: O yellow 226 (#ffff00), L orange 208
 * (#ff8700). A terminal's own "yellow" may be anything: VTE's default
 * (xfce4-terminal) is #aa5500, brown, next to which 208 and that O look alike.
 */
export const PALETTE_256: Palette = Object.freeze({
  I: 'cyan',
  O: 'ansi256(226)',
  T: 'magenta',
  S: 'green',
  Z: 'red',
  J: 'blue',
  L: 'ansi256(208)',
});

/** The same colours for 16-colour terminals: O the terminal's yellow, L bright yellow instead of orange (RULES.md, "Pieces"). */
export const PALETTE_16: Palette = Object.freeze({ ...PALETTE_256, O: 'yellow', L: 'yellowBright' });

/**
 * The palette for a colour level as Chalk counts them (1 the 16 ANSI
 * colours, 2 or 3 256 colours or more): the level Chalk draws at, so a
 * 256-colour code is never brought down to a 16-colour one (208 became
 * red, Z's colour, at level 1).
 */
export function paletteFor(level: 1 | 2 | 3): Palette {
  return level >= 2 ? PALETTE_256 : PALETTE_16;
}

/**
 * The bright ANSI colour of each basic one, for the ghost: its outline is a
 * few thin strokes, and in the darker half of a palette those hardly show
 * (VTE's blue #0000aa on black). 256-colour picks are bright already.
 */
const GHOST_COLORS: Readonly<Record<string, string>> = Object.freeze({
  red: 'redBright',
  green: 'greenBright',
  yellow: 'yellowBright',
  blue: 'blueBright',
  magenta: 'magentaBright',
  cyan: 'cyanBright',
});

/** The colour a piece's ghost is drawn in, from the piece's colour in the palette. */
export function ghostColor(color: string): string {
  return GHOST_COLORS[color] ?? color;
}

/** The two-column strings one cell is drawn with. */
export interface Glyphs {
  /** A locked block or the falling piece. */
  readonly block: string;
  /**
   * The ghost: where the falling piece would land, drawn in the piece's own
   * colour. An outline, not a fill: a shade (`░`) is a 25% fill on VTE,
   * alacritty and st, so a dimmed blue one came out rgb(0,0,30) on black,
   * and a solid shade is a darker block.
   */
  readonly ghost: string;
  /** An empty cell. */
  readonly empty: string;
  /** Ink border style of the board. */
  readonly border: 'single' | 'classic';
}

/** Unicode block characters (the default). */
export const UNICODE_GLYPHS: Glyphs = Object.freeze({ block: '██', ghost: '[]', empty: '  ', border: 'single' });

/** Plain ASCII, for `--ascii`. */
export const ASCII_GLYPHS: Glyphs = Object.freeze({ block: '[]', ghost: '::', empty: '  ', border: 'classic' });

/** What the player chose about the look of the game (CLI.md options of `play`). */
export interface DisplayOptions {
  /** Draw with ASCII characters only. @default false */
  readonly ascii?: boolean;
  /** Show where the falling piece will land. @default true */
  readonly ghost?: boolean;
  /** Pieces shown under NEXT, 1-6. @default 5 */
  readonly preview?: number;
  /** Piece colours, or `false` for no colour at all (`--no-color`, `NO_COLOR`). @default false */
  readonly color?: Palette | false;
  /** The keys, for the help panel and the hints on screen. @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
}

/** Display options with every default filled in. */
export interface Display {
  readonly glyphs: Glyphs;
  readonly ghost: boolean;
  readonly preview: number;
  readonly palette: Palette | null;
  readonly keymap: Keymap;
  /** ASCII only: key labels without arrows, too. */
  readonly ascii: boolean;
}

/** Fewest and most pieces under NEXT. */
export const PREVIEW_RANGE = { min: 1, max: 6 } as const;

/** Display options with defaults filled in; `preview` is clamped to 1-6. */
export function resolveDisplay(options: DisplayOptions = {}): Display {
  const preview = Math.round(options.preview ?? 5);
  return {
    glyphs: options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS,
    ghost: options.ghost ?? true,
    preview: Math.min(PREVIEW_RANGE.max, Math.max(PREVIEW_RANGE.min, preview)),
    palette: options.color || null,
    keymap: options.keymap ?? DEFAULT_KEYMAP,
    ascii: options.ascii ?? false,
  };
}
