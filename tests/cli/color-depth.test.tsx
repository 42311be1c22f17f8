/**
 * The one colour detector: each terminal of issue 14 with the environment
 * it really sets (printed with `env` inside each, on Debian 12: xterm 379,
 * kitty, alacritty, rxvt-unicode, st, xfce4-terminal 1.0 on VTE 0.70, tmux
 * 3.3a started with TERM=screen), and Node's own `getColorDepth` as the
 * stream, so the palette and Chalk's level come out as one.
 */
import chalk from 'chalk';
import { WriteStream } from 'node:tty';
import { afterEach, describe, expect, it } from 'vitest';
import { colorLevel, screenPalette, type ColorStream } from '../../src/cli/color-depth.js';
import { PALETTE_16, PALETTE_256, pieceText } from '../../src/ui/frame/theme.js';

/** A terminal as Node sees it: Node's real getColorDepth rules, on the env given. */
const tty: ColorStream = { isTTY: true, getColorDepth: (env) => WriteStream.prototype.getColorDepth.call(null, env) };
/** A pipe or a file: no getColorDepth. */
const pipe: ColorStream = { isTTY: false };

/** What each terminal sets, as `env` printed inside it (tmux's pane also has TMUX_PANE). */
const TERMINALS: [string, Record<string, string>, number][] = [
  ['xterm (Debian keeps TERM=xterm)', { TERM: 'xterm', XTERM_VERSION: 'XTerm(379)' }, 2],
  ['kitty', { TERM: 'xterm-kitty', COLORTERM: 'truecolor', KITTY_WINDOW_ID: '1' }, 3],
  ['alacritty', { TERM: 'alacritty', COLORTERM: 'truecolor', ALACRITTY_WINDOW_ID: '6291463' }, 3],
  ['urxvt', { TERM: 'rxvt-unicode-256color', COLORTERM: 'rxvt-xpm' }, 2],
  ['st', { TERM: 'st-256color' }, 2],
  ['xfce4-terminal (VTE)', { TERM: 'xterm-256color', COLORTERM: 'truecolor', VTE_VERSION: '7006' }, 3],
  ['tmux with TERM=screen', { TERM: 'screen', TMUX: '/tmp/tmux-0/default,17526,0', TERM_PROGRAM: 'tmux' }, 3],
  ['tmux-256color, TMUX not passed on (sudo, ssh)', { TERM: 'tmux-256color' }, 2],
  ['screen-256color', { TERM: 'screen-256color' }, 2],
  ['TERM=screen, TMUX not passed on', { TERM: 'screen' }, 2],
  ['GNU screen', { TERM: 'screen', STY: '1234.pts-0.host' }, 2],
  ['foot', { TERM: 'foot' }, 2],
  ['xterm over ssh: nothing says more than TERM', { TERM: 'xterm' }, 1],
  ['the Linux console', { TERM: 'linux' }, 1],
];

const chalkLevel = chalk.level;
afterEach(() => {
  chalk.level = chalkLevel;
});

describe('colorLevel', () => {
  it.each(TERMINALS)('%s %j: level %i', (_, env, level) => {
    expect(colorLevel(env, tty)).toBe(level);
  });

  it.each([
    ['NO_COLOR turns it off', { TERM: 'xterm-256color', NO_COLOR: '1' }, tty, 0],
    ['an empty NO_COLOR does not (no-color.org)', { TERM: 'xterm-256color', NO_COLOR: '' }, tty, 2],
    ['NO_COLOR wins over FORCE_COLOR', { TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '3' }, tty, 0],
    ['FORCE_COLOR=0 turns it off', { TERM: 'xterm-256color', COLORTERM: 'truecolor', FORCE_COLOR: '0' }, tty, 0],
    ['FORCE_COLOR=false turns it off', { TERM: 'st-256color', FORCE_COLOR: 'false' }, tty, 0],
    ['FORCE_COLOR raises the Linux console to 256', { TERM: 'linux', FORCE_COLOR: '2' }, tty, 2],
    ['FORCE_COLOR=1 is a floor, as Chalk takes it', { TERM: 'st-256color', FORCE_COLOR: '1' }, tty, 2],
    ['FORCE_COLOR above 3 is 3', { TERM: 'linux', FORCE_COLOR: '7' }, tty, 3],
    ['FORCE_COLOR that is no level is ignored', { TERM: 'linux', FORCE_COLOR: 'yes' }, tty, 1],
    ['an empty NO_COLOR leaves the Linux console its colours', { TERM: 'linux', NO_COLOR: '' }, tty, 1],
    ['TERM=dumb has none', { TERM: 'dumb' }, tty, 0],
    ['TERM=dumb with COLORTERM still none', { TERM: 'dumb', COLORTERM: 'truecolor' }, tty, 0],
    ['no TERM at all has none', {}, tty, 0],
    ['a pipe has none, whatever TERM says', { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, pipe, 0],
    ['a pipe has what FORCE_COLOR says', { TERM: 'xterm-256color', FORCE_COLOR: '2' }, pipe, 2],
  ])('%s', (_, env: Record<string, string>, stream, level) => {
    expect(colorLevel(env, stream)).toBe(level);
  });
});

describe('screenPalette', () => {
  it.each(TERMINALS)('%s: the palette the terminal can draw, orange L and a fixed yellow O where 256 colours work', (_, env, level) => {
    const chalkBefore = chalk.level;
    const palette = screenPalette(true, env, tty);
    // The screen's own palette says it all: the process's one Chalk is not touched (many screens may share a process).
    expect(chalk.level).toBe(chalkBefore);
    expect(palette).toBe(level >= 2 ? PALETTE_256 : PALETTE_16);
    // What the board writes for L and O (the one board-row renderer's codes): never 208 brought down to a bright red beside Z's 31.
    const drawn = (piece: 'L' | 'O') => pieceText('x', piece, { palette: palette || null });
    if (level >= 2) {
      expect(drawn('L')).toBe('\u001B[38;5;208mx\u001B[39m');
      expect(drawn('O')).toBe('\u001B[38;5;226mx\u001B[39m');
    } else {
      expect(drawn('L')).toBe('\u001B[93mx\u001B[39m');
      expect(drawn('O')).toBe('\u001B[33mx\u001B[39m');
    }
  });

  it('has no palette when colour is not wanted (--no-color, config.json), and nothing is drawn in colour', () => {
    expect(screenPalette(false, { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, tty)).toBe(false);
    expect(pieceText('x', 'L', { palette: null })).toBe('x');
  });

  it('has no palette where the terminal has no colour', () => {
    expect(screenPalette(true, { TERM: 'xterm-256color', NO_COLOR: '1' }, tty)).toBe(false);
  });
});
