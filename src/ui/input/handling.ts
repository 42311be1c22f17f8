/**
 * The handling numbers of the terminal game: the key-repeat timings used
 * where the terminal reports key press, repeat and release (kitty keyboard
 * protocol).
 */

/** Key-repeat timings, in ticks. */
export interface Handling {
  /** Delayed auto shift: a held left/right key first repeats after this many ticks. @default 10 */
  readonly das: number;
  /** Auto repeat rate: after DAS, one move every this many ticks; 0 moves to the wall at once (and every tick after). @default 2 */
  readonly arr: number;
  /**
   * A held soft drop first repeats after this many ticks (Techmino's "SDDAS"): the press is one
   * row, so a tap is one row, as in terminals that repeat keys themselves. A 75 ms tap is 4.5 ticks. @default 10
   */
  readonly softDropDelay: number;
  /**
   * After `softDropDelay`, a held soft drop moves one row every this many ticks; 0 is instant: the
   * press drops the piece to the floor without locking it, and so does every tick it stays held. @default 2
   */
  readonly softDrop: number;
}

/** The default handling: DAS 10 ticks, ARR 2 ticks; soft drop one row, then after 10 ticks one every 2. */
export const DEFAULT_HANDLING: Handling = Object.freeze({ das: 10, arr: 2, softDropDelay: 10, softDrop: 2 });
