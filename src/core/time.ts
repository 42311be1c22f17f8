/**
 * The game's clock rate (RULES.md "Time"): the core counts time in ticks and
 * never reads a clock; whoever drives it turns wall time into ticks at this
 * rate, and TIME and pieces per second are shown in seconds of these.
 */

/** Ticks per second: the rules core counts time in these (RULES.md "Time"). */
export const TICKS_PER_SECOND = 60;
