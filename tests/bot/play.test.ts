import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGame, inputAction, step, TICK, type GameSettings, type GameState } from '../../src/core/index.js';
import { playBot, type TimedInput } from '../../src/bot/index.js';

/**
 * The replay of a recording, one tick at a time (test-only): for each tick
 * t, its inputs via `step`, then `step(state, TICK)`; stop at game over; run
 * through the last input's tick.
 */
function fold(settings: GameSettings, inputs: readonly TimedInput[]): GameState {
  let s = createGame(settings);
  if (inputs.length === 0) return s;
  const last = inputs[inputs.length - 1]![0];
  let i = 0;
  for (let t = 0; t <= last && s.status !== 'over'; t++) {
    while (i < inputs.length && inputs[i]![0] === t) s = step(s, inputAction(inputs[i++]![1]));
    if (s.status === 'over') break;
    s = step(s, TICK);
  }
  return s;
}

/** Ticks of the hard drops, in order. */
function dropTicks(inputs: readonly TimedInput[]): number[] {
  return inputs.filter(([, input]) => input === 'hardDrop').map(([tick]) => tick);
}

describe('playBot', () => {
  it('plays 2,000 pieces without topping out, at more than 0.35 lines per piece', () => {
    const { state } = playBot({ seed: 2024, pieces: 2000 });
    expect(state.topOut).toBeNull();
    expect(state.status).toBe('playing');
    expect(state.pieces).toBe(2000);
    expect(state.lines / state.pieces).toBeGreaterThan(0.35);
  });

  it.each([
    { pace: 0, startLevel: 0, pieces: 300 },
    { pace: 1, startLevel: 0, pieces: 200 },
    { pace: 7, startLevel: 5, pieces: 300 },
    { pace: 60, startLevel: 0, pieces: 150 },
    { pace: 60, startLevel: 19, pieces: 700 },
  ])('records inputs that replay to the same game (pace $pace, level $startLevel, $pieces pieces)', ({ pace, startLevel, pieces }) => {
    const { inputs, state } = playBot({ seed: 99, pieces, pace, startLevel });
    expect(state.pieces).toBe(pieces);
    expect(fold({ seed: 99, startLevel }, inputs)).toEqual(state);
  });

  it('records inputs that replay to the same game on random seeds and paces', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 19 }),
        (seed, pace, startLevel) => {
          const { inputs, state } = playBot({ seed, pieces: 60, pace, startLevel });
          expect(fold({ seed, startLevel }, inputs)).toEqual(state);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('plays the same inputs for the same seed, and others for another seed', () => {
    const a = playBot({ seed: 5, pieces: 200, pace: 3 });
    const b = playBot({ seed: 5, pieces: 200, pace: 3 });
    expect(b.inputs).toEqual(a.inputs);
    expect(b.state).toEqual(a.state);
    expect(playBot({ seed: 6, pieces: 200, pace: 3 }).inputs).not.toEqual(a.inputs);
  });

  it('places every piece in tick 0 at pace 0, and closes that tick', () => {
    const { inputs, state } = playBot({ seed: 3, pieces: 50 });
    expect(inputs.every(([tick]) => tick === 0)).toBe(true);
    expect(dropTicks(inputs)).toHaveLength(50);
    expect(state.tick).toBe(1);
  });

  it('hard-drops each piece pace ticks after it appeared', () => {
    const { inputs } = playBot({ seed: 3, pieces: 40, pace: 60 });
    expect(dropTicks(inputs)).toEqual(Array.from({ length: 40 }, (_, k) => 60 * (k + 1)));
  });

  it('keeps up under fast gravity: no top out, and no piece longer than the pace', () => {
    // From level 19 the game passes level 29, where pieces fall a row every tick.
    const { inputs, state } = playBot({ seed: 11, pieces: 800, pace: 60, startLevel: 19 });
    expect(state.level).toBeGreaterThanOrEqual(29);
    expect(state.topOut).toBeNull();
    const drops = dropTicks(inputs);
    drops.forEach((tick, k) => {
      expect(tick - (k === 0 ? 0 : drops[k - 1]!)).toBeLessThanOrEqual(60);
    });
  });

  it('gives ticks that never go back', () => {
    const { inputs } = playBot({ seed: 8, pieces: 100, pace: 13, startLevel: 10 });
    for (let i = 1; i < inputs.length; i++) expect(inputs[i]![0]).toBeGreaterThanOrEqual(inputs[i - 1]![0]);
  });

  it.each([0, 30])('stops at the top out, and the recording replays to it (pace %i)', (pace) => {
    // Nothing but S pieces: no player survives that for long.
    const settings = { seed: 1, queue: 'S'.repeat(500) };
    const { inputs, state } = playBot({ ...settings, pieces: 500, pace });
    expect(state.status).toBe('over');
    expect(state.topOut).not.toBeNull();
    expect(state.pieces).toBeLessThan(500);
    expect(dropTicks(inputs).at(-1)).toBe(inputs.at(-1)![0]);
    expect(fold(settings, inputs)).toEqual(state);
  });

  it('ends a sprint at 40 lines', () => {
    const { state } = playBot({ seed: 4, pieces: Infinity, mode: 'sprint' });
    expect(state.status).toBe('over');
    expect(state.topOut).toBeNull();
    expect(state.lines).toBeGreaterThanOrEqual(40);
  });

  it('records nothing for zero pieces', () => {
    const { inputs, state } = playBot({ seed: 4, pieces: 0 });
    expect(inputs).toEqual([]);
    expect(state).toEqual(createGame({ seed: 4 }));
  });

  it.each([-1, 1.5, Number.NaN])('refuses pace %s', (pace) => {
    expect(() => playBot({ seed: 1, pieces: 1, pace })).toThrow(RangeError);
  });
});
