/**
 * Pace against a best game: the progress curve a kept replay folds to, and
 * how a game in play stands against it in sprint, ultra and dig.
 */
import { describe, expect, it } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import {
  advanceUntil,
  createGame,
  paceCurve,
  paceOf,
  runReplay,
  scoreAtTime,
  timeAtGarbage,
  timeAtLines,
  type GameSettings,
  type Replay,
} from '../../src/core/index.js';

function botReplay(seed: number, pieces: number, pace: number, settings: Replay['settings']): Replay {
  const game = playBot({ seed, pieces, pace, ...settings });
  return { seed, settings, inputs: game.inputs, endTick: game.inputs.at(-1)![0] + 90 };
}

describe('paceCurve', () => {
  const replay = botReplay(5, 60, 20, { mode: 'sprint' });
  const curve = paceCurve(replay);
  const end = runReplay(replay);

  it('keeps what the game had after each lock, in order, ending where the replay ends', () => {
    expect(curve.mode).toBe('sprint');
    expect(curve.times).toHaveLength(end.pieces);
    expect(curve.lines.at(-1)).toBe(end.lines);
    expect(curve.scores.at(-1)).toBe(end.score);
    for (let i = 1; i < curve.times.length; i++) {
      expect(curve.times[i]!).toBeGreaterThan(curve.times[i - 1]!);
      expect(curve.lines[i]!).toBeGreaterThanOrEqual(curve.lines[i - 1]!);
    }
  });

  it('answers the time to some lines, and the score by some time, as the fold tick by tick does', () => {
    expect(end.lines).toBeGreaterThan(4);
    const start = createGame({ seed: 5, ...replay.settings } as GameSettings);
    // The lock that made line 4: the replay run up to it.
    const t4 = timeAtLines(curve, 4)!;
    const at = runReplay(replay, { untilTick: t4 });
    expect(at.lines).toBeGreaterThanOrEqual(4);
    expect(runReplay(replay, { untilTick: t4 - 1 }).lines).toBeLessThan(4);
    expect(timeAtLines(curve, 1000)).toBeNull();
    expect(scoreAtTime(curve, 0)).toBe(0);
    expect(scoreAtTime(curve, t4)).toBe(at.score);
    expect(start.time).toBe(0);
  });
});

describe('paceOf', () => {
  it('is the time more than the best took to these lines in sprint (negative: ahead)', () => {
    const curve = paceCurve(botReplay(5, 60, 20, { mode: 'sprint' }));
    // The same seed played faster: it gets to its first lines sooner.
    const fast = playBot({ seed: 5, pieces: 60, pace: 10, mode: 'sprint' }).state;
    const pace = paceOf(curve, fast);
    expect(pace).not.toBeNull();
    expect(pace!).toBeLessThan(0);
    expect(paceOf(curve, createGame({ seed: 5, mode: 'sprint' }))).toBeNull();
  });

  it('is the score more than the best had by now in ultra', () => {
    const curve = paceCurve(botReplay(9, 40, 20, { mode: 'ultra' }));
    const game = createGame({ seed: 9, mode: 'ultra' });
    const later = advanceUntil(game, 600, () => false);
    expect(paceOf(curve, later)).toBe(later.score - scoreAtTime(curve, later.time));
  });

  it('is the time more than the best took to these garbage rows in dig', () => {
    const curve = paceCurve(botReplay(3, 80, 20, { mode: 'dig', digLines: 10 }));
    expect(curve.garbage.at(-1)!).toBeGreaterThan(0);
    const game = playBot({ seed: 3, pieces: 80, pace: 20, mode: 'dig', digLines: 10 }).state;
    // The very game it was folded from is level with itself.
    expect(paceOf(curve, game)).toBe(game.time - timeAtGarbage(curve, game.garbage.cleared)!);
  });

  it('compares only games of the curve mode, and nothing in marathon', () => {
    const curve = paceCurve(botReplay(5, 30, 20, { mode: 'sprint' }));
    expect(paceOf(curve, playBot({ seed: 5, pieces: 30, pace: 20 }).state)).toBeNull();
  });
});
