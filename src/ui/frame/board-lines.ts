/**
 * Small derived views of a game for the screen, drawn as the core's own
 * (`visibleCells`) draws them: board rows as compact strings that memoised
 * rows compare cheaply, piece shapes for NEXT and HOLD, and whether a new
 * state would draw a different frame. How long the loop may sleep before it
 * could is the core's `ticksUntilChange` (core/schedule.ts).
 */
import {
  boardRows,
  cellAt,
  cellsOf,
  ghostPosition,
  HEIGHT,
  SHAPES,
  VISIBLE_HEIGHT,
  WIDTH,
  type Board,
  type GameState,
  type PieceType,
  type Placement,
} from '../../core/index.js';

/**
 * A board's rows without the piece in play, as `boardLines` draws them, kept
 * per board: a board is immutable (a lock makes a new one), so every frame
 * between two locks draws the same rows, and these are the very strings the
 * painter's row cache (terminal/screen-fields.ts) finds again.
 */
const lockedRows = new WeakMap<Board, { readonly above: number; readonly lines: readonly string[] }>();

function lockedLines(board: Board, above: number): readonly string[] {
  const kept = lockedRows.get(board);
  if (kept && kept.above === above) return kept.lines;
  const lines: string[] = [];
  for (let y = VISIBLE_HEIGHT + above - 1; y >= 0; y--) {
    // The spawn rows are outside the well: their empty cells draw nothing.
    const empty = y >= VISIBLE_HEIGHT ? ' ' : '.';
    let line = '';
    for (let x = 0; x < WIDTH; x++) line += cellAt(board, x, y) ?? empty;
    lines.push(line);
  }
  lockedRows.set(board, { above, lines });
  return lines;
}

/** `letter` written over the cells of `p` that are among `lines` (the top one at row `lines.length - 1`). */
function drawPiece(lines: string[], p: Placement, letter: string): void {
  const top = lines.length;
  for (const c of cellsOf(p)) {
    if (c.y < 0 || c.y >= top) continue;
    const line = lines[top - 1 - c.y]!;
    lines[top - 1 - c.y] = line.slice(0, c.x) + letter + line.slice(c.x + 1);
  }
}

/**
 * The visible board as 20 strings, top row first, one character per cell:
 * `.` empty, an upper-case letter for a block or the falling piece, a
 * lower-case letter for the ghost. With `above`, that many rows over the
 * well come first (the spawn rows), their empty cells ` ` (nothing drawn:
 * they are outside the well). The same picture as the core's `visibleCells`
 * (tests/ui/frame/board-lines.test.ts), made from the board's kept rows and
 * the few the piece and its ghost are on.
 */
export function boardLines(state: GameState, ghost: boolean, above = 0): string[] {
  const lines = lockedLines(state.board, Math.max(0, Math.min(HEIGHT - VISIBLE_HEIGHT, above))).slice();
  const active = state.active;
  if (active) {
    if (ghost) drawPiece(lines, ghostPosition(state)!, active.type.toLowerCase());
    drawPiece(lines, active, active.type);
  }
  return lines;
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

/**
 * The board while cleared rows flash: the board as the lock left it, its
 * cleared rows drawn as flash cells (`=`) where they were, and the new
 * piece over it (no ghost: the rows under it are about to go); `above`
 * rows over the well first, as in {@link boardLines}.
 */
export function flashLines(game: GameState, flash: { readonly board: Board; readonly rows: readonly number[] }, above: number): string[] {
  const top = VISIBLE_HEIGHT + above;
  const lines = boardRows(flash.board, top).map((line, i) => (i < above ? line.replaceAll('.', ' ') : line).split(''));
  for (const row of flash.rows) if (row < top) lines[top - 1 - row] = Array<string>(WIDTH).fill('=');
  if (game.active) for (const c of cellsOf(game.active)) if (c.y < top) lines[top - 1 - c.y]![c.x] = game.active.type;
  return lines.map((cells) => cells.join(''));
}
