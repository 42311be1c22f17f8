/**
 * The handling numbers of the terminal game: the length of a tick on the
 * wall clock, the key-repeat timings used where the terminal reports key
 * press, repeat and release (kitty keyboard protocol), and how far the loop
 * catches up after a stall. The tick rate itself is the core's.
 */
import { TICKS_PER_SECOND } from '../core/index.js';

/** Milliseconds per tick. */
export const TICK_MS = 1000 / TICKS_PER_SECOND;

/** Key-repeat timings, in ticks. */
export interface Handling {
  /** Delayed auto shift: a held left/right key first repeats after this many ticks. @default 10 */
  readonly das: number;
  /** Auto repeat rate: after DAS, one move every this many ticks (at least 1). @default 2 */
  readonly arr: number;
  /**
   * A held soft drop first repeats after this many ticks (Techmino's "SDDAS"): the press is one
   * row, so a tap is one row, as in terminals that repeat keys themselves. A 75 ms tap is 4.5 ticks. @default 10
   */
  readonly softDropDelay: number;
  /** After `softDropDelay`, a held soft drop moves one row every this many ticks (at least 1). @default 2 */
  readonly softDrop: number;
}

/** The default handling: DAS 10 ticks, ARR 2 ticks; soft drop one row, then after 10 ticks one every 2. */
export const DEFAULT_HANDLING: Handling = Object.freeze({ das: 10, arr: 2, softDropDelay: 10, softDrop: 2 });

/**
 * Most ticks simulated at once to catch up after a stall (a busy event loop,
 * a suspended laptop). Beyond this the game clock skips ahead rather than
 * playing the missed time in a burst: 8 ticks is 133 ms.
 */
export const MAX_CATCH_UP_TICKS = 8;
