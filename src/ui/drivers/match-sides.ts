/**
 * A match's players as the versus view's sides (versus-view.ts): what the
 * garbage meter shows (the rows pending, and of those the rows old enough
 * to enter at the next lock that clears nothing), the rows sent, and the
 * name. The live match and a watched match file both make their sides here.
 */
import { GARBAGE_DELAY, pendingGarbage, type MatchPlayer, type MatchState } from '../../core/match.js';
import type { VersusSide, VersusView } from './versus-view.js';

/** Of `player`'s pending rows, those made at least GARBAGE_DELAY match ticks before `tick`. */
export function readyGarbage(player: MatchPlayer, tick: number): number {
  let rows = 0;
  for (const entry of player.pending) {
    if (tick - entry.tick < GARBAGE_DELAY) break;
    rows += entry.rows;
  }
  return rows;
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

/**
 * A match alone, as a frame of text or an export shows it: both boards, no
 * help, no keys (no one is at the keyboard), the result box once it is over.
 */
export function stillMatchView(m: MatchState, names: readonly [string, string]): VersusView {
  return {
    kind: 'versus',
    sides: [matchSide(m, 0, names[0]), matchSide(m, 1, names[1])],
    tick: m.tick,
    help: false,
    keymaps: [],
    paused: m.status === 'paused',
    ...(m.status === 'over' ? { winner: m.winner } : {}),
  };
}

/** The names of a match file's players: as the file gives them, or P1 and P2. */
export function playerNames(players: readonly [{ readonly name?: string }, { readonly name?: string }]): readonly [string, string] {
  return [players[0].name ?? 'P1', players[1].name ?? 'P2'];
}
