/**
 * The frame of a versus screen: both sides of a match as plain values, in
 * the shape of the game screen's frame (frame-model.ts), so that the same
 * split holds. Each side's board rows and five numbers are its fields,
 * which the painter draws cell by cell while the pieces fall; the rest
 * (HOLD, NEXT, the garbage meter, the name, the panels, the result box) is
 * the structure, drawn by Ink when it changes, and compared as one string
 * per side.
 */
import { nextPieces, type GameState, type PieceType } from '../../core/index.js';
import type { ReplayStatus } from '../drivers/screen.js';
import type { VersusSide, VersusView } from '../drivers/versus-view.js';
import { END_KEYS } from '../input/end-keys.js';
import { COMMAND_HELP, commandKeys, helpRows, type Keymap } from '../input/keymap.js';
import { LIVE_HINT, speedLabel, watchHelpRows, watchKeys } from '../input/watch-keys.js';
import { boardLines, flashLines } from './board-lines.js';
import type { Cover, KeyRow } from './frame-model.js';
import {
  BOARD_ROWS,
  clockText,
  formatTime,
  SIDEBAR_COLUMN_WIDTH,
  SIDEBAR_WIDTH,
  SPAWN_ROWS,
  STAT_HEIGHT,
  sidebarLines,
  sidebarNumbers,
  type Scale,
  type TerminalSize,
} from './layout.js';
import type { Display } from './theme.js';
import { VERSUS_NUMBERS, versusLayout, versusScaleFor } from './versus-layout.js';

/** One row of the incoming-garbage meter: nothing, a row still waiting, a row ready to enter at the next lock that clears nothing. */
export type MeterCell = ' ' | 'w' | 'r';

/** One side of the versus screen. */
export interface VersusSideFrame {
  // The structure.
  /** The player's name over the numbers. */
  readonly name: string;
  /** The piece in HOLD; null for none, and while hidden. */
  readonly hold: PieceType | null;
  readonly holdUsed: boolean;
  /** The pieces under NEXT as letters; '' while hidden. */
  readonly next: string;
  /** What covers this well (the keys, PAUSED, the countdown), or null; the result box is the frame's, over both. */
  readonly cover: Cover | null;
  /** The final board's rows, dimmed under the result box; null while the match runs. */
  readonly under: readonly string[] | null;
  /** The meter beside the well, one MeterCell a well row, top first (BOARD_ROWS of them: rows beyond are not drawn). */
  readonly meter: string;
  /** The sidebar's title under the numbers (REPLAY while watching a match file, beside player 1's board); '' for none. */
  readonly side: string;
  /** The feedback texts ("TETRIS", "+4 sent"), newest first, '\n' between them; '' for none. */
  readonly feedback: string;
  /** The reminder at the bottom of the sidebar; '' for none. */
  readonly hint: string;
  /** Everything above as one string, so that two frames compare it by value. */
  readonly key: string;
  // The fields.
  /** The board's rows as `boardLines` makes them (the spawn rows, then the well's 20); null under a panel or the result box. */
  readonly board: readonly string[] | null;
  /** SCORE, LEVEL, LINES, TIME and SENT as shown. */
  readonly numbers: readonly string[];
  /** Under `side`, a watched match's speed (`||` while stopped, END at the end) and clock; null for none. */
  readonly status: readonly [string, string] | null;
}

/** The result box's table: a label and each side's value. */
export interface ResultRow {
  readonly label: string;
  readonly values: readonly [string, string];
}

/** The end of a match, in a box over both boards. */
export interface VersusResult {
  /** `NAME WINS`, or DRAW. */
  readonly title: string;
  /** The names over the two columns of the table. */
  readonly names: readonly [string, string];
  readonly rows: readonly ResultRow[];
  readonly keys: readonly KeyRow[];
}

/** The versus screen. */
export interface VersusFrame {
  readonly kind: 'versus';
  readonly size: TerminalSize;
  readonly scale: Scale;
  readonly sides: readonly [VersusSideFrame, VersusSideFrame];
  /** The result box over both boards, or null while the match runs. */
  readonly result: VersusResult | null;
  /** The result as one string ('' for none), to compare by value. */
  readonly resultKey: string;
}

/** Width of the help panel's keys column, its gap included (as in solo). */
const HELP_KEYS_WIDTH = 7;
/** Columns of a name in the result box's table. */
export const RESULT_NAME_WIDTH = 11;

/** The keymap of side `i` for its help and hints: its own in a local match, else player 1's. */
function keymapOf(view: VersusView, i: number, display: Display): Keymap {
  return view.keymaps[i] ?? view.keymaps[0] ?? display.keymap;
}

/** What covers well `i`, or null. */
function coverOf(view: VersusView, i: number, display: Display, under: () => readonly string[]): Cover | null {
  const { ascii } = display;
  const keymap = keymapOf(view, i, display);
  const watching = view.status !== undefined || view.keymaps.length === 0;
  if (view.help) {
    if (watching) return { kind: 'help', rows: watchHelpRows(ascii, 6), footer: `${watchKeys('help', ascii, 4)} to close` };
    return {
      kind: 'help',
      // r does nothing in a match (a rematch is offered at its result only), so the keys leave it out.
      rows: helpRows(keymap, ascii, HELP_KEYS_WIDTH - 1).filter((row) => row.action !== COMMAND_HELP.restart),
      footer: `${commandKeys(keymap, 'help', ascii, 4)} to close`,
    };
  }
  if (view.winner !== undefined) return null;
  if (view.countdown) return { kind: 'countdown', text: view.countdown, under: under() };
  if (view.paused) {
    if (view.status !== undefined) return { kind: 'paused', lines: ['the players', 'paused here'] };
    if (view.pauseNote) return { kind: 'paused', lines: view.pauseNote };
    // Watched live: the keys to resume are the players'.
    if (view.live) return { kind: 'paused', lines: ['a player', 'paused'] };
    return {
      kind: 'paused',
      lines: [`${commandKeys(keymap, 'pause', ascii, 5)} to resume`, `${commandKeys(keymap, 'quit', ascii, 5)} to quit`],
    };
  }
  return null;
}

/** The meter's cells, top first: the pending rows from the bottom, the ready ones lowest (they enter first). */
function meterOf(side: VersusSide): string {
  const pending = Math.max(0, Math.min(BOARD_ROWS, side.pending));
  const ready = Math.max(0, Math.min(pending, side.ready));
  return ' '.repeat(BOARD_ROWS - pending) + 'w'.repeat(pending - ready) + 'r'.repeat(ready);
}

/**
 * A watched match's place under REPLAY: the speed (`||` while stopped, END
 * at the end) and the clock. Fields, as the numbers are: the clock changes
 * every second and a watcher's key changes the speed, neither worth a
 * render of the whole screen.
 */
function statusLines(status: ReplayStatus): [string, string] {
  const mark = status.ended ? ' END' : status.paused ? ' ||' : '';
  const tick = Math.min(status.tick, status.endTick);
  const clock = `${formatTime(tick)}/${formatTime(status.endTick)}`;
  return [
    (speedLabel(status.speed) + mark).slice(0, SIDEBAR_WIDTH),
    clock.length <= SIDEBAR_WIDTH ? clock : clockText(tick, SIDEBAR_WIDTH),
  ];
}

/** Rows under the numbers that a watched match's place takes: REPLAY, the speed, the clock. */
export const STATUS_ROWS = 3;

/** Rows of a sidebar left under the numbers for its lines, the reminder's row kept. */
function sidebarRoom(scale: Scale): number {
  const layout = versusLayout(scale);
  return layout.height - layout.sideTop - VERSUS_NUMBERS * STAT_HEIGHT - 1;
}

function sideFrame(view: VersusView, i: 0 | 1, display: Display, scale: Scale): VersusSideFrame {
  const side = view.sides[i];
  const { game } = side;
  const counting = !!view.countdown && !view.help;
  const hidden = (view.paused && !counting) || view.help;
  const ended = view.winner !== undefined;
  const under = (): readonly string[] => boardLines(game, display.ghost, SPAWN_ROWS);
  const cover = coverOf(view, i, display, under);
  const { ascii } = display;
  // The watched match's place shows once, beside player 1's board.
  const status = view.status !== undefined && i === 0 ? statusLines(view.status) : null;
  const feedback = cover || ended ? [] : side.feedback.flatMap(sidebarLines);
  const room = sidebarRoom(scale);
  const watching = view.status !== undefined || view.keymaps.length === 0;
  // One reminder per keymap at this keyboard: against the bot, beside player 1's board only.
  const hint = view.live
    ? i === 0
      ? LIVE_HINT
      : ''
    : watching
      ? i === 0
        ? `${watchKeys('help', ascii, 4)} keys`
        : ''
      : i < Math.max(1, view.keymaps.length)
        ? `${commandKeys(keymapOf(view, i, display), 'help', ascii, 4)} keys`
        : '';
  const structure = {
    name: side.name.slice(0, SIDEBAR_COLUMN_WIDTH),
    hold: hidden ? null : game.hold,
    holdUsed: game.holdUsed && game.status !== 'over',
    next: hidden ? '' : nextPieces(game, display.preview).join(''),
    cover,
    under: ended ? boardLines(game, false, SPAWN_ROWS) : null,
    meter: hidden ? ' '.repeat(BOARD_ROWS) : meterOf(side),
    side: status ? 'REPLAY' : '',
    feedback: feedback.slice(0, Math.max(0, room - (status ? STATUS_ROWS : 0))).join('\n'),
    hint,
  };
  const board = cover || ended ? null : side.flash ? flashLines(game, side.flash, SPAWN_ROWS) : boardLines(game, display.ghost, SPAWN_ROWS);
  const numbers = [...sidebarNumbers(game.score, game.level, game.lines, view.tick, 'marathon'), String(side.sent).slice(0, SIDEBAR_WIDTH)];
  return { ...structure, key: `${JSON.stringify(structure)}${board === null ? '-' : '+'}`, board, numbers, status };
}

/** The rematch's line: between two terminals it says who has asked (it starts when both have). */
function rematchAction(view: VersusView): string {
  const asked = view.rematchAsked;
  if (!asked) return 'rematch';
  if (asked[0]) return 'rematch: asked';
  return asked[1] ? 'rematch: asked you' : 'rematch';
}

/** The keys the result box offers. */
function resultKeys(view: VersusView, display: Display): KeyRow[] {
  const { ascii } = display;
  // A still frame (an export): no one is at the keyboard.
  if (view.status === undefined && view.keymaps.length === 0) return [];
  if (view.status !== undefined)
    return [
      { keys: watchKeys('restart', ascii, 5), action: 'watch again' },
      { keys: watchKeys('back', ascii, 5), action: 'back a piece' },
      { keys: watchKeys('quit', ascii, 5), action: 'quit' },
    ];
  const keymap = keymapOf(view, 0, display);
  return [
    ...(view.rematch ? [{ keys: commandKeys(keymap, 'restart', ascii, 5), action: rematchAction(view) }] : []),
    ...(view.menu ? [{ keys: END_KEYS.menu, action: 'menu' }] : []),
    ...(view.watch ? [{ keys: END_KEYS.watchLast, action: 'watch it' }] : []),
    { keys: commandKeys(keymap, 'quit', ascii, 5), action: 'quit' },
  ];
}

function resultOf(view: VersusView, display: Display): VersusResult | null {
  if (view.winner === undefined) return null;
  const [a, b] = view.sides;
  const value = (f: (side: VersusSide, game: GameState) => number): readonly [string, string] => [
    String(f(a, a.game)),
    String(f(b, b.game)),
  ];
  return {
    title: view.winner === null ? 'DRAW' : `${(view.winner === 1 ? a : b).name} WINS`,
    names: [a.name.slice(0, RESULT_NAME_WIDTH), b.name.slice(0, RESULT_NAME_WIDTH)],
    rows: [
      { label: 'SCORE', values: value((_, game) => game.score) },
      { label: 'LINES', values: value((_, game) => game.lines) },
      { label: 'SENT', values: value((side) => side.sent) },
    ],
    keys: resultKeys(view, display),
  };
}

/** The frame of a versus `view` with `display` in a terminal of `size` (which the caller checked it fits). */
export function versusFrame(view: VersusView, display: Display, size: TerminalSize): VersusFrame {
  const scale = versusScaleFor(size, display.big);
  const result = resultOf(view, display);
  return {
    kind: 'versus',
    size,
    scale,
    sides: [sideFrame(view, 0, display, scale), sideFrame(view, 1, display, scale)],
    result,
    resultKey: result ? JSON.stringify(result) : '',
  };
}

/** Whether two versus frames differ at most in their fields. */
export function sameVersusStructure(a: VersusFrame, b: VersusFrame): boolean {
  return a.scale === b.scale && a.resultKey === b.resultKey && a.sides[0].key === b.sides[0].key && a.sides[1].key === b.sides[1].key;
}
