/**
 * The quick fold (src/core/quick-fold.ts) against the fold it stands in
 * for: `step` for each input and `advance` for the ticks between, from the
 * same state to the same tick. Every field of the final state must be the
 * same, the board, the queue and the last step's events included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import {
  boardFromRows,
  createGame,
  INPUT_NAMES,
  lowestRow,
  step,
  TICK,
  type GameState,
  type InputName,
  type Placement,
} from '../../src/core/index.js';
import { quickFold, quickFoldPlays } from '../../src/core/quick-fold.js';
import { packReplay, type Replay } from '../../src/core/replay.js';
import { gameOn, TSD, TST, TST_OPEN_FRONT } from './helpers.js';
import { runPackedReplay, runPackedReplaySteps, runTo } from '../../src/core/replay-cursor.js';

type Input = readonly [number, InputName];

const T = (x: number, y: number, rotation: 0 | 1 | 2 | 3): Placement => ({ type: 'T', x, y, rotation });

/** The fold of `step` and `advance` from `start` through tick `end`. */
function stepFold(start: GameState, inputs: readonly Input[], end: number): GameState {
  const replay = packReplay({ seed: start.settings.seed, settings: {}, inputs: inputs.map(([t, a]) => [t, a]), endTick: end });
  return runTo(replay, { state: start, next: 0 }, end).state;
}

function quick(start: GameState, inputs: readonly Input[], end: number): GameState {
  const replay = packReplay({ seed: start.settings.seed, settings: {}, inputs: inputs.map(([t, a]) => [t, a]), endTick: end });
  return quickFold(start, replay.inputs, 0, end);
}

/** A piece as a player places it: turns, shifts, maybe a hold and soft drops, then a hard drop or a wait for the lock. */
const pieceArb = fc.record({
  wait: fc.oneof(fc.constant(0), fc.nat({ max: 8 }), fc.nat({ max: 90 })),
  hold: fc.boolean(),
  turns: fc.integer({ min: -2, max: 2 }),
  shift: fc.integer({ min: -5, max: 5 }),
  // Some to the floor: a turn there is how T-spins are made.
  soft: fc.oneof(fc.nat({ max: 3 }), fc.constant(22)),
  // A turn after the soft drops: at the bottom, the rotation a T-spin needs.
  lastTurn: fc.constantFrom(0, 1, -1),
  end: fc.constantFrom('hardDrop', 'lock', 'pause', 'none'),
});

/** Random keys at random ticks, pause among them. */
const keysArb = fc.array(fc.tuple(fc.nat({ max: 40 }), fc.constantFrom(...INPUT_NAMES)), { maxLength: 400, size: 'max' });

type Piece = typeof pieceArb extends fc.Arbitrary<infer T> ? T : never;

/** The inputs of some placements, ticks counted from 0. */
function placements(pieces: readonly Piece[]): Input[] {
  const out: Input[] = [];
  let t = 0;
  for (const p of pieces) {
    t += p.wait;
    if (p.hold) out.push([t, 'hold']);
    for (let k = 0; k < Math.abs(p.turns); k++) out.push([t, p.turns < 0 ? 'ccw' : 'cw']);
    for (let k = 0; k < Math.abs(p.shift); k++) out.push([t, p.shift < 0 ? 'left' : 'right']);
    for (let k = 0; k < p.soft; k++) out.push([t, 'softDrop']);
    if (p.lastTurn !== 0) out.push([++t, p.lastTurn < 0 ? 'ccw' : 'cw']);
    if (p.end === 'hardDrop') out.push([t, 'hardDrop']);
    else if (p.end === 'pause') {
      out.push([t, 'pause']);
      t += 50;
      out.push([t, 'pause']);
    } else if (p.end === 'lock') t += 80;
  }
  return out;
}

const caseArb = fc.record({
  seed: fc.nat({ max: 0xffffffff }),
  rules: fc.constantFrom('nes' as const, 'guideline' as const),
  // 0-19 under nes; 1-20 under guideline (mapped), so that 20G comes in some games and is there from the start in others.
  level: fc.integer({ min: 0, max: 19 }),
  // Rows full but for one hole, under the play: clears, T-spin slots and perfect clears come often.
  holes: fc.array(fc.nat({ max: 9 }), { maxLength: 16 }),
  inputs: fc.oneof(fc.array(pieceArb, { minLength: 1, maxLength: 120, size: 'max' }).map(placements), keysArb.map(sortByTick)),
  // Past the last input, or cut inside the game.
  extra: fc.oneof(fc.nat({ max: 300 }), fc.integer({ min: -400, max: 0 })),
});

function sortByTick(keys: readonly (readonly [number, InputName])[]): Input[] {
  let t = 0;
  return keys.map(([gap, name]): Input => {
    t += gap;
    return [t, name];
  });
}

function startOf(c: { seed: number; rules: 'nes' | 'guideline'; level: number; holes: readonly number[] }): GameState {
  const game = createGame({ seed: c.seed, rules: c.rules, startLevel: c.rules === 'guideline' ? c.level + 1 : c.level });
  if (c.holes.length === 0) return game;
  const board = boardFromRows(c.holes.map((h) => `${'GGGGGGGGGG'.slice(0, h)}.${'GGGGGGGGGG'.slice(h + 1)}`));
  // The first piece as it is, above the rows (at 20G it floats until its first move: the core's rule, and the fold's).
  return { ...game, board, lowestRow: lowestRow(game.active!) };
}

describe('the quick fold', () => {
  it('plays marathons only, and not a match player with garbage coming', () => {
    expect(quickFoldPlays(createGame({ seed: 1 }))).toBe(true);
    for (const mode of ['sprint', 'ultra', 'dig'] as const) expect(quickFoldPlays(createGame({ seed: 1, mode }))).toBe(false);
    expect(quickFoldPlays({ ...createGame({ seed: 1 }), garbage: { ...createGame({ seed: 1 }).garbage, incoming: [3] } })).toBe(false);
  });

  it('ends every random game in the state the step fold gives, field for field', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const start = startOf(c);
        const lastTick = c.inputs.at(-1)?.[0] ?? 0;
        const end = Math.max(0, lastTick + c.extra);
        expect(quick(start, c.inputs, end)).toEqual(stepFold(start, c.inputs, end));
      }),
      { numRuns: 400 },
    );
  });

  it('sees what the property needs to see: clears, T-spins, combos, top outs, 20G, pauses', () => {
    const seen = { clear: 0, tspin: 0, over: 0, twentyG: 0, paused: 0, combo: 0 };
    for (const c of fc.sample(caseArb, { numRuns: 400, seed: 7 })) {
      let s = startOf(c);
      // Stepped by hand, to see each lock's events on the way.
      let t = 0;
      for (const [tick, name] of c.inputs) {
        while (t < tick && s.status !== 'over') {
          s = step(s, TICK);
          t++;
          note(s);
        }
        s = step(s, { type: name } as never);
        note(s);
      }
      if (s.status === 'over') seen.over++;
    }
    function note(s: GameState) {
      const clear = s.events.clear;
      if (clear && clear.rows > 0) seen.clear++;
      if (clear?.tspin) seen.tspin++;
      if (clear && clear.combo >= 1) seen.combo++;
      if (s.settings.rules === 'guideline' && s.level >= 19) seen.twentyG++;
      if (s.status === 'paused') seen.paused++;
    }
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });

  it.each(['nes', 'guideline'] as const)('replays a long %s bot game as the step fold does', (rules) => {
    const game = playBot({ seed: 5, pieces: 1500, pace: 20, rules, startLevel: rules === 'nes' ? 18 : 15 });
    const replay: Replay = { seed: 5, settings: { rules, startLevel: rules === 'nes' ? 18 : 15 }, inputs: game.inputs };
    const packed = packReplay(replay);
    const quickly = runPackedReplay(packed);
    expect(quickly).toEqual(runPackedReplaySteps(packed));
    expect(quickly.pieces).toBeGreaterThan(100);
  });

  it.each(['nes', 'guideline'] as const)('scores two tetrises in a row, back-to-back, the second a perfect clear, under %s', (rules) => {
    const game = createGame({ seed: 1, rules, queue: 'II' });
    const start = { ...game, board: boardFromRows(Array.from({ length: 8 }, () => 'GGGGGGGGG.')) };
    const drop = (t: number): Input[] => [[t, 'cw'], ...Array.from({ length: 4 }, (): Input => [t, 'right']), [t, 'hardDrop']];
    const inputs = [...drop(1), ...drop(2)];
    const s = quick(start, inputs, 2);
    expect(s).toEqual(stepFold(start, inputs, 2));
    expect(s.lines).toBe(8);
    expect(s.clears).toEqual([0, 0, 0, 2]);
    expect(s.board.every((cell) => cell === 0)).toBe(true);
  });

  it.each([
    ['a T-spin double', TSD, T(0, 0, 1), 'cw hardDrop'],
    ['a T-spin triple through the fifth kick', TST, T(1, 2, 0), 'cw hardDrop'],
    ['a mini made full by the fifth kick', TST_OPEN_FRONT, T(1, 2, 0), 'cw hardDrop'],
    ['a mini single', TSD, T(0, 2, 2), 'ccw softDrop softDrop ccw cw hardDrop'],
    ['a rotation, then a soft drop: none', TSD, T(0, 2, 2), 'ccw softDrop softDrop hardDrop'],
    ['a rotation, then a hard drop that moves: none', TSD, T(0, 2, 2), 'ccw hardDrop'],
    ['a rotation, then a zero-row hard drop', TSD, T(0, 0, 0), 'cw hardDrop'],
  ] as const)('scores %s under guideline as the step fold does', (_name, rows, active, script) => {
    const start = gameOn([...rows], active, { rules: 'guideline' });
    const inputs = script.split(' ').map((name): Input => [0, name as InputName]);
    const s = quick(start, inputs, 0);
    expect(s).toEqual(stepFold(start, inputs, 0));
    expect(s.pieces).toBe(1);
  });

  it.each(['nes', 'guideline'] as const)(
    'ends on the events of a lock by gravity at the last tick (%s): the rows, the level up',
    (rules) => {
      const game = createGame({ seed: 1, rules, queue: 'I' });
      const start: GameState = { ...game, lines: 9, board: boardFromRows(Array.from({ length: 4 }, () => 'GGGGGGGGG.')) };
      const inputs: Input[] = [[0, 'cw'], ...Array.from({ length: 4 }, (): Input => [0, 'right'])];
      // The tick whose gravity locks the I, found by stepping.
      let s = inputs.reduce((state, [, name]) => step(state, { type: name } as never), start);
      while (!s.events.locked) s = step(s, TICK);
      const end = s.tick - 1;
      const quickly = quick(start, inputs, end);
      expect(quickly).toEqual(stepFold(start, inputs, end));
      expect(quickly.events).toMatchObject({ clearedRows: [0, 1, 2, 3], levelUp: true, locked: { type: 'I', x: 7, rotation: 1 } });
    },
  );

  it('hands a game over to the core and back: a pause in the middle, then play on', () => {
    const start = createGame({ seed: 3 });
    const inputs: Input[] = [
      [10, 'left'],
      [10, 'hardDrop'],
      [20, 'pause'],
      [5_000, 'pause'],
      [5_001, 'cw'],
      [5_001, 'hardDrop'],
      [5_002, 'right'],
    ];
    const end = 5_100;
    const s = quick(start, inputs, end);
    expect(s).toEqual(stepFold(start, inputs, end));
    expect(s.pieces).toBe(2);
    // The paused ticks count on the replay's clock, not in TIME.
    expect(s.tick - s.time).toBe(4_980);
  });
});
