/**
 * Small derived views of a game for the screen, built on the core's own
 * (`visibleCells`): board rows as compact strings that memoised rows compare
 * cheaply, piece shapes for NEXT and HOLD, and whether a new state would
 * draw a different frame. How long the loop may sleep before it could is
 * the core's `ticksUntilChange` (core/schedule.ts).
 */
import { SHAPES, visibleCells, type GameState, type PieceType } from '../../core/index.js';

/**
 * The visible board as 20 strings, top row first, one character per cell:
 * `.` empty, an upper-case letter for a block or the falling piece, a
 * lower-case letter for the ghost. With `above`, that many rows over the
 * well come first (the spawn rows), their empty cells ` ` (nothing drawn:
 * they are outside the well).
 */
export function boardLines(state: GameState, ghost: boolean, above = 0): string[] {
  return visibleCells(state, { ghost, above }).map((row, i) => {
    const empty = i < above ? ' ' : '.';
    let line = '';
    for (const cell of row) {
      if (cell.kind === 'empty') line += empty;
      else if (cell.kind === 'ghost') line += cell.piece.toLowerCase();
      else line += cell.piece;
    }
    return line;
  });
}

/**
 * A piece in its spawn state as it is drawn under NEXT and HOLD: the rows of
 * its box that hold cells, top first (`.` empty). Every piece is one or two
 * rows high and at most four cells wide.
 */
export function pieceRows(type: PieceType): string[] {
  const cells = SHAPES[type][0]!;
  const xs = cells.map((c) => c.x);
  const ys = cells.map((c) => c.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const rows: string[] = [];
  for (let y = maxY; y >= minY; y--) {
    let row = '';
    for (let x = minX; x <= maxX; x++) row += cells.some((c) => c.x === x && c.y === y) ? type : '.';
    rows.push(row);
  }
  return rows;
}

/** A board row at `scale`: each cell `scale` characters (each drawn two columns wide), so a cell is `2 x scale` columns. */
export function scaleLine(line: string, scale: number): string {
  if (scale === 1) return line;
  let out = '';
  for (const ch of line) out += ch.repeat(scale);
  return out;
}

/** Board rows at `scale`: each row {@link scaleLine}d and drawn `scale` times, one under the other. */
export function scaleLines(lines: readonly string[], scale: number): readonly string[] {
  if (scale === 1) return lines;
  return lines.flatMap((line) => Array<string>(scale).fill(scaleLine(line, scale)));
}
