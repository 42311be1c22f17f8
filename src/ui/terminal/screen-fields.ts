/**
 * The cells of the game screen that change while a piece falls and locks:
 * the 22 board rows (the spawn rows and the well's 20; at scale 2 each is
 * two fields of doubled cells), the four numbers (SCORE, LEVEL, LINES,
 * TIME), and the rows of the pieces under HOLD and NEXT. The terminal app
 * draws these itself, cell by cell, and Ink draws the rest of the frame
 * with them left blank (GameFrame's `fieldsBlank`): a piece that falls or
 * moves then costs a few cursor moves and the cells that changed, not a
 * render of the whole tree, and so does a lock, which changes NEXT (and
 * HOLD after a hold) but nothing else of the frame (docs/PERFORMANCE.md).
 *
 * The fields are the same picture GameFrame draws: a frame with its fields
 * blank, overlaid with `screenFields`, is the frame drawn whole, colours
 * included (tests/ui/screen-fields.test.ts). Everything else on the screen
 * (the labels, the panels, the feedback texts, a watched replay's status)
 * is the frame's structure: when it changes, Ink draws the frame (see
 * `sameStructure`).
 */
import { scaleLine } from '../frame/board-lines.js';
import { boardRowCells } from '../frame/board-runs.js';
import type { Frame, GameScreenFrame } from '../frame/frame-model.js';
import type { PieceType } from '../../core/index.js';
import {
  FRAME_BOARD_ROWS,
  fieldCells,
  gameLayout,
  MAX_PREVIEW,
  SIDEBAR_WIDTH,
  type Cell,
  type FieldCells,
  type Scale,
  type TerminalSize,
} from '../frame/layout.js';
import { pieceBoxRows } from '../frame/piece-box.js';
import { DIM, pieceCodes, type Display } from '../frame/theme.js';
import type { VersusFrame } from '../frame/versus-frame.js';
import { versusFieldCells, type VersusSideCells } from '../frame/versus-layout.js';

/** One field: a run of cells on one screen row, each one column wide. */
export interface Field {
  /** Screen row and column of its first cell, from 0. */
  readonly row: number;
  readonly column: number;
  /** One character per cell. */
  readonly text: string;
  /** Per cell, the escape codes that open its style ('' for none). */
  readonly styles: readonly string[];
}

/** The fields of a frame, in a fixed order (board rows top first, then the numbers, then HOLD and NEXT); null where the frame hides one. */
export type Fields = readonly (Field | null)[];

/** Styles of a number: none. */
const NUMBER_STYLES: readonly string[] = Object.freeze(Array<string>(SIDEBAR_WIDTH).fill(''));

/** A board row's cells, as `boardRowCells` gives them. */
type RowCells = ReturnType<typeof boardRowCells>;

/** Rows kept per look and scale before the cache starts again (a game draws a few hundred different rows). */
const MAX_KEPT_ROWS = 2048;

/**
 * The cells of board rows already drawn, per look and by row and scale: a
 * frame after a move has two to four rows that are new, and every other
 * one is found here (the same object as last frame's, which `drawFields`
 * passes over at once).
 */
const keptRows = new WeakMap<Display, Map<string, RowCells>[]>();

function rowCells(line: string, scale: Scale, display: Display): RowCells {
  let byScale = keptRows.get(display);
  if (!byScale) {
    byScale = [];
    keptRows.set(display, byScale);
  }
  let kept = byScale[scale];
  if (!kept) {
    kept = new Map();
    byScale[scale] = kept;
  }
  let cells = kept.get(line);
  if (!cells) {
    if (kept.size >= MAX_KEPT_ROWS) kept.clear();
    cells = boardRowCells(scaleLine(line, scale), display);
    kept.set(line, cells);
  }
  return cells;
}

/** The cells of one screen row: its characters, and per character the codes that open its style ('' for none). */
interface RowText {
  readonly text: string;
  readonly styles: readonly string[];
}

/**
 * The rows of piece boxes already drawn, per look, by piece, dimness and
 * scale: a game has seven pieces, so after its first few locks every box
 * is found here (the same objects as last frame's, which `drawFields`
 * passes over at once).
 */
const keptBoxes = new WeakMap<Display, Map<string, readonly RowText[]>>();

/**
 * A piece box as rows of cells, pieceColumnWidth wide and pieceBoxHeight
 * high, as PieceBox draws it (frame/piece-box.ts): blank before the shape
 * and after its last block, the shape in the piece's colour, dimmed when
 * `dimmed` (only where there is colour, as `dimText`).
 */
function pieceBoxCells(piece: PieceType | null, dimmed: boolean, scale: Scale, display: Display): readonly RowText[] {
  let kept = keptBoxes.get(display);
  if (!kept) {
    kept = new Map();
    keptBoxes.set(display, kept);
  }
  const key = `${piece ?? '-'}${dimmed ? 'd' : ''}${scale}`;
  let rows = kept.get(key);
  if (!rows) {
    const { pieceColumnWidth, pieceBoxHeight } = gameLayout(scale);
    const { palette } = display;
    const open = piece && palette ? (dimmed ? DIM : '') + pieceCodes(palette).block[piece] : '';
    const shape = pieceBoxRows(piece, display, scale);
    rows = Array.from({ length: pieceBoxHeight }, (_, r) => {
      const { indent = 0, body = '' } = shape[r] ?? {};
      const styles = Array<string>(pieceColumnWidth).fill('');
      styles.fill(open, indent, indent + body.length);
      return { text: (' '.repeat(indent) + body).padEnd(pieceColumnWidth), styles };
    });
    kept.set(key, rows);
  }
  return rows;
}

/** Styles of a row of HOLD that is text (`(used)`), by its width: none. */
const plainStyles = new Map<number, readonly string[]>();

function noStyles(width: number): readonly string[] {
  let styles = plainStyles.get(width);
  if (!styles) {
    styles = Object.freeze(Array<string>(width).fill(''));
    plainStyles.set(width, styles);
  }
  return styles;
}

/** HOLD's box and the row under it, then NEXT's boxes (as many as the preview shows), blank where the frame shows no piece. */
function pieceFields(fields: (Field | null)[], frame: GameScreenFrame, cells: FieldCells, display: Display): void {
  const { scale } = frame;
  const { pieceBoxHeight, pieceColumnWidth } = gameLayout(scale);
  const push = (at: Cell, row: RowText) => fields.push({ row: at.row, column: at.column, text: row.text, styles: row.styles });
  const hold = pieceBoxCells(frame.hold, frame.holdUsed, scale, display);
  for (let r = 0; r < pieceBoxHeight; r++) push(cells.hold[r]!, hold[r]!);
  // Without colour nothing can be dim: the word says it (HoldPanel).
  const used = frame.holdUsed && frame.hold !== null && !display.palette ? '(used)' : '';
  push(cells.hold[pieceBoxHeight]!, { text: used.padEnd(pieceColumnWidth), styles: noStyles(pieceColumnWidth) });
  const shown = Math.min(display.preview, MAX_PREVIEW);
  for (let p = 0; p < shown; p++) {
    const box = pieceBoxCells((frame.next[p] as PieceType | undefined) ?? null, false, scale, display);
    for (let r = 0; r < pieceBoxHeight; r++) push(cells.next[p * pieceBoxHeight + r]!, box[r]!);
  }
}

/** The field cells of the last size and scale asked for: they change only with the terminal's size. */
let lastCells: { readonly size: TerminalSize; readonly scale: Scale; readonly cells: FieldCells } | null = null;

function cellsFor(size: TerminalSize, scale: Scale): FieldCells {
  const last = lastCells;
  if (last && last.scale === scale && last.size.columns === size.columns && last.size.rows === size.rows) return last.cells;
  const cells = fieldCells(size, scale);
  lastCells = { size, scale, cells };
  return cells;
}

/** The versus field cells of the last size and scale asked for. */
let lastVersusCells: { readonly size: TerminalSize; readonly scale: Scale; readonly cells: readonly VersusSideCells[] } | null = null;

function versusCellsFor(size: TerminalSize, scale: Scale): readonly VersusSideCells[] {
  const last = lastVersusCells;
  if (last && last.scale === scale && last.size.columns === size.columns && last.size.rows === size.rows) return last.cells;
  const cells = versusFieldCells(size, scale);
  lastVersusCells = { size, scale, cells };
  return cells;
}

/** One board's rows as fields at `cells` (null for each while it is covered: `lines` null). */
function boardFields(
  fields: (Field | null)[],
  lines: readonly string[] | null,
  cells: readonly Cell[],
  scale: Scale,
  display: Display,
): void {
  for (let i = 0; i < FRAME_BOARD_ROWS * scale; i++) {
    // Each board row is `scale` screen rows, its cells `scale` times as wide (board-lines.ts `scaleLines`).
    const line = lines?.[Math.floor(i / scale)];
    const at = cells[i]!;
    if (line === undefined) fields.push(null);
    else {
      const { text, styles } = rowCells(line, scale, display);
      fields.push({ row: at.row, column: at.column, text, styles });
    }
  }
}

/**
 * The fields of a versus frame: player 1's board rows, numbers and a
 * watched match's speed and clock, then player 2's. Under the result box the numbers are not fields (the box
 * covers some of them; Ink draws what shows), nor are the boards.
 */
function versusFields(frame: VersusFrame, display: Display): Fields {
  const { scale } = frame;
  const cells = versusCellsFor(frame.size, scale);
  const fields: (Field | null)[] = [];
  frame.sides.forEach((side, s) => {
    const at = cells[s]!;
    boardFields(fields, side.board, at.board, scale, display);
    for (let i = 0; i < at.numbers.length; i++) {
      const cell = at.numbers[i]!;
      fields.push(
        frame.result ? null : { row: cell.row, column: cell.column, text: side.numbers[i]!.padEnd(SIDEBAR_WIDTH), styles: NUMBER_STYLES },
      );
    }
    for (let i = 0; i < at.status.length; i++) {
      const cell = at.status[i]!;
      const text = side.status?.[i];
      fields.push(
        text === undefined ? null : { row: cell.row, column: cell.column, text: text.padEnd(SIDEBAR_WIDTH), styles: NUMBER_STYLES },
      );
    }
  });
  return fields;
}

/**
 * The fields of `frame`, or null when the terminal shows no game frame (too
 * small, or a menu: Ink draws those whole). The board rows are null while a panel covers the board.
 */
export function screenFields(frame: Frame, display: Display): Fields | null {
  if (frame.kind === 'versus') return versusFields(frame, display);
  if (frame.kind !== 'game') return null;
  const { scale } = frame;
  const cells = cellsFor(frame.size, scale);
  const fields: (Field | null)[] = [];
  boardFields(fields, frame.board, cells.board, scale, display);
  for (let i = 0; i < cells.numbers.length; i++) {
    const at = cells.numbers[i]!;
    fields.push({ row: at.row, column: at.column, text: frame.numbers[i]!.padEnd(SIDEBAR_WIDTH), styles: NUMBER_STYLES });
  }
  pieceFields(fields, frame, cells, display);
  return fields;
}

const RESET = '\u001B[0m';

/**
 * The escape codes that turn `before` into `after` on the screen: for each
 * field whose cells differ, the cursor to its first changed cell and the
 * cells up to its last changed one (all of them where `before` has no such
 * field). Positions are absolute; the cursor is left where the codes end.
 */
export function drawFields(before: Fields | null, after: Fields): string {
  let out = '';
  for (let f = 0; f < after.length; f++) {
    const next = after[f];
    if (!next) continue;
    const previous = before?.[f];
    let first = 0;
    let last = next.text.length - 1;
    if (previous && previous.row === next.row && previous.column === next.column && previous.text.length === next.text.length) {
      // The same cells (a row found in the cache, a number that did not change): nothing to compare.
      if (previous.text === next.text && previous.styles === next.styles) continue;
      while (first <= last && previous.text[first] === next.text[first] && previous.styles[first] === next.styles[first]) first++;
      while (last >= first && previous.text[last] === next.text[last] && previous.styles[last] === next.styles[last]) last--;
      if (first > last) continue;
    }
    out += `\u001B[${next.row + 1};${next.column + first + 1}H`;
    let open = '';
    for (let i = first; i <= last; i++) {
      const style = next.styles[i]!;
      if (style !== open) {
        out += (open ? RESET : '') + style;
        open = style;
      }
      out += next.text[i];
    }
    if (open) out += RESET;
  }
  return out;
}
