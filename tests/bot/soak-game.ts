/**
 * The soak's game (issue 6), apart from its test: the autoplayer plays its
 * pieces while a shadow game replays its every input through the core,
 * checking the invariants after every single step. soak.test.ts runs it
 * bundled (tests/bundled.ts), as dist/ is made: through Vitest's module
 * runner every call between modules goes through an accessor, which made
 * the same loop five times slower.
 */
import { botTurns } from '../../src/bot/index.js';
import { cellsOf, createGame, HEIGHT, inputAction, isBlocked, step, summarize, TICK, WIDTH, type GameState } from '../../src/core/index.js';

/** What the soak's test asserts of the game at its end. */
export interface SoakResult {
  readonly pieces: number;
  readonly status: GameState['status'];
  readonly lines: number;
  /** Steps the shadow game took, each one checked. */
  readonly steps: number;
  /** Rows of the final board's summary. */
  readonly rows: number;
}

function blocks(s: GameState): number {
  let n = 0;
  for (const cell of s.board) if (cell !== 0) n++;
  return n;
}

/** Throws (cheaply) where an invariant fails; expect() per step would dominate the run. */
function check(before: GameState, after: GameState): void {
  if (after.score < before.score) throw new Error(`score went down at tick ${after.tick}`);
  if (after.lines < before.lines || after.pieces < before.pieces) throw new Error(`a count went down at tick ${after.tick}`);
  if (after.board.length !== WIDTH * HEIGHT) throw new Error('the board changed size');
  if (after.active) {
    for (const c of cellsOf(after.active)) {
      if (c.x < 0 || c.x >= WIDTH || c.y < 0 || c.y >= HEIGHT) throw new Error(`piece outside the field at tick ${after.tick}`);
      if (isBlocked(after.board, c.x, c.y)) throw new Error(`piece overlaps a block at tick ${after.tick}`);
    }
  }
  // The board changes only when a piece locks: 4 cells in, 10 out per line.
  if (after.board !== before.board && blocks(after) !== 4 * after.pieces - 10 * after.lines) {
    throw new Error(`blocks do not add up after piece ${after.pieces}`);
  }
}

/** Plays `pieces` bot pieces from `seed` at pace 0 with the shadow game checking every step; throws at the first broken invariant. */
export function soak(seed: number, pieces: number): SoakResult {
  let shadow = createGame({ seed });
  let steps = 0;
  const turns = botTurns({ seed, pieces, pace: 0 });
  for (let next = turns.next(); !next.done; next = turns.next()) {
    for (const [tick, input] of next.value.inputs) {
      while (shadow.tick < tick) {
        const after = step(shadow, TICK);
        check(shadow, after);
        shadow = after;
        steps++;
      }
      const after = step(shadow, inputAction(input));
      check(shadow, after);
      shadow = after;
      steps++;
    }
    if (shadow.pieces !== next.value.state.pieces || shadow.score !== next.value.state.score) {
      throw new Error(`the shadow game left the bot's game at piece ${shadow.pieces}`);
    }
  }
  return { pieces: shadow.pieces, status: shadow.status, lines: shadow.lines, steps, rows: summarize(shadow).board.length };
}
