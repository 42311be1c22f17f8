import { describe, expect, it } from 'vitest';
import { createGame, step, TICK, type GameState, type Placement } from '../../src/core/index.js';
import { gameOn, play, TSD, TST, TST_OPEN_FRONT } from './helpers.js';

const T = (x: number, y: number, rotation: 0 | 1 | 2 | 3): Placement => ({ type: 'T', x, y, rotation });
const guideline = (rows: string[], active: Placement, startLevel = 1): GameState =>
  gameOn(rows, active, { rules: 'guideline', startLevel });

describe('T-spins on real boards', () => {
  it.each([
    ['a T-spin double (both front corners blocked)', TSD, T(0, 0, 1), 'cw hardDrop', { rows: 2, tspin: 'full', points: 1200 }],
    ['a T-spin triple through the fifth kick', TST, T(1, 2, 0), 'cw hardDrop', { rows: 3, tspin: 'full', points: 1600 }],
    [
      'a mini by its corners made full by the fifth kick',
      TST_OPEN_FRONT,
      T(1, 2, 0),
      'cw hardDrop',
      { rows: 2, tspin: 'full', points: 1200 },
    ],
    [
      'a T-spin mini single (one front corner)',
      TSD,
      T(0, 2, 2),
      'ccw softDrop softDrop ccw cw hardDrop',
      { rows: 1, tspin: 'mini', points: 200 },
    ],
    [
      'no T-spin after a rotation then a soft drop',
      TSD,
      T(0, 2, 2),
      'ccw softDrop softDrop hardDrop',
      { rows: 1, tspin: null, points: 100 },
    ],
    ['no T-spin after a rotation then a hard drop that moves', TSD, T(0, 2, 2), 'ccw hardDrop', { rows: 1, tspin: null, points: 100 }],
    ['a T-spin after a rotation then a zero-row hard drop', TSD, T(0, 0, 0), 'cw hardDrop', { rows: 1, tspin: 'mini', points: 200 }],
    [
      'a T against the floor (its two lower corners)',
      ['..X.......', '...XXXXXXX'],
      T(-1, 0, 1),
      'ccw hardDrop',
      { rows: 1, tspin: 'mini', points: 200 },
    ],
    ['a T against the left wall (its two left corners)', TST, T(0, 4, 0), 'cw hardDrop', { rows: 0, tspin: 'mini', points: 100 }],
  ] as const)('%s', (_name, rows, active, script, clear) => {
    const after = play(guideline([...rows], active), script);
    expect(after.events.locked?.type).toBe('T');
    expect(after.events.clear).toMatchObject(clear);
  });

  it('is cancelled by a move after the rotation, even when the T ends in three blocked corners', () => {
    // Flat on the floor under (0, 1): both floor corners and one top corner are blocked.
    const rotated = { ...guideline(['X.........', '..........'], T(1, -1, 0)), spin: 1 as const };
    expect(play({ ...rotated, active: T(0, -1, 0) }, 'hardDrop').events.clear?.tspin).toBe('mini');
    expect(play(rotated, 'left').spin).toBe(0);
    expect(play(rotated, 'left hardDrop').events.clear?.tspin).toBeNull();
  });

  it('takes the fifth kick for the triple (one column left, two rows down)', () => {
    const turned = play(guideline(TST, T(1, 2, 0)), 'cw');
    expect(turned.active).toEqual(T(0, 0, 1));
    expect(turned.spin).toBe(2);
  });

  it('is no T-spin for another piece in a T slot', () => {
    const s = guideline(TSD, { type: 'L', x: 0, y: 2, rotation: 2 });
    expect(play(s, 'cw hardDrop').events.clear?.tspin).toBeNull();
  });

  it('keeps a T-spin through gravity ticks that move no row', () => {
    const s = play(guideline(TSD, T(0, 0, 0)), 'cw');
    const waited = step(step(s, TICK), TICK);
    expect(waited.spin).toBe(1);
    expect(play(waited, 'hardDrop').events.clear?.tspin).toBe('mini');
  });

  it('is cancelled by a row of gravity after the rotation', () => {
    let s = play(guideline(TSD, T(0, 2, 2)), 'ccw');
    while (s.active!.y > 0) s = step(s, TICK);
    expect(s.spin).toBe(0);
    expect(play(s, 'hardDrop').events.clear?.tspin).toBeNull();
  });

  it('is cancelled by the 20G drop after a rotation that leaves the piece above its landing row', () => {
    // At level 19 the rotated T is pulled down at once: a move down, not the last rotation.
    const s = play(guideline(TSD, T(0, 2, 2), 19), 'ccw');
    expect(s.active).toEqual(T(0, 0, 1));
    expect(s.spin).toBe(0);
    expect(play(s, 'hardDrop').events.clear?.tspin).toBeNull();
  });

  it('is never reported under nes', () => {
    const after = play(gameOn(TSD, T(0, 0, 1)), 'cw hardDrop');
    expect(after.events.clear).toMatchObject({ rows: 2, tspin: null, points: 100 });
  });

  it('starts each game with no chain and the combo counter at -1', () => {
    const s = createGame({ seed: 5, rules: 'guideline' });
    expect([s.spin, s.combo, s.backToBack]).toEqual([0, -1, false]);
  });
});
