import { describe, expect, it } from 'vitest';
import { chainAfter, scoreLock, type ClearEvent, type TSpin } from '../../src/core/index.js';
import { gameOn, play } from './helpers.js';

/** A guideline lock with no chain, no combo and no perfect clear, at `level`. */
const plain = (rows: number, tspin: TSpin, level: number): ClearEvent =>
  scoreLock({ rules: 'guideline', rows, tspin, chain: false, combo: -1, perfectClear: false, levelBefore: level, levelAfter: level });

/** RULES.md's score table: [kind, rows, points before the level]. */
const TABLE: [string, TSpin, number, number][] = [
  ['a lock without lines', null, 0, 0],
  ['a single', null, 1, 100],
  ['a double', null, 2, 300],
  ['a triple', null, 3, 500],
  ['a tetris', null, 4, 800],
  ['a T-spin mini without lines', 'mini', 0, 100],
  ['a T-spin mini single', 'mini', 1, 200],
  ['a T-spin mini double', 'mini', 2, 400],
  ['a T-spin without lines', 'full', 0, 400],
  ['a T-spin single', 'full', 1, 800],
  ['a T-spin double', 'full', 2, 1200],
  ['a T-spin triple', 'full', 3, 1600],
];

/** Four rows an I in column 9 completes, over a row it does not. */
const FOUR_ROWS = ['XXXXXXXXX.', 'XXXXXXXXX.', 'XXXXXXXXX.', 'XXXXXXXXX.', 'XXXXXXXX.X'];

describe('guideline score table', () => {
  it.each(TABLE.flatMap(([name, tspin, rows, base]) => [1, 7].map((level) => [name, level, tspin, rows, base * level] as const)))(
    'scores %s at level %i: table x level',
    (_name, level, tspin, rows, points) => {
      expect(plain(rows, tspin, level).points).toBe(points);
    },
  );

  it('multiplies by the level before the lock rows count (a tetris from 8 lines at level 1 scores 800, not 1600)', () => {
    const s = gameOn(FOUR_ROWS, { type: 'I', x: 7, y: 10, rotation: 1 }, { rules: 'guideline' });
    const after = play({ ...s, lines: 8 }, 'hardDrop');
    expect(after.level).toBe(2);
    // 800 x level 1, plus 2 points a row of hard drop (9 rows).
    expect(after.score).toBe(800 + 18);
    expect(after.events.clear).toEqual({ rows: 4, tspin: null, backToBack: false, combo: 0, perfectClear: false, points: 800 });
  });

  it('scores nes locks as before, reporting the same shape with no T-spin and no back-to-back', () => {
    const s = gameOn(FOUR_ROWS, { type: 'I', x: 7, y: 10, rotation: 1 });
    const after = play(s, 'hardDrop');
    expect(after.score).toBe(1200 + 18);
    expect(after.events.clear).toEqual({ rows: 4, tspin: null, backToBack: false, combo: 0, perfectClear: false, points: 1200 });
  });
});

/** Plays locks of [rows, tspin] in order from a fresh chain and counter, at level 1; returns each clear. */
function chain(locks: readonly (readonly [number, TSpin])[], level = 1): ClearEvent[] {
  let on = false;
  let combo = -1;
  return locks.map(([rows, tspin]) => {
    const clear = scoreLock({
      rules: 'guideline',
      rows,
      tspin,
      chain: on,
      combo,
      perfectClear: false,
      levelBefore: level,
      levelAfter: level,
    });
    on = chainAfter(on, rows, tspin);
    combo = clear.combo;
    return clear;
  });
}

describe('back-to-back', () => {
  it.each([
    ['a single', 1],
    ['a double', 2],
    ['a triple', 3],
  ])('is broken by %s between two tetrises', (_name, rows) => {
    const clears = chain([
      [4, null],
      [0, null],
      [rows, null],
      [0, null],
      [4, null],
    ]);
    expect(clears.map((c) => c.backToBack)).toEqual([false, false, false, false, false]);
    expect(clears[4]!.points).toBe(800);
  });

  it.each([
    ['a lock without lines', 0, null],
    ['a T-spin without lines', 0, 'full'],
    ['a T-spin mini without lines', 0, 'mini'],
  ] as const)('is kept through %s', (_name, rows, tspin) => {
    const clears = chain([
      [4, null],
      [rows, tspin],
      [4, null],
    ]);
    expect(clears[2]!.backToBack).toBe(true);
    expect(clears[2]!.points).toBe(1200);
    // A lock without lines is never back-to-back itself.
    expect(clears[1]!.backToBack).toBe(false);
  });

  it.each([
    ['a T-spin single after a tetris', [4, null], [1, 'full'], 1200],
    ['a T-spin double after a T-spin mini single', [1, 'mini'], [2, 'full'], 1800],
    ['a T-spin mini double after a T-spin triple', [3, 'full'], [2, 'mini'], 600],
    ['a tetris after a T-spin double', [2, 'full'], [4, null], 1200],
  ] as const)('multiplies %s by 3/2', (_name, first, second, points) => {
    const clears = chain([first, [0, null], second]);
    expect(clears[2]!.backToBack).toBe(true);
    expect(clears[2]!.points).toBe(points);
  });

  it('is x3/2 of the action times the level at level 3', () => {
    const clears = chain(
      [
        [4, null],
        [0, null],
        [4, null],
      ],
      3,
    );
    expect(clears[2]!.points).toBe(3600);
  });
});

describe('combos', () => {
  it('counts from -1 up at each lock that clears, adding 50 x counter x level from 1, and ends at a lock without lines', () => {
    const clears = chain(
      [
        [1, null],
        [1, null],
        [2, null],
        [1, null],
        [0, null],
        [1, null],
      ],
      2,
    );
    expect(clears.map((c) => c.combo)).toEqual([0, 1, 2, 3, -1, 0]);
    expect(clears.map((c) => c.points)).toEqual([200, 200 + 100, 600 + 200, 200 + 300, 0, 200]);
  });

  it('is computed (never scored) under nes', () => {
    let combo = -1;
    const combos = [1, 2, 0, 4].map((rows) => {
      const clear = scoreLock({ rules: 'nes', rows, tspin: null, chain: false, combo, perfectClear: false, levelBefore: 0, levelAfter: 0 });
      combo = clear.combo;
      return clear;
    });
    expect(combos.map((c) => [c.combo, c.points])).toEqual([
      [0, 40],
      [1, 100],
      [-1, 0],
      [0, 1200],
    ]);
  });
});

describe('perfect clears', () => {
  it.each([
    [1, 100 + 800],
    [2, 300 + 1200],
    [3, 500 + 1800],
    [4, 800 + 2000],
  ])('adds its points for %i rows, times the level', (rows, points) => {
    for (const level of [1, 4]) {
      const clear = scoreLock({
        rules: 'guideline',
        rows,
        tspin: null,
        chain: false,
        combo: -1,
        perfectClear: true,
        levelBefore: level,
        levelAfter: level,
      });
      expect(clear.perfectClear).toBe(true);
      expect(clear.points).toBe(points * level);
    }
  });

  it('gives a back-to-back tetris 3200 x level instead of 2000, not multiplied by 3/2', () => {
    const clear = scoreLock({
      rules: 'guideline',
      rows: 4,
      tspin: null,
      chain: true,
      combo: -1,
      perfectClear: true,
      levelBefore: 2,
      levelAfter: 2,
    });
    expect(clear.backToBack).toBe(true);
    expect(clear.points).toBe((1200 + 3200) * 2);
  });

  it('is found on a real board: the last row cleared leaves it empty', () => {
    const s = gameOn(['XXXXXX....'], { type: 'I', x: 6, y: 5, rotation: 0 }, { rules: 'guideline' });
    const after = play(s, 'hardDrop');
    expect(after.events.clear).toMatchObject({ rows: 1, perfectClear: true, points: 900 });
    const nes = play(gameOn(['XXXXXX....'], { type: 'I', x: 6, y: 5, rotation: 0 }), 'hardDrop');
    // nes reports it, and scores the single only.
    expect(nes.events.clear).toMatchObject({ rows: 1, perfectClear: true, points: 40 });
  });
});
