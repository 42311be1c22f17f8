/**
 * Wall time to ticks, drift-free: tick n begins exactly n x 16.67 ms after
 * the origin, measured on a high-resolution clock, so late timer wake-ups
 * never add up. After a stall the game catches up at once, at most
 * MAX_CATCH_UP_TICKS ticks; time beyond that is skipped by moving the origin,
 * so the game never runs fast for long to make up for it.
 */
import { TICKS_PER_SECOND } from '../core/index.js';
import { MAX_CATCH_UP_TICKS } from './timing.js';

/** Milliseconds from a monotonic high-resolution clock (`performance.now`). */
export type Now = () => number;

/** Maps the time of a monotonic clock to ticks of the game. */
export class TickClock {
  private origin: number;

  constructor(
    private readonly now: Now,
    private readonly ticksPerSecond: number = TICKS_PER_SECOND,
    private readonly maxCatchUp: number = MAX_CATCH_UP_TICKS,
  ) {
    this.origin = now();
  }

  /** Start counting so that `tick` begins now. */
  start(tick = 0): void {
    this.origin = this.now() - this.msOf(tick);
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
   * The tick in progress now, for a game at tick `current`: never before
   * `current`. With `capped` (the game is running), at most `maxCatchUp`
   * ticks past `expected`, the tick the caller meant to wake at (by default
   * `current`); the rest of a stall is skipped. While paused every tick
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

  /** Milliseconds from now until `tick` begins (0 if it already has). */
  msUntil(tick: number): number {
    return Math.max(0, this.origin + this.msOf(tick) - this.now());
  }
}
