import { describe, expect, it } from 'vitest';
import {
  cellsOf,
  createGame,
  kicksFor,
  SHAPES,
  step,
  inputAction,
  WIDTH,
  HEIGHT,
  type PieceType,
  type Placement,
  type Rotation,
} from '../../src/core/index.js';
import { gameOn, play } from './helpers.js';

/** RULES.md's kick table, transcribed: [from, to, J L S T Z kicks, I kicks]. */
const TABLE: [string, string, string][] = [
  ['0->R', '(0,0) (-1,0) (-1,+1) (0,-2) (-1,-2)', '(0,0) (-2,0) (+1,0) (-2,-1) (+1,+2)'],
  ['R->0', '(0,0) (+1,0) (+1,-1) (0,+2) (+1,+2)', '(0,0) (+2,0) (-1,0) (+2,+1) (-1,-2)'],
  ['R->2', '(0,0) (+1,0) (+1,-1) (0,+2) (+1,+2)', '(0,0) (-1,0) (+2,0) (-1,+2) (+2,-1)'],
  ['2->R', '(0,0) (-1,0) (-1,+1) (0,-2) (-1,-2)', '(0,0) (+1,0) (-2,0) (+1,-2) (-2,+1)'],
  ['2->L', '(0,0) (+1,0) (+1,+1) (0,-2) (+1,-2)', '(0,0) (+2,0) (-1,0) (+2,+1) (-1,-2)'],
  ['L->2', '(0,0) (-1,0) (-1,-1) (0,+2) (-1,+2)', '(0,0) (-2,0) (+1,0) (-2,-1) (+1,+2)'],
  ['L->0', '(0,0) (-1,0) (-1,-1) (0,+2) (-1,+2)', '(0,0) (+1,0) (-2,0) (+1,-2) (-2,+1)'],
  ['0->L', '(0,0) (+1,0) (+1,+1) (0,-2) (+1,-2)', '(0,0) (-1,0) (+2,0) (-1,+2) (+2,-1)'],
];
const STATE: Record<string, Rotation> = { '0': 0, R: 1, '2': 2, L: 3 };
const parseKicks = (text: string) => [...text.matchAll(/\(([-+]?\d),([-+]?\d)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** One row per (transition, piece class, kick number). */
const CASES = TABLE.flatMap(([turn, jlstz, i]) => {
  const [from, to] = turn.split('->').map((s) => STATE[s]!) as [Rotation, Rotation];
  const dir = (to - from + 4) % 4 === 1 ? 'cw' : 'ccw';
  return (['J', 'L', 'S', 'T', 'Z', 'I'] as PieceType[]).flatMap((type) =>
    parseKicks(type === 'I' ? i : jlstz).map(([dx, dy], k) => ({ turn, from, to, dir, type, k: k + 1, dx: dx!, dy: dy! })),
  );
});

/**
 * A board where everything is filled but the piece's cells before the turn and
 * its cells after kick `k`, so that kick k is the first that fits unless an
 * earlier kick happens to fit inside those same free cells.
 */
function onlyRoomFor(start: Placement, target: Placement): string[] {
  const free = new Set([...cellsOf(start), ...cellsOf(target)].map((c) => `${c.x},${c.y}`));
  const rows: string[] = [];
  for (let y = HEIGHT - 1; y >= 0; y--) {
    let row = '';
    for (let x = 0; x < WIDTH; x++) row += free.has(`${x},${y}`) ? '.' : 'Z';
    rows.push(row);
  }
  return rows;
}

describe('SRS kick tables', () => {
  it.each(TABLE)('%s uses the offsets of RULES.md', (turn, jlstz, i) => {
    const [from, to] = turn.split('->').map((s) => STATE[s]!) as [Rotation, Rotation];
    for (const type of ['J', 'L', 'S', 'T', 'Z'] as PieceType[]) expect(kicksFor(type, from, to)).toEqual(parseKicks(jlstz));
    expect(kicksFor('I', from, to)).toEqual(parseKicks(i));
  });

  it.each(CASES)(
    '$type $turn ($dir) takes kick $k, ($dx,$dy), when the earlier kicks are blocked',
    ({ type, from, to, dir, k, dx, dy }) => {
      const start: Placement = { type, x: 4, y: 20, rotation: from };
      const target: Placement = { type, x: 4 + dx, y: 20 + dy, rotation: to };
      const board = onlyRoomFor(start, target);
      // The first kick whose cells are all free on this board, found from the
      // board alone; it is kick k itself except where an earlier kick's cells
      // happen to lie inside the same free cells.
      const free = new Set([...cellsOf(start), ...cellsOf(target)].map((c) => `${c.x},${c.y}`));
      const firstFree = kicksFor(type, from, to).findIndex(([ex, ey]) =>
        cellsOf({ type, x: 4 + ex, y: 20 + ey, rotation: to }).every((c) => free.has(`${c.x},${c.y}`)),
      );
      expect(firstFree).toBeLessThan(k);
      const [fx, fy] = kicksFor(type, from, to)[firstFree]!;
      const after = step(gameOn(board, start), inputAction(dir as 'cw' | 'ccw'));
      expect(after.active).toEqual({ type, x: 4 + fx, y: 20 + fy, rotation: to });
    },
  );

  it('has a board for every kick of every turn on which that kick is the first that fits', () => {
    // Guards the test above: every (turn, kick) is shown unambiguously by at least one piece.
    const shown = new Set<string>();
    for (const { type, from, to, k, turn } of CASES) {
      const start: Placement = { type, x: 4, y: 20, rotation: from };
      const target = kicksFor(type, from, to)[k - 1]!;
      const free = new Set(
        [...cellsOf(start), ...cellsOf({ type, x: 4 + target[0], y: 20 + target[1], rotation: to })].map((c) => `${c.x},${c.y}`),
      );
      const first = kicksFor(type, from, to).findIndex(([ex, ey]) =>
        cellsOf({ type, x: 4 + ex, y: 20 + ey, rotation: to }).every((c) => free.has(`${c.x},${c.y}`)),
      );
      if (first === k - 1) shown.add(`${type === 'I' ? 'I' : 'JLSTZ'} ${turn} ${k}`);
    }
    expect(shown.size).toBe(2 * 8 * 5);
  });

  it('takes no kick when none fits: the piece stays as it was', () => {
    const start: Placement = { type: 'T', x: 4, y: 20, rotation: 0 };
    const s = gameOn(onlyRoomFor(start, start), start);
    expect(step(s, inputAction('cw'))).toBe(s);
    expect(step(s, inputAction('ccw'))).toBe(s);
  });

  it('never moves or turns an O piece', () => {
    const s = createGame({ seed: 1, queue: 'O' });
    expect(step(s, inputAction('cw'))).toBe(s);
    expect(step(s, inputAction('ccw'))).toBe(s);
    expect(SHAPES.O.every((cells) => JSON.stringify(cells) === JSON.stringify(SHAPES.O[0]))).toBe(true);
  });

  it('turns a T four times clockwise back to where it started', () => {
    const s = createGame({ seed: 1, queue: 'T' });
    expect(play(s, 'cw cw cw cw').active).toEqual(s.active);
    expect(play(s, 'ccw ccw ccw ccw').active).toEqual(s.active);
  });
});

describe('kicks in play', () => {
  it('turns a T-spin triple that needs the fifth kick, and clears three rows', () => {
    // T (state 0) rests on the overhang; only kick 5 of 0->L, (+1,-2), fits.
    const rows = [
      '..X.......', // row 5: the roof that blocks kicks 2 and 3
      '...X......', // row 4
      'XX.XXXXXXX', // row 3
      'X..XXXXXXX', // row 2
      'XX.XXXXXXX', // row 1
      'XXXXXXXXX.', // row 0
    ].map((r) => r.replaceAll('X', 'Z'));
    const start: Placement = { type: 'T', x: 0, y: 3, rotation: 0 };
    let s = gameOn(rows, start);
    s = step(s, inputAction('ccw'));
    expect(s.active).toEqual({ type: 'T', x: 1, y: 1, rotation: 3 });
    s = step(s, inputAction('hardDrop'));
    expect(s.lines).toBe(3);
    expect(s.score).toBe(300);
    expect(s.board.slice(0, 10)).toEqual(new Uint8Array([7, 7, 7, 7, 7, 7, 7, 7, 7, 0]));
  });

  it('kicks an I off the left wall when it turns flat', () => {
    // Vertical I (state R) in column 0: turning to 0 in place would stick out left; kick 2 (+2,0) fits.
    const s = gameOn([], { type: 'I', x: -2, y: 5, rotation: 1 });
    const after = step(s, inputAction('ccw'));
    expect(after.active).toEqual({ type: 'I', x: 0, y: 5, rotation: 0 });
    expect(cellsOf(after.active!).map((c) => c.x)).toEqual([0, 1, 2, 3]);
  });

  it('kicks an I off the right wall when it turns flat', () => {
    // Vertical I (state L) in column 9: kicks 1 and 2 stick out right; kick 3 (-2,0) fits.
    const s = gameOn([], { type: 'I', x: 8, y: 5, rotation: 3 });
    const after = step(s, inputAction('cw'));
    expect(after.active).toEqual({ type: 'I', x: 6, y: 5, rotation: 0 });
    expect(cellsOf(after.active!).map((c) => c.x)).toEqual([6, 7, 8, 9]);
  });
});
