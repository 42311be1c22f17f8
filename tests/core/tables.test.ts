/** One high-score table and personal best per rule set and mode (and dig length): which table a game is in, and what counts. */
import { describe, expect, it } from 'vitest';
import {
  createGame,
  NO_BESTS,
  standing,
  TABLE_KEYS,
  tableKey,
  tableOf,
  updateBests,
  type GameSettings,
  type GameState,
} from '../../src/core/index.js';

/** A game of these settings as it ends, with some numbers set. */
function ended(settings: Omit<GameSettings, 'seed'>, over: Partial<GameState> = {}): GameState {
  return { ...createGame({ seed: 1, ...settings }), status: 'over', active: null, topOut: null, ...over };
}

describe('tables', () => {
  it.each([
    [{ mode: 'marathon' }, 'marathon', { rules: 'nes', mode: 'marathon' }],
    [{ rules: 'nes', mode: 'sprint' }, 'sprint', { rules: 'nes', mode: 'sprint' }],
    [{ mode: 'ultra' }, 'ultra', { rules: 'nes', mode: 'ultra' }],
    [{ mode: 'dig' }, 'dig-10', { rules: 'nes', mode: 'dig', digLines: 10 }],
    [{ mode: 'dig', digLines: 100 }, 'dig-100', { rules: 'nes', mode: 'dig', digLines: 100 }],
    [{ rules: 'guideline', mode: 'marathon' }, 'guideline-marathon', { rules: 'guideline', mode: 'marathon' }],
    [{ rules: 'guideline', mode: 'dig', digLines: 18 }, 'guideline-dig-18', { rules: 'guideline', mode: 'dig', digLines: 18 }],
  ] as const)('puts a game of %j in table %s, and reads the key back', (settings, key, table) => {
    expect(tableKey(settings)).toBe(key);
    expect(tableOf(key)).toEqual(table);
  });

  it('has twelve tables, nes first', () => {
    expect(TABLE_KEYS).toHaveLength(12);
    expect(TABLE_KEYS.slice(0, 2)).toEqual(['marathon', 'sprint']);
    expect(new Set(TABLE_KEYS).size).toBe(12);
  });
});

describe('what counts in the new modes', () => {
  it('counts an ultra that ran its two minutes by its score, not one that topped out', () => {
    expect(standing(ended({ mode: 'ultra' }, { score: 900, time: 7200 }))).toEqual({ kind: 'scored', result: 900 });
    expect(standing(ended({ mode: 'ultra' }, { score: 900, topOut: 'blockOut' }))).toEqual({ kind: 'excluded', why: 'toppedOut' });
  });

  it('counts a dig that cleared its garbage by its time, not one that topped out first', () => {
    const dug = ended({ mode: 'dig', digLines: 18 }, { time: 4000 });
    expect(standing({ ...dug, garbage: { ...dug.garbage, cleared: 18 } })).toEqual({ kind: 'scored', result: 4000 });
    expect(standing({ ...dug, garbage: { ...dug.garbage, cleared: 12 }, topOut: 'lockOut' })).toEqual({
      kind: 'excluded',
      why: 'toppedOut',
    });
  });

  it('keeps a best per rule set and mode: a guideline marathon does not beat the nes one, a dig is best by time', () => {
    let bests = NO_BESTS;
    bests = updateBests(bests, ended({ mode: 'marathon' }, { score: 500 }));
    bests = updateBests(bests, ended({ rules: 'guideline', mode: 'marathon' }, { score: 90_000 }));
    bests = updateBests(bests, ended({ rules: 'guideline', mode: 'marathon' }, { score: 80_000 }));
    const dig = ended({ mode: 'dig' }, { time: 3000 });
    const won = { ...dig, garbage: { ...dig.garbage, cleared: 10 } };
    bests = updateBests(bests, won);
    bests = updateBests(bests, { ...won, time: 2500 });
    bests = updateBests(bests, { ...won, time: 2700 });
    expect(bests).toEqual({ marathon: 500, 'guideline-marathon': 90_000, 'dig-10': 2500 });
  });
});
