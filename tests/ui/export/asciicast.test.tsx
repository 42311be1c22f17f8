/**
 * The asciicast export: a header asciinema accepts, one event per change of
 * the picture with timestamps from the ticks, and events that, played into
 * a terminal, leave exactly the game screen on it, colours aside.
 */
import chalk from 'chalk';
import { renderToString } from 'ink';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playBot } from '../../../src/bot/index.js';
import { createGame, parseReplay, replayEndTick, replayStateAt, runReplay, type GameState, type Replay } from '../../../src/core/index.js';
import { castEvents, castHeader, FrameRenderer, replayCast, type CastEvent } from '../../../src/ui/export/asciicast.js';
import { frameText } from '../../../src/ui/export/frame-text.js';
import { stillView } from '../../../src/ui/drivers/screen.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { GameFrame } from '../../../src/ui/components/GameFrame.js';
import { LAYOUT } from '../../../src/ui/frame/layout.js';
import { PALETTE_16, PALETTE_256, resolveDisplay, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import { VtScreen } from '../vt-screen.js';
import { fresh, gameOver, midGame, play, rowsAboutToClear } from '../helpers.js';

const REPLAYS = join(import.meta.dirname, '..', '..', 'fixtures', 'replays');

function golden(name: string): Replay {
  const parsed = parseReplay(readFileSync(join(REPLAYS, `${name}.json`), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.replay;
}

function botReplay(seed: number, pieces: number, pace: number): Replay {
  const game = playBot({ seed, pieces, pace });
  return { seed, settings: {}, inputs: game.inputs, endTick: game.inputs.at(-1)![0] + 200 };
}

/** A terminal just big enough for the cast: cursor moves, erases and text; colours are read past. */
class Screen {
  readonly rows: string[][];
  private row = 0;
  private col = 0;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rows = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  }
  write(data: string): void {
    const pattern = /\u001B\[([\d;?]*)([A-Za-z])|([^\u001B])/gu;
    for (const match of data.matchAll(pattern)) {
      const [, params = '', command, char] = match;
      if (char !== undefined) {
        if (char === '\n' || char === '\r') throw new Error('the cast moves the cursor with escape codes only');
        if (this.col < this.width) this.rows[this.row]![this.col] = char;
        this.col++;
        continue;
      }
      const numbers = params.split(';').map((n) => Number(n) || 1);
      if (command === 'H') [this.row, this.col] = [numbers[0]! - 1, (numbers[1] ?? 1) - 1];
      else if (command === 'K') for (let c = this.col; c < this.width; c++) this.rows[this.row]![c] = ' ';
      else if (command === 'J' && params === '2') for (const r of this.rows) r.fill(' ');
      else if (command === 'm' || ((command === 'l' || command === 'h') && params === '?25')) continue;
      else throw new Error(`unexpected escape code ${JSON.stringify(match[0])}`);
      if (this.row < 0 || this.row >= this.height) throw new Error(`cursor outside the screen: row ${this.row + 1}`);
    }
  }
  text(): string {
    return this.rows.map((r) => r.join('').trimEnd()).join('\n');
  }
}

function parseCast(text: string): { header: Record<string, unknown>; events: CastEvent[] } {
  expect(text.endsWith('\n')).toBe(true);
  const [first, ...rest] = text.trimEnd().split('\n');
  return { header: JSON.parse(first!) as Record<string, unknown>, events: rest.map((line) => JSON.parse(line) as CastEvent) };
}

/** The game the watcher shows at wall tick W: the game through tick W - 1. */
const shownAt = (replay: Replay, wall: number): GameState =>
  wall === 0 ? createGame({ seed: replay.seed, ...replay.settings }) : replayStateAt(replay, wall - 1);

/** The wall ticks at which the picture changes, found by drawing every tick's frame. */
function changesTickByTick(replay: Replay): number[] {
  const end = runReplay(replay);
  const last = end.status === 'over' ? end.tick + 1 : replayEndTick(replay) + 1;
  const walls: number[] = [0];
  let shown = frameText(shownAt(replay, 0));
  for (let wall = 1; wall <= last; wall++) {
    const frame = frameText(shownAt(replay, wall));
    if (frame !== shown) {
      walls.push(wall);
      shown = frame;
    }
  }
  return walls;
}

describe('the frames of the export', () => {
  const states: [string, GameState][] = [
    ['a fresh game', fresh()],
    ['a game in progress', midGame()],
    ['rows about to clear', rowsAboutToClear()],
    ['a paused game', play(midGame(), 'pause')],
    ['a game over', gameOver()],
    ['a finished sprint', { ...fresh({ mode: 'sprint' }), status: 'over', lines: 40, active: null, time: 3001, pieces: 100 }],
  ];
  const looks: [string, DisplayOptions][] = [
    ['plain', {}],
    ['256 colours', { color: PALETTE_256 }],
    ['16 colours, ASCII, no ghost, one piece under NEXT', { color: PALETTE_16, ascii: true, ghost: false, preview: 1 }],
  ];

  it.each(looks)('are GameFrame as Ink draws it, byte for byte (%s)', (_look, options) => {
    const display = resolveDisplay(options);
    const renderer = new FrameRenderer(display);
    // Whatever the process's one Chalk says: the colour codes are the screen's own.
    const level = chalk.level;
    chalk.level = 0;
    try {
      for (const [name, state] of states) {
        const frame = frameOf(stillView(state), display, { columns: LAYOUT.width, rows: LAYOUT.height });
        if (frame.kind !== 'game') throw new Error('the game screen does not fit its own size');
        const whole = renderToString(<GameFrame frame={frame} display={display} />, { columns: LAYOUT.width });
        if (options.color && frame.board) expect(whole, name).toMatch(/\u001B\[3\d/);
        expect(renderer.rows(frame).join('\n'), name).toBe(whole);
      }
    } finally {
      chalk.level = level;
      renderer.close();
    }
  });
});

describe('inktris export --cast, the recording', () => {
  const replay = golden('tetris');

  it('starts with an asciicast v2 header: the screen size, the title, the time, the terminal', () => {
    const { header } = parseCast(replayCast(replay, { title: 'inktris replay tetris.json', timestamp: 1_700_000_000 }));
    expect(header).toEqual({
      version: 2,
      width: LAYOUT.width,
      // One row below the frame, where the cursor ends.
      height: LAYOUT.height + 1,
      timestamp: 1_700_000_000,
      title: 'inktris replay tetris.json',
      env: { TERM: 'xterm-256color' },
    });
    expect(castHeader({ title: 't', idleLimit: 2 })).toMatchObject({ idle_time_limit: 2 });
  });

  it.each([
    ['golden tetris', () => golden('tetris')],
    ['golden hold', () => golden('hold')],
    ['golden block-out', () => golden('block-out')],
    ['a bot game of 25 pieces', () => botReplay(3, 25, 12)],
  ])('%s: has one output event per change of the picture, at tick / 60 seconds, in order', (_name, make) => {
    const game = make();
    const { events } = parseCast(replayCast(game, { title: 't' }));
    const walls = changesTickByTick(game);
    expect(events).toHaveLength(walls.length);
    expect(events.map(([, kind]) => kind)).toEqual(walls.map(() => 'o'));
    expect(events.map(([seconds]) => seconds)).toEqual(walls.map((wall) => Math.round((wall / 60) * 1e6) / 1e6));
    for (let i = 1; i < events.length; i++) expect(events[i]![0]).toBeGreaterThanOrEqual(events[i - 1]![0]);
  });

  it('plays into a terminal as the frames the game showed, the last one the final frame', () => {
    const game = botReplay(8, 20, 15);
    // The frame's rows and the blank row below them, where the cursor ends.
    const screen = new Screen(LAYOUT.width, LAYOUT.height + 1);
    const { events } = parseCast(replayCast(game, { title: 't', display: { color: PALETTE_256 } }));
    for (const [seconds, , data] of events) {
      screen.write(data);
      expect(screen.text(), `at ${seconds} s`).toBe(`${frameText(shownAt(game, Math.round(seconds * 60)))}\n`);
    }
    expect(screen.text()).toBe(`${frameText(runReplay(game))}\n`);
    // The cursor, hidden while the game plays, is shown again at the very end.
    expect(events[0]![2].startsWith('\u001B[?25l')).toBe(true);
    expect(events.at(-1)![2].endsWith('\u001B[?25h')).toBe(true);
    expect(events.slice(0, -1).every(([, , data]) => !data.includes('\u001B[?25h'))).toBe(true);
  });

  it('keeps the colours: each piece in its colour, the ghost an outline in the bright one', () => {
    const { events } = parseCast(replayCast(golden('tetris'), { title: 't', display: { color: PALETTE_256 } }));
    const all = events.map(([, , data]) => data).join('');
    expect(all).toContain('\u001B[36m'); // I, cyan
    expect(all).toMatch(/\u001B\[9[1-6]m(\[\])+/); // the ghost
    expect(all).not.toContain('\u001B[2m');
    const plain = parseCast(replayCast(golden('tetris'), { title: 't' }))
      .events.map(([, , data]) => data)
      .join('');
    expect(plain).not.toMatch(/\u001B\[[\d;]*m/);
  });

  it('redraws only the rows that changed after the first event', () => {
    const { events } = parseCast(replayCast(botReplay(4, 10, 30), { title: 't' }));
    expect(events[0]![2].startsWith('\u001B[?25l\u001B[H\u001B[2J')).toBe(true);
    const rowsRedrawn = events.slice(1).map(([, , data]) => (data.match(/\u001B\[\d+;1H/g) ?? []).length);
    expect(Math.max(...rowsRedrawn)).toBeLessThan(LAYOUT.height);
    expect(rowsRedrawn.every((n) => n >= 1)).toBe(true);
  });

  it('cuts every pause to the idle limit with --idle-limit', () => {
    // The golden pause replay waits a billion ticks (over 190 days) between two inputs.
    const game = golden('pause');
    const uncut = parseCast(replayCast(game, { title: 't' })).events;
    const cut = parseCast(replayCast(game, { title: 't', idleLimit: 1.5 })).events;
    expect(cut).toHaveLength(uncut.length);
    expect(cut.map(([, , data]) => data)).toEqual(uncut.map(([, , data]) => data));
    const gaps = (events: CastEvent[]) => events.slice(1).map(([t], i) => t - events[i]![0]);
    expect(Math.max(...gaps(uncut))).toBeGreaterThan(1_000_000);
    for (const [i, gap] of gaps(cut).entries()) expect(gap).toBeCloseTo(Math.min(gaps(uncut)[i]!, 1.5), 5);
  });

  it('ends with the cursor parked at the start of the row below the frame, shown, the frame untouched', () => {
    const game = botReplay(8, 20, 15);
    const { header, events } = parseCast(replayCast(game, { title: 't', display: { color: PALETTE_256 } }));
    const screen = new VtScreen(header.width as number, header.height as number);
    for (const [, , data] of events) screen.write(data);
    expect(screen.cursor).toEqual({ row: LAYOUT.height, column: 0 });
    expect(screen.text().split('\n').slice(0, LAYOUT.height).join('\n')).toBe(frameText(runReplay(game)));
    expect(events.at(-1)![2].endsWith('\u001B[?25h')).toBe(true);
  });

  it('makes its events one at a time, as they are asked for', () => {
    const events = castEvents(golden('tetris'), {});
    const first = events.next();
    expect(first.done).toBe(false);
    expect(first.value!.slice(0, 2)).toEqual([0, 'o']);
    expect(first.value![2].startsWith('\u001B[?25l\u001B[H\u001B[2J')).toBe(true);
    // Stopping early releases the drawing and ends the events.
    expect(events.return()).toEqual({ done: true, value: undefined });
    expect(events.next().done).toBe(true);
  });
});
