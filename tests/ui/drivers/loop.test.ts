/**
 * The one loop, with a small driver of its own on fake time: it runs the
 * model's clock at the model's rate, restarts it where the model starts,
 * jumps or changes rate, sleeps until the model's next wake, publishes a
 * frame only when the frame changes, and stops on a quit or an error.
 */
import { describe, expect, it } from 'vitest';
import { createGame, type GameState } from '../../../src/core/index.js';
import { Loop } from '../../../src/ui/drivers/loop.js';
import type { Driver, Effect, ScreenEvent } from '../../../src/ui/drivers/screen.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTime } from '../helpers.js';

/** A screen that counts ticks: `run` while running, at `rate`; space toggles, g jumps to 0, + doubles the rate, q quits. */
interface Counter {
  readonly tick: number;
  readonly running: boolean;
  readonly rate: number;
  readonly game: GameState;
  readonly events: readonly string[];
}

const GAME = createGame({ seed: 1 });

const COUNTER: Driver<Counter> = {
  reduce(model: Counter, event: ScreenEvent) {
    const events = [...model.events, event.kind === 'key' ? `key ${event.key.name}` : event.kind];
    const effects: Effect[] = [];
    let next: Counter = { ...model, events };
    if (event.kind === 'tick') next = { ...next, tick: event.tick, game: { ...GAME, time: event.tick } };
    if (event.kind === 'key') {
      const { name } = event.key;
      if (name === 'space') next = { ...next, running: !model.running };
      if (name === 'g') next = { ...next, tick: 0, game: GAME };
      if (name === '+') next = { ...next, rate: model.rate * 2 };
      if (name === 'q') effects.push({ kind: 'quit' });
      if (name === 'x') throw new Error('the counter broke');
    }
    return { model: next, effects };
  },
  view: (model) => ({ kind: 'demo', game: model.game, help: false }),
  clock: (model) => ({ tick: model.tick, state: model.running ? 'run' : 'stop', rate: model.rate }),
  // The screen shows whole seconds of `time`: the next change is the next multiple of 60.
  nextWake: (model) => (model.running ? (Math.floor(model.tick / 60) + 1) * 60 : null),
};

function setup(rate = 60) {
  const time = fakeTime();
  const effects: Effect[] = [];
  const errors: unknown[] = [];
  const loop = new Loop(
    COUNTER,
    { tick: 0, running: true, rate, game: GAME, events: [] },
    {
      now: time.now,
      timers: time.timers,
      display: resolveDisplay(),
      size: { columns: 80, rows: 24 },
      onEffect: (effect) => void effects.push(effect),
      onError: (error) => void errors.push(error),
    },
  );
  let frames = 0;
  loop.subscribe(() => frames++);
  loop.getFrame();
  const key = (name: string) => loop.key({ name, ctrl: false, type: 'tap' });
  return { time, loop, key, effects, errors, frames: () => frames };
}

describe('the loop', () => {
  it('tells the model the terminal size before anything else, then runs its clock from the start', () => {
    const { time, loop } = setup();
    expect(loop.model.events[0]).toBe('resize');
    loop.start();
    time.advance(1000);
    expect(loop.model.tick).toBe(60);
  });

  it('sleeps until the next wake: one timer, fired at the tick the model asked for', () => {
    const { time, loop } = setup();
    loop.start();
    expect(time.pending()).toBe(1);
    time.advance(990);
    expect(loop.model.tick).toBe(0);
    time.advance(20);
    expect(loop.model.tick).toBe(60);
    expect(time.pending()).toBe(1);
  });

  it('publishes a frame only when the frame changes', () => {
    const { time, loop, key, frames } = setup();
    loop.start();
    time.advance(500);
    // A key brings the model up to the clock (tick 30): the same whole second, the same frame.
    key('z');
    expect(loop.model.tick).toBe(30);
    expect(frames()).toBe(0);
    time.advance(600);
    expect(frames()).toBe(1);
  });

  it('publishes one frame for the time and a key that come together: the frame after both', () => {
    const { time, loop, key, frames } = setup();
    loop.start();
    // The timer for tick 60 has not run (a busy event loop); the key comes at tick 66 and jumps back to tick 0.
    time.stall(1100);
    key('g');
    expect(loop.model.events.slice(-2)).toEqual(['tick', 'key g']);
    // TIME went to 0:01 and back to 0:00 within one event: nothing to draw.
    expect(frames()).toBe(0);
  });

  it('keeps the timer set when a key leaves the next wake where it was, and sets a new one when it moves', () => {
    const { time, loop, key } = setup();
    let set = 0;
    const setTimeout = time.timers.setTimeout;
    time.timers.setTimeout = (callback, ms) => {
      set++;
      return setTimeout(callback, ms);
    };
    loop.start();
    expect(set).toBe(1);
    for (let i = 0; i < 5; i++) {
      time.advance(100);
      key('z');
    }
    expect(set).toBe(1);
    expect(time.pending()).toBe(1);
    // The rate doubles: the clock restarts and the next whole second comes sooner.
    key('+');
    expect(set).toBe(2);
    expect(time.pending()).toBe(1);
    time.advance(300);
    expect(loop.model.tick).toBe(60);
  });

  it('restarts the clock where the model starts running again, so stopped time is not played', () => {
    const { time, loop, key } = setup();
    loop.start();
    time.advance(1000);
    key('space');
    time.advance(5000);
    expect(loop.model.tick).toBe(60);
    key('space');
    time.advance(1000);
    expect(loop.model.tick).toBe(120);
  });

  it('restarts the clock where the model jumps (a restart) and where its rate changes', () => {
    const { time, loop, key } = setup();
    loop.start();
    time.advance(2000);
    key('g');
    time.advance(1000);
    expect(loop.model.tick).toBe(60);
    key('+');
    time.advance(1000);
    expect(loop.model.tick).toBe(180);
  });

  it('catches a stall up only so far, then runs at its rate again', () => {
    const { time, loop, key } = setup();
    loop.start();
    time.stall(60_000);
    key('z');
    // The loop meant to wake at tick 60: it catches up to there and 8 ticks more, and skips the rest of the minute.
    expect(loop.model.tick).toBe(68);
    time.advance(1000);
    key('z');
    expect(loop.model.tick).toBe(128);
  });

  it('stops on a quit effect: no timer is left and later keys do nothing', () => {
    const { time, loop, key, effects } = setup();
    loop.start();
    expect(key('q')).toBe('quit');
    expect(effects).toEqual([{ kind: 'quit' }]);
    expect(time.pending()).toBe(0);
    const before = loop.model;
    key('space');
    expect(loop.model).toBe(before);
  });

  it('stops on an error inside the model and reports it; a stop then still ends what runs', () => {
    const { time, loop, key, errors } = setup();
    loop.start();
    key('x');
    expect(errors).toHaveLength(1);
    expect(time.pending()).toBe(0);
    loop.stop();
    expect(loop.model.events.at(-1)).toBe('stop');
  });
});
