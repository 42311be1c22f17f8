/**
 * The playfield: 10 columns x 40 rows (rows 0-19 visible, 20-39 the hidden
 * buffer), with guarded collision (RULES.md "Playfield").
 */
import { CODE_PIECE, GARBAGE_CODE, PIECE_CODE, SHAPES, type BlockLetter, type Offset, type PieceType, type Rotation } from './pieces.js';

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

/**
 * The per-shape tables below are indexed by `shapeIndex`, the letter's
 * character code and the rotation: looking a shape up by its letter
 * (`SHAPES[p.type]`) is a keyed load over seven names, which V8 serves
 * from its megamorphic cache, and the collision tests of every step make
 * several. Letters that are not pieces have no entry.
 */
function shapeIndex(type: PieceType, rotation: Rotation): number {
  return type.charCodeAt(0) * 4 + rotation;
}

/** A table by `shapeIndex` of something worked out once from each shape's cells. */
function byShape<T>(of: (cells: readonly Offset[]) => T): (T | undefined)[] {
  const out: (T | undefined)[] = Array.from({ length: shapeIndex('Z', 3) + 1 }, () => undefined);
  for (const type of Object.keys(SHAPES) as PieceType[]) {
    SHAPES[type].forEach((cells, rotation) => {
      out[shapeIndex(type, rotation as Rotation)] = of(cells);
    });
  }
  return out;
}

/** The cells of each shape (`SHAPES`). */
const CELLS = byShape((cells) => cells);
/**
 * The lowest cell of each of a shape's columns: how far the piece can fall
 * is decided by these alone. A tetromino's cells in one column touch, so
 * every other cell has a cell of the piece right under it, in `COVERED`.
 */
const BOTTOMS = byShape((cells) => cells.filter((c) => !cells.some((o) => o.x === c.x && o.y === c.y - 1)));
/** The cells of a shape with another cell of it right above them. */
const COVERED = byShape((cells) => cells.filter((c) => cells.some((o) => o.x === c.x && o.y === c.y + 1)));

/**
 * The tables the per-step tests read, flat and typed, by `shapeIndex`
 * (four slots a shape): a small array of `{x, y}` objects per shape costs a
 * load per object and per field, and these run at every move, rotation,
 * row of fall and lock of every replay.
 */
const SHAPE_COUNT = CELLS.length;
/** Each cell of a shape as an offset into the board from its box's corner: `y * WIDTH + x`. */
const CELL_OFFSET = new Int16Array(SHAPE_COUNT * 4);
/** The lowest and highest column and row of a shape's cells in its box: the box test that stands for four bounds tests. */
const MIN_X = new Int8Array(SHAPE_COUNT);
const MAX_X = new Int8Array(SHAPE_COUNT);
const LOWEST = new Int8Array(SHAPE_COUNT);
const HIGHEST = new Int8Array(SHAPE_COUNT);
/** `BOTTOMS` and `COVERED` flat: how many (at most four), then each cell's column and row. */
const BOTTOM_COUNT = new Int8Array(SHAPE_COUNT);
const BOTTOM_X = new Int8Array(SHAPE_COUNT * 4);
const BOTTOM_Y = new Int8Array(SHAPE_COUNT * 4);
const COVERED_COUNT = new Int8Array(SHAPE_COUNT);
const COVERED_OFFSET = new Int16Array(SHAPE_COUNT * 4);
const COVERED_X = new Int8Array(SHAPE_COUNT * 4);
const COVERED_Y = new Int8Array(SHAPE_COUNT * 4);
/** `PIECE_CODE` by `shapeIndex` (the same for the four rotations). */
const CODES = new Uint8Array(SHAPE_COUNT);
for (let s = 0; s < SHAPE_COUNT; s++) {
  const cells = CELLS[s];
  if (!cells) continue;
  cells.forEach((c, i) => {
    CELL_OFFSET[s * 4 + i] = c.y * WIDTH + c.x;
  });
  MIN_X[s] = Math.min(...cells.map((c) => c.x));
  MAX_X[s] = Math.max(...cells.map((c) => c.x));
  LOWEST[s] = Math.min(...cells.map((c) => c.y));
  HIGHEST[s] = Math.max(...cells.map((c) => c.y));
  const bottoms = BOTTOMS[s]!;
  BOTTOM_COUNT[s] = bottoms.length;
  bottoms.forEach((c, i) => {
    BOTTOM_X[s * 4 + i] = c.x;
    BOTTOM_Y[s * 4 + i] = c.y;
  });
  const covered = COVERED[s]!;
  COVERED_COUNT[s] = covered.length;
  covered.forEach((c, i) => {
    COVERED_OFFSET[s * 4 + i] = c.y * WIDTH + c.x;
    COVERED_X[s * 4 + i] = c.x;
    COVERED_Y[s * 4 + i] = c.y;
  });
  CODES[s] = PIECE_CODE[String.fromCharCode(s >> 2) as PieceType];
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
export function cellAt(board: Board, x: number, y: number): BlockLetter | null {
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

/**
 * Whether `p`'s shape fits with its box at (x, y); allocation-free, for the
 * per-tick checks. An indexed loop: `for...of` goes through the iterator
 * protocol, slow before V8 optimizes, and a replay's first thousand pieces
 * run before it does.
 */
export function fitsAt(board: Board, p: Placement, x: number, y: number): boolean {
  return shapeFitsAt(board, p.type, p.rotation, x, y);
}

/**
 * `fitsAt` for a piece given by its letter and rotation: no placement made
 * to ask (a rotation tries up to five kicks). A cell outside the field is
 * blocked, so the shape fits when its cells' box is inside the field and
 * its four cells are empty.
 */
export function shapeFitsAt(board: Board, type: PieceType, rotation: Rotation, x: number, y: number): boolean {
  const s = shapeIndex(type, rotation);
  if (x + MIN_X[s]! < 0 || x + MAX_X[s]! >= WIDTH || y + LOWEST[s]! < 0 || y + HIGHEST[s]! >= HEIGHT) return false;
  const at = y * WIDTH + x;
  const o = s * 4;
  return (
    (board[at + CELL_OFFSET[o]!]! |
      board[at + CELL_OFFSET[o + 1]!]! |
      board[at + CELL_OFFSET[o + 2]!]! |
      board[at + CELL_OFFSET[o + 3]!]!) ===
    0
  );
}

/** The lowest row any cell of a placement is in. */
export function lowestRow(p: Placement): number {
  return p.y + LOWEST[shapeIndex(p.type, p.rotation)]!;
}

/**
 * How many rows a placement can move straight down; allocation-free. The
 * piece moves as one, so it falls as far as its column with the fewest
 * free cells straight under it: one scan down from the lowest cell of each
 * column (`BOTTOMS`), instead of a collision test of the whole piece at
 * every row. Cells off the field are blocked, as in `fitsAt`. A cell
 * higher in a column would scan through the cell under it first, and
 * count at least one more, so it never decides unless that cell is
 * blocked (a placement that does not fit), which `COVERED` checks.
 */
export function dropDistance(board: Board, p: Placement): number {
  return dropDistanceAt(board, p.type, p.rotation, p.x, p.y);
}

/** `dropDistance` of a piece with its box at (x0, y0): no placement made to ask. */
export function dropDistanceAt(board: Board, type: PieceType, rotation: Rotation, x0: number, y0: number): number {
  const s = shapeIndex(type, rotation);
  for (let i = s * 4; i < s * 4 + COVERED_COUNT[s]!; i++) if (isBlocked(board, x0 + COVERED_X[i]!, y0 + COVERED_Y[i]!)) return 0;
  return fittingDropDistance(board, type, rotation, x0, y0);
}

/**
 * `dropDistanceAt` of a piece that fits there, as the caller has just
 * tested: its covered cells are free, so only the lowest cell of each
 * column is scanned, and on a board whose stack top is known (the one the
 * last lock made, see `knownBoard`) the scan starts at the stack: a 20G
 * piece, or a hard drop from the spawn rows, falls through the empty rows
 * above it without a test a cell.
 */
export function fittingDropDistance(board: Board, type: PieceType, rotation: Rotation, x0: number, y0: number): number {
  return fittingDropDistanceOver(board, type, rotation, x0, y0, board === knownBoard ? knownTop : HEIGHT);
}

/** `fittingDropDistance` on a board whose rows from `empty` up hold no block (quick-fold.ts keeps its own board's). */
export function fittingDropDistanceOver(board: Board, type: PieceType, rotation: Rotation, x0: number, y0: number, empty: number): number {
  const s = shapeIndex(type, rotation);
  const end = s * 4 + BOTTOM_COUNT[s]!;
  let rows = HEIGHT;
  for (let i = s * 4; i < end && rows > 0; i++) {
    const x = x0 + BOTTOM_X[i]!;
    if (x < 0 || x >= WIDTH) return 0;
    // The scan runs from the cell under this one down, at most `rows` cells and never below row 0.
    const top = y0 + BOTTOM_Y[i]! - 1;
    if (top >= HEIGHT) return 0;
    const stop = Math.max(top - rows, -1);
    let y = top < empty ? top : Math.max(empty - 1, stop);
    while (y > stop && board[y * WIDTH + x] === 0) y--;
    rows = top - y;
  }
  return rows;
}

/** The placement moved straight down as far as it fits (the ghost). */
export function dropPosition(board: Board, p: Placement): Placement {
  const rows = dropDistance(board, p);
  // A literal of the four fields, as every placement the core makes: one shape for V8, not a spread's.
  return rows === 0 ? p : { type: p.type, x: p.x, y: p.y - rows, rotation: p.rotation };
}

/** Result of locking a piece into the board. */
export interface LockResult {
  /** The board after the piece is placed and full rows are removed. */
  readonly board: Board;
  /** Rows that were full, bottom first, as numbered before removal. */
  readonly clearedRows: readonly number[];
  /** How many of those rows held garbage blocks (`G`): the garbage rows removed (dig). */
  readonly garbageRows: number;
}

/** Boards carved out of one block of memory; see {@link copyBoard}. */
const BOARDS_PER_BLOCK = 32;
let block = new ArrayBuffer(0);
let blockUsed = 0;

/**
 * The board the last lock (or garbage) made, and its stack top: rows from
 * `knownTop` up hold no block. A fold asks how far pieces fall on one board
 * between two locks, so one board known is enough; boards are never changed
 * once made (the core's contract), so identity is enough, and any other
 * board is simply scanned. Like the blocks above, this is invisible to
 * callers: every answer is the one a full scan gives.
 */
let knownBoard: Board | null = null;
let knownTop = HEIGHT;

/** Rows from the floor to the highest row holding a block (0 for an empty board), by a scan from the top. */
function scannedTop(board: Board): number {
  for (let y = HEIGHT - 1; y >= 0; y--) if (!rowEmpty(board, y)) return y + 1;
  return 0;
}

/** The stack top of `board`: known when the last lock or garbage made it, else scanned. */
function stackTop(board: Board): number {
  return board === knownBoard ? knownTop : scannedTop(board);
}

function remember(board: Board, top: number): void {
  knownBoard = board;
  knownTop = top;
}

/**
 * A copy of a board. Boards are cut from shared blocks of memory,
 * BOARDS_PER_BLOCK at a time: a typed array with a buffer of its own costs
 * an ArrayBuffer each (a call into V8's C++, memory outside the heap, work
 * for the collector), and that was the largest single cost of a lock in a
 * replay. A block's memory is freed once none of its boards is in use.
 */
function copyBoard(board: Board): Uint8Array {
  const size = WIDTH * HEIGHT;
  if (blockUsed + size > block.byteLength) {
    block = new ArrayBuffer(size * BOARDS_PER_BLOCK);
    blockUsed = 0;
  }
  const next = new Uint8Array(block, blockUsed, size);
  blockUsed += size;
  next.set(board);
  return next;
}

/** A new board with the piece's cells filled in and nothing removed. */
export function placePiece(board: Board, p: Placement): Uint8Array {
  const next = copyBoard(board);
  placeCells(next, p.type, p.rotation, p.x, p.y);
  return next;
}

/** Fill in a piece's four cells, in place: `placePiece` without the copy, for a board of one's own (quick-fold.ts). */
export function placeCells(cells: Uint8Array, type: PieceType, rotation: Rotation, x: number, y: number): void {
  const s = shapeIndex(type, rotation);
  const code = CODES[s]!;
  const at = y * WIDTH + x;
  for (let i = s * 4; i < s * 4 + 4; i++) cells[at + CELL_OFFSET[i]!] = code;
}

/** Whether row `y` of a board has a block in every column. */
function rowFull(cells: Uint8Array, y: number): boolean {
  for (let x = 0; x < WIDTH; x++) if (cells[y * WIDTH + x] === 0) return false;
  return true;
}

/** Whether row `y` of a board has no block. */
function rowEmpty(cells: Board, y: number): boolean {
  for (let x = 0; x < WIDTH; x++) if (cells[y * WIDTH + x] !== 0) return false;
  return true;
}

/** Whether row `y` of a board holds a garbage block. */
function rowHasGarbage(cells: Board, y: number): boolean {
  for (let x = 0; x < WIDTH; x++) if (cells[y * WIDTH + x] === GARBAGE_CODE) return true;
  return false;
}

/** The rows of a lock that clears none: one shared list, as most locks clear none. */
const NO_ROWS: readonly number[] = Object.freeze([]);

/** The lowest row of a shape's cells, counted from its box (`lowestRow` of a piece at y = 0). */
export function shapeLowest(type: PieceType, rotation: Rotation): number {
  return LOWEST[shapeIndex(type, rotation)]!;
}

/** The highest row of a shape's cells, counted from its box. */
export function shapeHighest(type: PieceType, rotation: Rotation): number {
  return HIGHEST[shapeIndex(type, rotation)]!;
}

/**
 * Which of the rows `low` to `high` (a placed piece's, at most four) are
 * full: bit `y - low` for row y. Only a piece's own rows can have become
 * full when it locks, so only they are checked.
 */
export function fullRows(cells: Uint8Array, low: number, high: number): number {
  let full = 0;
  for (let y = low; y <= high; y++) if (rowFull(cells, y)) full |= 1 << (y - low);
  return full;
}

/** The list of the rows in `full` (as `fullRows` gives them), bottom first. */
export function rowList(full: number, low: number): readonly number[] {
  if (full === 0) return NO_ROWS;
  const rows: number[] = [];
  for (let bit = 0; bit < 4; bit++) if (full & (1 << bit)) rows.push(low + bit);
  return rows;
}

/**
 * Remove the full rows `full` (of `fullRows(cells, low, high)`) in place;
 * the rows above move down. `top`: rows from `top` up hold no block (the
 * placed piece included). Returns the stack top after. The piece's own rows
 * that stay move down one by one; everything above the piece, up to the
 * stack top, moves as one block, in one copy (a copy a row was a tenth of a
 * replay).
 */
export function removeRows(cells: Uint8Array, low: number, high: number, full: number, top: number): number {
  if (full === 0) return top;
  let write = low;
  while (!(full & (1 << (write - low)))) write++;
  for (let y = write + 1; y <= high; y++) {
    if (full & (1 << (y - low))) continue;
    cells.copyWithin(write * WIDTH, y * WIDTH, (y + 1) * WIDTH);
    write++;
  }
  if (high + 1 < top) cells.copyWithin(write * WIDTH, (high + 1) * WIDTH, top * WIDTH);
  write += top - 1 - high;
  cells.fill(0, write * WIDTH, top * WIDTH);
  // `write` is the old top less the rows removed; below it a row can be empty only under a floating block.
  let after = write;
  while (after > 0 && rowEmpty(cells, after - 1)) after--;
  return after;
}

/**
 * Place a piece and remove the full rows; the rows above move down. Makes one
 * new board: this runs once per lock, never per tick. Only the piece's own
 * rows can have become full, so only they are checked, and a lock that
 * clears nothing moves nothing. The new board's stack top is worked out from
 * the old one's and remembered for the drops on it (`knownBoard`).
 */
export function lockPiece(board: Board, p: Placement): LockResult {
  const before = stackTop(board);
  const next = placePiece(board, p);
  const s = shapeIndex(p.type, p.rotation);
  const low = p.y + LOWEST[s]!;
  const high = p.y + HIGHEST[s]!;
  // Rows from `top` up hold no block.
  const top = Math.max(before, high + 1);
  const full = fullRows(next, low, high);
  let garbageRows = 0;
  for (let y = low; y <= high; y++) if (full & (1 << (y - low)) && rowHasGarbage(next, y)) garbageRows++;
  remember(next, removeRows(next, low, high, full, top));
  return { board: next, clearedRows: rowList(full, low), garbageRows };
}

/** Whether a board holds no block at all (a perfect clear, RULES.md "Score"). Row 0 first: it is almost never empty. */
export function isEmptyBoard(board: Board): boolean {
  for (let i = 0; i < board.length; i++) if (board[i] !== 0) return false;
  return true;
}

/** Rows from the floor to the highest non-empty row of a board (0 when empty). */
export function stackHeight(board: Board): number {
  for (let y = HEIGHT - 1; y >= 0; y--) {
    const row = y * WIDTH;
    for (let x = 0; x < WIDTH; x++) if (board[row + x] !== 0) return y + 1;
  }
  return 0;
}

/**
 * A new board with garbage rows pushed in from the bottom: the stack moves
 * up `holes.length` rows (what would pass row 39 is gone), and each new row
 * is nine `G` blocks and a hole. `holes` lists the rows in the order they
 * were made, the top one first (RULES.md "Modes", dig).
 */
export function pushGarbage(board: Board, holes: readonly number[]): Board {
  const n = holes.length;
  const before = stackTop(board);
  const next = copyBoard(board);
  next.copyWithin(n * WIDTH, 0, (HEIGHT - n) * WIDTH);
  for (let i = 0; i < n; i++) {
    const y = n - 1 - i;
    for (let x = 0; x < WIDTH; x++) next[y * WIDTH + x] = x === holes[i] ? 0 : GARBAGE_CODE;
  }
  // Every garbage row holds nine blocks: the stack rises by exactly n rows (or to the ceiling).
  remember(next, Math.min(HEIGHT, before + n));
  return next;
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
      if (ch !== '.') board[y * WIDTH + x] = ch === 'G' ? GARBAGE_CODE : (PIECE_CODE[ch as PieceType] ?? PIECE_CODE.I);
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
