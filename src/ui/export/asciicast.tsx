/**
 * A replay as an asciicast v2 recording (https://docs.asciinema.org/manual/asciicast/v2/):
 * a header line (size, title, time), then one `[seconds, "o", text]` line
 * per change of the picture, so that `asciinema play` and the asciinema web
 * player show the game as the terminal showed it, colours included.
 *
 * The frames are the game screen's own (GameFrame, drawn by Ink), at the
 * ticks the replay watcher would draw them (`nextChangeTick`, `sameFrame`):
 * a tick that changes nothing on screen adds nothing to the file. The first
 * event hides the cursor, clears the screen and draws every row; each later
 * one redraws only the rows that changed (cursor to the row, the row, erase
 * to its end), so an hour of play stays a few megabytes; the last one parks
 * the cursor on the row below the frame and shows it again, where a shell's
 * prompt would follow the game. Timestamps are the replay's ticks / 60, with
 * every pause between two events cut to `idleLimit` if given.
 *
 * The file is made a line at a time (`castLines`) for the caller to write
 * as it comes: a long game's recording is hundreds of megabytes, never one
 * string.
 *
 * Chalk (Ink's colour library, which Ink installs) is imported to set the
 * colour level while drawing: the file is not a terminal, so Chalk would
 * otherwise drop the colours wherever stdout is not one.
 */
import { render, type Instance } from 'ink';
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import {
  nextChangeTick,
  packedReplay,
  replayEndTick,
  runTo,
  startPosition,
  TICKS_PER_SECOND,
  type AnyReplay,
  type PackedReplay,
} from '../../core/index.js';
import { Board } from '../components/Board.js';
import { GAME_FRAME_COLUMNS, gameFrameParts } from '../components/GameFrame.js';
import { stillView } from '../drivers/screen.js';
import { frameOf, sameFrame, type Frame, type GameScreenFrame } from '../frame/frame-model.js';
import { GAP, LAYOUT, SPAWN_ROWS } from '../frame/layout.js';
import { resolveDisplay, type Display, type DisplayOptions } from '../frame/theme.js';

/** Options of {@link replayCast}. */
export interface CastOptions {
  /** How the game is drawn; give `color` a palette for colour. @default no colour */
  readonly display?: DisplayOptions;
  /** The recording's title. */
  readonly title: string;
  /** When the recording was made, in Unix seconds (the header's `timestamp`). @default none */
  readonly timestamp?: number;
  /** The longest pause kept between two events, in seconds; longer ones are cut to it. @default none */
  readonly idleLimit?: number;
}

/** The header of an asciicast v2 file. */
export interface CastHeader {
  readonly version: 2;
  readonly width: number;
  readonly height: number;
  readonly timestamp?: number;
  readonly idle_time_limit?: number;
  readonly title: string;
  readonly env: { readonly TERM: string; readonly SHELL?: string };
}

/** One output event: seconds from the start, `o`, and the text written to the terminal. */
export type CastEvent = [seconds: number, kind: 'o', data: string];

const ESC = '\u001B[';
/** Hide the cursor, home it and clear the screen. */
export const CLEAR = `${ESC}?25l${ESC}H${ESC}2J`;
/**
 * The recording's height: the frame's rows and one more, the row the cursor
 * is parked on at the end, as a shell's prompt follows a program that ends.
 */
const CAST_HEIGHT = LAYOUT.height + 1;
/** The size the game screen is drawn at: its own. */
const CAST_SIZE = { columns: LAYOUT.width, rows: LAYOUT.height } as const;
/**
 * The end of the last event: the cursor to the start of the row below the
 * frame, shown again, for `asciinema play` in a terminal that goes on after it.
 */
const PARK_CURSOR = `${ESC}${CAST_HEIGHT};1H${ESC}?25h`;

/** Seconds as the file writes them: microseconds, no float noise. */
export const seconds = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Ink's escape codes (colours), for measuring a row's width on screen. */
const ANSI = /\u001B\[[\d;?]*[A-Za-z]/g;

/** Columns a row of the game screen takes: every character the screen uses is one column wide. */
const columnsOf = (row: string): number => [...row.replace(ANSI, '')].length;

/**
 * Distinct board rows kept before their cache starts over: one string each,
 * a few MB at most. The board's rows repeat all game long, so these are the
 * drawings worth keeping.
 */
const ROW_CACHE_LIMIT = 20_000;

/**
 * Distinct column drawings (HOLD, NEXT, the sidebar; a whole column of rows
 * each) kept before their cache starts over. Most change for good (the
 * score, the time, the next pieces), so a few hundred hold every repeat,
 * and a long game's export stays in constant memory (issue 15).
 */
const COLUMN_CACHE_LIMIT = 500;

/** `key`'s value in `cache`, made by `make` the first time; the cache starts over at `limit` entries. */
function remember<T>(cache: Map<string, T>, limit: number, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * `text` as a string of its own. V8 makes a line that `split` cuts from a
 * longer string a view into that string, so every row kept in a cache
 * would keep the whole Ink frame it came from: about 1.4 KB a board row,
 * and a full row cache 28 MB of live heap instead of a few (measured with
 * --trace-gc on a 12,000-piece export). Joined to one more character, the
 * row is copied into a new string; the slice is a view of that copy only.
 */
export const ownString = (text: string): string => ` ${text}`.slice(1);

/** A stdout for Ink that keeps the last frame it was given. */
class FrameSink extends EventEmitter {
  readonly isTTY = false;
  frame = '';
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(chunk: string): boolean {
    this.frame = chunk;
    return true;
  }
}

/**
 * One long-lived Ink tree that draws whatever it is given at a fixed width
 * (Ink's debug mode writes each whole frame at once): much cheaper than a
 * new tree per drawing, which `renderToString` makes.
 */
export class ColumnDrawer {
  private readonly sink: FrameSink;
  private instance: Instance | null = null;

  /** Drawings `width` columns wide, padded to `height` rows. */
  constructor(
    width: number,
    private readonly height: number = LAYOUT.height,
  ) {
    this.sink = new FrameSink(width, height);
  }

  draw(element: ReactElement): string[] {
    if (this.instance) this.instance.rerender(element);
    else
      this.instance = render(element, {
        stdout: this.sink as unknown as NodeJS.WriteStream,
        debug: true,
        interactive: false,
        patchConsole: false,
        exitOnCtrlC: false,
      });
    const rows = this.sink.frame.split('\n').map(ownString);
    while (rows.length < this.height) rows.push('');
    return rows;
  }

  close(): void {
    this.instance?.unmount();
    this.instance = null;
  }
}

/**
 * Draws game states with Ink one column at a time, and the board one row at
 * a time, keeping every drawing: a column or a row that looks as it did
 * before is not drawn again. The rows laid side by side with the gaps
 * between them are GameFrame's own rows (tests/ui/asciicast.test.tsx
 * compares them), an order of magnitude faster than drawing every frame.
 * `close` releases the Ink trees.
 *
 * Colour needs Chalk's level set whatever the output is, since the file is
 * not a terminal: 256 colours while drawing, the old level afterwards.
 */
export class FrameRenderer {
  private readonly columns = new Map<string, readonly string[]>();
  private readonly boardRows = new Map<string, string>();
  private readonly drawers = new Map<string, ColumnDrawer>();

  constructor(private readonly display: Display) {}

  /** Release the Ink trees. */
  close(): void {
    for (const drawer of this.drawers.values()) drawer.close();
    this.drawers.clear();
  }

  /** The rows of the screen for `frame`, LAYOUT.height of them, each trimmed at its end. */
  rows(frame: GameScreenFrame): string[] {
    const parts = gameFrameParts({ frame, display: this.display });
    const [holdWidth, nextWidth, boardWidth, sideWidth] = GAME_FRAME_COLUMNS as [number, number, number, number];
    // The frame model's own values are the keys: a column is drawn once per look.
    const hold = this.column('h', `${frame.hold}${frame.holdUsed ? '-' : ''}`, holdWidth, parts.hold);
    const next = this.column('n', frame.next, nextWidth, parts.next);
    const side = this.column(
      's',
      [...frame.numbers, frame.linesLabel, frame.timeLabel, frame.side, frame.pace, frame.feedback, frame.hint].join('\n'),
      sideWidth,
      parts.sidebar,
    );
    const board = frame.board === null ? this.column('c', frame.coverKey, boardWidth, parts.board) : this.board(frame.board, boardWidth);
    const gap = ' '.repeat(GAP);
    const out: string[] = [];
    for (let row = 0; row < LAYOUT.height; row++) {
      out.push(`${hold[row]}${gap}${next[row]}${gap}${board[row]}${gap}${side[row]}`.trimEnd());
    }
    return out;
  }

  /** The board's rows: its border, and each row of cells drawn once per distinct look. */
  private board(lines: readonly string[], width: number): readonly string[] {
    const frame = this.column('c', 'empty', width, <Board rows={[]} spawn={[]} display={this.display} />);
    // The spawn rows above the border, then the well's rows inside it; keyed apart (a blank spawn row is not an empty well row).
    const spawn = lines
      .slice(0, SPAWN_ROWS)
      .map((line) =>
        remember(this.boardRows, ROW_CACHE_LIMIT, `^${line}`, () =>
          pad(this.draw('p', <Board rows={[]} spawn={[line]} display={this.display} />, width)[0]!, width),
        ),
      );
    const rows = lines
      .slice(SPAWN_ROWS)
      .map((line) =>
        remember(this.boardRows, ROW_CACHE_LIMIT, line, () =>
          pad(this.draw('b', <Board rows={[line]} display={this.display} />, width)[1]!, width),
        ),
      );
    return [...spawn, frame[SPAWN_ROWS]!, ...rows, ...frame.slice(SPAWN_ROWS + rows.length + 1)];
  }

  /** The rows of column `name` as drawn for `key` and padded to `width`, drawn only the first time. */
  private column(name: string, key: string, width: number, element: ReactElement): readonly string[] {
    return remember(this.columns, COLUMN_CACHE_LIMIT, `${name}${key}`, () => this.draw(name, element, width).map((row) => pad(row, width)));
  }

  private draw(name: string, element: ReactElement, width: number): readonly string[] {
    let drawer = this.drawers.get(name);
    if (!drawer) {
      drawer = new ColumnDrawer(width);
      this.drawers.set(name, drawer);
    }
    return drawer.draw(element);
  }
}

/** A row padded with spaces to `width` columns. */
function pad(row: string, width: number): string {
  return row + ' '.repeat(Math.max(0, width - columnsOf(row)));
}

/** What to write to turn the screen showing `before` into `after` (all of it when `before` is null). */
export function screenUpdate(before: readonly string[] | null, after: readonly string[]): string {
  let out = before === null ? CLEAR : '';
  for (let row = 0; row < Math.max(after.length, before?.length ?? 0); row++) {
    const line = after[row] ?? '';
    if (before !== null && before[row] === line) continue;
    out += `${ESC}${row + 1};1H${line}${ESC}K`;
  }
  return out;
}

/**
 * The events of a replay's recording, one per change of the picture, in
 * order, each made when it is asked for: nothing is kept, so a long game's
 * file can be written as it is made. The Ink trees are released when the
 * events end or the caller stops asking.
 */
export function* castEvents(replay: AnyReplay, options: Omit<CastOptions, 'title' | 'timestamp'>): Generator<CastEvent, void, void> {
  const display = resolveDisplay(options.display);
  const limit = options.idleLimit ?? Number.POSITIVE_INFINITY;
  const renderer = new FrameRenderer(display);
  try {
    yield* emitEvents(packedReplay(replay), display, limit, renderer);
  } finally {
    renderer.close();
  }
}

/** One picture of a recording: what the screen shows from wall tick `wall` (null: nothing to draw), and whether it is the last. */
export interface CastPicture<F extends Frame = Frame> {
  readonly wall: number;
  readonly frame: F | null;
  readonly last: boolean;
}

/**
 * A recording's events from its pictures, in order: one event for each
 * frame that differs from the one shown, at its wall time (waits cut to
 * `limit` seconds), drawn by `draw`. Each event is handed on once the next
 * one is known, so the last can end with `park` (the cursor put back).
 * Shared by the game's recording and a match's.
 */
export function* timedEvents<F extends Frame>(
  pictures: Iterable<CastPicture<F>>,
  draw: (frame: F) => string[],
  limit: number,
  park: string,
): Generator<CastEvent, void, void> {
  let shown: F | null = null;
  let rows: string[] | null = null;
  let lastWall = 0;
  let time = 0;
  let pending: CastEvent | null = null;
  for (const { wall, frame, last } of pictures) {
    if (frame !== null && (shown === null || !sameFrame(shown, frame))) {
      const next = draw(frame);
      time += Math.min((wall - lastWall) / TICKS_PER_SECOND, limit);
      lastWall = wall;
      if (pending) yield pending;
      pending = [seconds(time), 'o', screenUpdate(rows, next)];
      shown = frame;
      rows = next;
    }
    if (last) {
      if (pending) yield [pending[0], 'o', pending[2] + park];
      return;
    }
  }
}

function* emitEvents(replay: PackedReplay, display: Display, limit: number, renderer: FrameRenderer): Generator<CastEvent, void, void> {
  yield* timedEvents(gamePictures(replay, display), (frame) => renderer.rows(frame), limit, PARK_CURSOR);
}

/** The game's pictures: wall tick W shows the game through tick W - 1, as the watcher does. */
function* gamePictures(replay: PackedReplay, display: Display): Generator<CastPicture<GameScreenFrame>, void, void> {
  const index = { replay, endTick: replayEndTick(replay) };
  let position = startPosition(replay);
  for (let wall = 0; ; ) {
    const { state } = position;
    const frame = frameOf(stillView(state), display, CAST_SIZE);
    const last = state.status === 'over' || state.tick > index.endTick;
    yield { wall, frame: frame.kind === 'game' ? frame : null, last };
    if (last) return;
    // The recording shows the game's TIME, not the replay's clock: a long pause is one wait.
    wall = nextChangeTick(index, position, false);
    position = runTo(replay, position, wall - 1);
  }
}

/** The header line's object for a recording of the game screen. */
export function castHeader(options: Pick<CastOptions, 'title' | 'timestamp' | 'idleLimit'>): CastHeader {
  return {
    version: 2,
    width: LAYOUT.width,
    height: CAST_HEIGHT,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.idleLimit === undefined ? {} : { idle_time_limit: options.idleLimit }),
    title: options.title,
    env: { TERM: 'xterm-256color' },
  };
}

/**
 * The lines of a replay's asciicast v2 file, each with its line feed: the
 * header, then one per event, made one at a time (see `castEvents`).
 */
export function* castLines(replay: AnyReplay, options: CastOptions): Generator<string, void, void> {
  yield `${JSON.stringify(castHeader(options))}\n`;
  for (const event of castEvents(replay, options)) yield `${JSON.stringify(event)}\n`;
}

/** A replay as the text of an asciicast v2 file, whole: for short games and tests; a file is written from `castLines`. */
export function replayCast(replay: AnyReplay, options: CastOptions): string {
  return [...castLines(replay, options)].join('');
}
