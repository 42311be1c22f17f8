/**
 * How the game is drawn: the piece colours of RULES.md ("Pieces") and the
 * characters a cell is made of, for Unicode and for `--ascii` terminals.
 */
import type { PieceType } from '../../core/index.js';
import { DEFAULT_KEYMAP, type Keymap } from '../input/keymap.js';
import { MAX_PREVIEW } from './layout.js';

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

/** The code that ends a colour opened by {@link pieceCodes}. */
export const CLOSE_COLOR = '\u001B[39m';
/** The codes around bold text. */
export const BOLD = '\u001B[1m';
export const CLOSE_BOLD = '\u001B[22m';

/** SGR foreground numbers of the colour names a palette may use (as Chalk and Ink name them). */
const SGR_COLORS: Readonly<Record<string, number>> = Object.freeze({
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  redBright: 91,
  greenBright: 92,
  yellowBright: 93,
  blueBright: 94,
  magentaBright: 95,
  cyanBright: 96,
  whiteBright: 97,
});

/**
 * The codes that open `color`: a name above or `ansi256(N)`; '' for
 * anything else. A function of the palette alone: the 16-colour palette
 * uses only names, the 256-colour one is chosen only where 256 colours
 * work, so no colour level (and no global Chalk) is read.
 */
export function colorCode(color: string): string {
  const ansi = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
  if (ansi) return `\u001B[38;5;${Number(ansi[1])}m`;
  const sgr = SGR_COLORS[color];
  return sgr === undefined ? '' : `\u001B[${sgr}m`;
}

/** The opening codes of each piece's block and ghost in a palette. */
export interface PieceCodes {
  readonly block: Readonly<Record<PieceType, string>>;
  readonly ghost: Readonly<Record<PieceType, string>>;
}

const codesByPalette = new WeakMap<Palette, PieceCodes>();

/** The opening codes of `palette`'s pieces, worked out once per palette. */
export function pieceCodes(palette: Palette): PieceCodes {
  let codes = codesByPalette.get(palette);
  if (!codes) {
    const block = {} as Record<PieceType, string>;
    const ghost = {} as Record<PieceType, string>;
    for (const piece of Object.keys(palette) as PieceType[]) {
      block[piece] = colorCode(palette[piece]);
      ghost[piece] = colorCode(ghostColor(palette[piece]));
    }
    codes = { block, ghost };
    codesByPalette.set(palette, codes);
  }
  return codes;
}

/** `text` in the piece's colour, or plain without a palette. */
export function pieceText(text: string, piece: PieceType, display: Pick<Display, 'palette'>): string {
  const open = display.palette ? pieceCodes(display.palette).block[piece] : '';
  return open && text ? open + text + CLOSE_COLOR : text;
}

/** The codes around dim (faint) text. */
export const DIM = '\u001B[2m';
export const CLOSE_DIM = '\u001B[22m';

/** `text` dimmed where the screen has colour (plain without). */
export function dimText(text: string, display: Pick<Display, 'palette'>): string {
  return display.palette && text ? DIM + text + CLOSE_DIM : text;
}

/** `text` in bold where the screen has colour (a terminal without colour gets it plain, as NO_COLOR asks). */
export function boldText(text: string, display: Pick<Display, 'palette'>): string {
  return display.palette && text ? BOLD + text + CLOSE_BOLD : text;
}

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
  /** Draw the game screen at twice its size where the terminal is at least twice as large (`--big`). @default false */
  readonly big?: boolean;
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
  /** Cells twice as wide and tall in a terminal at least twice the layout (layout.ts `scaleFor`). */
  readonly big: boolean;
}

/** Fewest and most pieces under NEXT. */
export const PREVIEW_RANGE = { min: 1, max: MAX_PREVIEW } as const;

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
    big: options.big ?? false,
  };
}

/**
 * A row of the incoming-garbage meter beside a versus well (frame/versus-frame.ts
 * `MeterCell`): a ready row (it enters at the next lock that clears nothing)
 * is a full block, in Z's red where there is colour; a row still waiting is
 * a shade, dimmed; no row is blank. The characters differ too, so the two
 * show apart without colour.
 */
export function meterText(cell: string, display: Pick<Display, 'palette' | 'ascii'>): string {
  if (cell === 'r') {
    const block = display.ascii ? '#' : '█';
    return display.palette ? colorCode(display.palette.Z) + block + CLOSE_COLOR : block;
  }
  if (cell === 'w') return dimText(display.ascii ? ':' : '▒', display);
  return ' ';
}
