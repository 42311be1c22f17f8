/**
 * A match's players as the versus view's sides (versus-view.ts): what the
 * garbage meter shows (the rows pending, and of those the rows old enough
 * to enter at the next lock that clears nothing), the rows sent, and the
 * name. The live match and a watched match file both make their sides here.
 */
import { GARBAGE_DELAY, pendingGarbage, type MatchPlayer, type MatchState } from '../../core/match.js';
import type { VersusSide } from './versus-view.js';

/** Of `player`'s pending rows, those made at least GARBAGE_DELAY match ticks before `tick`. */
export function readyGarbage(player: MatchPlayer, tick: number): number {
  let rows = 0;
  for (const entry of player.pending) {
    if (tick - entry.tick < GARBAGE_DELAY) break;
    rows += entry.rows;
  }
  return rows;
}

/**
 * The tick after `tick` at which a pending entry of either player becomes
 * ready (the meter changes with no input), or null for none.
 */
export function nextReadyTick(m: MatchState): number | null {
  let next: number | null = null;
  for (const player of m.players)
    for (const entry of player.pending) {
      const at = entry.tick + GARBAGE_DELAY;
      if (at > m.tick) {
        next = next === null ? at : Math.min(next, at);
        break;
      }
    }
  return next;
}

/** Player `side` of match `m` as a versus side, named `name`, with these feedback texts and flash. */
export function matchSide(
  m: MatchState,
  side: 0 | 1,
  name: string,
  feedback: readonly string[] = [],
  flash: VersusSide['flash'] = null,
): VersusSide {
  const player = m.players[side];
  return {
    game: player.game,
    name,
    pending: pendingGarbage(player),
    ready: readyGarbage(player, m.tick),
    sent: player.sent,
    feedback,
    flash,
  };
}
