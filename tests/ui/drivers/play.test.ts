/**
 * The game loop and the app's commands with fake time: ticks at 60 Hz from a
 * clock, frames only when the screen changes, no timer while paused, help,
 * the too-small pause, restart, quit, and recordings that replay to the
 * same game.
 */
import { describe, expect, it } from 'vitest';
import {
  createGame,
  inputAction,
  step,
  summarize,
  TICK,
  type GameSettings,
  type GameState,
  type InputName,
} from '../../../src/core/index.js';
import type { PlayView } from '../../../src/ui/drivers/screen.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import { effectsToHooks, PLAY, playModel, type PlayHooks } from '../../../src/ui/drivers/play.js';
import { TICK_MS } from '../../../src/ui/drivers/tick-clock.js';
import { Loop } from '../../../src/ui/drivers/loop.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTime, screenHarness } from '../helpers.js';

/** A seed function that draws from `next` once per game, in order. */
function seedsFrom(next: () => number): (game: number) => number {
  const seeds: number[] = [];
  return (game) => {
    while (seeds.length < game) seeds.push(next());
    return seeds[game - 1]!;
  };
}

interface Recorded {
  readonly settings: Required<GameSettings>;
  readonly inputs: [number, InputName][];
  end?: GameState;
}

function setup(options: { seed?: () => number; hooks?: PlayHooks } = {}) {
  const time = fakeTime();
  const games: Recorded[] = [];
  const seed = 41;
  const hooks = options.hooks ?? {
    onGameStart: (settings: Required<GameSettings>) => void games.push({ settings, inputs: [] }),
    onInput: (tick: number, input: InputName) => void games.at(-1)!.inputs.push([tick, input]),
    onGameEnd: (state: GameState) => {
      games.at(-1)!.end = state;
      return undefined;
    },
  };
  const seedOf = options.seed ? seedsFrom(options.seed) : (game: number) => seed + game - 1;
  const controller = screenHarness(PLAY, playModel({ settings: { startLevel: 0, mode: 'marathon', queue: '' }, seedOf }), time, {
    onEffect: effectsToHooks(hooks),
  });
  let frames = 0;
  controller.subscribe(() => frames++);
  const press = (name: string, type: KeyEvent['type'] = 'tap', ctrl = false) => controller.key({ name, ctrl, type });
  return { time, controller, games, press, frames: () => frames };
}

/** The game a recording replays to: inputs at their ticks, then ticks up to `tick`. */
function replay(game: Recorded, tick: number): GameState {
  let s = createGame(game.settings);
  for (const [at, input] of game.inputs) {
    while (s.tick < at && s.status !== 'over') s = step(s, TICK);
    s = step(s, inputAction(input));
  }
  while (s.tick < tick && s.status !== 'over') s = step(s, TICK);
  return s;
}

describe('the game loop', () => {
  it('runs 60 ticks a second once started', () => {
    const { time, controller, press } = setup();
    controller.start();
    time.advance(1000);
    expect(controller.state.tick).toBe(60);
    time.advance(500);
    // A key brings the game up to the clock (the loop itself sleeps until the screen can change).
    press('p');
    expect(controller.state.tick).toBe(90);
  });

  it('sleeps until the screen can change: the next row of fall, lock, or second of TIME', () => {
    const { time, controller } = setup();
    controller.start();
    expect(time.pending()).toBe(1);
    time.advance(47 * TICK_MS);
    expect(controller.state.tick).toBe(0);
    time.advance(TICK_MS + 1);
    expect(controller.state.tick).toBe(48);
    time.advance(12 * TICK_MS);
    expect(controller.state.tick).toBe(60);
  });

  it('draws a new frame only when the screen changes: a row of fall at level 0 is one frame', () => {
    const { time, controller, frames } = setup();
    controller.start();
    const y = controller.state.active!.y;
    time.advance(47 * TICK_MS + 1);
    expect(frames()).toBe(0);
    time.advance(TICK_MS);
    expect(controller.state.active!.y).toBe(y - 1);
    expect(frames()).toBe(1);
    // The running clock draws once a second.
    time.advance(1000 - 48 * TICK_MS - 1);
    expect(frames()).toBe(2);
  });

  it('sets no timer while paused and resumes at the tick the clock says', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    time.advance(200);
    press('p');
    expect(controller.state.status).toBe('paused');
    expect(time.pending()).toBe(0);
    time.stall(5000);
    press('p');
    expect(controller.state.status).toBe('playing');
    expect(controller.state.tick).toBe(312);
    expect(time.pending()).toBe(1);
    expect(games[0]!.inputs).toEqual([
      [12, 'pause'],
      [312, 'pause'],
    ]);
  });

  it('catches up a stall at once, but at most 8 ticks past the tick it meant to wake at', () => {
    const { time, controller, press } = setup();
    controller.start();
    // Asleep until tick 48 (the first row of fall), the event loop stalls for 3 s.
    time.stall(3000);
    time.advance(1);
    expect(controller.state.tick).toBe(48 + 8);
    time.advance(1000);
    press('p');
    expect(controller.state.tick).toBe(48 + 8 + 60);
  });

  it('applies a key at the tick in progress, before that tick falls', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    time.advance(100);
    press('left');
    press('space');
    expect(games[0]!.inputs).toEqual([
      [6, 'left'],
      [6, 'hardDrop'],
    ]);
    expect(controller.state.pieces).toBe(1);
  });

  it('moves a held key with DAS and ARR on its own ticks (kitty keyboard)', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    press('right', 'press');
    time.advance(14 * TICK_MS + 1);
    press('right', 'release');
    expect(games[0]!.inputs).toEqual([
      [0, 'right'],
      [10, 'right'],
      [12, 'right'],
      [14, 'right'],
    ]);
    // Released: no more moves.
    time.advance(1000);
    expect(games[0]!.inputs).toHaveLength(4);
  });
});

describe('what the player records', () => {
  it('replays to the same game', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    const script: [number, string, KeyEvent['type']][] = [
      [50, 'left', 'tap'],
      [30, 'x', 'tap'],
      [200, 'space', 'tap'],
      [10, 'c', 'tap'],
      [400, 'right', 'press'],
      [300, 'right', 'release'],
      [20, 'down', 'press'],
      [250, 'down', 'release'],
      [10, 'z', 'tap'],
      [700, 'p', 'tap'],
      [2000, 'p', 'tap'],
      [100, 'space', 'tap'],
    ];
    for (const [wait, key, type] of script) {
      time.advance(wait);
      press(key, type);
    }
    time.advance(3000);
    expect(press('q')).toBe('quit');
    const game = games[0]!;
    expect(game.end).toBeDefined();
    expect(summarize(replay(game, game.end!.tick))).toEqual(summarize(game.end!));
  });
});

describe('app commands', () => {
  it('pauses for help and resumes when it closes', () => {
    const { time, controller, press } = setup();
    controller.start();
    press('?');
    expect((controller.view() as PlayView).help).toBe(true);
    expect(controller.state.status).toBe('paused');
    expect(time.pending()).toBe(0);
    press('left');
    expect(controller.state.status).toBe('paused');
    press('?');
    expect((controller.view() as PlayView).help).toBe(false);
    expect(controller.state.status).toBe('playing');
  });

  it('leaves a game paused by the player paused when help closes', () => {
    const { controller, press } = setup();
    controller.start();
    press('p');
    press('?');
    press('escape');
    expect((controller.view() as PlayView).help).toBe(false);
    expect(controller.state.status).toBe('paused');
  });

  it('pauses while the terminal is too small and resumes when it grows', () => {
    const { time, controller, press } = setup();
    controller.resize({ columns: 80, rows: 24 });
    controller.start();
    controller.resize({ columns: 40, rows: 24 });
    expect(controller.state.status).toBe('paused');
    expect(time.pending()).toBe(0);
    press('p');
    expect(controller.state.status).toBe('paused');
    controller.resize({ columns: 120, rows: 40 });
    expect(controller.state.status).toBe('playing');
  });

  it('keeps a game the player paused paused after the terminal grows back', () => {
    const { controller, press } = setup();
    controller.start();
    press('p');
    controller.resize({ columns: 10, rows: 10 });
    controller.resize({ columns: 80, rows: 24 });
    expect(controller.state.status).toBe('paused');
  });

  it('pauses at the tick in progress on Ctrl-Z and stays paused however long the program was stopped', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    time.advance(200);
    controller.suspend();
    expect(controller.state.status).toBe('paused');
    expect(controller.view().game.status).toBe('paused');
    expect(time.pending()).toBe(0);
    time.stall(3_600_000);
    expect(controller.state.status).toBe('paused');
    press('p');
    expect(controller.state.status).toBe('playing');
    // The pause is in the recording, as the player's own would be.
    expect(games[0]!.inputs).toEqual([
      [12, 'pause'],
      [216012, 'pause'],
    ]);
  });

  it('keeps a game paused for a small terminal paused after Ctrl-Z, when the terminal fits again', () => {
    const { controller } = setup();
    controller.resize({ columns: 80, rows: 24 });
    controller.start();
    controller.resize({ columns: 40, rows: 24 });
    controller.suspend();
    controller.resize({ columns: 80, rows: 24 });
    expect(controller.state.status).toBe('paused');
  });

  it('starts paused in a terminal that is already too small', () => {
    const { time, controller } = setup();
    controller.resize({ columns: 30, rows: 10 });
    controller.start();
    expect(controller.state.status).toBe('paused');
    expect(time.pending()).toBe(0);
  });

  it('restarts: ends the game, starts another with the next seed', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    time.advance(500);
    press('r');
    expect(games).toHaveLength(2);
    expect(games[0]!.end?.tick).toBe(30);
    expect(games[0]!.settings.seed).toBe(41);
    expect(games[1]!.settings.seed).toBe(42);
    expect(controller.state.tick).toBe(0);
    time.advance(1000);
    expect(controller.state.tick).toBe(60);
  });

  it('ends a topped-out game once, stops the clock, and plays again on r', () => {
    const { time, controller, press, games } = setup();
    controller.start();
    let guard = 0;
    while (controller.state.status !== 'over' && guard++ < 100) {
      press('space');
      time.advance(20);
    }
    expect(controller.state.status).toBe('over');
    expect(games[0]!.end?.status).toBe('over');
    expect(time.pending()).toBe(0);
    // Issue 17: ? works at the end too, over the end panel, and closes again.
    press('?');
    expect((controller.view() as PlayView).help).toBe(true);
    press('?');
    expect((controller.view() as PlayView).help).toBe(false);
    press('r');
    expect(controller.state.status).toBe('playing');
    expect(games).toHaveLength(2);
    press('q');
    expect(games[1]!.end).toBeDefined();
  });

  it.each([
    ['q', false],
    ['c', true],
  ])('quits on %s (ctrl %s): ends the game once, no timer left', (name, ctrl) => {
    const ended: GameState[] = [];
    const { time, controller, press } = setup({ hooks: { onGameEnd: (s) => void ended.push(s) } });
    controller.start();
    time.advance(300);
    expect(press(name, 'tap', ctrl)).toBe('quit');
    controller.stop();
    expect(ended).toHaveLength(1);
    expect(ended[0]!.tick).toBe(18);
    expect(time.pending()).toBe(0);
  });

  it('stops the loop and reports an error thrown inside it', () => {
    const time = fakeTime();
    const errors: unknown[] = [];
    const controller = new Loop(PLAY, playModel({ settings: {}, seedOf: () => 1 }), {
      now: time.now,
      timers: time.timers,
      display: resolveDisplay(),
      onEffect: (effect) =>
        void effectsToHooks({
          onInput: () => {
            throw new Error('disk on fire');
          },
        })(effect, { rank: () => {} }),
      onError: (error) => void errors.push(error),
    });
    controller.start();
    controller.key({ name: 'left', ctrl: false, type: 'tap' });
    expect(errors).toHaveLength(1);
    expect(time.pending()).toBe(0);
  });
});

describe('the high-score rank on the end panel', () => {
  it('shows the rank the table gave the game once it is written, and forgets it on restart', async () => {
    const { time, controller, press } = setup({ hooks: { onGameEnd: async () => 3 } });
    controller.start();
    // Hard drops until the stack tops out.
    for (let i = 0; i < 40 && controller.view().game.status !== 'over'; i++) press('space');
    expect(controller.view().game.status).toBe('over');
    await controller.settled();
    expect((controller.view() as PlayView).rank).toBe(3);
    press('r');
    time.advance(100);
    expect((controller.view() as PlayView).rank).toBeNull();
  });

  it('shows no rank for a game that did not enter the table', async () => {
    const { controller, press } = setup({ hooks: { onGameEnd: async () => null } });
    controller.start();
    for (let i = 0; i < 40 && controller.view().game.status !== 'over'; i++) press('space');
    await controller.settled();
    expect((controller.view() as PlayView).rank).toBeNull();
  });
});

describe('a terminal too small from the start', () => {
  it('pauses the first game when the loop is made at a size the screen does not fit, with no resize after', () => {
    const time = fakeTime();
    const loop = new Loop(PLAY, playModel({ settings: {}, seedOf: () => 1 }), {
      now: time.now,
      timers: time.timers,
      display: resolveDisplay(),
      size: { columns: 40, rows: 15 },
    });
    loop.start();
    time.advance(2000);
    expect(loop.model.game.status).toBe('paused');
    expect(loop.getFrame().kind).toBe('tooSmall');
    loop.resize({ columns: 80, rows: 24 });
    expect(loop.model.game.status).toBe('playing');
  });
});
