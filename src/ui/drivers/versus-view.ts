/**
 * What a versus screen shows: both games of a match, each with what its
 * board needs beside it (name, incoming garbage, feedback), and the match's
 * own state (countdown, pause, result). The live match (play) and a watched
 * match file (replay) both give this view; the frame model draws it.
 */
import type { GameState } from '../../core/index.js';
import type { Keymap } from '../input/keymap.js';
import type { PlayView, ReplayStatus } from './screen.js';

/** One side of a match as its board shows it. */
export interface VersusSide {
  readonly game: GameState;
  /** The player's name over the board: "YOU", "BOT", "P1", "P2", a replay's or a server's player name. */
  readonly name: string;
  /** Rows of garbage pending for this board (the meter beside the well). */
  readonly pending: number;
  /** Of `pending`, the rows old enough (core GARBAGE_DELAY) to enter at this board's next lock that clears nothing. */
  readonly ready: number;
  /** Rows this side sent so far, after cancelling. */
  readonly sent: number;
  /** What this side's feedback says, newest first: its clears ("T-SPIN DOUBLE") and its attack ("+4 sent"). */
  readonly feedback: readonly string[];
  /** The rows this side's last lock cleared, flashing, as in play. @default none */
  readonly flash?: PlayView['flash'];
}

/** A match being played or watched. */
export interface VersusView {
  readonly kind: 'versus';
  readonly sides: readonly [VersusSide, VersusSide];
  /** The match tick in progress (core MatchState.tick): the clock both sidebars show. */
  readonly tick: number;
  /** The keys are shown over the boards. */
  readonly help: boolean;
  /**
   * The keys the help shows and the sidebars hint at, one keymap per player
   * at this keyboard: one against the bot (player 1's), two in a local
   * match (player 1's, then player 2's), none while watching (the watch
   * keys are shown instead).
   */
  readonly keymaps: readonly Keymap[];
  /** The countdown's text (READY 3, 2, 1) while it runs, over both boards. @default none */
  readonly countdown?: string | null;
  /** Paused, by a player or the screen: PAUSED over both boards. */
  readonly paused: boolean;
  /** The match is over: who won (1, 2) or a draw (null); undefined while it runs. The result box shows over both boards. */
  readonly winner?: 1 | 2 | null;
  /** The result box offers a rematch (r), the menu (m) and watching the match just played (w). @default false each */
  readonly rematch?: boolean;
  readonly menu?: boolean;
  readonly watch?: boolean;
  /** A watched match file: where the playback is (speed, pause, end); undefined while playing. */
  readonly status?: ReplayStatus;
  /** Another player's match, watched live: the watcher's only key is back (q), and no player's keys are shown. @default false */
  readonly live?: boolean;
  /**
   * A match between players at two terminals, over: who of the two (this
   * screen's first side, then the second) has asked for the rematch, which
   * starts when both have. @default none
   */
  readonly rematchAsked?: readonly [boolean, boolean];
  /** Why the match is paused when it is not a player's pause (a terminal too small, at the other end): PAUSED says it instead of the keys. @default none */
  readonly pauseNote?: readonly [string, string];
}

const swap = <T>([a, b]: readonly [T, T]): readonly [T, T] => [b, a];

/**
 * The match as the other player sees it: their side on the left, the
 * winner, keymaps and rematch asks turned round with it.
 */
export function mirrorVersus(view: VersusView): VersusView {
  const { winner, keymaps, rematchAsked } = view;
  return {
    ...view,
    sides: swap(view.sides),
    keymaps: keymaps.length === 2 ? swap([keymaps[0]!, keymaps[1]!]) : keymaps,
    ...(winner === undefined ? {} : { winner: winner === null ? null : winner === 1 ? 2 : 1 }),
    ...(rematchAsked ? { rematchAsked: swap(rematchAsked) } : {}),
  };
}
