/** The board and the pieces as the frame model draws them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, step, visibleCells, type GameState, type InputName } from '../../../src/core/index.js';
import { boardLines, pieceRows } from '../../../src/ui/frame/board-lines.js';
import { rowsAboutToClear } from '../helpers.js';

/** The rows as the core's `visibleCells` draws them, cell object by cell object: what `boardLines` must equal. */
function referenceLines(state: GameState, ghost: boolean, above: number): string[] {
  return visibleCells(state, { ghost, above }).map((row, i) =>
    row.map((c) => (c.kind === 'empty' ? (i < above ? ' ' : '.') : c.kind === 'ghost' ? c.piece.toLowerCase() : c.piece)).join(''),
  );
}

const INPUTS: InputName[] = ['left', 'right', 'cw', 'ccw', 'softDrop', 'hardDrop', 'hold'];

describe('boardLines', () => {
  it('writes blocks in capitals and the ghost in small letters', () => {
    const lines = boardLines(rowsAboutToClear(), true);
    expect(lines).toHaveLength(20);
    expect(lines.at(-1)).toBe('LLLJiOOTTT');
    expect(boardLines(rowsAboutToClear(), false).at(-1)).toBe('LLLJ.OOTTT');
  });

  it('draws every state of a game as the core does, spawn rows, ghost and stacks included, however often the same board is drawn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.integer({ min: 0, max: INPUTS.length - 1 }), { maxLength: 120 }),
        (seed, moves) => {
          let s = createGame({ seed });
          for (const m of moves) {
            if (s.status === 'over') break;
            s = advance(step(s, inputAction(INPUTS[m]!)), 7);
            for (const above of [0, 2]) {
              for (const ghost of [true, false]) {
                expect(boardLines(s, ghost, above)).toEqual(referenceLines(s, ghost, above));
              }
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('pieceRows', () => {
  it.each([
    ['I', ['IIII']],
    ['O', ['OO', 'OO']],
    ['T', ['.T.', 'TTT']],
    ['S', ['.SS', 'SS.']],
    ['Z', ['ZZ.', '.ZZ']],
    ['J', ['J..', 'JJJ']],
    ['L', ['..L', 'LLL']],
  ] as const)('draws %s in its spawn state', (piece, rows) => {
    expect(pieceRows(piece)).toEqual(rows);
  });
});
