/**
 * The frame model: everything a screen shows, as plain values computed from
 * its view, the look chosen and the terminal's size. The Ink components
 * draw it, the painter draws its fields, the exports draw it as text; "did
 * the screen change?" is a shallow compare of two of them.
 *
 * A frame has two parts. Its fields (the board's rows, the four numbers,
 * the pieces under HOLD and NEXT) change while a piece falls and locks: the
 * terminal app draws those cell by cell (terminal/painter.ts). Everything
 * else is its structure (the panel over the board, the sidebar's texts):
 * when that changes, Ink draws the frame.
 */
import { gameStats, isNewBest, isPractice, nextPieces, type GameState, type PieceType } from '../../core/index.js';
import { END_KEYS } from '../input/end-keys.js';
import { commandKeys, helpRows } from '../input/keymap.js';
import { LIVE_HINT, speedLabel, watchHelpRows, watchKeys } from '../input/watch-keys.js';
import { boardLines, flashLines } from './board-lines.js';
import {
  clockText,
  fits,
  fitsIn,
  formatTime,
  LAYOUT,
  MENU_MIN,
  numberLabels,
  piecesPerSecond,
  SIDEBAR_WIDTH,
  scaleFor,
  sidebarLines,
  sidebarNumbers,
  SPAWN_ROWS,
  type Scale,
  type TerminalSize,
} from './layout.js';
import type { GameView, ReplayStatus, ScreenView } from '../drivers/screen.js';
import { menuFrame, sameMenuFrame, type MenuFrame } from './menu-frame.js';
import type { Display } from './theme.js';
import { sameVersusStructure, versusFrame, type VersusFrame } from './versus-frame.js';
import { VERSUS_MIN, versusFits } from './versus-layout.js';

/** A key and what it does, as the panels list them. */
export interface KeyRow {
  readonly keys: string;
  readonly action: string;
}

/** A row of the end panel: a label and its value, or a line of its own. */
export type OverRow = { readonly label: string; readonly value: string } | { readonly text: string; readonly bold: boolean };

/** What covers the board. */
export type Cover =
  /** The keys. */
  | { readonly kind: 'help'; readonly rows: readonly KeyRow[]; readonly footer: string }
  /** PAUSED, and the lines under it. */
  | { readonly kind: 'paused'; readonly lines: readonly string[] }
  /** The end of a game: its title, the numbers, the keys; in a box over the final board, dimmed. */
  | {
      readonly kind: 'over';
      readonly title: string;
      readonly rows: readonly OverRow[];
      readonly keys: readonly KeyRow[];
      /** Rows the panel is centred as: a BEST row that is left out (no best yet, no result) still counts. */
      readonly height: number;
      /** The final board's rows (the spawn rows first), drawn dimmed around the box; none where the board is not shown. */
      readonly under: readonly string[];
    }
  /** READY and the count (3, 2, 1) in a small box over the board, which shows as it is. */
  | { readonly kind: 'countdown'; readonly text: string; readonly under: readonly string[] };

/** The game screen. */
export interface GameScreenFrame {
  readonly kind: 'game';
  /** The terminal it is drawn in; the frame is centred in it. */
  readonly size: TerminalSize;
  // The structure.
  /** Twice the size (`--big` in a terminal at least twice the layout) or not: the rectangles of layout.ts `gameLayout`. */
  readonly scale: Scale;
  /** What covers the board, or null. */
  readonly cover: Cover | null;
  /** The cover as one string, so that two frames compare it by value. */
  readonly coverKey: string;
  /** The label of the third number: LINES, LINES LEFT in a sprint, GARBAGE LEFT in dig. */
  readonly linesLabel: string;
  /** The label of the fourth number: TIME, or TIME LEFT in ultra. */
  readonly timeLabel: string;
  /** How the game stands against the best one (VS BEST), '' for nothing to say. */
  readonly pace: string;
  /** The feedback texts under the numbers ("TETRIS +1200", "LEVEL 3"), newest first, '\n' between them; '' for none. */
  readonly feedback: string;
  /** The sidebar's lines under the numbers (a replay's place, DEMO), '\n' between them; '' for none. */
  readonly side: string;
  /** The reminder at the bottom of the sidebar. */
  readonly hint: string;
  // The fields.
  /** The board's rows, top first, as `boardLines` makes them: the SPAWN_ROWS above the well, then its 20; null while a panel covers the board. */
  readonly board: readonly string[] | null;
  /** SCORE, LEVEL, LINES and TIME as shown. */
  readonly numbers: readonly string[];
  /** The piece in HOLD; null for none, and while hidden. */
  readonly hold: PieceType | null;
  /** Hold is used up for the piece in play (another hold waits for the next lock): HOLD is dimmed. */
  readonly holdUsed: boolean;
  /** The pieces under NEXT as letters; '' while hidden. */
  readonly next: string;
}

/** A terminal too small for what it would show. */
export interface TooSmallFrame {
  readonly kind: 'tooSmall';
  readonly size: TerminalSize;
  /** The size it would need: the game screen's, or the menus' own (smaller). */
  readonly need: TerminalSize;
}

/** What a terminal shows. */
export type Frame = GameScreenFrame | TooSmallFrame | MenuFrame | VersusFrame;

/** The share of lines cleared by tetrises as a whole percentage, `-` before the first line. */
function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

/**
 * The BEST row: the best before this game, or NEW PERSONAL BEST when this
 * game beats it; a practice game (a fixed queue) says it is not ranked instead.
 */
function bestRow(game: GameState, best: number | null): OverRow | null {
  const mode = game.settings.mode;
  if (isPractice(game.settings)) return { text: 'PRACTICE, UNRANKED', bold: false };
  if (isNewBest(game, best)) return { text: 'NEW PERSONAL BEST', bold: true };
  if (best === null) return null;
  return { label: 'BEST', value: mode === 'sprint' ? formatTime(best, true) : String(best) };
}

/** The end panel: why the game ended, its numbers, the best, the rank, the keys. */
function overCover(
  game: GameState,
  best: number | null | undefined,
  rank: number | null,
  keys: readonly KeyRow[],
  under: readonly string[],
): Cover {
  const stats = gameStats(game);
  const sprint = game.settings.mode === 'sprint';
  const time = { label: 'TIME', value: formatTime(stats.time, true) };
  const pps = { label: 'PIECES/S', value: piecesPerSecond(stats.pieces, stats.time) };
  const score = { label: 'SCORE', value: String(game.score) };
  const lines = { label: 'LINES', value: String(stats.lines) };
  // Sprint: the time is the result. Marathon: the score, and the level it reached.
  const rows: OverRow[] = sprint ? [time, pps, lines, score] : [score, lines, { label: 'LEVEL', value: String(game.level) }, time, pps];
  rows.push(
    { label: 'SINGLES', value: String(stats.singles) },
    { label: 'DOUBLES', value: String(stats.doubles) },
    { label: 'TRIPLES', value: String(stats.triples) },
    { label: 'TETRISES', value: String(stats.tetrises) },
  );
  if (!sprint) rows.push({ label: 'TETRIS RATE', value: percent(stats.tetrisRate) });
  const bestLine = best === undefined ? null : bestRow(game, best);
  if (bestLine) rows.push(bestLine);
  if (rank !== null) rows.push({ label: 'HIGH SCORE', value: `#${rank}` });
  const height = 2 + rows.length + (best !== undefined && !bestLine ? 1 : 0) + 1 + keys.length;
  // A sprint that reached its lines ends without a top out.
  return { kind: 'over', title: game.topOut === null ? 'FINISHED' : 'GAME OVER', rows, keys, height, under };
}

/** The keys the end panel offers. */
function endKeys(view: GameView, display: Display): KeyRow[] {
  const { keymap, ascii } = display;
  switch (view.kind) {
    case 'play':
      return [
        { keys: commandKeys(keymap, 'restart', ascii, 5), action: 'play again' },
        ...(view.menu ? [{ keys: END_KEYS.menu, action: 'menu' }] : []),
        ...(view.watch ? [{ keys: END_KEYS.watchLast, action: 'watch it' }] : []),
        { keys: commandKeys(keymap, 'quit', ascii, 5), action: 'quit' },
      ];
    case 'replay':
      return [
        { keys: watchKeys('restart', ascii, 5), action: 'watch again' },
        { keys: watchKeys('back', ascii, 5), action: 'back a piece' },
        { keys: watchKeys('quit', ascii, 5), action: 'quit' },
      ];
    case 'demo':
      return [{ keys: commandKeys(keymap, 'quit', ascii, 5), action: 'quit' }];
    default: {
      const never: never = view;
      return never;
    }
  }
}

/** Width of the keys column of the help panel, its gap included. */
const HELP_KEYS_WIDTH = 7;

/** The panel over the board, or null when the board shows. */
function coverOf(view: GameView, display: Display): Cover | null {
  const { game } = view;
  const { keymap, ascii } = display;
  if (view.help) {
    if (view.kind === 'replay') return { kind: 'help', rows: watchHelpRows(ascii, 6), footer: `${watchKeys('help', ascii, 4)} to close` };
    const rows = helpRows(keymap, ascii, HELP_KEYS_WIDTH - 1);
    return { kind: 'help', rows, footer: view.kind === 'demo' ? 'any key to close' : `${commandKeys(keymap, 'help', ascii, 4)} to close` };
  }
  if (game.status === 'over') {
    const best = view.kind === 'play' ? view.best : undefined;
    const rank = view.kind === 'play' ? view.rank : null;
    return overCover(game, best, rank, endKeys(view, display), boardLines(game, false, SPAWN_ROWS));
  }
  if (view.kind === 'play' && view.countdown)
    return { kind: 'countdown', text: view.countdown, under: boardLines(game, display.ghost, SPAWN_ROWS) };
  // A replay shows where its player paused; the watcher's own pause is in the sidebar.
  if (game.status === 'paused') {
    if (view.kind === 'replay') return { kind: 'paused', lines: ['the player', 'paused here'] };
    return {
      kind: 'paused',
      lines: [`${commandKeys(keymap, 'pause', ascii, 5)} to resume`, `${commandKeys(keymap, 'quit', ascii, 5)} to quit`],
    };
  }
  return null;
}

/** A replay's place: speed (`||` while stopped, END at the end), clock, and pieces. */
function replayLines(status: ReplayStatus): string {
  const mark = status.ended ? ' END' : status.paused ? ' ||' : '';
  const tick = Math.min(status.tick, status.endTick);
  const clock = `${formatTime(tick)}/${formatTime(status.endTick)}`;
  // The clock alone when the total does not fit (games of an hour or more), in coarser units past 9999 hours.
  const shown = clock.length <= SIDEBAR_WIDTH ? clock : clockText(tick, SIDEBAR_WIDTH);
  return [
    'REPLAY',
    speedLabel(status.speed) + mark,
    shown,
    ' ',
    'PIECES',
    `${status.pieces}/${status.totalPieces}`.slice(0, SIDEBAR_WIDTH),
  ].join('\n');
}

const DEMO_LINES = ['DEMO', 'any key:', 'the keys'].join('\n');

/** The frame of `view` drawn with `display` in a terminal of `size`. */
export function frameOf(view: ScreenView, display: Display, size: TerminalSize): Frame {
  // The menus fit a smaller terminal than the game screen: their lists scroll.
  if (view.kind === 'menu') return fitsIn(size, MENU_MIN) ? menuFrame(view, display, size) : { kind: 'tooSmall', size, need: MENU_MIN };
  // Two boards need more room than one.
  if (view.kind === 'versus') return versusFits(size) ? versusFrame(view, display, size) : { kind: 'tooSmall', size, need: VERSUS_MIN };
  if (!fits(size)) return { kind: 'tooSmall', size, need: { columns: LAYOUT.width, rows: LAYOUT.height } };
  const { game } = view;
  const counting = view.kind === 'play' && !!view.countdown && !view.help;
  const hidden = (game.status === 'paused' && !counting) || view.help;
  const cover = coverOf(view, display);
  const { keymap, ascii } = display;
  const mode = game.settings.mode;
  const labels = numberLabels(mode);
  const flash = view.kind === 'play' || view.kind === 'demo' ? (view.flash ?? null) : null;
  return {
    kind: 'game',
    size,
    scale: scaleFor(size, display.big),
    hold: hidden ? null : game.hold,
    holdUsed: game.holdUsed && game.status !== 'over',
    next: hidden ? '' : nextPieces(game, display.preview).join(''),
    cover,
    coverKey: cover ? JSON.stringify(cover) : '',
    linesLabel: labels.lines,
    timeLabel: labels.time,
    pace: view.kind === 'play' && view.pace && game.status !== 'over' ? view.pace : '',
    feedback:
      (view.kind === 'play' || view.kind === 'demo') && !cover && view.feedback ? view.feedback.flatMap(sidebarLines).join('\n') : '',
    side: view.kind === 'replay' ? replayLines(view.status) : view.kind === 'demo' ? DEMO_LINES : '',
    hint:
      view.kind === 'demo'
        ? `${commandKeys(keymap, 'quit', ascii, 1)} quit`
        : view.kind === 'play' && view.live
          ? LIVE_HINT
          : `${view.kind === 'replay' ? watchKeys('help', ascii, 4) : commandKeys(keymap, 'help', ascii, 4)} keys`,
    board: cover ? null : flash ? flashLines(game, flash, SPAWN_ROWS) : boardLines(game, display.ghost, SPAWN_ROWS),
    numbers: sidebarNumbers(game.score, game.level, game.lines, game.time, mode, game.settings.digLines - game.garbage.cleared),
  };
}

/** Whether two frames differ at most in their fields: going from one to the other needs only the fields drawn. */
export function sameStructure(a: Frame, b: Frame): boolean {
  if (a === b) return true;
  if (a.size.columns !== b.size.columns || a.size.rows !== b.size.rows) return false;
  if (a.kind === 'menu' || b.kind === 'menu') return sameMenuFrame(a, b);
  if (a.kind === 'tooSmall' || b.kind === 'tooSmall') return a.kind === b.kind;
  if (a.kind === 'versus' || b.kind === 'versus') return a.kind === 'versus' && b.kind === 'versus' && sameVersusStructure(a, b);
  return (
    a.scale === b.scale &&
    a.coverKey === b.coverKey &&
    (a.board === null) === (b.board === null) &&
    a.linesLabel === b.linesLabel &&
    a.timeLabel === b.timeLabel &&
    a.feedback === b.feedback &&
    a.pace === b.pace &&
    a.side === b.side &&
    a.hint === b.hint
  );
}

/** Whether two lists of strings are equal, item by item (null equal only to null). */
function sameTexts(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two frames show the same: the same structure and the same fields. */
export function sameFrame(a: Frame, b: Frame): boolean {
  if (!sameStructure(a, b)) return false;
  if (a.kind === 'versus' && b.kind === 'versus')
    return a.sides.every(
      (side, i) =>
        sameTexts(side.board, b.sides[i]!.board) &&
        sameTexts(side.numbers, b.sides[i]!.numbers) &&
        sameTexts(side.status, b.sides[i]!.status),
    );
  if (a.kind !== 'game' || b.kind !== 'game') return true;
  return (
    sameTexts(a.board, b.board) && sameTexts(a.numbers, b.numbers) && a.hold === b.hold && a.holdUsed === b.holdUsed && a.next === b.next
  );
}
