/** Wall time to ticks: drift-free, and a stall is caught up at once but only so far. */
import { describe, expect, it } from 'vitest';
import { TickClock } from '../../../src/ui/drivers/tick-clock.js';
import { MAX_CATCH_UP_TICKS, TICK_MS } from '../../../src/ui/drivers/tick-clock.js';

function fakeClock(start = 1000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('TickClock', () => {
  it('counts 60 ticks a second from the start', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start();
    expect(clock.due(0)).toBe(0);
    time.advance(TICK_MS * 0.99);
    expect(clock.due(0)).toBe(0);
    time.advance(TICK_MS * 0.02);
    expect(clock.due(0)).toBe(1);
    time.advance(100 - TICK_MS * 1.01);
    expect(clock.due(1)).toBe(6);
  });

  it('does not drift when the timer wakes late every time', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start();
    let tick = 0;
    for (let i = 0; i < 600; i++) {
      time.advance(clock.msUntil(tick + 1) + 1.3);
      tick = clock.due(tick);
    }
    // 600 wake-ups, each 1.3 ms late: the clock still says what the wall says.
    const elapsed = time.now() - 1000;
    expect(tick).toBe(Math.floor(elapsed / TICK_MS));
  });

  it('says how long until a tick begins', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start(5);
    expect(clock.msUntil(6)).toBeCloseTo(TICK_MS);
    time.advance(TICK_MS * 3);
    expect(clock.msUntil(6)).toBe(0);
  });

  it('catches up at most MAX_CATCH_UP_TICKS after a stall, then runs at normal speed', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start();
    time.advance(5000);
    const caught = clock.due(0);
    expect(caught).toBe(MAX_CATCH_UP_TICKS);
    // The rest of the stall is gone: the next tick is one tick away, not 290.
    time.advance(TICK_MS);
    expect(clock.due(caught)).toBe(caught + 1);
  });

  it('lets every tick pass while paused (a paused game costs nothing to advance)', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start();
    time.advance(5000);
    expect(clock.due(0, false)).toBe(300);
  });

  it('never goes back before the tick the game is at', () => {
    const time = fakeClock();
    const clock = new TickClock(time.now);
    clock.start();
    expect(clock.due(7)).toBe(7);
  });
});
