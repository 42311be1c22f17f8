/**
 * The fields the terminal app draws itself (board rows, the four numbers)
 * are the frame Ink draws: a frame drawn with its fields blank, overlaid
 * with `screenFields`, is the same picture as the frame drawn whole, colours
 * included; and `drawFields` turns one set of fields into another on screen
 * with only the cells that changed.
 */
import fc from 'fast-check';
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, step, TICK, type GameState, type InputName } from '../../../src/core/index.js';
import { LAYOUT, type TerminalSize } from '../../../src/ui/frame/layout.js';
import type { ScreenView } from '../../../src/ui/drivers/screen.js';
import { frameOf, sameStructure } from '../../../src/ui/frame/frame-model.js';
import { drawFields, screenFields, type Fields } from '../../../src/ui/terminal/screen-fields.js';
import { Screen } from '../../../src/ui/components/Screen.js';
import { PALETTE_16, PALETTE_256, resolveDisplay, type Display, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import { fresh, gameOver, midGame, play, rowsAboutToClear, withChalkLevel256 } from '../helpers.js';
import { VtScreen } from '../vt-screen.js';

withChalkLevel256();

/** The screen Ink draws for `view`, played back on a terminal of `size`. */
function inkScreen(view: ScreenView, options: DisplayOptions, size: TerminalSize, fieldsBlank: boolean): VtScreen {
  const display = resolveDisplay(options);
  const text = renderToString(<Screen frame={frameOf(view, display, size)} display={display} fieldsBlank={fieldsBlank} />, {
    columns: size.columns,
  });
  const screen = new VtScreen(size.columns, size.rows);
  screen.write(text);
  return screen;
}

/** The whole frame, and the blank frame with the fields drawn over it, as pictures with colours. */
function bothWays(view: ScreenView, options: DisplayOptions = {}, size: TerminalSize = { columns: 80, rows: 24 }) {
  const whole = inkScreen(view, options, size, false);
  const overlaid = inkScreen(view, options, size, true);
  const fields = fieldsOf(view, resolveDisplay(options), size);
  if (fields) overlaid.write(drawFields(null, fields));
  return { whole: whole.picture(), overlaid: overlaid.picture(), fields };
}

const view = (game: GameState, help = false): ScreenView => ({ kind: 'play', game, help, best: undefined, rank: null });

/** The fields of `v`'s frame. */
const fieldsOf = (v: ScreenView, display: Display, size: TerminalSize): Fields | null => screenFields(frameOf(v, display, size), display);

describe('drawing the fields again', () => {
  it('finds rows already drawn (the same cells as last frame) and draws only the rows a move changed', () => {
    const display = resolveDisplay({ color: PALETTE_256 });
    const size = { columns: 80, rows: 24 };
    const before = midGame();
    const after = step(before, inputAction('left'));
    const a = fieldsOf(view(before), display, size)!;
    const b = fieldsOf(view(after), display, size)!;
    // Rows the piece and its ghost are not on are the same cells, not equal copies of them.
    const unchanged = a.filter((f, i) => f && b[i] && f.text === b[i]!.text);
    expect(unchanged.length).toBeGreaterThan(10);
    for (const f of unchanged) expect(b[a.indexOf(f)]!.styles).toBe(f!.styles);
    // The drawing moves the cursor only to the rows that differ.
    const changedRows = a.filter((f, i) => f && b[i] && f.text !== b[i]!.text).length;
    expect(changedRows).toBeGreaterThan(0);
    expect(drawFields(a, b).match(/\u001B\[\d+;\d+H/g)).toHaveLength(changedRows);
    // A different look draws its own cells, not those of the first.
    const ascii = fieldsOf(view(before), resolveDisplay({ ascii: true }), size)!;
    expect(ascii.find((f) => f?.text.includes('[]'))).toBeDefined();
  });
});

const INPUTS: InputName[] = ['left', 'right', 'cw', 'ccw', 'softDrop', 'hardDrop', 'hold'];

/** A game after a random run of actions and ticks. */
const games = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    moves: fc.array(fc.tuple(fc.constantFrom(...INPUTS), fc.integer({ min: 0, max: 90 })), { maxLength: 60 }),
    mode: fc.constantFrom('marathon' as const, 'sprint' as const),
  })
  .map(({ seed, moves, mode }) => {
    let state = createGame({ seed, mode });
    for (const [input, ticks] of moves) {
      if (state.status === 'over') break;
      state = advance(step(state, inputAction(input)), ticks);
    }
    return state;
  });

describe('screenFields', () => {
  it.each([
    ['a fresh game', fresh()],
    ['a game in progress with a held piece', midGame()],
    ['rows about to clear', rowsAboutToClear()],
    ['a paused game (the board is covered, the numbers are not)', play(midGame(), 'pause')],
    ['a game over', gameOver()],
  ])('overlaid on the blank frame, they are the whole frame: %s', (_name, state) => {
    for (const options of [
      { color: PALETTE_256 },
      { color: PALETTE_16 },
      {},
      { ascii: true },
      { ghost: false, preview: 2 },
    ] as DisplayOptions[]) {
      const { whole, overlaid } = bothWays(view(state), options);
      expect(overlaid).toEqual(whole);
    }
  });

  it('the blank frame differs from the whole one exactly where the fields are', () => {
    const state = midGame();
    const size = { columns: 80, rows: 24 };
    const blank = inkScreen(view(state), { color: PALETTE_256 }, size, true).picture();
    const whole = inkScreen(view(state), { color: PALETTE_256 }, size, false).picture();
    const fields = fieldsOf(view(state), resolveDisplay({ color: PALETTE_256 }), size)!;
    const inField = (row: number, column: number) =>
      fields.some((f) => f !== null && f.row === row && column >= f.column && column < f.column + f.text.length);
    let differing = 0;
    for (let row = 0; row < size.rows; row++) {
      const cells = [...blank[row]!.replace(/\{[^}]*\}/g, '')];
      for (let column = 0; column < size.columns; column++) {
        if (inField(row, column)) expect(cells[column]).toBe(' ');
      }
      if (blank[row] !== whole[row]) {
        differing++;
        expect(fields.some((f) => f?.row === row)).toBe(true);
      }
    }
    // The falling piece, the ghost, the stack and the numbers.
    expect(differing).toBeGreaterThan(4);
  });

  it('covers the help panel, the demo and a larger terminal (the frame centred)', () => {
    const state = midGame();
    for (const [v, size] of [
      [view(state, true), { columns: 80, rows: 24 }],
      [
        { kind: 'demo', game: state, help: false },
        { columns: 101, rows: 37 },
      ],
      [view(state), { columns: LAYOUT.width, rows: LAYOUT.height }],
    ] as [ScreenView, TerminalSize][]) {
      const { whole, overlaid } = bothWays(v, { color: PALETTE_256 }, size);
      expect(overlaid).toEqual(whole);
    }
  });

  /** A terminal twice the layout and more, where `--big` draws the game screen at scale 2. */
  const BIG_SIZE: TerminalSize = { columns: 130, rows: 50 };

  it.each([
    ['a fresh game', fresh()],
    ['a game in progress with a held piece', midGame()],
    ['rows about to clear', rowsAboutToClear()],
    ['a paused game (the board is covered, the numbers are not)', play(midGame(), 'pause')],
    ['a game over', gameOver()],
  ])('at scale 2 (--big at 130 x 50), overlaid on the blank frame, they are the whole frame: %s', (_name, state) => {
    for (const options of [
      { color: PALETTE_256 },
      { color: PALETTE_16 },
      {},
      { ascii: true },
      { ghost: false, preview: 2 },
    ] as DisplayOptions[]) {
      const big = { ...options, big: true };
      expect(frameOf(view(state), resolveDisplay(big), BIG_SIZE)).toMatchObject({ kind: 'game', scale: 2 });
      const { whole, overlaid } = bothWays(view(state), big, BIG_SIZE);
      expect(overlaid).toEqual(whole);
    }
  });

  it('at scale 2, each board row is two fields of doubled cells, one under the other', () => {
    const display = resolveDisplay({ color: PALETTE_256, big: true });
    const fields = fieldsOf(view(midGame()), display, BIG_SIZE)!;
    // 22 board rows drawn as 44 screen rows, then the four numbers, HOLD's four rows and the row under them, NEXT's five boxes of four rows.
    expect(fields).toHaveLength(2 * 22 + 4 + (4 + 1) + 5 * 4);
    const normal = fieldsOf(view(midGame()), resolveDisplay({ color: PALETTE_256 }), BIG_SIZE)!;
    for (let i = 0; i < 22; i++) {
      const [upper, lower] = [fields[2 * i]!, fields[2 * i + 1]!];
      expect(lower.row).toBe(upper.row + 1);
      expect(lower.text).toBe(upper.text);
      expect(upper.text).toHaveLength(2 * normal[i]!.text.length);
      expect(upper.styles).toEqual(
        normal[i]!.styles.flatMap((style, c) => (c % 2 === 0 ? [style, style, style, style] : [])).slice(0, upper.text.length),
      );
    }
  });

  it('the blank big frame differs from the whole one exactly where the fields are', () => {
    const options = { color: PALETTE_256, big: true };
    const blank = inkScreen(view(midGame()), options, BIG_SIZE, true).picture();
    const whole = inkScreen(view(midGame()), options, BIG_SIZE, false).picture();
    const fields = fieldsOf(view(midGame()), resolveDisplay(options), BIG_SIZE)!;
    const inField = (row: number, column: number) =>
      fields.some((f) => f !== null && f.row === row && column >= f.column && column < f.column + f.text.length);
    let differing = 0;
    for (let row = 0; row < BIG_SIZE.rows; row++) {
      const cells = [...blank[row]!.replace(/\{[^}]*\}/g, '')];
      for (let column = 0; column < BIG_SIZE.columns; column++) if (inField(row, column)) expect(cells[column]).toBe(' ');
      if (blank[row] !== whole[row]) {
        differing++;
        expect(fields.some((f) => f?.row === row)).toBe(true);
      }
    }
    expect(differing).toBeGreaterThan(8);
  });

  it('is null when the terminal is too small for the frame', () => {
    expect(fieldsOf(view(fresh()), resolveDisplay({}), { columns: 53, rows: 24 })).toBeNull();
  });

  it('overlaid on the blank frame, they are the whole frame for any game', () => {
    fc.assert(
      fc.property(games, fc.constantFrom<DisplayOptions>({ color: PALETTE_256 }, { ascii: true, color: PALETTE_16 }), (state, options) => {
        const { whole, overlaid } = bothWays(view(state), options);
        expect(overlaid).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('overlaid on the blank frame, they are the whole frame for any game at scale 2', () => {
    fc.assert(
      fc.property(
        games,
        fc.constantFrom<DisplayOptions>({ color: PALETTE_256, big: true }, { ascii: true, color: PALETTE_16, big: true }),
        (state, options) => {
          const { whole, overlaid } = bothWays(view(state), options, { columns: 130, rows: 50 });
          expect(overlaid).toEqual(whole);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('drawFields', () => {
  const display = resolveDisplay({ color: PALETTE_256 });
  const size = { columns: 80, rows: 24 };

  it('turns the fields of one game state into another', () => {
    fc.assert(
      fc.property(games, games, (a, b) => {
        const before = fieldsOf(view(a), display, size)!;
        const after = fieldsOf(view(b), display, size)!;
        const screen = new VtScreen(80, 24);
        screen.write(drawFields(null, before));
        screen.write(drawFields(before, after));
        const direct = new VtScreen(80, 24);
        direct.write(drawFields(null, after));
        expect(screen.picture()).toEqual(direct.picture());
      }),
      { numRuns: 100 },
    );
  });

  it('writes only the cells that changed: a one-cell move is one short run per changed row', () => {
    const state = fresh();
    const moved = play(state, 'left');
    const codes = drawFields(fieldsOf(view(state), display, size), fieldsOf(view(moved), display, size)!);
    // Seed 1 starts with a J in the spawn rows (both drawn above the well); the ghost's two rows are on the floor.
    expect(codes.match(/\u001B\[\d+;\d+H/g)).toHaveLength(4);
    expect(codes.length).toBeLessThan(100);
    expect(drawFields(fieldsOf(view(state), display, size), fieldsOf(view(state), display, size)!)).toBe('');
  });

  it('draws a field whole where the one before it was hidden or elsewhere', () => {
    const fields = fieldsOf(view(fresh()), display, size)!;
    const hidden: Fields = fields.map((field, i) => (i < 20 ? null : field));
    const codes = drawFields(hidden, fields);
    expect(codes.match(/\u001B\[\d+;\d+H/g)).toHaveLength(20);
  });
});

describe('sameStructure', () => {
  it('holds for a move, a tick, a lock (a new piece in NEXT) and a hold, not for a pause or help', () => {
    const state = fresh();
    const display = resolveDisplay({ preview: 5 });
    const at = (v: ScreenView) => frameOf(v, display, { columns: 80, rows: 24 });
    const a = at(view(state));
    expect(sameStructure(a, at(view(play(state, 'left'))))).toBe(true);
    expect(sameStructure(a, at(view(step(state, TICK))))).toBe(true);
    expect(sameStructure(a, at(view(play(state, 'hardDrop'))))).toBe(true);
    expect(sameStructure(a, at(view(play(state, 'hold'))))).toBe(true);
    expect(sameStructure(a, at(view(play(state, 'pause'))))).toBe(false);
    expect(sameStructure(a, at(view(state, true)))).toBe(false);
  });
});
