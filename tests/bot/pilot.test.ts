/**
 * The demo's pilot: the bot's moves pressed at a pace people can follow,
 * through the core, so its inputs replay to the same game.
 */
import { describe, expect, it } from 'vitest';
import { createGame, runReplay, type GameSettings, type InputName } from '../../src/core/index.js';
import { DEMO_PACE, pilotNextInput, pilotRunTo, startPilot, type Pilot } from '../../src/bot/pilot.js';

/** Run a demo game to `ticks`, stepping the clock the way the controller does (a few ticks at a time). */
function demo(settings: Omit<GameSettings, 'seed'>, seed: number, ticks: number, stride = 7) {
  const inputs: [number, InputName][] = [];
  let at: Pilot = startPilot(createGame({ seed, ...settings }), DEMO_PACE);
  for (let tick = 0; tick <= ticks && at.game.status === 'playing'; tick += stride) {
    const ran = pilotRunTo(at, tick, DEMO_PACE);
    at = ran.pilot;
    for (const [t, input] of ran.inputs) inputs.push([t, input]);
  }
  return { pilot: { state: at.game, nextInputTick: pilotNextInput(at) }, inputs };
}

describe('the demo pilot', () => {
  it('plays a game whose inputs replay to the same game', () => {
    const { pilot, inputs } = demo({}, 12, 60 * 120);
    expect(pilot.state.pieces).toBeGreaterThan(60);
    expect(pilot.state.lines).toBeGreaterThan(20);
    const replayed = runReplay({ seed: 12, settings: {}, inputs, endTick: pilot.state.tick - 1 });
    expect(replayed).toEqual(pilot.state);
  });

  it('waits a moment after each piece appears, then presses one input at a time, a few ticks apart', () => {
    const { inputs } = demo({}, 5, 60 * 40);
    for (let i = 1; i < inputs.length; i++) {
      const gap = inputs[i]![0] - inputs[i - 1]![0];
      // A new piece appears with the hard drop: the next input waits for the bot to think.
      const min = inputs[i - 1]![1] === 'hardDrop' ? DEMO_PACE.think : DEMO_PACE.gap;
      expect(gap, `input ${i}`).toBeGreaterThanOrEqual(min);
    }
  });

  it('is watchable: about one piece a second at level 0', () => {
    const { pilot } = demo({}, 9, 60 * 60);
    const perSecond = pilot.state.pieces / 60;
    expect(perSecond).toBeGreaterThan(0.7);
    expect(perSecond).toBeLessThan(2);
  });

  it('keeps playing well where gravity moves the piece between its inputs', () => {
    const { pilot, inputs } = demo({ startLevel: 18 }, 3, 60 * 90);
    expect(pilot.state.status).toBe('playing');
    expect(pilot.state.lines).toBeGreaterThan(10);
    expect(runReplay({ seed: 3, settings: { startLevel: 18 }, inputs, endTick: pilot.state.tick - 1 })).toEqual(pilot.state);
  });

  it('finishes a sprint and then stops', () => {
    const { pilot } = demo({ mode: 'sprint' }, 21, 60 * 60 * 10, 60);
    expect(pilot.state).toMatchObject({ status: 'over', topOut: null });
    expect(pilot.state.lines).toBeGreaterThanOrEqual(40);
    expect(pilot.nextInputTick).toBeNull();
  });

  it('says when it presses next, so the screen can sleep until then', () => {
    const { pilot } = pilotRunTo(startPilot(createGame({ seed: 1 })), 0);
    expect(pilotNextInput(pilot)).toBe(DEMO_PACE.think);
  });

  it('refuses a pace with no gap between inputs', () => {
    expect(() => startPilot(createGame({ seed: 1 }), { think: 5, gap: 0 })).toThrow(RangeError);
  });
});
