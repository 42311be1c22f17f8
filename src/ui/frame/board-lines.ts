/**
 * Small derived views of a game for the screen and its loop, built on the
 * core's own (`visibleCells`, and `advance`'s arithmetic): board rows as
 * compact strings that memoised rows compare cheaply, piece shapes for NEXT
 * and HOLD, whether a new state would draw a different frame, and how long
 * the loop may sleep before it could.
 */
import {
  canFall,
  LOCK_DELAY,
  SHAPES,
  ticksToFall,
  visibleCells,
  TICKS_PER_SECOND,
  type GameState,
  type PieceType,
} from '../../core/index.js';

/**
 * The visible board as 20 strings, top row first, one character per cell:
 * `.` empty, an upper-case letter for a block or the falling piece, a
 * lower-case letter for the ghost.
 */
export function boardLines(state: GameState, ghost: boolean): string[] {
  return visibleCells(state, { ghost }).map((row) => {
    let line = '';
    for (const cell of row) {
      if (cell.kind === 'empty') line += '.';
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

/**
 * Whether two states draw the same frame with `preview` pieces under NEXT:
 * the same board, falling piece, hold, preview, numbers, whole seconds of
 * time and status. Cheap (no allocation), so the game loop can call it on
 * every tick and render only when the answer is no.
 */
export function sameFrame(a: GameState, b: GameState, preview: number): boolean {
  if (a === b) return true;
  if (a.board !== b.board || a.status !== b.status || a.hold !== b.hold) return false;
  if (a.score !== b.score || a.lines !== b.lines || a.level !== b.level || a.topOut !== b.topOut) return false;
  if (Math.floor(a.time / TICKS_PER_SECOND) !== Math.floor(b.time / TICKS_PER_SECOND)) return false;
  const p = a.active;
  const q = b.active;
  if (p !== q) {
    if (!p || !q || p.type !== q.type || p.x !== q.x || p.y !== q.y || p.rotation !== q.rotation) return false;
  }
  if (a.queue !== b.queue) {
    for (let i = 0; i < preview; i++) if (a.queue[i] !== b.queue[i]) return false;
  }
  return true;
}

/**
 * Ticks from now until the screen of a running game can next change with no
 * key pressed: the piece's next row of fall, its lock, or the next whole
 * second of TIME, whichever comes first (the same arithmetic as the core's
 * `advance`). The game loop sleeps that long instead of waking every tick.
 */
export function ticksUntilChange(state: GameState): number {
  if (state.status !== 'playing' || !state.active) return 1;
  const fall = canFall(state) ? ticksToFall(state) : LOCK_DELAY - state.lockCount;
  const second = TICKS_PER_SECOND - (state.time % TICKS_PER_SECOND);
  return Math.max(1, Math.min(fall, second));
}
