/**
 * The playfield: 10 columns x 40 rows (rows 0-19 visible, 20-39 the hidden
 * buffer), with guarded collision (RULES.md "Playfield").
 */
import { CODE_PIECE, PIECE_CODE, SHAPES, type Offset, type PieceType, type Rotation } from './pieces.js';

/** Columns of the playfield. Exactly ten: the classic failure is twelve. */
export const WIDTH = 10;
/** Rows in all, visible and hidden. */
export const HEIGHT = 40;
/** Rows 0..VISIBLE_HEIGHT-1 are shown. */
export const VISIBLE_HEIGHT = 20;

/**
 * The locked blocks: `cells[y * WIDTH + x]` is 0 for empty or a piece code
 * (see `PIECE_CODE`). Treated as immutable: a lock makes a new board, a tick
 * never copies it.
 */
export type Board = Readonly<Uint8Array>;

/** A piece on the field: its letter, box position (bottom-left) and rotation. */
export interface Placement {
  readonly type: PieceType;
  readonly x: number;
  readonly y: number;
  readonly rotation: Rotation;
}

/** A board with no blocks. */
export function emptyBoard(): Board {
  return new Uint8Array(WIDTH * HEIGHT);
}

/**
 * Whether a cell is blocked: outside the field on any side, or holding a
 * block. Every bound is checked explicitly, so nothing is ever read off the
 * end of the array.
 */
export function isBlocked(board: Board, x: number, y: number): boolean {
  if (x < 0 || x >= WIDTH || y < 0 || y >= HEIGHT) return true;
  return board[y * WIDTH + x] !== 0;
}

/** The letter of the block at (x, y), or null for an empty or outside cell. */
export function cellAt(board: Board, x: number, y: number): PieceType | null {
  if (x < 0 || x >= WIDTH || y < 0 || y >= HEIGHT) return null;
  return CODE_PIECE[board[y * WIDTH + x]!] ?? null;
}

/** The absolute cells a placement covers. */
export function cellsOf(p: Placement): Offset[] {
  return SHAPES[p.type][p.rotation]!.map((c) => ({ x: p.x + c.x, y: p.y + c.y }));
}

/** Whether a placement fits: none of its cells is blocked. */
export function fits(board: Board, p: Placement): boolean {
  return fitsAt(board, p, p.x, p.y);
}

/** Whether `p`'s shape fits with its box at (x, y); allocation-free, for the per-tick checks. */
export function fitsAt(board: Board, p: Placement, x: number, y: number): boolean {
  for (const c of SHAPES[p.type][p.rotation]!) {
    if (isBlocked(board, x + c.x, y + c.y)) return false;
  }
  return true;
}

/** The lowest row any cell of a placement is in. */
export function lowestRow(p: Placement): number {
  let low = Infinity;
  for (const c of SHAPES[p.type][p.rotation]!) low = Math.min(low, p.y + c.y);
  return low;
}

/** How many rows a placement can move straight down; allocation-free. */
export function dropDistance(board: Board, p: Placement): number {
  let rows = 0;
  while (fitsAt(board, p, p.x, p.y - rows - 1)) rows++;
  return rows;
}

/** The placement moved straight down as far as it fits (the ghost). */
export function dropPosition(board: Board, p: Placement): Placement {
  const rows = dropDistance(board, p);
  return rows === 0 ? p : { ...p, y: p.y - rows };
}

/** Result of locking a piece into the board. */
export interface LockResult {
  /** The board after the piece is placed and full rows are removed. */
  readonly board: Board;
  /** Rows that were full, bottom first, as numbered before removal. */
  readonly clearedRows: readonly number[];
}

/** A new board with the piece's cells filled in and nothing removed. */
export function placePiece(board: Board, p: Placement): Uint8Array {
  const next = new Uint8Array(board);
  const code = PIECE_CODE[p.type];
  for (const c of SHAPES[p.type][p.rotation]!) next[(p.y + c.y) * WIDTH + p.x + c.x] = code;
  return next;
}

/** Whether row `y` of a board has a block in every column. */
function rowFull(cells: Uint8Array, y: number): boolean {
  for (let x = 0; x < WIDTH; x++) if (cells[y * WIDTH + x] === 0) return false;
  return true;
}

/**
 * Place a piece and remove the full rows; the rows above move down. Makes one
 * new board: this runs once per lock, never per tick. Only the piece's own
 * rows can have become full, so only they are checked, and a lock that
 * clears nothing moves nothing.
 */
export function lockPiece(board: Board, p: Placement): LockResult {
  const next = placePiece(board, p);
  const low = lowestRow(p);
  let high = low;
  for (const c of SHAPES[p.type][p.rotation]!) high = Math.max(high, p.y + c.y);
  const clearedRows: number[] = [];
  for (let y = low; y <= high; y++) if (rowFull(next, y)) clearedRows.push(y);
  if (clearedRows.length === 0) return { board: next, clearedRows };
  let write = low;
  for (let y = low; y < HEIGHT; y++) {
    if (clearedRows.includes(y)) continue;
    if (write !== y) next.copyWithin(write * WIDTH, y * WIDTH, (y + 1) * WIDTH);
    write++;
  }
  next.fill(0, write * WIDTH);
  return { board: next, clearedRows };
}

/**
 * A board from text rows, top row first (`.` empty, a piece letter a block),
 * with the last string as row 0. For tests and fixtures.
 */
export function boardFromRows(rows: readonly string[]): Board {
  const board = new Uint8Array(WIDTH * HEIGHT);
  rows.forEach((row, i) => {
    const y = rows.length - 1 - i;
    if (row.length !== WIDTH) throw new Error(`row ${i} has ${row.length} cells, not ${WIDTH}`);
    for (let x = 0; x < WIDTH; x++) {
      const ch = row[x]!;
      if (ch !== '.') board[y * WIDTH + x] = PIECE_CODE[ch as PieceType] ?? PIECE_CODE.I;
    }
  });
  return board;
}

/** The visible rows as text, top row first (`.` empty, else the piece letter). */
export function boardRows(board: Board, rows = VISIBLE_HEIGHT): string[] {
  const out: string[] = [];
  for (let y = rows - 1; y >= 0; y--) {
    let line = '';
    for (let x = 0; x < WIDTH; x++) line += cellAt(board, x, y) ?? '.';
    out.push(line);
  }
  return out;
}
