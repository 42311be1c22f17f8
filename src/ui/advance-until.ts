/**
 * The core's `advance`, stopped at the first tick after which a condition
 * holds: "run to the next lock" for replay stepping and for the demo's pilot.
 * The ticks are cut into stretches in which at most the last tick can move
 * or lock the piece (the arithmetic of `ticksUntilChange`), and each
 * stretch goes through `advance`, so the result is what folding `step(s,
 * TICK)` one tick at a time gives, stopped at the same tick.
 */
import { advance, type GameState } from '../core/index.js';
import { ticksUntilChange } from './frame/board-lines.js';

/**
 * Up to `ticks` ticks of `state` with no input, stopping early right after
 * the first tick at which `stop` holds (or at game over). `stop` is checked
 * wherever the piece can have moved or locked, which is enough for any
 * condition on the board, the piece, the counts or the status.
 */
export function advanceUntil(state: GameState, ticks: number, stop: (s: GameState) => boolean): GameState {
  let s = state;
  let left = ticks;
  while (left > 0 && s.status !== 'over' && !stop(s)) {
    // Paused: nothing moves or locks until the next input, so every tick can pass at once.
    if (s.status === 'paused') return advance(s, left);
    const stretch = Math.min(left, ticksUntilChange(s));
    s = advance(s, stretch);
    left -= stretch;
  }
  return s;
}
