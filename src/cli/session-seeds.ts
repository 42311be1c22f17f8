/**
 * The seeds of the games of one session (`play`, `demo`): the `--seed`
 * given, for every game (a restart deals the same pieces again), or, from
 * one random seed drawn at the start, a seeded stream (mulberry32, as the
 * core draws its pieces). The screen asks for game n's seed as a pure
 * function, so a session is a fold of its events like any game.
 */
import { mulberry32 } from '../core/index.js';

/** Game `game`'s seed (1 the first): `fixed` if given, else `first` and then the stream that follows from it. */
export function sessionSeed(fixed: number | undefined, first: number, game: number): number {
  if (fixed !== undefined) return fixed;
  let state = first >>> 0;
  let seed = state;
  for (let n = 1; n < game; n++) {
    const draw = mulberry32(state);
    state = draw.state;
    // value * 2^32 is the 32-bit draw itself, exactly.
    seed = (draw.value * 4294967296) >>> 0;
  }
  return seed;
}
