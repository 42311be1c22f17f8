/**
 * The look of the pieces: RULES.md's colours, a fixed yellow O and orange L
 * where 256 colours work, and a ghost that is an outline in a bright colour,
 * never a shade (a 25% fill on VTE, alacritty and st) and never dim.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { Board } from '../../../src/ui/components/Board.js';
import {
  ASCII_GLYPHS,
  ghostColor,
  PALETTE_16,
  PALETTE_256,
  paletteFor,
  resolveDisplay,
  UNICODE_GLYPHS,
} from '../../../src/ui/frame/theme.js';
import { withChalkLevel256 } from '../helpers.js';

withChalkLevel256();
afterEach(() => cleanup());

describe('the palettes', () => {
  it.each([
    [1, PALETTE_16],
    [2, PALETTE_256],
    [3, PALETTE_256],
  ] as const)('takes the palette for Chalk level %i', (level, palette) => {
    expect(paletteFor(level)).toBe(palette);
  });

  it("gives O and L fixed 256-colour yellow and orange, not the terminal's own yellow (#aa5500, brown, on VTE)", () => {
    expect(PALETTE_256).toMatchObject({ O: 'ansi256(226)', L: 'ansi256(208)' });
    expect(new Set(Object.values(PALETTE_256)).size).toBe(7);
  });

  it("keeps RULES.md's 16-colour fallback: O yellow, L bright yellow", () => {
    expect(PALETTE_16).toEqual({ I: 'cyan', O: 'yellow', T: 'magenta', S: 'green', Z: 'red', J: 'blue', L: 'yellowBright' });
  });
});

describe('the ghost', () => {
  it.each([
    ['Unicode', UNICODE_GLYPHS],
    ['ASCII', ASCII_GLYPHS],
  ])('is two columns unlike a block, and no shade or fill (%s)', (_, glyphs) => {
    expect(glyphs.ghost).toHaveLength(2);
    expect(glyphs.ghost).not.toBe(glyphs.block);
    // U+2580-U+259F: the block elements, shades (░▒▓) included.
    expect(glyphs.ghost).not.toMatch(/[\u2580-\u259f]/);
  });

  it.each([
    ['blue', 'blueBright'],
    ['cyan', 'cyanBright'],
    ['red', 'redBright'],
    ['yellow', 'yellowBright'],
    ['ansi256(208)', 'ansi256(208)'],
    ['ansi256(226)', 'ansi256(226)'],
  ])('is drawn in the bright colour of %s: %s', (color, ghost) => {
    expect(ghostColor(color)).toBe(ghost);
  });

  it.each([
    ['the 256-colour palette', PALETTE_256, { j: '\u001B[94m', l: '\u001B[38;5;208m', o: '\u001B[38;5;226m' }],
    ['the 16-colour palette', PALETTE_16, { j: '\u001B[94m', l: '\u001B[93m', o: '\u001B[93m' }],
  ])('is drawn on the board as bright outlines, never dim, with %s', (_, palette, codes) => {
    const display = resolveDisplay({ color: palette });
    for (const [piece, code] of Object.entries(codes)) {
      const line = `..${piece.repeat(4)}....`;
      const { lastFrame } = render(<Board rows={[line]} display={display} />);
      const row = lastFrame()!.split('\n')[1]!;
      expect(row).toContain(`${code}[][][][]\u001B[39m`);
      expect(row).not.toContain('\u001B[2m');
    }
  });
});
