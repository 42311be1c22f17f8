import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  boardFromRows,
  cellsOf,
  createGame,
  dealPieces,
  HEIGHT,
  INPUT_NAMES,
  inputAction,
  isBlocked,
  step,
  TICK,
  WIDTH,
  type Action,
  type GameState,
} from '../../src/core/index.js';
import { ticks } from './helpers.js';

/** Actions weighted towards play that fills the board: moves, turns, drops, some ticks. */
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INPUT_NAMES.filter((n) => n !== 'pause')).map(inputAction) },
  { weight: 3, arbitrary: fc.constant(TICK) },
  { weight: 1, arbitrary: fc.constant(inputAction('hardDrop')) },
  { weight: 1, arbitrary: fc.constant(inputAction('pause')) },
);
/**
 * Placements like a player's: turn, shift, maybe hold, maybe soft drop and
 * wait, then hard drop. These fill rows, clear lines and top out, which
 * random keys alone almost never do.
 */
const pieceArb: fc.Arbitrary<Action[]> = fc
  .record({
    turns: fc.integer({ min: -1, max: 2 }),
    shift: fc.integer({ min: -5, max: 5 }),
    hold: fc.boolean(),
    soft: fc.nat({ max: 3 }),
    wait: fc.nat({ max: 40 }),
    drop: fc.boolean(),
  })
  .map(({ turns, shift, hold, soft, wait, drop }) => [
    ...(hold ? [inputAction('hold')] : []),
    ...Array<Action>(Math.abs(turns)).fill(inputAction(turns < 0 ? 'ccw' : 'cw')),
    ...Array<Action>(Math.abs(shift)).fill(inputAction(shift < 0 ? 'left' : 'right')),
    ...Array<Action>(soft).fill(inputAction('softDrop')),
    ...Array<Action>(wait).fill(TICK),
    // Without a hard drop the piece falls and locks by itself over many ticks.
    ...(drop ? [inputAction('hardDrop')] : Array<Action>(100).fill(TICK)),
  ]);
const actionsArb = fc.oneof(
  fc.array(actionArb, { minLength: 1, maxLength: 600 }),
  fc.array(pieceArb, { minLength: 10, maxLength: 150 }).map((pieces) => pieces.flat()),
);
const gameArb = fc.record({
  seed: fc.nat({ max: 0xffffffff }),
  startLevel: fc.integer({ min: 0, max: 19 }),
  mode: fc.constantFrom('marathon' as const, 'sprint' as const),
  // Garbage rows, each full but for one hole, so that drops clear lines often.
  holes: fc.array(fc.nat({ max: 9 }), { maxLength: 14 }),
  actions: actionsArb,
});

/** The game a generated case starts from: a fresh game on its garbage rows. */
function start({
  seed,
  startLevel,
  mode,
  holes,
}: {
  seed: number;
  startLevel: number;
  mode: 'marathon' | 'sprint';
  holes: number[];
}): GameState {
  const game = createGame({ seed, startLevel, mode });
  return { ...game, board: boardFromRows(holes.map((h) => `${'ZZZZZZZZZZ'.slice(0, h)}.${'ZZZZZZZZZZ'.slice(h + 1)}`)) };
}

function countBlocks(s: GameState): number {
  let n = 0;
  for (const cell of s.board) if (cell !== 0) n++;
  return n;
}

describe('core invariants over random games', () => {
  it('generates games that clear lines and top out, so the properties below see both', () => {
    const games = fc.sample(gameArb, { numRuns: 200, seed: 1 }).map((g) => g.actions.reduce(step, start(g)));
    expect(games.filter((g) => g.lines > 0).length).toBeGreaterThanOrEqual(10);
    expect(games.filter((g) => g.status === 'over').length).toBeGreaterThan(20);
  });

  it('keeps the active piece inside the field and off the blocks, and never lowers the score', () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        let s = start(g);
        for (const action of g.actions) {
          const next = step(s, action);
          expect(next.score).toBeGreaterThanOrEqual(s.score);
          expect(next.lines).toBeGreaterThanOrEqual(s.lines);
          s = next;
          if (s.active) {
            for (const c of cellsOf(s.active)) {
              expect(c.x >= 0 && c.x < WIDTH && c.y >= 0 && c.y < HEIGHT).toBe(true);
              expect(isBlocked(s.board, c.x, c.y)).toBe(false);
            }
          }
          expect(s.board.length).toBe(WIDTH * HEIGHT);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts as lines exactly the rows removed, and keeps every block: 4 per piece less 10 per line', () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        let s = start({ ...g, mode: 'marathon' });
        const garbage = countBlocks(s);
        let removed = 0;
        for (const action of g.actions) {
          const next = step(s, action);
          if (next !== s) removed += next.events.clearedRows.length;
          s = next;
        }
        expect(s.lines).toBe(removed);
        expect(s.clears.reduce((sum, n, i) => sum + n * (i + 1), 0)).toBe(removed);
        if (s.topOut !== 'lockOut') expect(countBlocks(s)).toBe(garbage + 4 * s.pieces - 10 * s.lines);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same state for the same seed and actions', () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        const run = () => g.actions.reduce(step, start(g));
        const a = run();
        const b = run();
        expect({ ...a, board: [...a.board] }).toEqual({ ...b, board: [...b.board] });
      }),
      { numRuns: 60 },
    );
  });

  it('makes every bag a permutation of the seven pieces, for any seed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 30 }), (seed, bags) => {
        const pieces = dealPieces(seed, bags * 7);
        for (let i = 0; i < pieces.length; i += 7)
          expect(
            pieces
              .slice(i, i + 7)
              .sort()
              .join(''),
          ).toBe('IJLOSTZ');
      }),
      { numRuns: 200 },
    );
  });

  it('advances n ticks exactly as n tick actions would', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: 0, max: 29 }),
        fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 400 })), { maxLength: 25 }),
        (seed, level, plan) => {
          let fast = { ...createGame({ seed }), level };
          let slow = fast;
          for (const [action, gap] of plan) {
            fast = advance(step(fast, action), gap);
            slow = ticks(step(slow, action), gap);
            expect({ ...fast, board: [...fast.board] }).toEqual({ ...slow, board: [...slow.board] });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
