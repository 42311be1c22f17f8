import { describe, expect, it } from 'vitest';
import { clearPoints, createGame, firstLevelUpLines, gravityTicks, levelFor, step, TICK, inputAction } from '../../src/core/index.js';
import { gameOn, play, rowsOf, ticks } from './helpers.js';

/** RULES.md's gravity table, level by level. */
const GRAVITY: [number, number][] = [
  [0, 48],
  [1, 43],
  [2, 38],
  [3, 33],
  [4, 28],
  [5, 23],
  [6, 18],
  [7, 13],
  [8, 8],
  [9, 6],
  [10, 5],
  [11, 5],
  [12, 5],
  [13, 4],
  [14, 4],
  [15, 4],
  [16, 3],
  [17, 3],
  [18, 3],
  [19, 2],
  [20, 2],
  [25, 2],
  [28, 2],
  [29, 1],
  [30, 1],
  [100, 1],
  [1000, 1],
];

describe('gravity (NES table)', () => {
  it.each(GRAVITY)('at level %i a piece falls one row every %i ticks', (level, perRow) => {
    expect(gravityTicks(level)).toBe(perRow);
  });

  it.each(GRAVITY.filter(([level]) => level <= 29))('moves a level-%i piece down on exactly its %ith tick', (level, perRow) => {
    const s = gameOn([], undefined, { startLevel: Math.min(level, 19) });
    const game = { ...s, level };
    const y = game.active!.y;
    expect(ticks(game, perRow - 1).active!.y).toBe(y);
    expect(ticks(game, perRow).active!.y).toBe(y - 1);
    expect(ticks(game, 2 * perRow).active!.y).toBe(y - 2);
  });

  it.each([0, 19, 29, 50, 1000])('never moves a piece more than one row per tick (level %i)', (level) => {
    let s = { ...createGame({ seed: 3 }), level };
    for (let i = 0; i < 40; i++) {
      const before = s.active!;
      s = step(s, TICK);
      if (s.pieces > 0) break;
      expect(before.y - s.active!.y).toBeLessThanOrEqual(1);
    }
  });

  it('restarts the gravity count when the piece is soft-dropped', () => {
    const s = createGame({ seed: 1 });
    const y = s.active!.y;
    const after = play(s, 'tick*47 softDrop tick*47');
    expect(after.active!.y).toBe(y - 1);
    expect(play(after, 'tick').active!.y).toBe(y - 2);
  });
});

describe('scoring (Nintendo)', () => {
  const LEVELS = [0, 1, 5, 9, 10, 19, 29, 35];
  it.each(LEVELS.flatMap((level) => [1, 2, 3, 4].map((rows) => [rows, level] as const)))(
    '%i rows at level %i score base x (level + 1)',
    (rows, level) => {
      expect(clearPoints(rows, level)).toBe([0, 40, 100, 300, 1200][rows]! * (level + 1));
    },
  );

  it.each([
    [1, 40],
    [2, 100],
    [3, 300],
    [4, 1200],
  ])('clearing %i rows in play at level 0 scores %i plus the hard-drop points', (rows, points) => {
    const board = rowsOf('.IIIIIIIII', rows);
    // A vertical I dropped into column 0 from row 20 falls 20 rows: 40 drop points.
    const s = gameOn(board, { type: 'I', x: -2, y: 20, rotation: 1 });
    const after = step(s, inputAction('hardDrop'));
    expect(after.lines).toBe(rows);
    expect(after.score).toBe(points + 2 * 20);
  });

  it('multiplies by the level the clear reaches, as the NES does', () => {
    // 8 lines at level 0, then a double: lines 10, level 1, 100 x 2.
    const s = { ...gameOn(rowsOf('.IIIIIIIII', 2), { type: 'I', x: -2, y: 2, rotation: 1 }), lines: 8 };
    const after = step(s, inputAction('hardDrop'));
    expect(after.lines).toBe(10);
    expect(after.level).toBe(1);
    expect(after.score).toBe(200 + 2 * 2);
    expect(after.events.levelUp).toBe(true);
  });

  it('adds 1 point per soft-dropped row and 2 per hard-dropped row, not multiplied by level', () => {
    const s = gameOn([], undefined, { startLevel: 9 });
    const soft = play(s, 'softDrop softDrop softDrop');
    expect(soft.score).toBe(3);
    const hard = step(soft, inputAction('hardDrop'));
    // The T was at rows 19-20; after 3 soft drops its lowest row is 16; it falls 16 rows.
    expect(hard.score).toBe(3 + 2 * 16);
  });
});

describe('levels (NES progression)', () => {
  it.each([
    [0, 10],
    [5, 60],
    [9, 100],
    [15, 100],
    [19, 140],
  ])('a game started at level %i first levels up at %i lines', (start, first) => {
    expect(firstLevelUpLines(start)).toBe(first);
    expect(levelFor(start, first - 1)).toBe(start);
    expect(levelFor(start, first)).toBe(start + 1);
    expect(levelFor(start, first + 9)).toBe(start + 1);
    expect(levelFor(start, first + 10)).toBe(start + 2);
    expect(levelFor(start, first + 200)).toBe(start + 21);
  });

  it('has no upper bound on the level', () => {
    expect(levelFor(0, 10_000)).toBe(1000);
  });
});
