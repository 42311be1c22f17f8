/**
 * The demo with fake time: the bot plays on the game's clock, any key shows
 * the keys and holds the game, q quits, and a finished game is followed by
 * a new one.
 */
import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_RESTART_MS, demoModel } from '../../../src/ui/drivers/demo.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import type { PlaySettings } from '../../../src/ui/drivers/play.js';
import { fakeTime, screenHarness } from '../helpers.js';

function setup(settings: PlaySettings = {}) {
  const time = fakeTime();
  const seeds: number[] = [];
  let seed = 30;
  const controller = screenHarness(
    DEMO,
    demoModel({
      settings,
      seedOf: (game) => {
        while (seeds.length < game) seeds.push(seed++);
        return seeds[game - 1]!;
      },
    }),
    time,
  );
  const press = (name: string, type: KeyEvent['type'] = 'tap', ctrl = false) => controller.key({ name, ctrl, type });
  return { time, controller, press, seeds };
}

describe('the demo', () => {
  it('shows the keys, which pauses it, on Ctrl-Z, and goes on after a key once the program continues', () => {
    const { time, controller, press } = setup();
    controller.start();
    time.advance(2000);
    controller.suspend();
    expect(controller.view().help).toBe(true);
    const tick = controller.state.tick;
    time.stall(600_000);
    time.advance(1000);
    expect(controller.state.tick).toBe(tick);
    press('x');
    expect(controller.view().help).toBe(false);
  });

  it('lets the bot play on the game clock, 60 ticks a second', () => {
    const { time, controller } = setup();
    controller.start();
    time.advance(20_000);
    expect(controller.state.tick).toBeGreaterThan(20 * 60 - 60);
    expect(controller.state.tick).toBeLessThanOrEqual(20 * 60);
    expect(controller.state.pieces).toBeGreaterThan(10);
    expect(controller.view().kind).toBe('demo');
  });

  it('shows the keys on any key and holds the game until the next key', () => {
    const { time, controller, press } = setup();
    controller.start();
    time.advance(3000);
    press('x');
    expect(controller.view().help).toBe(true);
    const held = controller.state;
    time.advance(5000);
    expect(controller.state).toBe(held);
    expect(time.pending()).toBe(0);
    press('left');
    expect(controller.view().help).toBe(false);
    time.advance(2000);
    expect(controller.state.tick).toBeGreaterThan(held.tick + 60);
  });

  it('ignores key releases and repeats, so one press is one toggle', () => {
    const { controller, press } = setup();
    controller.start();
    press('x', 'press');
    press('x', 'repeat');
    press('x', 'release');
    expect(controller.view().help).toBe(true);
  });

  it.each([
    ['q', false],
    ['c', true],
  ] as const)('quits on %s (ctrl: %s)', (name, ctrl) => {
    const { time, controller, press } = setup();
    controller.start();
    expect(press(name, 'tap', ctrl)).toBe('quit');
    expect(time.pending()).toBe(0);
  });

  it('shows a finished game for a few seconds, then plays a new one with the next seed', () => {
    const { time, controller, seeds } = setup({ mode: 'sprint' });
    controller.start();
    for (let s = 0; s < 600 && controller.state.status !== 'over'; s++) time.advance(1000);
    expect(controller.state).toMatchObject({ status: 'over', topOut: null });
    expect(controller.state.lines).toBeGreaterThanOrEqual(40);
    time.advance(DEMO_RESTART_MS - 1000);
    expect(controller.state.status).toBe('over');
    time.advance(1000);
    expect(controller.state).toMatchObject({ status: 'playing', pieces: 0 });
    expect(seeds).toEqual([30, 31]);
  });

  it('waits while the terminal is too small', () => {
    const { time, controller } = setup();
    controller.start();
    controller.resize({ columns: 20, rows: 10 });
    time.advance(5000);
    expect(controller.state.tick).toBe(0);
    controller.resize({ columns: 80, rows: 24 });
    time.advance(1000);
    expect(controller.state.tick).toBeGreaterThan(0);
  });

  it('says every clear in the sidebar as play does (its rows flash, "SINGLE +40" for a while, then gone), beside DEMO', () => {
    const { time, controller } = setup();
    controller.start();
    let seen: readonly string[] = [];
    let flashed = false;
    let text = '';
    for (let ms = 0; ms < 120_000 && seen.length === 0; ms += 50) {
      time.advance(50);
      const view = controller.view();
      if (view.kind !== 'demo') throw new Error('not the demo');
      seen = view.feedback ?? [];
      if (seen.length > 0) {
        // The same lock: its rows flash as its text comes.
        flashed = !!view.flash;
        const frame = frameOf(view, resolveDisplay(), { columns: 80, rows: 24 });
        text = frame.kind === 'game' ? frame.feedback + frame.side : '';
      }
    }
    expect(seen[0]).toMatch(/^(SINGLE|DOUBLE|TRIPLE|TETRIS) \+\d+$/);
    expect(flashed).toBe(true);
    expect(text).toContain(seen[0]);
    expect(text).toContain('DEMO');
    // About a second and a half later the text has gone (unless the bot cleared again meanwhile).
    time.advance(1600);
    const after = controller.view();
    expect(after.kind === 'demo' && after.feedback?.includes(seen[0]!) && after.feedback[0] === seen[0]).toBeFalsy();
  });
});
