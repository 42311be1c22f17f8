/**
 * Wall time to ticks, drift-free: tick n begins exactly n ticks' worth of
 * milliseconds after the origin, measured on a high-resolution clock, so
 * late timer wake-ups never add up. After a stall the screen catches up at
 * once, at most a few ticks; time beyond that is skipped by moving the
 * origin, so a game never runs fast for long to make up for it.
 */
import { TICKS_PER_SECOND } from '../../core/index.js';

/** Milliseconds per tick. */
export const TICK_MS = 1000 / TICKS_PER_SECOND;

/** Milliseconds from a monotonic high-resolution clock (`performance.now`). */
export type Now = () => number;

/**
 * Most ticks simulated at once to catch up after a stall (a busy event loop,
 * a suspended laptop), at 60 ticks a second. Beyond this the clock skips
 * ahead rather than playing the missed time in a burst: 8 ticks is 133 ms.
 */
export const MAX_CATCH_UP_TICKS = 8;

/** Maps the time of a monotonic clock to ticks. */
export class TickClock {
  private origin: number;

  constructor(
    private readonly now: Now,
    private ticksPerSecond: number = TICKS_PER_SECOND,
    private maxCatchUp: number = MAX_CATCH_UP_TICKS,
  ) {
    this.origin = now();
  }

  /** Start counting so that `tick` begins now. */
  start(tick = 0): void {
    this.origin = this.now() - this.msOf(tick);
  }

  /** Start counting at another rate (and catch-up limit) so that `tick` begins now. */
  restart(tick: number, ticksPerSecond: number, maxCatchUp: number): void {
    this.ticksPerSecond = ticksPerSecond;
    this.maxCatchUp = maxCatchUp;
    this.start(tick);
  }

  /** Milliseconds from the origin to the start of `tick`. */
  private msOf(tick: number): number {
    return (tick * 1000) / this.ticksPerSecond;
  }

  /** Ticks begun by `ms` after the origin; the nudge keeps 1000 ms at 60 ticks, not 59.999. */
  private ticksAt(ms: number): number {
    return Math.floor((ms * this.ticksPerSecond) / 1000 + 1e-9);
  }

  /**
   * The tick in progress now, for a screen at tick `current`: never before
   * `current`. With `capped` (the screen runs), at most `maxCatchUp` ticks
   * past `expected`, the tick the caller meant to wake at (by default
   * `current`); the rest of a stall is skipped. While idle every tick
   * passes, since a paused game costs nothing to advance.
   */
  due(current: number, capped = true, expected = current): number {
    const wall = this.ticksAt(this.now() - this.origin);
    const limit = Math.max(current, expected) + this.maxCatchUp;
    if (capped && wall > limit) {
      this.origin += this.msOf(wall - limit);
      return limit;
    }
    return Math.max(wall, current);
  }

  /** When `tick` begins, on the time of `now`: the same for the same tick until the clock is started again or skips a stall. */
  startOf(tick: number): number {
    return this.origin + this.msOf(tick);
  }

  /** Milliseconds from now until `tick` begins (0 if it already has). */
  msUntil(tick: number): number {
    return Math.max(0, this.origin + this.msOf(tick) - this.now());
  }
}
