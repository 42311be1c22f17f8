/**
 * Ink as patched by patches/ink+8.0.0.patch, which is what vitest, the bench
 * and the bundle all run: its text measure (build/fast-string-width.js, added
 * by the patch) gives string-width's answers, Ink measures with it, its
 * Outputs share their caches between frames, and DEV=true reads no
 * package.json without React DevTools. Every test here fails on Ink as
 * published.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { render, Text, useInput } from 'ink';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeTerminal } from '../ui/fake-terminal.js';

/** `string-width`'s signature. */
type MeasureWidth = (text: string, options?: object) => number;

/** A file of Ink's build, as Ink's own modules import it (Ink's `exports` offers only its index). */
const inkFile = (name: string) => new URL(`./${name}`, import.meta.resolve('ink')).href;
const fromInk = createRequire(fileURLToPath(import.meta.resolve('ink')));
const stringWidth = (await import(pathToFileURL(fromInk.resolve('string-width')).href)).default as MeasureWidth;
const { fastWidth, widestLine } = (await import(inkFile('fast-string-width.js'))) as {
  fastWidth: (measure: MeasureWidth, limit?: number) => MeasureWidth;
  widestLine: (text: string) => number;
};

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

describe("Ink's fastWidth", () => {
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

describe("Ink's widestLine", () => {
  it("gives widest-line's answer: the widest line's width", () => {
    expect(widestLine('')).toBe(0);
    expect(widestLine('ab\n漢漢漢\n\u001B[31m████\u001B[39m')).toBe(6);
    expect(widestLine('│░░│\nabcdef')).toBe(6);
  });
});

/** The part of Ink's Output these tests use. */
interface InkOutput {
  readonly caches: { readonly styledChars: Map<string, unknown>; readonly widths: Map<string, number> };
  write(x: number, y: number, text: string, options: { transformers: [] }): void;
  get(): { output: string; height: number };
}
const Output = (await import(inkFile('output.js'))).default as new (size: { width: number; height: number }) => InkOutput;

describe("Ink's Output", () => {
  it('shares its caches with the next frame, so an unchanged text is not split again', () => {
    const first = new Output({ width: 10, height: 2 });
    first.write(0, 0, '│\u001B[31m██\u001B[39m│', { transformers: [] });
    expect(first.get().output).toBe('│\u001B[31m██\u001B[39m│\n');
    const next = new Output({ width: 10, height: 2 });
    expect(next.caches).toBe(first.caches);
    expect(next.caches.styledChars.has('│\u001B[31m██\u001B[39m│')).toBe(true);
  });

  it('starts its shared caches over once one holds 1024 texts', () => {
    const output = new Output({ width: 8, height: 1 });
    const { caches } = output;
    for (let i = caches.styledChars.size; i < 1024; i++) caches.styledChars.set(`text ${i}`, []);
    const next = new Output({ width: 8, height: 1 });
    expect(next.caches).not.toBe(caches);
    expect(next.caches.styledChars.size).toBe(0);
    expect(new Output({ width: 8, height: 1 }).caches).toBe(next.caches);
  });

  it('fills what nothing was written to with blanks, frame after frame', () => {
    for (let frame = 0; frame < 3; frame++) {
      const output = new Output({ width: 6, height: 3 });
      output.write(2, 1, `a${frame}`, { transformers: [] });
      expect(output.get()).toEqual({ output: `\n  a${frame}\n`, height: 3 });
    }
  });
});

/**
 * What Ink's modules import while Ink loads, in a Node of its own (this
 * worker has Ink loaded already): each measuring module imports the patch's
 * measure, and none string-width or widest-line around it.
 */
function inkImports(): [string, string][] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({
      resolve(specifier, context, next) {
        const parent = context.parentURL ?? '';
        if (parent.includes('/node_modules/ink/build/')) seen.push([parent.slice(parent.lastIndexOf('/') + 1), specifier]);
        return next(specifier, context);
      },
    });
    await import('ink');
    process.stdout.write(JSON.stringify(seen));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as [string, string][];
}

describe('Ink measures text with the fast width', () => {
  const imports = inkImports();
  it.each(['output.js', 'line-update.js', 'measure-text.js', 'render-node-to-output.js'])('%s imports the fast width', (file) => {
    expect(imports).toContainEqual([file, './fast-string-width.js']);
  });
  it('only fast-string-width.js imports string-width, and no module of Ink imports widest-line', () => {
    const direct = imports.filter(([, specifier]) => specifier === 'string-width' || specifier === 'widest-line');
    expect(direct).toEqual([['fast-string-width.js', 'string-width']]);
  });
});

describe('Ink with DEV=true and no React DevTools', () => {
  it('reads no package.json and warns of nothing (the bundle has no package.json beside it)', () => {
    const script = `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const read = fs.readFileSync;
      const reads = [];
      fs.readFileSync = (path, ...rest) => {
        reads.push(String(path));
        return read(path, ...rest);
      };
      syncBuiltinESMExports();
      await import('ink');
      process.stdout.write(JSON.stringify(reads.filter((path) => path.endsWith('package.json'))));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: process.cwd(),
      env: { ...process.env, DEV: 'true' },
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual([]);
  });
});

/** A screen that reads keys, so Ink reads the terminal's replies too. */
function ReadsKeys() {
  useInput(() => undefined);
  return createElement(Text, null, 'board');
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ink on a fake terminal, asking for key press and release where the terminal speaks the kitty protocol. */
function renderOnFakeTerminal() {
  const { stdin, stdout, stderr } = fakeTerminal();
  const app = render(createElement(ReadsKeys), {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    interactive: true,
    patchConsole: false,
    exitOnCtrlC: false,
    kittyKeyboard: { mode: 'auto', flags: ['disambiguateEscapeCodes', 'reportEventTypes'] },
  });
  return { stdin, stdout, app };
}

describe("Ink's kitty keyboard detection", () => {
  it('switches the protocol on when the reply comes after its 200 ms wait (a first frame that kept a slow machine busy)', async () => {
    const { stdin, stdout, app } = renderOnFakeTerminal();
    try {
      expect(stdout.text).toContain('\u001B[?u');
      await wait(300);
      expect(stdout.text).not.toContain('\u001B[>');
      // kitty 0.26.5's reply, read only now.
      stdin.type('\u001B[?0u');
      await wait(10);
      expect(stdout.text).toContain('\u001B[>3u');
    } finally {
      app.unmount();
    }
    // Switched on late, it is still switched off on the way out.
    expect(stdout.text).toContain('\u001B[<u');
  });

  it('stays off when the terminal never replies', async () => {
    const { stdin, stdout, app } = renderOnFakeTerminal();
    await wait(300);
    stdin.type('x');
    await wait(10);
    app.unmount();
    expect(stdout.text).not.toContain('\u001B[>');
  });
});
