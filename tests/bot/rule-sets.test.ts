import { describe, expect, it } from 'vitest';
import { playBot, reachablePlacements } from '../../src/bot/index.js';
import { createGame, runReplay, summarize, ULTRA_TICKS } from '../../src/core/index.js';

describe('the bot under the guideline rules and the new modes', () => {
  it.each([
    ['guideline from level 1', { rules: 'guideline', startLevel: 1 }],
    ['guideline at 20G', { rules: 'guideline', startLevel: 19 }],
  ] as const)('plays %s without topping out, its inputs replaying to the same game', (_name, settings) => {
    const game = playBot({ seed: 8, pieces: 300, pace: 20, ...settings });
    expect(game.state.topOut).toBeNull();
    expect(game.state.pieces).toBe(300);
    expect(game.state.lines).toBeGreaterThan(100);
    const replay = { seed: 8, settings, inputs: game.inputs };
    expect(summarize(runReplay(replay))).toEqual(summarize(game.state));
  });

  it('finds its placements at 20G along the floor of the stack, as the core moves the piece', () => {
    const s = createGame({ seed: 8, rules: 'guideline', startLevel: 20 });
    const candidates = reachablePlacements(s);
    expect(candidates.length).toBeGreaterThan(10);
  });

  it.each(['nes', 'guideline'] as const)('plays an ultra to its end under %s', (rules) => {
    const game = playBot({ seed: 2, pieces: Number.POSITIVE_INFINITY, pace: 45, rules, mode: 'ultra' });
    expect(summarize(game.state)).toMatchObject({ state: 'over', topOut: null, time: ULTRA_TICKS });
  });

  it.each([
    ['nes', 10],
    ['guideline', 100],
  ] as const)('digs out under %s (%i lines)', (rules, digLines) => {
    const game = playBot({ seed: 2, pieces: 5000, pace: 10, rules, mode: 'dig', digLines });
    expect(summarize(game.state)).toMatchObject({ state: 'over', topOut: null, garbageLeft: 0 });
  });
});
