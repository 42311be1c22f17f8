/** When a game left alone next changes, and running it to a condition. */
import { describe, expect, it } from 'vitest';
import { advance, advanceUntil, createGame, step, TICK, ticksUntilChange, type GameState } from '../../src/core/index.js';
import { play, ticks } from './helpers.js';

const fresh = createGame({ seed: 1 });

describe('ticksUntilChange', () => {
  it.each([
    // RULES.md guideline gravity: 3075 units a tick at level 5 reach a row (65536) at the 22nd tick; at 20G the
    // piece is on its landing row from the start, so its next change is the lock, 30 ticks on.
    [5, 22],
    [19, 30],
  ])('counts guideline gravity: at level %i the piece next changes in %i ticks, not at the nes row', (level, expected) => {
    const s = createGame({ seed: 1, rules: 'guideline', startLevel: level });
    expect(ticksUntilChange(s)).toBe(expected);
    if (expected > 1) expect(advance(s, expected - 1).active!.y).toBe(s.active!.y);
    expect(advance(s, expected).active).not.toEqual(s.active);
  });

  it('is the ticks to the next row of fall, or to the next second if that comes first', () => {
    const s = fresh;
    expect(ticksUntilChange(s)).toBe(48);
    expect(ticksUntilChange(advance(s, 48))).toBe(12);
    expect(ticksUntilChange(advance(s, 60))).toBe(36);
  });

  it('counts down the lock delay of a resting piece', () => {
    const resting = play(fresh, 'softDrop*19');
    const after = step(resting, TICK);
    expect(after.lockCount).toBe(1);
    expect(ticksUntilChange(after)).toBe(Math.min(29, 60 - (after.time % 60)));
  });

  it('is 1 for a game that is not running', () => {
    expect(ticksUntilChange(play(fresh, 'pause'))).toBe(1);
  });
});

describe('advanceUntil', () => {
  /** The reference: one tick at a time, stopping right after the first tick at which `stop` holds. */
  function naive(state: GameState, n: number, stop: (s: GameState) => boolean): GameState {
    let s = state;
    for (let i = 0; i < n && s.status !== 'over' && !stop(s); i++) s = step(s, TICK);
    return s;
  }

  it('stops right after the tick that locks the next piece, as ticking one by one does', () => {
    const stop = (s: GameState) => s.pieces > 0;
    const fast = advanceUntil(fresh, 10_000, stop);
    expect(fast.pieces).toBe(1);
    expect(fast).toEqual(naive(fresh, 10_000, stop));
  });

  it('stops at the row a condition on the piece asks for', () => {
    const stop = (s: GameState) => (s.active?.y ?? 0) <= 15;
    const fast = advanceUntil(fresh, 10_000, stop);
    expect(fast.active!.y).toBe(15);
    expect(fast).toEqual(naive(fresh, 10_000, stop));
  });

  it('runs all the ticks when the condition never holds, as advance does', () => {
    expect(advanceUntil(fresh, 500, () => false)).toEqual(advance(fresh, 500));
    expect(advanceUntil(fresh, 500, () => false)).toEqual(ticks(fresh, 500));
  });

  it('passes a pause at once', () => {
    const paused = play(fresh, 'pause');
    expect(advanceUntil(paused, 1e12, (s) => s.pieces > 0).tick).toBe(paused.tick + 1e12);
  });

  it('does nothing when the condition already holds', () => {
    expect(advanceUntil(fresh, 100, () => true)).toBe(fresh);
  });
});
