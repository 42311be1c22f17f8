/**
 * The replay watcher with fake time: it plays at the replay's own pace,
 * pauses, steps a piece either way, changes speed, starts again, stops at
 * the end, and sleeps between the frames that change.
 */
import { describe, expect, it } from 'vitest';
import { playBot } from '../../../src/bot/index.js';
import { replayStateAt, type GameState, type Replay } from '../../../src/core/index.js';
import { frameText } from '../../../src/ui/export/frame-text.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import { indexReplay, positionAtPiece } from '../../../src/core/replay-cursor.js';
import type { ReplayView } from '../../../src/ui/drivers/screen.js';
import { TICK_MS } from '../../../src/ui/drivers/tick-clock.js';
import { REPLAY as REPLAY_SCREEN, replayModel } from '../../../src/ui/drivers/replay.js';
import { fakeTime, screenHarness } from '../helpers.js';

const game = playBot({ seed: 17, pieces: 40, pace: 45 });
const REPLAY: Replay = { seed: 17, settings: {}, inputs: game.inputs, endTick: game.inputs.at(-1)![0] + 30 };
const INDEX = indexReplay(REPLAY);

function setup(speed?: number) {
  const time = fakeTime();
  const controller = screenHarness(REPLAY_SCREEN, replayModel(INDEX, speed), time);
  let frames = 0;
  controller.subscribe(() => frames++);
  const press = (name: string, type: KeyEvent['type'] = 'tap', ctrl = false) => controller.key({ name, ctrl, type });
  const status = () => (controller.view() as ReplayView).status;
  return { time, controller, press, status, frames: () => frames };
}

/** The game the watcher should show once `ms` of playback have passed at `speed`: through the tick before the one in progress. */
const expectedAt = (ms: number, speed = 1) => replayStateAt(REPLAY, Math.floor((ms * 60 * speed) / 1000 + 1e-9) - 1);

/** What the screen shows for a game (the watcher sleeps through ticks that change nothing on it). */
const screenOf = (state: GameState) => frameText(state);

describe('the replay watcher', () => {
  it('plays the replay at 60 ticks a second, showing the game as the headless replay has it', () => {
    const { time, controller, status } = setup();
    controller.start();
    time.advance(1000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1000)));
    time.advance(2500);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(3500)));
    expect(status()).toMatchObject({ speed: 1, paused: false, ended: false, totalPieces: 40 });
  });

  it('stops playback on Ctrl-Z and stays stopped after the program continues, until space', () => {
    const { time, controller, press, status } = setup();
    controller.start();
    time.advance(1000);
    controller.suspend();
    expect(status().paused).toBe(true);
    time.stall(600_000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1000)));
    press('space');
    time.advance(500);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1500)));
  });

  it('pauses on space and goes on from the same place on space', () => {
    const { time, controller, press, status } = setup();
    controller.start();
    time.advance(2000);
    press('space');
    const paused = controller.loop.model.position;
    expect(status().paused).toBe(true);
    time.advance(5000);
    expect(controller.loop.model.position).toBe(paused);
    expect(time.pending()).toBe(0);
    press('space');
    time.advance(1000);
    expect(screenOf(controller.view().game)).toBe(screenOf(replayStateAt(REPLAY, paused.state.tick + 60 - 1)));
  });

  it('steps to the next lock on right and back on left, stopping playback', () => {
    const { time, controller, press, status } = setup();
    controller.start();
    time.advance(3000);
    const pieces = controller.loop.model.position.state.pieces;
    press('right');
    expect(controller.loop.model.position).toEqual(positionAtPiece(INDEX, pieces + 1));
    expect(status()).toMatchObject({ paused: true, pieces: pieces + 1 });
    press('right');
    press('left');
    expect(controller.loop.model.position).toEqual(positionAtPiece(INDEX, pieces + 1));
    time.advance(2000);
    expect(controller.loop.model.position).toEqual(positionAtPiece(INDEX, pieces + 1));
  });

  it('steps with a held arrow key, each repeat one piece', () => {
    const { controller, press } = setup();
    controller.start();
    press('right', 'press');
    press('right', 'repeat');
    press('right', 'repeat');
    press('right', 'release');
    expect(controller.loop.model.position.state.pieces).toBe(3);
  });

  it('doubles the speed on + and halves it on -, from x0.25 to x16', () => {
    const { time, controller, press, status } = setup();
    controller.start();
    press('+');
    expect(status().speed).toBe(2);
    time.advance(1000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1000, 2)));
    for (let i = 0; i < 6; i++) press('=');
    expect(status().speed).toBe(16);
    for (let i = 0; i < 9; i++) press('-');
    expect(status().speed).toBe(0.25);
  });

  it('plays at a quarter of real time at x0.25', () => {
    const { time, controller } = setup(0.25);
    controller.start();
    time.advance(4000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(4000, 0.25)));
  });

  it('starts again from the beginning on g', () => {
    const { time, controller, press } = setup();
    controller.start();
    time.advance(4000);
    press('g');
    expect(controller.loop.model.position.state.tick).toBe(0);
    time.advance(1000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1000)));
  });

  it('stops at the end, says so, and starts again on space', () => {
    const { time, controller, press, status } = setup(16);
    controller.start();
    time.advance(((INDEX.endTick + 60) * 1000) / (60 * 16));
    expect(controller.loop.model.position.state).toEqual(INDEX.final.state);
    expect(status()).toMatchObject({ ended: true, pieces: 40 });
    expect(time.pending()).toBe(0);
    press('space');
    expect(controller.loop.model.position.state.tick).toBe(0);
    expect(status().ended).toBe(false);
  });

  it('sleeps between frames that change instead of waking every tick', () => {
    const { time, controller, frames } = setup();
    controller.start();
    let wakes = 0;
    const setTimeout = time.timers.setTimeout;
    time.timers.setTimeout = (callback, ms) =>
      setTimeout(() => {
        wakes++;
        callback();
      }, ms);
    time.advance(10_000);
    expect(wakes).toBeLessThan(600 / 4);
    expect(frames()).toBeGreaterThan(10);
    expect(wakes).toBeLessThanOrEqual(frames() + 10);
  });

  it('shows the keys on ? and waits meanwhile', () => {
    const { time, controller, press } = setup();
    controller.start();
    press('?');
    expect(controller.view().help).toBe(true);
    time.advance(3000);
    expect(controller.loop.model.position.state.tick).toBe(0);
    press('?');
    time.advance(1000);
    expect(screenOf(controller.view().game)).toBe(screenOf(expectedAt(1000)));
  });

  it('waits while the terminal is too small', () => {
    const { time, controller } = setup();
    controller.start();
    controller.resize({ columns: 30, rows: 10 });
    time.advance(3000);
    expect(controller.loop.model.position.state.tick).toBe(0);
    controller.resize({ columns: 80, rows: 24 });
    time.advance(TICK_MS * 61);
    expect(controller.loop.model.position.state.tick).toBeGreaterThan(59);
  });

  it('quits on q or Ctrl-C and stops its timer', () => {
    for (const [name, ctrl] of [
      ['q', false],
      ['c', true],
    ] as const) {
      const { time, controller, press } = setup();
      controller.start();
      expect(press(name, 'tap', ctrl)).toBe('quit');
      expect(time.pending()).toBe(0);
    }
  });
});

describe('a watched sprint', () => {
  it('wakes every tick while it plays, for its clock to the hundredth', () => {
    const game = playBot({ seed: 2, pieces: 10, pace: 30, mode: 'sprint' });
    const index = indexReplay({ seed: 2, settings: { mode: 'sprint' }, inputs: game.inputs, endTick: game.inputs.at(-1)![0] + 60 });
    const model = { ...replayModel(index), playing: true, started: true };
    const tick = model.position.state.tick;
    expect(REPLAY_SCREEN.nextWake(model)).toBe(tick + 1);
  });
});
