/** The statistics of a game and the personal best, as pure functions of the core's state. */
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/core/index.js';
import { beats, bestResult, gameStats, NO_BESTS, updateBests } from '../../src/ui/game-stats.js';
import { fresh } from './helpers.js';

/** A finished game with the given numbers. */
function ended(fields: Partial<GameState>, settings: Parameters<typeof fresh>[0] = {}): GameState {
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

describe('personal bests', () => {
  const sprint = (time: number, lines = 40, topOut: GameState['topOut'] = null) => ended({ time, lines, topOut }, { mode: 'sprint' });

  it('takes a finished sprint by its time and a marathon by its score', () => {
    expect(bestResult(sprint(3000))).toBe(3000);
    expect(bestResult(ended({ score: 1234 }))).toBe(1234);
  });

  it('does not count a sprint that topped out, a marathon without points, or a game still running', () => {
    expect(bestResult(sprint(3000, 12, 'lockOut'))).toBeNull();
    expect(bestResult(ended({ score: 0 }))).toBeNull();
    expect(bestResult({ ...fresh(), score: 500 })).toBeNull();
  });

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

  it('keeps the better result of each mode as games end', () => {
    let bests = NO_BESTS;
    bests = updateBests(bests, sprint(3000));
    bests = updateBests(bests, sprint(3500));
    bests = updateBests(bests, ended({ score: 800 }));
    bests = updateBests(bests, sprint(2800));
    bests = updateBests(bests, sprint(1000, 30, 'blockOut'));
    expect(bests).toEqual({ sprint: 2800, marathon: 800 });
  });
});
