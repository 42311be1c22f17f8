import { describe, expect, it } from 'vitest';
import { cellsOf, createGame, inputAction, step, WIDTH, type Board, type GameState, type PieceType } from '../../src/core/index.js';
import { reachablePlacements, type Candidate } from '../../src/bot/index.js';

function gameWith(piece: PieceType, board?: Board): GameState {
  const game = createGame({ seed: 7, queue: piece });
  return board ? { ...game, board } : game;
}

/** The cells a candidate covers, as one sortable key, to count distinct landing places. */
function cellKey(c: Candidate): string {
  return cellsOf(c.landed)
    .map((cell) => cell.y * WIDTH + cell.x)
    .sort((a, b) => a - b)
    .join(',');
}

describe('reachablePlacements', () => {
  it.each([
    ['T', 34],
    ['J', 34],
    ['L', 34],
    ['S', 17],
    ['Z', 17],
    ['I', 17],
    ['O', 9],
  ] as const)('reaches every column in every orientation of %s on an empty field (%i places)', (piece, places) => {
    const candidates = reachablePlacements(gameWith(piece));
    expect(new Set(candidates.map(cellKey)).size).toBe(places);
    for (const c of candidates) expect(Math.min(...cellsOf(c.landed).map((cell) => cell.y))).toBe(0);
  });

  it('lists routes as rotations first, then moves one way', () => {
    for (const piece of ['I', 'O', 'T', 'S', 'Z', 'J', 'L'] as const) {
      for (const { inputs } of reachablePlacements(gameWith(piece))) {
        expect(inputs.join(' ')).toMatch(/^((cw|ccw|cw cw) ?)?((left ?)*|(right ?)*)$/);
      }
    }
  });

  it('locks the piece exactly where each route says when the core plays it', () => {
    const game = gameWith('L');
    for (const c of reachablePlacements(game)) {
      let s = game;
      for (const input of c.inputs) s = step(s, inputAction(input));
      const dropped = step(s, inputAction('hardDrop'));
      expect(dropped.events.locked).toEqual(c.landed);
    }
  });

  it('does not reach past a column taller than the piece', () => {
    // Column 2 is filled up to row 22, above the spawn rows: nothing gets to columns 0-1.
    const board = new Uint8Array(WIDTH * 40);
    for (let y = 0; y <= 22; y++) board[y * WIDTH + 2] = 1;
    const candidates = reachablePlacements(gameWith('T', board));
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      for (const cell of cellsOf(c.landed)) expect(cell.x).toBeGreaterThanOrEqual(3);
    }
  });

  it('prefixes the given inputs to every route', () => {
    const held = step(gameWith('T'), inputAction('hold'));
    const candidates = reachablePlacements(held, ['hold']);
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.inputs[0]).toBe('hold');
  });

  it('finds nothing once the game is over', () => {
    expect(reachablePlacements({ ...gameWith('T'), status: 'over', active: null })).toEqual([]);
  });
});
