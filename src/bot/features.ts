/**
 * The El-Tetris evaluation (Islam El-Ashi's tuning of Pierre Dellacherie's
 * features): six numbers that describe the field after a piece lands, and
 * the weights that turn them into one score. Higher is better.
 *
 * The definitions follow El-Tetris's reference code (features.js), which is
 * what the weights were tuned with:
 * - landing height: the middle of the piece where it lands, in rows from
 *   the floor, 0-based (lowest row + (piece height - 1) / 2), before any row
 *   is removed;
 * - rows removed: the number of full rows the piece completes. Dellacherie's
 *   original uses "eroded piece cells" (rows x the piece's cells in them);
 *   El-Tetris's evaluateBoard multiplies plain `rows_removed`, so that is
 *   what these weights expect;
 * - row transitions: along each row, from the left wall to the right wall
 *   (both count as filled), the number of filled/empty changes. El-Tetris
 *   counts every row of its 20-row field, so an empty row counts 2; here the
 *   rows counted are the 20 visible ones, or more when the stack reaches the
 *   hidden rows, which gives El-Tetris's numbers on any visible stack;
 * - column transitions: up each column from the floor (filled) to the top of
 *   the field (not a wall), the number of filled/empty changes. Our field
 *   goes on above row 20, so a column 20 rows tall still has empty cells
 *   above it and counts that change, where El-Tetris's 20-row field did not;
 * - holes: empty cells with a filled cell anywhere above them in the column;
 * - well sums: every "well cell" (an empty cell whose left and right
 *   neighbours are filled, a wall counting as filled) adds 1 plus the number
 *   of empty cells directly under it, so a well of depth n adds 1 + ... + n.
 *
 * Everything here is computed on the board after the piece is placed and
 * full rows removed, in one reused scratch board: a candidate costs one
 * 400-byte copy and a few passes over the stack, with no allocation.
 */
import { HEIGHT, SHAPES, stackHeight, VISIBLE_HEIGHT, WIDTH, type Board, type Placement } from '../core/index.js';

/** The six El-Tetris features of one placement. */
export interface Features {
  /** Middle of the landed piece in rows from the floor (0-based), before rows are removed. */
  landingHeight: number;
  /** Full rows the piece completes. */
  rowsRemoved: number;
  /** Filled/empty changes along the rows, walls counting as filled. */
  rowTransitions: number;
  /** Filled/empty changes up the columns, the floor counting as filled. */
  columnTransitions: number;
  /** Empty cells under a filled cell of the same column. */
  holes: number;
  /** Well cells, each counting 1 plus the empty cells directly below it. */
  wellSums: number;
}

/** The weights El-Tetris found for each feature; the score is their weighted sum. */
export const EL_TETRIS_WEIGHTS: Readonly<Features> = Object.freeze({
  landingHeight: -4.500158825082766,
  rowsRemoved: 3.4181268101392694,
  rowTransitions: -3.2178882868487753,
  columnTransitions: -9.348695305445199,
  holes: -7.899265427351652,
  wellSums: -3.3855972247263626,
});

/** The weighted sum of features with the El-Tetris weights. */
export function weightedScore(f: Readonly<Features>): number {
  const w = EL_TETRIS_WEIGHTS;
  return (
    f.landingHeight * w.landingHeight +
    f.rowsRemoved * w.rowsRemoved +
    f.rowTransitions * w.rowTransitions +
    f.columnTransitions * w.columnTransitions +
    f.holes * w.holes +
    f.wellSums * w.wellSums
  );
}

// Scratch space shared by every evaluation: JavaScript runs one evaluation
// at a time and none keeps a reference, so reuse is invisible to callers.
const scratch = new Uint8Array(WIDTH * HEIGHT);
const heights = new Int32Array(WIDTH);
const reused: Features = { landingHeight: 0, rowsRemoved: 0, rowTransitions: 0, columnTransitions: 0, holes: 0, wellSums: 0 };

// The last board whose stack top was measured: a search evaluates dozens of
// placements on one board, so the top is found once per board. Boards are
// never changed once made (the core's contract), so identity is enough.
let topBoard: Board | null = null;
let topRows = 0;

function cachedStackHeight(board: Board): number {
  if (board !== topBoard) {
    topBoard = board;
    topRows = stackHeight(board);
  }
  return topRows;
}

function rowIsFull(cells: Uint8Array, y: number): boolean {
  const row = y * WIDTH;
  for (let x = 0; x < WIDTH; x++) if (cells[row + x] === 0) return false;
  return true;
}

/**
 * The board features of `cells` (rows 0..top-1 may hold blocks, the rest are
 * empty), written into `out`. `top` bounds every scan, so nothing is read
 * outside the field.
 */
function measureCells(cells: Uint8Array, top: number, out: Features): void {
  // El-Tetris counts its whole 20-row field; count the visible rows, or up to
  // the stack when it reaches the hidden rows.
  const rows = Math.max(VISIBLE_HEIGHT, top);

  for (let x = 0; x < WIDTH; x++) {
    let h = top;
    while (h > 0 && cells[(h - 1) * WIDTH + x] === 0) h--;
    heights[x] = h;
  }

  let rowTransitions = 2 * (rows - top);
  for (let y = 0; y < top; y++) {
    const row = y * WIDTH;
    let last = 1;
    for (let x = 0; x < WIDTH; x++) {
      const bit = cells[row + x] !== 0 ? 1 : 0;
      if (bit !== last) rowTransitions++;
      last = bit;
    }
    if (last === 0) rowTransitions++;
  }

  let columnTransitions = 0;
  let holes = 0;
  let wellSums = 0;
  for (let x = 0; x < WIDTH; x++) {
    const h = heights[x]!;
    let last = 1;
    for (let y = 0; y < h; y++) {
      const bit = cells[y * WIDTH + x] !== 0 ? 1 : 0;
      if (bit !== last) columnTransitions++;
      if (bit === 0) holes++;
      last = bit;
    }
    // The cell above the column's top block (or the floor) is empty: the
    // field goes on to row 40 (El-Tetris's ended at 20, the only difference).
    if (h < HEIGHT) columnTransitions++;

    // A well cell needs both neighbours filled, so it lies below both
    // neighbouring columns' tops (a wall is filled all the way up).
    const left = x > 0 ? heights[x - 1]! : rows;
    const right = x < WIDTH - 1 ? heights[x + 1]! : rows;
    const limit = Math.min(left, right, rows);
    let emptyBelow = 0;
    for (let y = 0; y < limit; y++) {
      const at = y * WIDTH + x;
      const empty = cells[at] === 0;
      if (empty && (x === 0 || cells[at - 1] !== 0) && (x === WIDTH - 1 || cells[at + 1] !== 0)) {
        wellSums += 1 + emptyBelow;
      }
      emptyBelow = empty ? emptyBelow + 1 : 0;
    }
  }

  out.rowTransitions = rowTransitions;
  out.columnTransitions = columnTransitions;
  out.holes = holes;
  out.wellSums = wellSums;
}

/**
 * Place `p` on a copy of `board` in the scratch board, remove full rows and
 * measure the result into `out`. The placement must fit (the search only
 * produces placements the core accepted); a cell outside the field throws.
 */
function measurePlacement(board: Board, p: Placement, out: Features): void {
  scratch.set(board);
  let low = HEIGHT;
  let high = -1;
  for (const c of SHAPES[p.type][p.rotation]!) {
    const x = p.x + c.x;
    const y = p.y + c.y;
    if (x < 0 || x >= WIDTH || y < 0 || y >= HEIGHT) throw new RangeError(`cell (${x}, ${y}) of the placement is off the field`);
    scratch[y * WIDTH + x] = 1;
    if (y < low) low = y;
    if (y > high) high = y;
  }
  let top = Math.max(cachedStackHeight(board), high + 1);

  let removed = 0;
  for (let y = low; y <= high; y++) if (rowIsFull(scratch, y)) removed++;
  if (removed > 0) {
    // Compact the rows from the lowest piece row up; rows above move down.
    let write = low;
    for (let y = low; y < top; y++) {
      if (y <= high && rowIsFull(scratch, y)) continue;
      if (write !== y) scratch.copyWithin(write * WIDTH, y * WIDTH, (y + 1) * WIDTH);
      write++;
    }
    scratch.fill(0, write * WIDTH, top * WIDTH);
    top = write;
  }

  out.landingHeight = (low + high) / 2;
  out.rowsRemoved = removed;
  measureCells(scratch, top, out);
}

/** The El-Tetris features of placing `p` on `board` (a fresh object; for tests and tools). */
export function placementFeatures(board: Board, p: Placement): Features {
  const out: Features = { landingHeight: 0, rowsRemoved: 0, rowTransitions: 0, columnTransitions: 0, holes: 0, wellSums: 0 };
  measurePlacement(board, p, out);
  return out;
}

/**
 * The board features of `board` as it stands (landing height and rows
 * removed are 0): what El-Tetris would measure on this field.
 */
export function boardFeatures(board: Board): Features {
  const out: Features = { landingHeight: 0, rowsRemoved: 0, rowTransitions: 0, columnTransitions: 0, holes: 0, wellSums: 0 };
  scratch.set(board);
  measureCells(scratch, stackHeight(board), out);
  return out;
}

/** The El-Tetris score of placing `p` on `board`. Allocates nothing: this runs for every candidate. */
export function evaluatePlacement(board: Board, p: Placement): number {
  measurePlacement(board, p, reused);
  return weightedScore(reused);
}
