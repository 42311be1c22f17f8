/**
 * fastWidth against the string-width Ink itself imports (resolved from Ink's
 * folder, as the bundle resolves it): the same width for every text.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fastWidth, type MeasureWidth } from '../../../src/ui/terminal/text-width.js';

const fromInk = createRequire(fileURLToPath(import.meta.resolve('ink')));
const stringWidth = (await import(pathToFileURL(fromInk.resolve('string-width')).href)).default as MeasureWidth;

/** string-width, counting its calls. */
function counted() {
  const texts: string[] = [];
  const measure: MeasureWidth = (text, options) => {
    texts.push(text);
    return stringWidth(text, options);
  };
  return { texts, measure };
}

const SGR = ['\u001B[31m', '\u001B[39m', '\u001B[2m', '\u001B[22m', '\u001B[38;5;208m', '\u001B[1;2m', '\u001B[m', '\u001B[0m'];
/** Pieces a text is made of: what the game draws, and what it must not get wrong. */
const PIECES = [
  ...'ab ~.|#',
  ...'│─┌┐└┘█░▓▒▌▐╔╗═║',
  ...SGR,
  '\u001B[12345m', // not an SGR chalk writes: left to string-width
  '\u001B[1;m',
  '\u001B]8;;https://example.com\u0007', // a hyperlink
  '\u009B31m', // the one-byte CSI
  '\u001B',
  '·', // U+00B7, ambiguous width
  '漢', // wide
  '😀', // emoji
  '♥\uFE0F', // emoji presentation
  'e\u0301', // combining accent
  '\u200B', // zero-width space
  '\t',
  '\n',
  '\u0007',
  'ｶﾞ', // half-width katakana and mark
  '\u1100\u1161', // Hangul jamo
];

describe('fastWidth', () => {
  it('counts every box-drawing and block character as string-width does', () => {
    const width = fastWidth(stringWidth);
    for (let c = 0x2500; c <= 0x259f; c++) {
      const ch = String.fromCharCode(c);
      expect(width(ch), ch).toBe(stringWidth(ch));
      expect(width(ch), ch).toBe(1);
    }
  });

  it("gives string-width's answer for any mix of text, colour codes and hard characters", () => {
    const width = fastWidth(stringWidth, 64);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(width(text)).toBe(stringWidth(text));
        // Asked again, from memory or not.
        expect(width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures a coloured board row without string-width', () => {
    const { texts, measure } = counted();
    const width = fastWidth(measure);
    const row = `\u001B[38;5;208m████\u001B[39m  ░░\u001B[2m░░\u001B[22m    `;
    expect(width(row)).toBe(14);
    expect(width(`│${row}│`)).toBe(16);
    expect(texts).toEqual([]);
  });

  it('measures other text once and then remembers it', () => {
    const { texts, measure } = counted();
    const width = fastWidth(measure);
    expect(width('score · 漢')).toBe(10);
    expect(width('score · 漢')).toBe(10);
    expect(texts).toEqual(['score · 漢']);
  });

  it('starts its memory over when it holds `limit` texts, still answering right', () => {
    const { texts, measure } = counted();
    const width = fastWidth(measure, 2);
    for (const text of ['漢', '漢漢', '漢漢漢', '漢']) width(text);
    // The third text filled the memory: it started over, so the first is measured again.
    expect(texts).toEqual(['漢', '漢漢', '漢漢漢', '漢']);
    expect(width('漢漢漢')).toBe(6);
    expect(texts).toHaveLength(4);
  });

  it('passes calls with options straight through', () => {
    const { texts, measure } = counted();
    const width = fastWidth(measure);
    const text = '\u001B[31mab\u001B[39m';
    expect(width(text, { countAnsiEscapeCodes: true })).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
    expect(width(text, { countAnsiEscapeCodes: true })).toBe(10);
    // Both calls went to string-width: nothing was remembered.
    expect(texts).toEqual([text, text]);
  });
});
