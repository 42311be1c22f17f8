/**
 * The one colour detector: how many colours the terminal shows, decided once
 * from the environment and the output stream, as a Chalk level (0-3). The
 * screen's palette comes from this one value, and its escape codes from the
 * palette alone (src/ui/frame/theme.ts): two detectors disagreed before
 * (Node's `getColorDepth` chose the palette, Chalk's own supports-color the
 * codes), so under tmux with TERM=screen the orange L came out as Chalk's
 * level-1 red beside the red Z, and on `*-256color` terminals Node's 16
 * colours drew L bright yellow beside O.
 */
import { paletteFor, type Palette } from '../ui/frame/theme.js';

/** Chalk's levels: 0 no colour, 1 the 16 ANSI colours, 2 the 256-colour palette, 3 24-bit colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** The output stream, as far as colour goes: `tty.WriteStream` where it is a terminal. */
export interface ColorStream {
  readonly isTTY?: boolean;
  /** Node's own guess, in bits per colour (1, 4, 8 or 24), from the environment given. */
  getColorDepth?(env?: Readonly<Record<string, string | undefined>>): number;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * TERM values of terminals with 256 colours or more that neither Node nor
 * supports-color counts as such: foot, alacritty, kitty's own, WezTerm's,
 * Ghostty's, contour's.
 */
const TERMS_256 = new Set([
  'foot',
  'foot-extra',
  'alacritty',
  'alacritty-direct',
  'xterm-kitty',
  'kitty',
  'wezterm',
  'xterm-ghostty',
  'ghostty',
  'contour',
]);

/**
 * Variables only terminals with 256 colours set, whatever TERM says (xterm
 * keeps TERM=xterm but has 256 colours since patch 111; VTE terminals, kitty,
 * alacritty, Konsole, Windows Terminal), and the multiplexers: tmux and GNU
 * screen draw 256-colour codes themselves, brought down to what the outer
 * terminal has.
 */
const VARIABLES_256 = [
  'VTE_VERSION',
  'XTERM_VERSION',
  'KITTY_WINDOW_ID',
  'ALACRITTY_WINDOW_ID',
  'KONSOLE_VERSION',
  'WT_SESSION',
  'TMUX',
  'STY',
];

/** TERM_PROGRAM values of terminals with 256 colours or more (macOS Terminal, iTerm2, VS Code, WezTerm, Hyper, tmux). */
const PROGRAMS_256 = new Set(['Apple_Terminal', 'iTerm.app', 'vscode', 'WezTerm', 'Hyper', 'tmux', 'ghostty']);

/** Whether the environment asks for no colour: NO_COLOR set and not empty (https://no-color.org). The one place it is read. */
export function noColorAsked(env: Env): boolean {
  return Boolean(env.NO_COLOR);
}

/** FORCE_COLOR as Chalk reads it: `0`/`false` off, `1`/`true`/empty 16 colours, `2` 256, `3` (or more) 24-bit; anything else is ignored. */
function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === 'false') return 0;
  if (value === '' || value === 'true') return 1;
  if (!/^\d+$/.test(value)) return undefined;
  return Math.min(3, Number(value)) as ColorLevel;
}

/** What the terminal itself says, with no FORCE_COLOR: 256 colours wherever anything says so, 16 where only Node's guess does. */
function terminalLevel(env: Env, stream: ColorStream): ColorLevel {
  const term = (env.TERM ?? '').toLowerCase();
  if (term === 'dumb') return 0;
  // NO_COLOR and FORCE_COLOR are decided before, as Chalk reads them: Node takes an empty NO_COLOR, or a FORCE_COLOR that is no level, for "none".
  const node = stream.getColorDepth?.({ ...env, NO_COLOR: undefined, FORCE_COLOR: undefined }) ?? 1;
  if (node >= 24 || env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' || term.endsWith('-direct')) return 3;
  if (node >= 8 || /256col/.test(term) || /^(screen|tmux)/.test(term) || TERMS_256.has(term)) return 2;
  if (VARIABLES_256.some((name) => env[name]) || PROGRAMS_256.has(env.TERM_PROGRAM ?? '')) return 2;
  return node >= 4 ? 1 : 0;
}

/**
 * The colour level of a screen on `stream` in `env`. NO_COLOR (set and not
 * empty, no-color.org) turns colour off; FORCE_COLOR sets the least level
 * (0 turns it off), as Chalk takes it; otherwise a terminal gets what its
 * TERM, COLORTERM, the variables only some terminals set, or Node's
 * `getColorDepth` say, the most of them; a stream that is not a terminal
 * gets none.
 */
export function colorLevel(env: Env, stream: ColorStream): ColorLevel {
  if (noColorAsked(env)) return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (forced === 0) return 0;
  const detected = stream.isTTY ? terminalLevel(env, stream) : 0;
  return Math.max(forced ?? 0, detected) as ColorLevel;
}

/**
 * The palette for a screen on `stream`, or false for none (`wanted` false:
 * `--no-color` or config.json). The palette is all a screen needs: its
 * colour codes come from it (src/ui/frame/theme.ts), never from the
 * process's one Chalk, so screens of different terminals can share a process.
 */
export function screenPalette(wanted: boolean, env: Env, stream: ColorStream): Palette | false {
  const level = wanted ? colorLevel(env, stream) : 0;
  return level === 0 ? false : paletteFor(level);
}
