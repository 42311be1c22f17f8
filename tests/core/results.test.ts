/** Which games count for the high-score table and the personal best (finished, not practice), the bests, and the statistics. */
import { describe, expect, it } from 'vitest';
import {
  beats,
  createGame,
  gameStats,
  isNewBest,
  isPractice,
  NO_BESTS,
  rankedResult,
  scoredResult,
  standing,
  updateBests,
  type GameSettings,
  type GameState,
} from '../../src/core/index.js';
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

const fresh = (settings: Partial<GameSettings> = {}): GameState => createGame({ seed: 1, ...settings });

/** A finished game with the given numbers. */
function ended(fields: Partial<GameState>, settings: Partial<GameSettings> = {}): GameState {
  return { ...fresh(settings), status: 'over', topOut: 'blockOut', active: null, ...fields };
}

describe('gameStats', () => {
  it('counts pieces per second of play and each size of clear from the core', () => {
    const stats = gameStats(ended({ pieces: 90, time: 60 * 45, lines: 16, clears: [2, 1, 0, 3] }));
    expect(stats).toMatchObject({ pieces: 90, time: 2700, lines: 16, singles: 2, doubles: 1, triples: 0, tetrises: 3 });
    expect(stats.piecesPerSecond).toBe(2);
  });

  it('gives the tetris rate as the share of lines cleared by tetrises', () => {
    // 2 singles + 1 double + 3 tetrises = 16 lines, 12 of them by tetrises.
    expect(gameStats(ended({ lines: 16, clears: [2, 1, 0, 3] })).tetrisRate).toBe(0.75);
    expect(gameStats(ended({ lines: 40, clears: [0, 0, 0, 10] })).tetrisRate).toBe(1);
  });

  it('has no tetris rate before the first line and no speed before the first tick', () => {
    const stats = gameStats(fresh());
    expect(stats.tetrisRate).toBeNull();
    expect(stats.piecesPerSecond).toBe(0);
  });
});

describe('the personal bests of a session', () => {
  const sprint = (time: number, lines = 40, topOut: GameState['topOut'] = null) => ended({ time, lines, topOut }, { mode: 'sprint' });

  it('keeps the better result of each mode as games end', () => {
    let bests = NO_BESTS;
    bests = updateBests(bests, sprint(3000));
    bests = updateBests(bests, sprint(3500));
    bests = updateBests(bests, ended({ score: 800 }));
    bests = updateBests(bests, sprint(2800));
    bests = updateBests(bests, sprint(1000, 30, 'blockOut'));
    expect(bests).toEqual({ sprint: 2800, marathon: 800 });
  });

  it('keeps the bests through games quit mid-way and practice games, whatever their numbers', () => {
    const bests = { marathon: 800, sprint: 2800 };
    // Quit (still playing), and practice (a fixed queue) that topped out or finished its sprint.
    expect(updateBests(bests, { ...fresh(), score: 5000 })).toBe(bests);
    expect(updateBests(bests, ended({ score: 5000 }, { queue: 'OOOO' }))).toBe(bests);
    expect(updateBests(bests, ended({ time: 1000, lines: 40, topOut: null }, { mode: 'sprint', queue: 'IIII' }))).toBe(bests);
  });
});

describe('new personal bests and ranked results', () => {
  it('ranks a marathon by points and a sprint by ticks', () => {
    expect(rankedResult('marathon', { score: 900, time: 3000 })).toBe(900);
    expect(rankedResult('sprint', { score: 900, time: 3000 })).toBe(3000);
  });

  it('calls a counted game that beats the best before it a new best, and a tie not', () => {
    const game = ended({ score: 800 });
    expect(isNewBest(game, null)).toBe(true);
    expect(isNewBest(game, 799)).toBe(true);
    expect(isNewBest(game, 800)).toBe(false);
    expect(isNewBest(ended({ time: 2000, lines: 40, topOut: null }, { mode: 'sprint' }), 2001)).toBe(true);
  });

  it('never calls a game that does not count a new best', () => {
    expect(isNewBest({ ...fresh(), score: 5000 }, null)).toBe(false);
    expect(isNewBest(ended({ score: 5000 }, { queue: 'OOOO' }), null)).toBe(false);
  });
});
