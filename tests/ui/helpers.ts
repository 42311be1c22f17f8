/**
 * Game states for frame tests (fixed seeds, prepared boards, inputs by name),
 * fake time for the controllers, and fake terminal streams for the runners.
 */
import chalk from 'chalk';
import { afterAll, beforeAll } from 'vitest';
import type { PlayerSettings } from '../../src/ui/drivers/app-io.js';
import { Loop } from '../../src/ui/drivers/loop.js';
import { DEFAULT_SETTINGS } from '../../src/cli/config.js';
import type { Driver, Effect, GameView, ScreenView } from '../../src/ui/drivers/screen.js';
import type { TerminalSize } from '../../src/ui/frame/layout.js';
import { resolveDisplay } from '../../src/ui/frame/theme.js';
import type { KeyEvent } from '../../src/ui/input/key-events.js';
import {
  advance,
  boardFromRows,
  createGame,
  inputAction,
  lowestRow,
  step,
  type GameSettings,
  type GameState,
  type InputName,
  type Placement,
} from '../../src/core/index.js';

/** Apply inputs given as space-separated names; `wait*N` lets N ticks pass. */
export function play(state: GameState, script: string): GameState {
  let s = state;
  for (const word of script.split(/\s+/).filter(Boolean)) {
    const [name, times] = word.split('*');
    const n = Number(times ?? 1);
    if (name === 'wait') s = advance(s, n);
    else for (let i = 0; i < n; i++) s = step(s, inputAction(name as InputName));
  }
  return s;
}

/** A fresh game (seed 1 unless given). */
export function fresh(settings: Partial<GameSettings> = {}): GameState {
  return createGame({ seed: 1, ...settings });
}

/** A game with `rows` (top first, last = row 0) as its board and `active` as the falling piece. */
export function gameOn(rows: readonly string[], active: Placement, settings: Partial<GameSettings> = {}): GameState {
  const base = fresh(settings);
  return { ...base, board: boardFromRows(rows), active, lowestRow: lowestRow(active) };
}

/** Mid-game: a few pieces placed, one held, the falling piece in the air above its ghost. */
export function midGame(): GameState {
  return play(fresh(), 'left left left hardDrop right right hardDrop hold wait*100 cw wait*60');
}

/** Four rows one cell short of full, with an I piece standing over the gap (its ghost fills it). */
export function rowsAboutToClear(): GameState {
  return gameOn(['.ZZ......J', 'SSZZ.LLLJJ', 'OOTT.LOOII', 'OOLT.TOOII', 'LLLJ.OOTTT'], { type: 'I', x: 2, y: 8, rotation: 1 });
}

/** A game topped out after hard drops only. */
export function gameOver(): GameState {
  let s = fresh();
  while (s.status !== 'over') s = advance(step(s, inputAction('hardDrop')), 20);
  return s;
}

/** A clock and one-shot timers that move only when the test says so. */
export function fakeTime() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    timers: {
      setTimeout: (callback: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: now + Math.max(1, Math.ceil(ms)), callback });
        return id;
      },
      clearTimeout: (id: unknown) => void timers.delete(id as number),
    },
    pending: () => timers.size,
    /** Let `ms` pass, running every timer that falls due on the way (as Node would, a little late). */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
    },
    /** Jump the clock without running timers (a stalled event loop). */
    stall(ms: number) {
      now += ms;
    },
  };
}

/** Chalk at 256 colours for the tests of this file (their stdout is not a terminal), as it was after. */
export function withChalkLevel256(): void {
  let level: typeof chalk.level = 0;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 2;
  });
  afterAll(() => {
    chalk.level = level;
  });
}

export { FakeStdin, FakeStdout, fakeTerminal } from './fake-terminal.js';

/** `view` as a game's view; a menu's view fails the test here. */
function gameView(view: ScreenView): GameView {
  if (view.kind === 'menu') throw new Error(`a menu (${view.title}) is shown, not a game`);
  if (view.kind === 'versus') throw new Error('a match is shown, not one game');
  return view;
}

/**
 * A screen under test: its driver in the one `Loop`, on fake time, with the
 * effects it reports collected and `onGameEnd`-style answers awaited.
 */
export function screenHarness<M>(
  driver: Driver<M>,
  model: M,
  time: ReturnType<typeof fakeTime>,
  options: {
    readonly onEffect?: (effect: Effect, loop: Loop<M>) => undefined | Promise<unknown>;
    readonly preview?: number;
    /** The terminal's size the loop starts at. @default 80 x 24 */
    readonly size?: TerminalSize;
  } = {},
) {
  const pending: Promise<unknown>[] = [];
  const effects: Effect[] = [];
  const loop: Loop<M> = new Loop(driver, model, {
    now: time.now,
    timers: time.timers,
    display: resolveDisplay({ preview: options.preview ?? 5 }),
    size: options.size ?? { columns: 80, rows: 24 },
    onEffect: (effect) => {
      effects.push(effect);
      const started = options.onEffect?.(effect, loop);
      if (started) pending.push(started);
    },
  });
  return {
    loop,
    effects,
    start: () => loop.start(),
    key: (event: KeyEvent) => loop.key(event),
    resize: (size: TerminalSize) => loop.resize(size),
    suspend: () => loop.suspend(),
    stop: () => loop.stop(),
    subscribe: loop.subscribe,
    /** What the screen shows now: a game's view (a menu's is not one; see tests/ui/drivers/app.test.ts). */
    view: (): GameView => gameView(driver.view(loop.model)),
    /** The game shown now. */
    get state(): GameState {
      return gameView(driver.view(loop.model)).game;
    },
    /** Settles when what the effects started has. */
    settled: () => Promise.all(pending).then(() => undefined),
  };
}

/** A player's settings as a fresh config gives them, colour off: the front door's in tests. */
export const SETTINGS: PlayerSettings = { ...DEFAULT_SETTINGS, color: false };
