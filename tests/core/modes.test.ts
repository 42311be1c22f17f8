import { describe, expect, it } from 'vitest';
import {
  advance,
  boardFromRows,
  boardRows,
  createGame,
  garbageSeed,
  inputAction,
  nextHoles,
  step,
  summarize,
  TICK,
  ULTRA_TICKS,
  type GameSettings,
  type GameState,
  type Placement,
} from '../../src/core/index.js';
import { play, ticks } from './helpers.js';

/** mulberry32 as RULES.md writes it, apart from the core's copy: the reference the garbage stream is checked against. */
function reference(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `count` garbage holes of a seed, drawn by RULES.md's rule. */
function referenceHoles(seed: number, count: number): number[] {
  const random = reference((seed ^ 0x9e3779b9) >>> 0);
  const holes: number[] = [];
  for (let i = 0; i < count; i++) {
    let h = Math.floor(random() * 10);
    if (i > 0 && h === holes[i - 1]) h = (h + 1 + Math.floor(random() * 9)) % 10;
    holes.push(h);
  }
  return holes;
}

const garbageRow = (hole: number): string => `${'G'.repeat(hole)}.${'G'.repeat(9 - hole)}`;

/**
 * The hard drop of a vertical I into the hole of the top garbage row of
 * `s`, on its board with the blocks of earlier pieces taken away (the three
 * cells each I leaves would fill the holes below).
 */
function digTopRow(s: GameState): GameState {
  const rows = boardRows(s.board).map((row) => row.replace(/[^G]/g, '.'));
  const top = rows.findIndex((row) => row.includes('G'));
  const hole = rows[top]!.indexOf('.');
  const I: Placement = { type: 'I', x: hole - 2, y: 21, rotation: 1 };
  return step({ ...s, board: boardFromRows(rows), active: I, holdUsed: false }, inputAction('hardDrop'));
}

describe('dig', () => {
  it('draws the holes of seed 1 by the pinned rule: never the same column twice in a row', () => {
    const { holes } = nextHoles({ state: garbageSeed(1), last: -1 }, 200);
    expect(holes).toEqual(referenceHoles(1, 200));
    for (let i = 1; i < holes.length; i++) expect(holes[i]).not.toBe(holes[i - 1]);
    expect(garbageSeed(1)).toBe((1 ^ 0x9e3779b9) >>> 0);
  });

  it.each([
    [10, 10],
    [18, 10],
    [100, 10],
  ])('starts a dig of %i lines with %i garbage rows, made from the top one down', (digLines, rows) => {
    const s = createGame({ seed: 42, mode: 'dig', digLines });
    const holes = referenceHoles(42, rows);
    const board = boardRows(s.board);
    expect(board.slice(20 - rows)).toEqual(holes.map(garbageRow));
    expect(board.slice(0, 20 - rows).every((row) => row === '..........')).toBe(true);
    expect(summarize(s).garbageLeft).toBe(digLines);
  });

  it('gives the guideline rules the same garbage for the same seed', () => {
    expect(boardRows(createGame({ seed: 42, mode: 'dig', rules: 'guideline' }).board)).toEqual(
      boardRows(createGame({ seed: 42, mode: 'dig' }).board),
    );
  });

  it('refills from below after each garbage row removed, with the next holes of the stream', () => {
    let s = createGame({ seed: 7, mode: 'dig', digLines: 18 });
    const holes = referenceHoles(7, 18);
    for (let cleared = 1; cleared <= 8; cleared++) {
      s = digTopRow(s);
      expect(s.events.clearedRows).toHaveLength(1);
      expect(s.garbage.cleared).toBe(cleared);
      // Still ten garbage rows: the new one at the bottom has the next hole.
      const garbage = boardRows(s.board).filter((row) => row.includes('G'));
      expect(garbage).toHaveLength(10);
      expect(garbage.at(-1)).toBe(garbageRow(holes[9 + cleared]!));
    }
    expect(summarize(s).garbageLeft).toBe(10);
    // All 18 made: the next rows removed are not refilled.
    s = digTopRow(s);
    expect(boardRows(s.board).filter((row) => row.includes('G'))).toHaveLength(9);
    expect(s.garbage.made).toBe(18);
  });

  it('scores a garbage row removed like any other row and counts it as a line', () => {
    const s = digTopRow(createGame({ seed: 7, mode: 'dig' }));
    expect(s.lines).toBe(1);
    expect(s.events.clear?.points).toBe(40);
  });

  it('ends when digLines garbage rows are removed: over, no top out, no next piece, garbageLeft 0', () => {
    let s = createGame({ seed: 3, mode: 'dig', digLines: 10 });
    for (let i = 0; i < 10; i++) {
      expect(s.status).toBe('playing');
      expect(summarize(s).garbageLeft).toBe(10 - i);
      s = digTopRow(s);
    }
    const summary = summarize(s);
    expect(summary).toMatchObject({ state: 'over', topOut: null, current: null, garbageLeft: 0, lines: 10 });
    expect(summary.board.every((row) => !row.includes('G'))).toBe(true);
  });

  it('leaves garbageLeft out of the summaries of other modes', () => {
    expect('garbageLeft' in summarize(createGame({ seed: 3 }))).toBe(false);
  });
});

/** An ultra game that keeps playing: each piece shifted to one of four columns and left to fall and lock. */
function playUltra(
  settings: Omit<GameSettings, 'seed'>,
  pauses: readonly [at: number, length: number][],
): { s: GameState; paused: number } {
  let s = createGame({ seed: 11, mode: 'ultra', ...settings });
  let paused = 0;
  const shifts = ['left left left left', 'left', 'right right', 'right right right right'];
  let piece = 0;
  while (s.status !== 'over') {
    s = play(s, shifts[piece++ % 4]!);
    const pieces = s.pieces;
    while (s.pieces === pieces && s.status !== 'over') {
      const pause = pauses.find(([at]) => at === s.tick);
      if (pause) {
        s = advance(step(s, inputAction('pause')), pause[1]);
        s = step(s, inputAction('pause'));
        paused += pause[1];
      }
      s = step(s, TICK);
    }
  }
  return { s, paused };
}

describe('ultra', () => {
  it.each(['nes', 'guideline'] as const)('ends after 7,200 ticks of play under %s, pauses not counted', (rules) => {
    const { s, paused } = playUltra({ rules }, [
      [100, 250],
      [3000, 999],
    ]);
    expect(paused).toBe(1249);
    expect(summarize(s)).toMatchObject({ state: 'over', topOut: null, time: ULTRA_TICKS, current: null, tick: ULTRA_TICKS - 1 + paused });
  });

  it('simulates the 7,200th tick in full: a lock in it counts', () => {
    // A piece resting from tick 7170 of play on locks in tick 7200.
    const start = createGame({ seed: 11, mode: 'ultra' });
    const marathon = createGame({ seed: 11 });
    const drop = (s: GameState) => ticks(play(s, 'softDrop*19'), 7199 - 30);
    const ultra = ticks(drop(start), 30);
    const endless = ticks(drop(marathon), 30);
    expect(ultra.status).toBe('over');
    expect(ultra.pieces).toBe(endless.pieces);
    expect(boardRows(ultra.board)).toEqual(boardRows(endless.board));
    expect(ultra.events.locked).not.toBeNull();
  });

  it('ends at the same tick through advance as tick by tick, however long the stretch', () => {
    const s = createGame({ seed: 5, mode: 'ultra', rules: 'guideline', startLevel: 20 });
    const paused = advance(step(s, inputAction('pause')), 1_000_000);
    const resumed = step(paused, inputAction('pause'));
    const fast = advance(resumed, 10_000_000);
    const slow = ticks(resumed, 8000);
    expect({ ...fast, board: [...fast.board] }).toEqual({ ...slow, board: [...slow.board] });
    expect(fast.time).toBe(fast.topOut ? fast.time : ULTRA_TICKS);
  });
});
