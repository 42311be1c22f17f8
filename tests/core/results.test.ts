/** Which games count for the high-score table and the personal best: finished, not practice. */
import { describe, expect, it } from 'vitest';
import { beats, createGame, isPractice, scoredResult, standing, type GameSettings, type GameState } from '../../src/core/index.js';
import { play } from './helpers.js';

/** A real game: hard drops until it tops out (each drop scores, so the top out has points). */
function toppedOut(settings: Partial<GameSettings> = {}): GameState {
  let s = createGame({ seed: 1, ...settings });
  for (let i = 0; i < 200 && s.status !== 'over'; i++) s = play(s, 'hardDrop');
  expect(s.status).toBe('over');
  return s;
}

/** A sprint as it ends: over, with `lines` cleared in `time` ticks. */
function sprint(time: number, lines: number, topOut: GameState['topOut'], queue = ''): GameState {
  const s = createGame({ seed: 1, mode: 'sprint', queue });
  return { ...s, status: 'over', active: null, time, lines, topOut };
}

describe('the games that count', () => {
  it('counts a marathon that topped out by its score', () => {
    const end = toppedOut();
    expect(end.score).toBeGreaterThan(0);
    expect(standing(end)).toEqual({ kind: 'scored', result: end.score });
    expect(scoredResult(end)).toBe(end.score);
  });

  it('counts a sprint that reached its 40 lines by its time', () => {
    expect(scoredResult(sprint(3000, 40, null))).toBe(3000);
  });

  it.each([
    ['a marathon quit mid-game, with points', () => play(createGame({ seed: 1 }), 'hardDrop hardDrop tick*10'), 'unfinished', false],
    ['a paused marathon', () => play(createGame({ seed: 1 }), 'hardDrop pause'), 'unfinished', false],
    ['a sprint quit at 30 lines', () => ({ ...createGame({ seed: 1, mode: 'sprint' }), lines: 30, time: 900 }), 'unfinished', false],
    ['a sprint that topped out before its lines', () => sprint(1000, 12, 'lockOut'), 'toppedOut', true],
    ['a marathon that topped out without a point', () => ({ ...toppedOut(), score: 0 }), 'noPoints', true],
    ['a marathon practice game (--queue) that topped out', () => toppedOut({ queue: 'OOOOOOOOOO' }), 'practice', true],
    ['a sprint practice game that reached 40 lines', () => sprint(3000, 40, null, 'IIII'), 'practice', true],
    ['a practice game quit mid-way', () => play(createGame({ seed: 1, queue: 'O' }), 'hardDrop'), 'practice', false],
  ] as const)('does not count %s', (_name, game, why, over) => {
    const state = game();
    expect(state.status === 'over').toBe(over);
    expect(standing(state)).toEqual({ kind: 'excluded', why });
    expect(scoredResult(state)).toBeNull();
  });

  it('still gives a practice game its score: it is only kept out of the table', () => {
    const end = toppedOut({ queue: 'OOOOOOOOOO' });
    expect(end.score).toBeGreaterThan(0);
    expect(isPractice(end.settings)).toBe(true);
    expect(isPractice(createGame({ seed: 1 }).settings)).toBe(false);
  });
});

describe('beating a best', () => {
  it.each([
    ['sprint', 2999, 3000, true],
    ['sprint', 3000, 3000, false],
    ['sprint', 3001, 3000, false],
    ['marathon', 501, 500, true],
    ['marathon', 500, 500, false],
    ['sprint', 5000, null, true],
  ] as const)('in %s, %d beats a best of %s: %s', (mode, result, best, expected) => {
    expect(beats(mode, result, best)).toBe(expected);
  });
});
