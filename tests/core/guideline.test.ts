import { describe, expect, it } from 'vitest';
import {
  advance,
  canFall,
  createGame,
  GRAVITY_UNIT,
  gravityUnits,
  guidelineLevel,
  lowestRow,
  step,
  TICK,
  ticksToFall,
  type GameState,
} from '../../src/core/index.js';
import { gameOn, play, rowsOf, ticks } from './helpers.js';

/** RULES.md's guideline gravity table, in 1/65536 rows per tick. */
const UNITS: [number, number][] = [
  [1, 1092],
  [2, 1377],
  [3, 1768],
  [4, 2311],
  [5, 3075],
  [6, 4169],
  [7, 5759],
  [8, 8107],
  [9, 11634],
  [10, 17026],
  [11, 25416],
  [12, 38709],
  [13, 60169],
  [14, 95483],
  [15, 154742],
  [16, 256187],
  [17, 433425],
  [18, 749597],
];

const guideline = (startLevel: number, seed = 4): GameState => createGame({ seed, rules: 'guideline', startLevel });

describe('guideline gravity', () => {
  it.each(UNITS)('at level %i the gravity count goes up by %i units a tick', (level, units) => {
    expect(gravityUnits(level)).toBe(units);
    const s = guideline(level);
    const after = step(s, TICK);
    // Below 1 row a tick the first tick only counts; from level 16 it already moves.
    if (units < GRAVITY_UNIT) {
      expect(after.gravityCount).toBe(units);
      expect(after.active!.y).toBe(s.active!.y);
    } else {
      expect(after.gravityCount).toBe(units % GRAVITY_UNIT);
      expect(s.active!.y - after.active!.y).toBe(Math.floor(units / GRAVITY_UNIT));
    }
  });

  it.each(UNITS.filter(([, units]) => units < GRAVITY_UNIT))(
    'moves a level-%i piece its first row on tick ceil(65536 / %i), keeping the rest of the count',
    (level, units) => {
      const s = guideline(level);
      const first = Math.ceil(GRAVITY_UNIT / units);
      expect(ticksToFall(s)).toBe(first);
      expect(ticks(s, first - 1).active!.y).toBe(s.active!.y);
      const moved = ticks(s, first);
      expect(moved.active!.y).toBe(s.active!.y - 1);
      expect(moved.gravityCount).toBe((first * units) % GRAVITY_UNIT);
    },
  );

  it.each([
    [16, 7],
    [17, 13],
  ])('moves a level-%i piece floor(count / 65536) rows a tick: %i rows after two ticks', (level, rows) => {
    const s = guideline(level);
    expect(s.active!.y - ticks(s, 2).active!.y).toBe(rows);
  });

  it('stops the fall at the landing row, keeping count % 65536', () => {
    // Level 18 moves 11 rows in its first tick; with 2 rows of fall left the piece stops on the stack.
    const s = gameOn(rowsOf('XXXXXXXXX.', 16), undefined, { rules: 'guideline', startLevel: 18 });
    const after = step(s, TICK);
    expect(lowestRow(after.active!)).toBe(16);
    expect(after.gravityCount).toBe(749597 % GRAVITY_UNIT);
  });

  it('restarts the count at zero on a soft drop', () => {
    const s = ticks(guideline(1), 10);
    expect(s.gravityCount).toBe(10920);
    expect(play(s, 'softDrop').gravityCount).toBe(0);
  });

  it.each([19, 20])('at level %i (20G) puts the piece at its landing row the moment it appears', (level) => {
    const s = guideline(level);
    expect(lowestRow(s.active!)).toBe(0);
    const next = play(s, 'hardDrop');
    // Already down: the hard drop moved no row and scored nothing; the next piece lands on the first at once.
    expect(next.score).toBe(0);
    expect(canFall(next)).toBe(false);
    expect(step(next, TICK).lockCount).toBe(1);
  });

  it('drops a 20G piece to its landing row after a move off a ledge, restoring the lock count and the resets', () => {
    const s = gameOn(['XXXX......', 'XXXX......'], { type: 'O', x: 2, y: 2, rotation: 0 }, { rules: 'guideline', startLevel: 19 });
    const rested = ticks({ ...s, resetsLeft: 3 }, 5);
    expect(rested.lockCount).toBe(5);
    const moved = play(rested, 'right right');
    expect(moved.active).toMatchObject({ x: 4, y: 0 });
    expect(moved.lockCount).toBe(0);
    expect(moved.resetsLeft).toBe(15);
  });

  it('levels up every 10 lines from the start level (fixed goal), without an upper bound', () => {
    expect(guidelineLevel(1, 9)).toBe(1);
    expect(guidelineLevel(1, 10)).toBe(2);
    expect(guidelineLevel(7, 35)).toBe(10);
    expect(guidelineLevel(20, 500)).toBe(70);
  });

  it('starts at level 1 by default and refuses start levels outside 1-20', () => {
    expect(createGame({ seed: 1, rules: 'guideline' }).level).toBe(1);
    expect(() => createGame({ seed: 1, rules: 'guideline', startLevel: 0 })).toThrow(RangeError);
    expect(() => createGame({ seed: 1, rules: 'guideline', startLevel: 21 })).toThrow(RangeError);
    expect(createGame({ seed: 1, rules: 'guideline', startLevel: 20 }).level).toBe(20);
  });

  it.each([1, 5, 12, 15, 18])('advances n ticks at level %i exactly as n tick actions would', (level) => {
    let fast = guideline(level, 9);
    let slow = fast;
    for (const gap of [1, 7, 59, 60, 61, 200, 3, 1000]) {
      fast = advance(fast, gap);
      slow = ticks(slow, gap);
      expect({ ...fast, board: [...fast.board] }).toEqual({ ...slow, board: [...slow.board] });
      fast = play(fast, 'left');
      slow = play(slow, 'left');
    }
  });
});
