/**
 * When a game left alone next changes, and running it up to a condition:
 * what a loop needs to sleep instead of waking every tick, and what replay
 * stepping and the bot's pilot need to run "to the next lock". Both are
 * built on `ticksUntilPieceMoves`, the stretch `advance` itself jumps over,
 * so the arithmetic of gravity and lock delay is written once (game.ts).
 */
import { advance, ticksUntilPieceMoves, type GameState } from './game.js';
import { TICKS_PER_SECOND } from './time.js';

/**
 * Ticks from now until what a running game shows can next change with no
 * input: the piece's next row of fall, its lock, or the next whole second
 * of TIME (shown in whole seconds), whichever comes first. 1 for a game
 * that is paused, over or between pieces.
 */
export function ticksUntilChange(state: GameState): number {
  if (state.status !== 'playing' || !state.active) return 1;
  const second = TICKS_PER_SECOND - (state.time % TICKS_PER_SECOND);
  return Math.max(1, Math.min(ticksUntilPieceMoves(state), second));
}

/**
 * Up to `ticks` ticks of `state` with no input, stopping early right after
 * the first tick at which `stop` holds (or at game over). The ticks are cut
 * into stretches in which at most the last tick can move or lock the piece,
 * and each stretch goes through `advance`, so the result is what folding
 * `step(s, TICK)` one tick at a time gives, stopped at the same tick. `stop`
 * is checked wherever the piece can have moved or locked, which is enough
 * for any condition on the board, the piece, the counts or the status.
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
