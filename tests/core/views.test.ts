import { describe, expect, it } from 'vitest';
import { createGame, ghostPosition, nextPieces, step, inputAction, visibleCells, type CellView } from '../../src/core/index.js';
import { gameOn } from './helpers.js';

const letters = (rows: CellView[][]) =>
  rows.map((row) =>
    row.map((c) => (c.kind === 'empty' ? '.' : c.kind === 'ghost' ? 'g' : c.kind === 'active' ? c.piece : c.piece.toLowerCase())).join(''),
  );

describe('derived views', () => {
  it('draws the active piece, its ghost on the floor and the locked blocks', () => {
    const s = gameOn(['ZZ........'], undefined, { queue: 'T' });
    const rows = letters(visibleCells(s));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toBe('...TTT....');
    expect(rows.slice(-2)).toEqual(['....g.....', 'zz.ggg....']);
  });

  it('leaves the ghost out when asked', () => {
    const s = createGame({ seed: 1, queue: 'T' });
    expect(letters(visibleCells(s, { ghost: false })).join('')).not.toContain('g');
  });

  it('puts the ghost where a hard drop lands', () => {
    const s = gameOn(['....ZZ....', '....ZZ....'], undefined, { queue: 'OT' });
    const ghost = ghostPosition(s)!;
    expect(step(s, inputAction('hardDrop')).events.locked).toEqual(ghost);
    expect(ghost.y).toBe(2);
  });

  it('hides the parts of the piece above the visible field', () => {
    // A T in rows 20-21, above the visible field (as after a spawn onto a full row 19).
    const s = gameOn(Array(20).fill('..........').with(0, '...Z......'), { type: 'T', x: 3, y: 19, rotation: 0 });
    const rows = letters(visibleCells(s));
    expect(rows.join('')).not.toContain('T');
    expect(rows[0]).toBe('...z......');
  });

  it('lists the next pieces in order', () => {
    const s = createGame({ seed: 1, queue: 'IOTSZJL' });
    expect(nextPieces(s, 3)).toEqual(['O', 'T', 'S']);
    expect(nextPieces(s)).toHaveLength(6);
  });
});
