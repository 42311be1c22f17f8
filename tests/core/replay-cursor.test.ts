/**
 * The replay cursor: the headless run equals the naive tick-by-tick fold,
 * and the game at every piece, reached by stepping forward or back from
 * anywhere, is the game the headless run plays, tick by tick.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import {
  advance,
  createGame,
  INPUT_NAMES,
  inputAction,
  parseReplay,
  replayEndTick,
  replayStateAt,
  runReplay,
  step,
  summarize,
  TICK,
  type GameState,
  type InputName,
  type Replay,
  type ReplayInput,
} from '../../src/core/index.js';
import {
  atEnd,
  indexReplay,
  nextChangeTick,
  positionAtPiece,
  runTo,
  samePosition,
  startPosition,
  stepPiece,
  type Position,
} from '../../src/core/replay-cursor.js';

/** The reference the runner must equal: every tick one by one, inputs then one tick action. */
function naiveRun(replay: Replay, end = replayEndTick(replay)): GameState {
  let s = createGame({ seed: replay.seed, ...replay.settings });
  let next = 0;
  for (let tick = 0; tick <= end && s.status !== 'over'; tick++) {
    while (next < replay.inputs.length && replay.inputs[next]![0] === tick) {
      s = step(s, inputAction(replay.inputs[next]![1]));
      next++;
    }
    s = step(s, TICK);
  }
  return s;
}

const REPLAYS = join(import.meta.dirname, '..', 'fixtures', 'replays');

function golden(name: string): Replay {
  const parsed = parseReplay(readFileSync(join(REPLAYS, `${name}.json`), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.replay;
}

/** A bot game as a replay: `pace` ticks per piece, so gravity, rests and locks all happen between inputs. */
function botReplay(seed: number, pieces: number, pace: number, settings: Replay['settings'] = {}): Replay {
  const game = playBot({ seed, pieces, pace, ...settings });
  return { seed, settings, inputs: game.inputs, endTick: game.inputs.at(-1)![0] + 90 };
}

/**
 * The reference: every tick one by one (its inputs with `step`, then one
 * `step(s, TICK)`), keeping the game right after each lock. Only a paused
 * stretch is skipped with `advance` (nothing happens in it), so a replay
 * paused for a billion ticks is still quick.
 */
function gamesAtLocks(replay: Replay): { locks: GameState[]; end: GameState } {
  const end = replayEndTick(replay);
  let s = createGame({ seed: replay.seed, ...replay.settings });
  const locks: GameState[] = [s];
  const note = () => {
    if (s.pieces === locks.length) locks.push(s);
  };
  let i = 0;
  const { inputs } = replay;
  while (s.tick <= end && s.status !== 'over') {
    const tick = s.tick;
    while (i < inputs.length && inputs[i]![0] === tick && s.status !== 'over') {
      s = step(s, inputAction(inputs[i]![1]));
      i++;
      note();
    }
    if (s.status === 'over') break;
    if (s.status === 'paused') {
      const resume = Math.min(inputs[i]?.[0] ?? end + 1, end + 1);
      s = advance(s, resume - s.tick);
      continue;
    }
    s = step(s, TICK);
    note();
  }
  return { locks, end: s };
}

/** No hard drop at all: every piece falls and locks by gravity, between moves and rotations, until the stack tops out. */
function gravityReplay(): Replay {
  const moves = ['left', 'cw', 'right', 'right', 'ccw', 'left', 'softDrop', 'hold'] as const;
  const inputs = Array.from({ length: 400 }, (_, i): [number, (typeof moves)[number]] => [i * 37, moves[i % moves.length]!]);
  return { seed: 4, settings: { startLevel: 8 }, inputs, endTick: 400 * 37 };
}

const cases: [string, () => Replay][] = [
  ['pieces that lock by gravity alone', gravityReplay],
  ...readdirSync(REPLAYS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .map((name): [string, () => Replay] => [`golden ${name}`, () => golden(name)]),
  ['a bot game, 120 pieces at 40 ticks each', () => botReplay(7, 120, 40)],
  ['a bot game at level 15, where gravity locks pieces before the bot drops them', () => botReplay(3, 80, 60, { startLevel: 15 })],
  ['a bot sprint, 40 lines', () => botReplay(11, 200, 12, { mode: 'sprint' })],
  ['a bot game played all in tick 0', () => botReplay(5, 60, 0)],
];

describe('replay playback', () => {
  it.each(cases)('%s: the game right after every lock is the tick-by-tick fold', (_name, make) => {
    const replay = make();
    const index = indexReplay(replay, 4);
    const reference = gamesAtLocks(replay);
    expect(index.totalPieces).toBe(reference.locks.length - 1);
    for (let k = 0; k <= index.totalPieces; k++) {
      const at = positionAtPiece(index, k);
      expect(summarize(at.state), `piece ${k}`).toEqual(summarize(reference.locks[k]!));
      expect(at.state, `piece ${k}`).toEqual(reference.locks[k]);
    }
    expect(index.final.state).toEqual(reference.end);
    expect(index.final.state).toEqual(runReplay(replay));
  });

  it.each(cases)('%s: stepping forward through every piece, then back to the start, visits the same games', (_name, make) => {
    const replay = make();
    const index = indexReplay(replay);
    const { locks } = gamesAtLocks(replay);
    let at: Position = startPosition(replay);
    for (let k = 1; k <= index.totalPieces; k++) {
      at = stepPiece(index, at, 1);
      expect(at.state, `forward to piece ${k}`).toEqual(locks[k]);
    }
    at = stepPiece(index, at, 1);
    expect(at).toEqual(index.final);
    // From the end, back one lands on the last lock (unless the end is that lock).
    for (let k = index.totalPieces - (samePosition(index.final, positionAtPiece(index, index.totalPieces)) ? 1 : 0); k >= 0; k--) {
      at = stepPiece(index, at, -1);
      expect(at.state, `back to piece ${k}`).toEqual(locks[k]);
    }
    expect(stepPiece(index, at, -1)).toEqual(at);
  });

  it('steps back from the middle of a piece to where that piece appeared', () => {
    const replay = botReplay(7, 30, 40);
    const index = indexReplay(replay);
    const appeared = positionAtPiece(index, 10);
    const falling = runTo(index.replay, appeared, appeared.state.tick + 20);
    expect(falling.state.pieces).toBe(10);
    expect(falling.state.tick).toBeGreaterThan(appeared.state.tick);
    expect(stepPiece(index, falling, -1)).toEqual(appeared);
    expect(stepPiece(index, appeared, -1)).toEqual(positionAtPiece(index, 9));
  });

  it('runs forward to any tick as the headless replay does', () => {
    const replay = botReplay(9, 40, 30);
    const index = indexReplay(replay);
    let at = startPosition(replay);
    for (let tick = 0; tick <= index.endTick + 5; tick += 37) {
      at = runTo(index.replay, at, tick);
      expect(at.state).toEqual(replayStateAt(replay, tick));
    }
  });

  it('runs on from a position reached by stepping as if it had played there', () => {
    const replay = botReplay(9, 40, 30);
    const index = indexReplay(replay);
    const stepped = runTo(index.replay, positionAtPiece(index, 17), 700);
    expect(stepped.state).toEqual(replayStateAt(replay, 700));
  });

  it('wakes the watcher exactly at the ticks whose frame can change, and never past one', () => {
    const replay = golden('tetris');
    const index = indexReplay(replay);
    let at = startPosition(replay);
    let wall = 0;
    while (!atEnd(index, at)) {
      const wake = nextChangeTick(index, at);
      expect(wake).toBeGreaterThan(at.state.tick - 1);
      // Every tick before the wake shows the same game as the one before it.
      for (let w = wall + 1; w < wake; w++) {
        const quiet = runTo(index.replay, at, w - 1);
        expect(quiet.state.board).toBe(at.state.board);
        expect(quiet.state.active).toEqual(at.state.active);
        expect(Math.floor(quiet.state.time / 60)).toBe(Math.floor(at.state.time / 60));
      }
      wall = wake;
      at = runTo(index.replay, at, wake - 1);
    }
    expect(at).toEqual(index.final);
  });

  it('keeps a checkpoint every few pieces, not one per piece', () => {
    const index = indexReplay(botReplay(2, 200, 10), 16);
    expect(index.totalPieces).toBe(200);
    expect(index.checkpoints).toHaveLength(1 + Math.floor(200 / 16));
    expect(index.checkpoints.map((c) => c.state.pieces)).toEqual(index.checkpoints.map((_, i) => i * 16));
  });

  it('refuses a checkpoint interval that is not a whole number >= 1', () => {
    expect(() => indexReplay(golden('single'), 0)).toThrow(RangeError);
  });
});

describe('runReplay', () => {
  const replay = (inputs: ReplayInput[], extra: Partial<Replay> = {}): Replay => ({ seed: 1, settings: {}, inputs, ...extra });

  it('simulates ticks 0 to the last input tick when there is no end tick', () => {
    expect(summarize(runReplay(replay([[7, 'left']]))).tick).toBe(7);
    expect(summarize(runReplay(replay([]))).tick).toBe(0);
    expect(runReplay(replay([])).time).toBe(1);
  });

  it('simulates through the end tick and ignores inputs after it', () => {
    const game = replay(
      [
        [0, 'left'],
        [50, 'hardDrop'],
      ],
      { endTick: 20 },
    );
    const state = runReplay(game);
    expect(summarize(state).tick).toBe(20);
    expect(state.pieces).toBe(0);
    expect(state.time).toBe(21);
  });

  it('applies the inputs of a tick before that tick falls', () => {
    // Level 0: the piece falls one row at the end of tick 47 (48 ticks a row).
    const base = createGame({ seed: 1 });
    const fell = runReplay(replay([], { endTick: 47 }));
    expect(fell.active!.y).toBe(base.active!.y - 1);
    const dropped = runReplay(replay([[47, 'hardDrop']], { endTick: 47 }));
    expect(dropped.pieces).toBe(1);
    expect(dropped.active!.y).toBe(base.active!.y);
  });

  it('stops at game over and reports the tick the game ended', () => {
    // Eleven O pieces dropped in place: the eleventh locks above the field.
    const inputs: ReplayInput[] = Array.from({ length: 11 }, (_, i) => [i * 5, 'hardDrop'] as const);
    const state = runReplay(replay(inputs, { settings: { queue: 'O'.repeat(11) }, endTick: 1_000_000 }));
    expect(summarize(state)).toMatchObject({ state: 'over', topOut: 'lockOut', tick: 50, pieces: 11 });
  });

  it('finishes a replay paused for a billion ticks at once', () => {
    const billion = 1_000_000_000;
    const state = runReplay(
      replay(
        [
          [10, 'pause'],
          [10 + billion, 'pause'],
          [10 + billion, 'hardDrop'],
        ],
        { endTick: 20 + billion },
      ),
    );
    expect(summarize(state)).toMatchObject({ tick: 20 + billion, time: 21, state: 'playing', pieces: 1 });
  });

  it('finishes a replay that ends a billion ticks after its last input', () => {
    const state = runReplay(replay([[0, 'pause']], { endTick: 1e15 }));
    expect(summarize(state)).toMatchObject({ tick: 1e15, time: 0, state: 'paused' });
  });

  it('equals the naive tick-by-tick fold on random games', () => {
    const input = fc.tuple(
      fc.nat({ max: 3000 }),
      fc.constantFrom<InputName>(...INPUT_NAMES, 'hardDrop', 'hardDrop', 'left', 'right', 'cw'),
    );
    const game = fc.record({
      seed: fc.nat({ max: 0xffffffff }),
      startLevel: fc.nat({ max: 19 }),
      mode: fc.constantFrom('marathon' as const, 'sprint' as const),
      inputs: fc.array(input, { maxLength: 120 }).map((list) => list.sort((a, b) => a[0] - b[0]) as ReplayInput[]),
      extra: fc.nat({ max: 500 }),
    });
    fc.assert(
      fc.property(game, ({ seed, startLevel, mode, inputs, extra }) => {
        const r: Replay = { seed, settings: { startLevel, mode }, inputs, endTick: (inputs.at(-1)?.[0] ?? 0) + extra };
        const fast = runReplay(r);
        const slow = naiveRun(r);
        expect(summarize(fast)).toEqual(summarize(slow));
        expect({ ...fast, events: null }).toEqual({ ...slow, events: null });
      }),
      { numRuns: 200 },
    );
  });

  it('equals the naive fold with an end tick before the last input', () => {
    const r = replay(
      [
        [0, 'left'],
        [30, 'hardDrop'],
        [60, 'cw'],
        [90, 'hardDrop'],
      ],
      { endTick: 59 },
    );
    expect(summarize(runReplay(r))).toEqual(summarize(naiveRun(r)));
    expect(summarize(runReplay(r, { untilTick: 200 }))).toEqual(summarize(naiveRun(r, 200)));
  });
});

describe('replayStateAt', () => {
  const game: Replay = {
    seed: 3,
    settings: {},
    inputs: [
      [5, 'hardDrop'],
      [9, 'left'],
      [9, 'hardDrop'],
    ],
    endTick: 30,
  };

  it('is the game once tick N has been simulated, inputs and gravity', () => {
    expect(replayStateAt(game, 5)).toEqual(runReplay(game, { untilTick: 5 }));
    expect(replayStateAt(game, 5).pieces).toBe(1);
    expect(replayStateAt(game, 4).pieces).toBe(0);
    expect(summarize(replayStateAt(game, 0)).tick).toBe(0);
  });

  it('shows the last state for ticks after the end', () => {
    expect(replayStateAt(game, 10_000)).toEqual(runReplay(game));
  });
});
