/**
 * The frame model: what a screen shows as plain values, and "did the
 * screen change?" as a shallow compare of two of them.
 */
import { describe, expect, it } from 'vitest';
import { advance, inputAction, step, type GameState } from '../../../src/core/index.js';
import { stillView, type ReplayStatus } from '../../../src/ui/drivers/screen.js';
import { frameOf, sameFrame, sameStructure, type Frame } from '../../../src/ui/frame/frame-model.js';
import { LAYOUT, SPAWN_ROWS } from '../../../src/ui/frame/layout.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fresh, play } from '../helpers.js';

const SIZE = { columns: 80, rows: 24 };
const at = (game: GameState, preview = 5): Frame => frameOf(stillView(game), resolveDisplay({ preview }), SIZE);
const same = (a: GameState, b: GameState, preview = 5) => sameFrame(at(a, preview), at(b, preview));

describe('sameFrame', () => {
  it('is true for ticks that change nothing on screen', () => {
    const s = fresh();
    expect(same(s, advance(s, 10))).toBe(true);
  });

  it('is false when the piece falls, moves, the clock passes a second, or the game pauses', () => {
    const s = fresh();
    expect(same(s, advance(s, 48))).toBe(false);
    expect(same(s, step(s, inputAction('left')))).toBe(false);
    const almost = advance(s, 40);
    expect(same(almost, { ...almost, time: 60 })).toBe(false);
    expect(same(s, play(s, 'pause'))).toBe(false);
  });

  it('looks at only as many NEXT pieces as are shown', () => {
    const s = fresh();
    const queue = [...s.queue];
    queue[5] = queue[5] === 'I' ? 'O' : 'I';
    expect(same(s, { ...s, queue }, 5)).toBe(true);
    expect(same(s, { ...s, queue }, 6)).toBe(false);
  });

  it('is false when only the terminal size changes', () => {
    const display = resolveDisplay();
    const s = stillView(fresh());
    expect(sameFrame(frameOf(s, display, SIZE), frameOf(s, display, { columns: 100, rows: 30 }))).toBe(false);
    expect(frameOf(s, display, { columns: 40, rows: 10 })).toEqual({
      kind: 'tooSmall',
      size: { columns: 40, rows: 10 },
      need: { columns: LAYOUT.width, rows: LAYOUT.height },
    });
  });
});

describe('sameStructure', () => {
  it('sees a fall, a move or a lock (a new NEXT) as fields only, a pause as structure', () => {
    const s = fresh();
    expect(sameStructure(at(s), at(advance(s, 48)))).toBe(true);
    expect(sameStructure(at(s), at(step(s, inputAction('left'))))).toBe(true);
    expect(sameStructure(at(s), at(play(s, 'pause')))).toBe(false);
    const dropped = at(play(s, 'hardDrop'));
    expect(sameStructure(at(s), dropped)).toBe(true);
    // The frame still changed: NEXT is a field, compared with the others.
    expect(sameFrame(at(s), dropped)).toBe(false);
  });

  it('compares a watched replay status by value, so a new status object of the same look is fields only', () => {
    const display = resolveDisplay();
    const status: ReplayStatus = { speed: 1, paused: false, ended: false, tick: 30, endTick: 600, pieces: 3, totalPieces: 40 };
    const game = fresh();
    const a = frameOf({ kind: 'replay', game, help: false, status }, display, SIZE);
    const b = frameOf({ kind: 'replay', game: advance(game, 48), help: false, status: { ...status, tick: 40 } }, display, SIZE);
    expect(sameStructure(a, b)).toBe(true);
    const c = frameOf({ kind: 'replay', game, help: false, status: { ...status, tick: 90 } }, display, SIZE);
    expect(sameStructure(a, c)).toBe(false);
  });
});

describe('the spawn rows', () => {
  it('are drawn above the well, so a new piece shows whole from its first frame', () => {
    const frame = at(fresh());
    if (frame.kind !== 'game') throw new Error('expected the game screen');
    expect(frame.board).toHaveLength(SPAWN_ROWS + 20);
    const cells = frame.board!.join('').replace(/[^A-Z]/g, '');
    // The four cells of seed 1's first piece, one of them in spawn row 20.
    expect(cells).toHaveLength(4);
    expect(frame.board!.slice(0, SPAWN_ROWS).join('')).toMatch(/[A-Z]/);
    // Empty cells above the well are blank, not well cells.
    expect(frame.board![0]).toBe(' '.repeat(10));
  });

  it('keep the frame within 80 x 24', () => {
    expect(LAYOUT.height).toBeLessThanOrEqual(24);
    expect(LAYOUT.width).toBeLessThanOrEqual(80);
    expect(at(fresh()).kind).toBe('game');
  });
});

describe('HOLD', () => {
  it('is dimmed while hold is used up for the piece in play, and comes back at the next lock', () => {
    const held = play(fresh(), 'hold');
    const frame = at(held);
    if (frame.kind !== 'game') throw new Error('expected the game screen');
    expect(frame.holdUsed).toBe(true);
    // HOLD is a field: the frame changes, its structure does not.
    expect(sameStructure(frame, at(fresh()))).toBe(true);
    expect(sameFrame(frame, at(fresh()))).toBe(false);
    const locked = at(play(held, 'hardDrop'));
    if (locked.kind !== 'game') throw new Error('expected the game screen');
    expect(locked.holdUsed).toBe(false);
    expect(locked.hold).toBe(frame.hold);
  });
});

describe('a game watched live', () => {
  it("hints at the watcher's one key instead of the player's help key", () => {
    const display = resolveDisplay();
    const hint = (live: boolean) => {
      const f = frameOf({ ...stillView(fresh()), live }, display, SIZE);
      return f.kind === 'game' ? f.hint : null;
    };
    expect(hint(false)).toBe('? keys');
    expect(hint(true)).toBe('q back');
  });
});
