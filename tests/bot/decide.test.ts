import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardFromRows, createGame, inputAction, step, type GameState } from '../../src/core/index.js';
import { botTurns, decide } from '../../src/bot/index.js';

function withBoard(game: GameState, rows: string[]): GameState {
  return { ...game, board: boardFromRows(rows) };
}

describe('decide', () => {
  it('holds when the piece behind the hold fits much better', () => {
    // An O now, an I next, and a four-deep well: holding brings out the I for four lines.
    const game = withBoard(createGame({ seed: 1, queue: 'OI' }), ['IIIIIIIII.', 'IIIIIIIII.', 'IIIIIIIII.', 'IIIIIIIII.']);
    const move = decide(game)!;
    expect(move.inputs[0]).toBe('hold');
    expect(move.landed.type).toBe('I');
    expect(move.after.lines).toBe(4);
    expect(move.after.hold).toBe('O');
  });

  it('keeps the active piece when it is the better choice', () => {
    const move = decide(createGame({ seed: 1, queue: 'IT' }))!;
    expect(move.inputs).not.toContain('hold');
    expect(move.landed.type).toBe('I');
  });

  it('does not try a second hold for the same piece', () => {
    const held = step(createGame({ seed: 1, queue: 'OI' }), inputAction('hold'));
    expect(decide(held)!.inputs).not.toContain('hold');
  });

  it('has nothing to do once the game is over or paused', () => {
    const game = createGame({ seed: 1 });
    expect(decide({ ...game, status: 'over', active: null })).toBeNull();
    expect(decide(step(game, inputAction('pause')))).toBeNull();
  });

  it('reaches the placement it chose, through the core, on random games', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 40 }),
        (seed, startLevel, skip) => {
          // Get into a random game first, then check every decision for a while.
          const turns = botTurns({ seed, startLevel, pieces: skip });
          let next = turns.next();
          while (!next.done) next = turns.next();
          let s: GameState = next.value;
          for (let i = 0; i < 25 && s.status === 'playing'; i++) {
            const move = decide(s)!;
            expect(move.inputs.join(' ')).toMatch(/^(hold )?((cw|ccw|cw cw) )?((left )*|(right )*)hardDrop$/);
            let played = s;
            for (const input of move.inputs) played = step(played, inputAction(input));
            expect(played.events.locked).toEqual(move.landed);
            expect(played.pieces).toBe(s.pieces + 1);
            expect(played).toEqual(move.after);
            s = played;
          }
        },
      ),
      { numRuns: 15, seed: 42 },
    );
  });
});
