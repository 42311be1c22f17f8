import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/core/printable.js';
import { printable as cliPrintable } from '../../src/cli/errors.js';
import { parseReplay } from '../../src/core/replay-reader.js';

/** Code points a terminal acts on: C0, DEL, C1, the bidi controls and marks, the line and paragraph separators. */
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it.each([
    ['a newline (C0)', 'a\nb', 'a?b'],
    ['a carriage return and a tab (C0)', 'a\r\tb', 'a??b'],
    ['NUL', 'a\u0000b', 'a?b'],
    ['DEL', 'a\u007fb', 'a?b'],
    ['the title-setting OSC from the issue', '(\u001b]2;PWNED\u0007\u001b[2J) 2020-01-01', '(?]2;PWNED??[2J) 2020-01-01'],
    ['a CSI that clears the screen', '\u001b[2J\u001b[H', '?[2J?[H'],
    ['the 8-bit CSI (C1 U+009B)', '\u009b2J', '?2J'],
    ['the 8-bit OSC and ST (C1 U+009D, U+009C)', '\u009d2;PWNED\u009c', '?2;PWNED?'],
    ['the first and last C1 controls', '\u0080x\u009f', '?x?'],
    ['a right-to-left override (bidi)', 'abc\u202edef', 'abc?def'],
    ['every embedding and override U+202A-U+202E', '\u202a\u202b\u202c\u202d\u202e', '?????'],
    ['every isolate U+2066-U+2069', '\u2066\u2067\u2068\u2069', '????'],
    ['the direction marks LRM, RLM and ALM', '\u200e\u200f\u061c', '???'],
    ['the line and paragraph separators', 'a\u2028b\u2029c', 'a?b?c'],
  ])('replaces %s with ?', (_name, text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it.each([
    ['plain ASCII', 'scores.json: marathon[0]: date is not a date'],
    ['letters with accents and NBSP (U+00A0, U+00E9)', 'caf\u00e9\u00a0cr\u00e8me'],
    ['CJK and emoji with a joiner', '\u30c6\u30c8\u30ea\u30b9 \u{1f468}\u200d\u{1f469}'],
    ['box drawing', '\u2554\u2550\u2557'],
  ])('keeps %s as it is', (_name, text) => {
    expect(printable(text)).toBe(text);
  });

  it('leaves no code point a terminal acts on, in any text', () => {
    fc.assert(
      // Code points up to U+206F: every class above, and their neighbours, come up often.
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x206f }).map((cp) => String.fromCharCode(cp)), maxLength: 40 }), (text) => {
        const out = printable(text);
        expect(out).not.toMatch(DANGEROUS);
        expect([...out].length).toBe([...text].length);
      }),
    );
  });

  it('is the one the command line prints its messages with', () => {
    expect(cliPrintable).toBe(printable);
  });

  it('cleans the file name in a replay refusal', () => {
    const parsed = parseReplay('{', 'evil\u009b2J\u202e.json');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^evil\?2J\?\.json: /);
  });
});
