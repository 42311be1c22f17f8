import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceMatch,
  attackOf,
  boardFromRows,
  createGame,
  createMatch,
  fits,
  SPAWN,
  GARBAGE_DELAY,
  garbageSeed,
  inputAction,
  INPUT_NAMES,
  matchInput,
  matchTick,
  nextHole,
  runMatch,
  step,
  summarize,
  summarizeMatch,
  TICK,
  type ClearEvent,
  type GameState,
  type InputName,
  type MatchState,
  type ReplayInput,
  type Side,
} from '../../src/core/index.js';

const clear = (over: Partial<ClearEvent>): ClearEvent => ({
  rows: 0,
  tspin: null,
  backToBack: false,
  combo: 0,
  perfectClear: false,
  points: 0,
  ...over,
});

describe('attack tables', () => {
  it.each([
    [1, null, 0],
    [2, null, 1],
    [3, null, 2],
    [4, null, 4],
    [1, 'mini', 0],
    [2, 'mini', 1],
    [1, 'full', 2],
    [2, 'full', 4],
    [3, 'full', 6],
  ] as const)('guideline: %i rows, T-spin %s sends %i', (rows, tspin, sent) => {
    expect(attackOf('guideline', clear({ rows, tspin }))).toBe(sent);
    expect(attackOf('guideline', clear({ rows, tspin, backToBack: true }))).toBe(sent + 1);
  });

  it.each([
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 2],
    [5, 2],
    [6, 3],
    [7, 3],
    [8, 4],
    [9, 4],
    [10, 4],
    [11, 5],
    [12, 5],
    [30, 5],
  ])('guideline: combo %i adds %i', (combo, added) => {
    expect(attackOf('guideline', clear({ rows: 1, combo }))).toBe(added);
  });

  it('guideline: a perfect clear sends 10 instead of everything else; nothing clears nothing', () => {
    expect(attackOf('guideline', clear({ rows: 4, perfectClear: true, backToBack: true, combo: 5 }))).toBe(10);
    expect(attackOf('guideline', clear({ rows: 1, perfectClear: true }))).toBe(10);
    expect(attackOf('guideline', clear({ rows: 0, tspin: 'full' }))).toBe(0);
  });

  it.each([
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 4],
  ])('nes: %i rows send %i, whatever the combo', (rows, sent) => {
    expect(attackOf('nes', clear({ rows, combo: 3 }))).toBe(sent);
  });
});

/** A match whose games have these boards (top row first, as boardFromRows). */
function matchWith(
  boards: readonly [readonly string[], readonly string[]],
  queue = 'IIIIIIIIIIII',
  rules: 'nes' | 'guideline' = 'nes',
): MatchState {
  const m = createMatch({ seed: 7, rules, queue });
  // The first piece enters as it does into that board: at its spawn, one row lower where that is free.
  const set = (side: Side): GameState => {
    const game = m.players[side].game;
    const board = boardFromRows(boards[side]);
    const type = game.active!.type;
    const at = { type, x: SPAWN[type].x, y: SPAWN[type].y, rotation: 0 as const };
    const lower = { ...at, y: at.y - 1 };
    return { ...game, board, active: fits(board, lower) ? lower : at };
  };
  return {
    ...m,
    players: [
      { ...m.players[0], game: set(0) },
      { ...m.players[1], game: set(1) },
    ],
  };
}

const FOUR_WELL = ['#########.', '#########.', '#########.', '#########.'].map((r) => r.replaceAll('#', 'G'));
const FLAT: readonly string[] = [];

/** Side `side` turns its I upright, pushes it to the right wall and drops it. */
function dropRight(m: MatchState, side: Side): MatchState {
  let s = matchInput(m, side, inputAction('cw'));
  for (let i = 0; i < 5; i++) s = matchInput(s, side, inputAction('right'));
  return matchInput(s, side, inputAction('hardDrop'));
}

function ticks(m: MatchState, n: number): MatchState {
  let s = m;
  for (let i = 0; i < n; i++) s = matchTick(s);
  return s;
}

describe('the match fold', () => {
  it('a tetris sends 4 rows as one pending entry of the opponent, its hole from the receiver’s garbage stream', () => {
    const m = dropRight(matchWith([FOUR_WELL, FLAT]), 0);
    expect(m.players[0].game.lines).toBe(4);
    expect(m.players[0].sent).toBe(4);
    const hole = nextHole({ state: garbageSeed(7), last: -1 }).last;
    expect(m.players[1].pending).toEqual([{ tick: 0, rows: 4, hole }]);
    expect(m.players[0].pending).toEqual([]);
  });

  it('pending rows wait 30 match ticks, then enter at a lock that clears nothing, with one hole column', () => {
    const sent = dropRight(matchWith([FOUR_WELL, FLAT]), 0);
    const hole = sent.players[1].pending[0]!.hole;
    const early = matchInput(ticks(sent, GARBAGE_DELAY - 1), 1, inputAction('hardDrop'));
    expect(early.players[1].game.garbage.received).toBe(0);
    expect(early.players[1].pending[0]!.rows).toBe(4);
    const due = matchInput(ticks(sent, GARBAGE_DELAY), 1, inputAction('hardDrop'));
    const p2 = due.players[1];
    expect(p2.game.garbage.received).toBe(4);
    expect(p2.pending).toEqual([]);
    const rows = summarize(p2.game).board.slice(-5);
    for (const row of rows.slice(1)) expect(row).toBe(`${'GGGGGGGGGG'.slice(0, hole)}.${'GGGGGGGGGG'.slice(hole + 1)}`);
    expect(rows[0]).toContain('I');
  });

  it('at most 8 rows enter at one lock; the rest of an entry stays pending', () => {
    const m = matchWith([FLAT, FLAT]);
    const pending = [
      { tick: 0, rows: 6, hole: 2 },
      { tick: 0, rows: 6, hole: 5 },
    ];
    const ready = ticks({ ...m, players: [m.players[0], { ...m.players[1], pending }] }, GARBAGE_DELAY);
    expect(ready.players[1].game.garbage.incoming).toEqual([2, 2, 2, 2, 2, 2, 5, 5]);
    const after = matchInput(ready, 1, inputAction('hardDrop'));
    expect(after.players[1].game.garbage.received).toBe(8);
    expect(after.players[1].pending).toEqual([{ tick: 0, rows: 4, hole: 5 }]);
  });

  it('an attack first cancels the sender’s own pending garbage, young entries included, oldest first', () => {
    const m = matchWith([FOUR_WELL, FLAT]);
    const pending = [
      { tick: 0, rows: 1, hole: 3 },
      { tick: 0, rows: 2, hole: 4 },
    ];
    const after = dropRight({ ...m, players: [{ ...m.players[0], pending }, m.players[1]] }, 0);
    expect(after.players[0].pending).toEqual([]);
    expect(after.players[0].sent).toBe(1);
    expect(after.players[1].pending).toHaveLength(1);
    expect(after.players[1].pending[0]!.rows).toBe(1);
  });

  it('garbage that would push a block past row 39 does not enter: the game ends with garbageOut, and the other wins', () => {
    const tall = [...Array.from({ length: 35 }, () => 'G.........')];
    const m = matchWith([FLAT, tall]);
    const ready = ticks({ ...m, players: [m.players[0], { ...m.players[1], pending: [{ tick: 0, rows: 8, hole: 1 }] }] }, GARBAGE_DELAY);
    const out = matchTick(matchInput(ready, 1, inputAction('hardDrop')));
    expect(out.status).toBe('over');
    expect(out.winner).toBe(1);
    const [s1, s2] = summarizeMatch(out).players;
    expect(s2.topOut).toBe('garbageOut');
    expect(s2.received).toBe(0);
    expect(s1.state).toBe('over');
    expect(s1.topOut).toBeNull();
    expect(s1.current).toBeNull();
  });

  const BRIM = Array.from({ length: 20 }, () => 'GGGGGGGGG.');
  it('both games topping out in one tick is a draw', () => {
    const m = matchInput(matchInput(matchWith([BRIM, BRIM], 'OOOOOOO'), 0, inputAction('hardDrop')), 1, inputAction('hardDrop'));
    const end = matchTick(m);
    expect(end.status).toBe('over');
    expect(end.winner).toBeNull();
    expect(summarizeMatch(end).tick).toBe(0);
  });

  it('the tick a game tops out is finished for the other player, whose attack in it still counts', () => {
    const m = matchWith([BRIM, FOUR_WELL]);
    const lost = matchInput(m, 0, inputAction('hardDrop'));
    expect(lost.status).toBe('playing');
    const end = matchTick(dropRight(lost, 1));
    expect(end.winner).toBe(2);
    expect(end.players[1].sent).toBe(4);
    expect(end.players[1].game.status).toBe('over');
    expect(end.players[1].game.active).toBeNull();
  });

  it('a pause by either player pauses both games, and its ticks still count for the 30-tick wait', () => {
    const sent = dropRight(matchWith([FOUR_WELL, FLAT]), 0);
    const paused = matchInput(sent, 1, inputAction('pause'));
    expect(paused.players.map((p) => p.game.status)).toEqual(['paused', 'paused']);
    const resumed = matchInput(advanceMatch(paused, GARBAGE_DELAY), 0, inputAction('pause'));
    expect(resumed.status).toBe('playing');
    expect(matchInput(resumed, 1, inputAction('hardDrop')).players[1].game.garbage.received).toBe(4);
  });

  it('refuses a mode other than marathon', () => {
    expect(() => createMatch({ seed: 1, mode: 'sprint' })).toThrow(/marathon/);
  });
});

const inputsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.constantFrom(...INPUT_NAMES.filter((n) => n !== 'pause'))), { maxLength: 120 })
  .map((list) => list.sort((a, b) => a[0] - b[0]) as ReplayInput[]);

describe('match properties', () => {
  it('advanceMatch is matchTick folded; the same inputs give the same match', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        inputsArb,
        inputsArb,
        fc.constantFrom('nes', 'guideline'),
        (seed, a, b, rules) => {
          const settings = { seed, rules } as const;
          const fast = runMatch(settings, [a, b], 900);
          let slow = createMatch(settings);
          const na = [0, 0];
          for (let t = 0; t <= 900 && slow.status !== 'over'; t++) {
            for (const side of [0, 1] as const) {
              const list = side === 0 ? a : b;
              while (na[side]! < list.length && list[na[side]!]![0] === t)
                slow = matchInput(slow, side, inputAction(list[na[side]!++]![1]));
            }
            slow = matchTick(slow);
          }
          expect(summarizeMatch(fast)).toEqual(summarizeMatch(slow));
          expect(summarizeMatch(runMatch(settings, [a, b], 900))).toEqual(summarizeMatch(fast));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a game in a match that receives no garbage is the same game alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), inputsArb, (seed, a) => {
        let solo = createGame({ seed });
        let m = createMatch({ seed });
        let i = 0;
        for (let t = 0; t <= 900 && m.status !== 'over'; t++) {
          while (i < a.length && a[i]![0] === t) {
            const name: InputName = a[i++]![1];
            solo = step(solo, inputAction(name));
            m = matchInput(m, 0, inputAction(name));
          }
          solo = step(solo, TICK);
          m = matchTick(m);
          if (m.status === 'over') break;
          // Player 2 never clears, so player 1 never receives: its game is the game alone, object for object in what it shows.
          expect(m.players[0].game.garbage.received).toBe(0);
          expect(summarize(m.players[0].game)).toEqual(summarize(solo));
        }
      }),
      { numRuns: 30 },
    );
  });
});
