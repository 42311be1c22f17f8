/**
 * The game screen at scale 2 (`--big`): every board cell four columns by
 * two rows, HOLD and NEXT doubled the same way, the sidebar's text as it is,
 * beside the bigger board; only in a terminal at least twice the layout.
 */
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { GameFrame } from '../../../src/ui/components/GameFrame.js';
import { Screen } from '../../../src/ui/components/Screen.js';
import type { PlayView } from '../../../src/ui/drivers/screen.js';
import { frameOf, sameStructure, type GameScreenFrame } from '../../../src/ui/frame/frame-model.js';
import { frameOrigin, gameLayout, LAYOUT, type TerminalSize } from '../../../src/ui/frame/layout.js';
import { resolveDisplay, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import type { GameState } from '../../../src/core/index.js';
import { fresh, gameOver, midGame, play } from '../helpers.js';

const BIG = gameLayout(2);
const TWICE: TerminalSize = { columns: 2 * LAYOUT.width, rows: 2 * LAYOUT.height };

/** The frame model of a play view in a terminal of `size`. */
function gameFrame(view: Partial<PlayView> & { game: GameState }, options: DisplayOptions, size: TerminalSize): GameScreenFrame {
  const frame = frameOf({ kind: 'play', help: false, best: undefined, rank: null, ...view }, resolveDisplay(options), size);
  if (frame.kind !== 'game') throw new Error(`no game screen at ${size.columns} x ${size.rows}`);
  return frame;
}

/** The game screen alone, as plain text, in a terminal twice the layout. */
function drawn(view: Partial<PlayView> & { game: GameState }, options: DisplayOptions = { big: true }): string {
  const frame = gameFrame(view, options, TWICE);
  return renderToString(<GameFrame frame={frame} display={resolveDisplay(options)} />, { columns: BIG.width });
}

const lines = (frame: string) => frame.split('\n');

describe('the big game screen', () => {
  it('draws the spawn rows above the well at both scales, the new piece whole over its top border', () => {
    for (const scale of [1, 2] as const) {
      const options = { big: scale === 2 };
      const size = scale === 2 ? TWICE : { columns: LAYOUT.width, rows: LAYOUT.height };
      const frame = gameFrame({ game: fresh() }, options, size);
      const rows = lines(
        renderToString(<GameFrame frame={frame} display={resolveDisplay(options)} />, { columns: gameLayout(scale).width }),
      );
      const border = rows.findIndex((row) => row.includes('┌'));
      // Two board rows of `scale` screen rows each, then the border, at both scales; the new piece shows in them.
      expect(border).toBe(2 * scale);
      expect(rows.slice(0, border).some((row) => row.includes('██'))).toBe(true);
    }
  });

  it('draws every board cell four columns wide and two rows high, HOLD and NEXT doubled, the numbers beside the board', () => {
    const frame = drawn({ game: midGame() });
    expect(frame).toMatchSnapshot();
    const rows = lines(frame);
    expect(rows).toHaveLength(BIG.height);
    expect(Math.max(...rows.map((l) => l.length))).toBeLessThanOrEqual(BIG.width);
    // The well's border: 40 columns inside, 40 rows inside, under the four spawn rows.
    expect(rows[BIG.spawnHeight]).toBe(`${' '.repeat(BIG.boardLeft)}┌${'─'.repeat(40)}┐`);
    expect(rows[BIG.height - 1]!.startsWith(`${' '.repeat(BIG.boardLeft)}└${'─'.repeat(40)}┘`)).toBe(true);
    // Every row inside the well is drawn twice, one under the other.
    const well = rows.slice(BIG.spawnHeight + 1, BIG.height - 1).map((l) => l.slice(BIG.boardLeft, BIG.boardLeft + BIG.boardWidth));
    expect(well).toHaveLength(40);
    for (let i = 0; i < well.length; i += 2) expect(well[i + 1]).toBe(well[i]);
    // A block is four columns: runs of blocks come in multiples of four, as do the ghost's.
    for (const row of well) for (const run of row.match(/█+/g) ?? []) expect(run.length % 4).toBe(0);
    expect(well.some((row) => row.includes('[][]'))).toBe(true);
    // The sidebar's text is not doubled, and starts level with the well.
    expect(rows[BIG.sideTop]!.slice(BIG.sidebarLeft)).toBe('SCORE');
    expect(rows[BIG.sideTop + 3]!.slice(BIG.sidebarLeft)).toBe('LEVEL');
    // HOLD's piece: two rows per row of its shape, four columns per cell.
    const hold = rows.slice(BIG.sideTop + 2, BIG.sideTop + 2 + BIG.pieceBoxHeight).map((l) => l.slice(0, BIG.pieceColumnWidth));
    expect(hold[1]).toBe(hold[0]);
    expect(hold[3]).toBe(hold[2]);
    expect(hold[0]!.trim().length % 4).toBe(0);
  });

  it('draws the pause, the keys, the countdown and the end box in the bigger well', () => {
    const paused = drawn({ game: play(midGame(), 'pause') });
    expect(paused).toContain('PAUSED');
    expect(lines(paused)).toHaveLength(BIG.height);
    const keys = drawn({ game: midGame(), help: true });
    expect(keys).toContain('KEYS');
    expect(lines(keys)).toHaveLength(BIG.height);
    const count = drawn({ game: midGame(), countdown: '3' });
    const ready = lines(count).find((l) => l.includes('READY'))!;
    // The box stands in the middle of the well's 40 columns.
    const inside = ready.slice(BIG.boardLeft + 1, BIG.boardLeft + 41);
    expect(inside.indexOf('│')).toBe(40 - 1 - inside.lastIndexOf('│'));
    const over = drawn({ game: gameOver() });
    expect(over).toMatchSnapshot();
    expect(over).toContain('GAME OVER');
    // The end box is as wide as the well: its rule runs across all of it.
    expect(lines(over).some((l) => l.slice(BIG.boardLeft, BIG.boardLeft + BIG.boardWidth) === `│${'─'.repeat(40)}│`)).toBe(true);
  });

  it('is drawn at its place in the terminal, centred by whole cells', () => {
    const size = { columns: 130, rows: 50 };
    const frame = gameFrame({ game: fresh() }, { big: true }, size);
    const text = renderToString(<Screen frame={frame} display={resolveDisplay({ big: true })} />, { columns: size.columns });
    const rows = text.split('\n');
    const origin = frameOrigin(size, 2);
    expect(origin).toEqual({ row: 2, column: 17 });
    const top = rows.findIndex((l) => l.includes('┌'));
    expect(top).toBe(origin.row + BIG.spawnHeight);
    expect(rows[top]!.indexOf('┌')).toBe(origin.column + BIG.boardLeft);
  });
});

describe('when the game screen is big', () => {
  const scaleAt = (size: TerminalSize, big = true) => gameFrame({ game: fresh() }, { big }, size).scale;

  it.each([
    [{ columns: 119, rows: 48 }, 1],
    [{ columns: 120, rows: 47 }, 1],
    [{ columns: 120, rows: 48 }, 2],
    [{ columns: 130, rows: 50 }, 2],
    [{ columns: 80, rows: 24 }, 1],
    [{ columns: LAYOUT.width, rows: LAYOUT.height }, 1],
  ])('with --big in a terminal of %o, at scale %i (never too small because of it)', (size, scale) => {
    expect(scaleAt(size)).toBe(scale);
  });

  it('only with --big', () => {
    expect(scaleAt({ columns: 200, rows: 60 }, false)).toBe(1);
  });

  it('is part of the structure: a resize across the threshold draws the frame again', () => {
    const game = fresh();
    const small = gameFrame({ game }, { big: true }, { columns: 119, rows: 48 });
    const big = gameFrame({ game }, { big: true }, { columns: 120, rows: 48 });
    expect(sameStructure(small, big)).toBe(false);
    expect(sameStructure(big, gameFrame({ game }, { big: true }, { columns: 120, rows: 48 }))).toBe(true);
    // The same terminal, big turned on (from the Settings screen): drawn again.
    expect(sameStructure(big, { ...big, scale: 1 })).toBe(false);
  });
});
