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
  ULTRA_TICKS,
  WIDTH,
  boardRows,
  dropPosition,
  garbageSeed,
  lowestRow,
  SPAWN,
  nextHoles,
  type Action,
  type GameState,
  type Mode,
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
  rules: fc.constantFrom('nes' as const, 'guideline' as const),
  // Mapped into the rule set's range: 0-19 under nes, 1-20 under guideline.
  level: fc.integer({ min: 0, max: 19 }),
  mode: fc.constantFrom('marathon' as const, 'sprint' as const, 'ultra' as const, 'dig' as const),
  digLines: fc.constantFrom(10, 18, 100),
  // Garbage rows, each full but for one hole, so that drops clear lines often (dig makes its own).
  holes: fc.array(fc.nat({ max: 9 }), { maxLength: 14 }),
  // Ultra games start this close to their end, so that the end is played too.
  ultraLeft: fc.integer({ min: 1, max: 3000 }),
  actions: actionsArb,
});

type GameCase = {
  seed: number;
  rules: 'nes' | 'guideline';
  level: number;
  mode: Mode;
  digLines: number;
  holes: number[];
  ultraLeft: number;
};

/** The game a generated case starts from: a fresh game on its garbage rows (dig: on its own). */
function start({ seed, rules, level, mode, digLines, holes, ultraLeft }: GameCase): GameState {
  const startLevel = rules === 'guideline' ? level + 1 : level;
  const game = createGame({ seed, rules, startLevel, mode, ...(mode === 'dig' ? { digLines } : {}) });
  if (mode === 'dig') return game;
  const time = mode === 'ultra' ? ULTRA_TICKS - ultraLeft : 0;
  const board = boardFromRows(holes.map((h) => `${'ZZZZZZZZZZ'.slice(0, h)}.${'ZZZZZZZZZZ'.slice(h + 1)}`));
  // At 20G the first piece sits on the floor; on the garbage it sits on the rows instead.
  const piece = game.active!;
  const active = game.level >= 19 && rules === 'guideline' ? dropPosition(board, { ...piece, y: SPAWN[piece.type].y - 1 }) : piece;
  return { ...game, time, board, active, lowestRow: lowestRow(active) };
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

  it('counts as lines exactly the rows removed, and keeps every block: 4 per piece less 10 per line, 9 per garbage row pushed in', () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        let s = start({ ...g, mode: g.mode === 'dig' ? 'dig' : 'marathon' });
        const first = s;
        const garbage = countBlocks(s);
        let removed = 0;
        for (const action of g.actions) {
          const next = step(s, action);
          if (next !== s) removed += next.events.clearedRows.length;
          s = next;
        }
        expect(s.lines).toBe(removed);
        expect(s.clears.reduce((sum, n, i) => sum + n * (i + 1), 0)).toBe(removed);
        const pushed = 9 * (s.garbage.made - first.garbage.made);
        if (s.topOut !== 'lockOut') expect(countBlocks(s)).toBe(garbage + 4 * s.pieces - 10 * s.lines + pushed);
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

  it('never makes two garbage rows one after the other with their holes in the same column', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 300 }), (seed, count) => {
        const { holes } = nextHoles({ state: garbageSeed(seed), last: -1 }, count);
        for (let i = 0; i < holes.length; i++) {
          expect(holes[i]).toBeGreaterThanOrEqual(0);
          expect(holes[i]).toBeLessThan(WIDTH);
          if (i > 0) expect(holes[i]).not.toBe(holes[i - 1]);
        }
        // On the board too: the starting rows, one above the other.
        const rows = boardRows(createGame({ seed, mode: 'dig' }).board).filter((row) => row.includes('G'));
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.indexOf('.')).not.toBe(rows[i - 1]!.indexOf('.'));
      }),
      { numRuns: 200 },
    );
  });

  it('ends every ultra at 7,200 ticks of play, or earlier by a top out', () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        const played = g.actions.reduce(step, start({ ...g, mode: 'ultra' }));
        const s = played.status === 'paused' ? step(played, inputAction('pause')) : played;
        const ended = advance(s, ULTRA_TICKS);
        expect(ended.status).toBe('over');
        if (ended.topOut === null) expect([ended.time, ended.active]).toEqual([ULTRA_TICKS, null]);
        else expect(ended.time).toBeLessThanOrEqual(ULTRA_TICKS);
      }),
      { numRuns: 60 },
    );
  });

  it('advances n ticks exactly as n tick actions would', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: 0, max: 29 }),
        fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 400 })), { maxLength: 25 }),
        fc.constantFrom('nes' as const, 'guideline' as const),
        fc.constantFrom('marathon' as const, 'ultra' as const, 'dig' as const),
        fc.integer({ min: 1, max: 3000 }),
        (seed, level, plan, rules, mode, ultraLeft) => {
          const game = createGame({ seed, rules, mode });
          let fast = { ...game, level: rules === 'guideline' ? level + 1 : level, time: mode === 'ultra' ? ULTRA_TICKS - ultraLeft : 0 };
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
