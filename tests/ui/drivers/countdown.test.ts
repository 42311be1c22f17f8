/** The countdown and the playing clock that the game's and the match's screens share (src/ui/drivers/countdown.ts). */
import { describe, expect, it } from 'vitest';
import { COUNTDOWN_TICKS, countdownText, countdownWake, playingClock } from '../../../src/ui/drivers/countdown.js';

describe('the countdown', () => {
  it('says 3, 2, 1 over its 90 ticks, half a second each, and nothing once over', () => {
    expect(COUNTDOWN_TICKS).toBe(90);
    expect([90, 61, 60, 31, 30, 1, 0].map(countdownText)).toEqual(['3', '3', '2', '2', '1', '1', null]);
  });

  it('wakes the screen at its next step, not every tick', () => {
    expect(countdownWake(100, 90)).toBe(130);
    expect(countdownWake(100, 61)).toBe(101);
    expect(countdownWake(100, 1)).toBe(101);
  });
});

describe('the playing clock', () => {
  const at = { tick: 500, started: true, stopped: false, over: false, countdown: 0, paused: false };
  it('runs while playing and through a countdown, idles while paused, stops before the start, when stopped and at the end', () => {
    expect(playingClock(at)).toEqual({ tick: 500, state: 'run', rate: 60 });
    expect(playingClock({ ...at, paused: true }).state).toBe('idle');
    expect(playingClock({ ...at, paused: true, countdown: 40 }).state).toBe('run');
    expect(playingClock({ ...at, started: false }).state).toBe('stop');
    expect(playingClock({ ...at, stopped: true }).state).toBe('stop');
    expect(playingClock({ ...at, over: true, countdown: 40 }).state).toBe('stop');
  });
});
