/** Fewer bytes, same picture: cursor-move runs merged, empty style pairs dropped. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { compactCursorMoves, compactOutput, compactStream, dropEmptyStyles } from '../../../src/ui/terminal/compact-output.js';

const E = '\u001B[E';

describe('compactCursorMoves', () => {
  it.each([
    ['a run of next-lines becomes one counted move', `x\r\n${E.repeat(5)}y`, 'x\r\n\u001B[5Ey'],
    ['a single next-line stays as it is', `x${E}y`, `x${E}y`],
    ['up, then down again, is one move up to column 1', `\u001B[23A${E.repeat(3)}\u001B[38Gz`, '\u001B[20F\u001B[38Gz'],
    ['up and down by the same count is column 1 of the same line', `\u001B[2A${E.repeat(2)}z`, '\u001B[Gz'],
    ['down further than up is a move down', `\u001B[1A${E.repeat(4)}z`, '\u001B[3Ez'],
    ['text without these moves is untouched', 'plain \u001B[31mred\u001B[39m', 'plain \u001B[31mred\u001B[39m'],
  ])('%s', (_what, input, output) => {
    expect(compactCursorMoves(input)).toBe(output);
  });
});

describe('dropEmptyStyles', () => {
  it.each([
    ['a colour on and off at once', 'a\u001B[35m\u001B[39mb', 'ab'],
    ['a 256-colour on and off', '\u001B[38;5;208m\u001B[39mx', 'x'],
    ['bold on and off', '\u001B[1m\u001B[22mx', 'x'],
    ['nested empty pairs', '\u001B[34m\u001B[1m\u001B[22m\u001B[39mx', 'x'],
    ['a colour around text stays', '\u001B[34m██\u001B[39m', '\u001B[34m██\u001B[39m'],
  ])('drops %s', (_what, input, output) => {
    expect(dropEmptyStyles(input)).toBe(output);
  });

  it('does both in one pass', () => {
    expect(compactOutput(`\u001B[3A${E.repeat(2)}\u001B[35m\u001B[39m\u001B[34m██\u001B[39m`)).toBe('\u001B[1F\u001B[34m██\u001B[39m');
  });
});

describe('compactStream', () => {
  it('compacts what is written and passes everything else through to the stream', () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), {
      columns: 80,
      rows: 24,
      isTTY: true,
      write(chunk: string) {
        written.push(chunk);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
    const view = compactStream(stream);
    view.write(E.repeat(3));
    expect(written).toEqual(['\u001B[3E']);
    expect(view.columns).toBe(80);
    expect(view.isTTY).toBe(true);
    let resized = 0;
    view.on('resize', () => resized++);
    stream.emit('resize');
    expect(resized).toBe(1);
  });
});
