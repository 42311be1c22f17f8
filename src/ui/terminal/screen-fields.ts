/**
 * The cells of the game screen that change while a piece falls: the 22
 * board rows (the spawn rows and the well's 20; at scale 2 each is two
 * fields of doubled cells) and the four numbers (SCORE, LEVEL, LINES, TIME). The terminal
 * app draws these itself, cell by cell, and Ink draws the rest of the frame
 * with them left blank (GameFrame's `fieldsBlank`): a piece that falls or
 * moves then costs a few cursor moves and the cells that changed, not a
 * render of the whole tree (docs/PERFORMANCE.md).
 *
 * The fields are the same picture GameFrame draws: a frame with its fields
 * blank, overlaid with `screenFields`, is the frame drawn whole, colours
 * included (tests/ui/screen-fields.test.ts). Everything else on the screen
 * (HOLD, NEXT, the panels, a watched replay's status) is the frame's
 * structure: when it changes, Ink draws the frame (see `sameStructure`).
 */
import { scaleLine } from '../frame/board-lines.js';
import { boardRowCells } from '../frame/board-runs.js';
import type { Frame } from '../frame/frame-model.js';
import { FRAME_BOARD_ROWS, fieldCells, SIDEBAR_WIDTH } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';

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

/** The fields of a frame, in a fixed order (board rows top first, then the numbers); null where the frame hides one. */
export type Fields = readonly (Field | null)[];

/** Styles of a number: none. */
const NUMBER_STYLES: readonly string[] = Object.freeze(Array<string>(SIDEBAR_WIDTH).fill(''));

/**
 * The fields of `frame`, or null when the terminal shows no game frame (too
 * small, or a menu: Ink draws those whole). The board rows are null while a panel covers the board.
 */
export function screenFields(frame: Frame, display: Display): Fields | null {
  if (frame.kind !== 'game') return null;
  const { scale } = frame;
  const cells = fieldCells(frame.size, scale);
  const fields: (Field | null)[] = [];
  for (let i = 0; i < FRAME_BOARD_ROWS * scale; i++) {
    // Each board row is `scale` screen rows, its cells `scale` times as wide (as GameFrame draws it, board-lines.ts `scaleLines`).
    const line = frame.board?.[Math.floor(i / scale)];
    const at = cells.board[i]!;
    fields.push(line === undefined ? null : { row: at.row, column: at.column, ...boardRowCells(scaleLine(line, scale), display) });
  }
  for (let i = 0; i < cells.numbers.length; i++) {
    const at = cells.numbers[i]!;
    fields.push({ row: at.row, column: at.column, text: frame.numbers[i]!.padEnd(SIDEBAR_WIDTH), styles: NUMBER_STYLES });
  }
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
