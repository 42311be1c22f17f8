/** The statistics of a game and the personal best, as pure functions of the core's state. */
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/core/index.js';
import { gameStats, NO_BESTS, updateBests } from '../../src/ui/game-stats.js';
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
