/**
 * What the front door (app.ts) is handed by the program and what it asks of
 * it. The driver reads no file: the program reads config.json, the
 * remembered choices, the high-score tables and the kept replays, hands
 * them in, and answers the driver's requests (an `Effect` of kind
 * `request`) with an `answer` event.
 */
import type { MatchIndex } from '../../core/match-cursor.js';
import type { Mode, PaceCurve, PersonalBests, ReplayIndex, RuleSet, TableKey } from '../../core/index.js';
import type { Handling } from '../input/handling.js';
import type { KeyEvent } from '../input/key-events.js';
import type { Keymap } from '../input/keymap.js';
import type { GameView } from './screen.js';
import type { VersusView } from './versus-view.js';

/** The choices of the front door, remembered for the next start. */
export interface MenuChoices {
  readonly rules: RuleSet;
  /** Start level: 0-19 under nes, 1-20 under guideline. */
  readonly level: number;
  /** Garbage rows of a dig: 10, 18 or 100. */
  readonly digLines: number;
  /** The item chosen last, selected at the next start. */
  readonly item: string;
  /** Who Versus plays against: the bot, or two players at one keyboard. @default 'bot' */
  readonly opponent?: 'bot' | 'local';
  /** The bot's pace in Versus, pieces a second (menu.ts BOT_SPEEDS). @default 1.5 */
  readonly botPps?: number;
}

/** The settings of the Settings screen: what config.json keeps (src/cli/config.ts reads and writes them). */
export interface PlayerSettings {
  /** Every command's keys: the defaults with the file's `keys` replacing whole commands. */
  readonly keys: Keymap;
  /**
   * Delayed auto shift, ticks a held left/right waits before repeating (terminals with key release events).
   * The file may say it in milliseconds (`"das": "150ms"`), rounded to ticks. @default 10
   */
  readonly das: number;
  /** Auto repeat rate, ticks between repeated moves after DAS; 0 moves to the wall at once. @default 2 */
  readonly arr: number;
  /** Ticks per row of a held soft drop; 0 is instant (`"softDrop": "instant"`: to the floor, no lock). @default 2 */
  readonly softDrop: number;
  /** Next pieces shown, 1-6. @default 5 */
  readonly preview: number;
  /** @default true */
  readonly ghost: boolean;
  /** @default true (false when NO_COLOR is set) */
  readonly color: boolean;
  /** Draw without Unicode block characters. @default false */
  readonly ascii: boolean;
  /** Cells twice as wide and tall where the terminal is at least twice the game screen (`--big`). @default false */
  readonly big: boolean;
}

/** A kept replay, for the Watch list. */
export interface KeptReplay {
  /** Its file name in the archive, what a `loadReplay` request names. */
  readonly name: string;
  /** How the list shows it (`2026-12-02 07:05  seed 12`). */
  readonly label: string;
}

/** One high-score table as text (high-scores.ts `formatTable`). */
export interface ScoreSheet {
  readonly title: string;
  readonly lines: readonly string[];
}

/** What the program keeps that the front door shows: refreshed after every game. */
export interface AppFiles {
  readonly bests: PersonalBests | null;
  readonly scores: readonly ScoreSheet[];
  /** Newest first. */
  readonly replays: readonly KeptReplay[];
  /** The progress curve of each table's best game (sprint, ultra, dig), for the pace in the sidebar. @default none */
  readonly paces?: Partial<Record<TableKey, PaceCurve>>;
  /**
   * The games being played now by the other players of a server, for the
   * top of the Watch list; undefined where there are none to watch (bare
   * `inktris`). @default none
   */
  readonly live?: readonly LiveGame[];
}

/** A game in progress on the server, for the Watch list. */
export interface LiveGame {
  /** Its player's session, what a `watchLive` request names. */
  readonly id: number;
  /** How the list shows it (`LIVE  ann  marathon  12,340`). */
  readonly label: string;
}

/** What a watcher of a game in progress sees: the player's game, or both boards of their match. */
export type LiveView = GameView | VersusView;

/** What the front door asks of the program. */
export type AppRequest =
  /** Write config.json (unknown keys kept); answered only on failure. */
  | { readonly kind: 'saveSettings'; readonly settings: PlayerSettings }
  /** Write the remembered choices; answered only on failure. */
  | { readonly kind: 'saveChoices'; readonly choices: MenuChoices }
  /** Read and index a kept replay; answered with `replay` or `failed`. */
  | { readonly kind: 'loadReplay'; readonly name: string }
  /** Read the tables and the kept replays again (a game has ended); answered with `files`. */
  | { readonly kind: 'refresh' }
  /**
   * The look changed (colour, ASCII, ghost, preview, keys in the panels):
   * the program shows the screen again with the new look, from the model
   * the loop holds now.
   */
  | { readonly kind: 'relook'; readonly settings: PlayerSettings }
  /** Watch the game of session `id` live: answered with `live` as it changes, and `liveEnded` at its end. */
  | { readonly kind: 'watchLive'; readonly id: number }
  /** The live watch was left: nothing more of it is sent; not answered. */
  | { readonly kind: 'unwatch' }
  /** Challenge the player of session `id` to a match under `rules` (how the challenge names them); answered with `lobbyNote`s. */
  | { readonly kind: 'challenge'; readonly id: number; readonly rules: string }
  /** A match with the next player who asks too, or a challenge to a free one; answered with `lobbyNote`s. */
  | { readonly kind: 'nextFree'; readonly rules: string }
  /** Withdraw this player's challenge, or their place in the queue for the next free opponent; not answered. */
  | { readonly kind: 'cancelChallenge' }
  /** Accept or decline challenge `id`; an accepted one is answered with `duelGuest`. */
  | { readonly kind: 'answerChallenge'; readonly id: number; readonly accept: boolean }
  /** A key of this player's for the match they play on another session's screen (the host's). */
  | { readonly kind: 'duelKey'; readonly key: KeyEvent }
  /** This player's terminal became too small for the match (`small`), or large enough again. */
  | { readonly kind: 'duelSmall'; readonly small: boolean }
  /** This player left the match they play with another session; not answered. */
  | { readonly kind: 'duelLeave' };

/** The program's answer to a request. */
export type AppAnswer =
  | { readonly kind: 'replay'; readonly name: string; readonly index: ReplayIndex }
  | { readonly kind: 'files'; readonly files: AppFiles }
  /** A request failed: one line for the screen. */
  | { readonly kind: 'failed'; readonly message: string }
  /** A kept replay that is a versus match, indexed: the answer to `loadReplay` for a match file. */
  | { readonly kind: 'matchReplay'; readonly name: string; readonly index: MatchIndex }
  /** The watched player's screen now: their game's or match's view, or null while they are not in one (the menu). */
  | { readonly kind: 'live'; readonly id: number; readonly player: string; readonly view: LiveView | null }
  /** The watched player's session ended (or cannot be watched): the watch ends with `message`. */
  | { readonly kind: 'liveEnded'; readonly id: number; readonly message: string }
  /** Who is on the server now and what they do, for the lobby (sent while it is open). */
  | { readonly kind: 'lobby'; readonly players: readonly LobbyPlayer[] }
  /** Another player challenges this one: the front door asks to accept or decline. */
  | { readonly kind: 'challenged'; readonly challenge: Challenge }
  /** Challenge `id` is no more (withdrawn, timed out, its player left): `message` says which. */
  | { readonly kind: 'challengeGone'; readonly id: number; readonly message: string }
  /** What became of this player's challenge or wait (`waiting` while it goes on: "waiting for bob"). */
  | { readonly kind: 'lobbyNote'; readonly message: string; readonly waiting: boolean }
  /**
   * A match of `player` (this one's server name) with `opponent` starts on
   * this screen: their keys come as `duelKey`, matched by their `keymap` and
   * held with their `handling`.
   */
  | {
      readonly kind: 'duelHost';
      readonly player: string;
      readonly opponent: string;
      readonly keymap: Keymap;
      readonly handling: Handling;
    }
  /** A match with `opponent` starts on their screen: its view comes as `duelView`, this player's keys go as `duelKey` requests. */
  | { readonly kind: 'duelGuest'; readonly opponent: string }
  /** The opponent's key, for their board of the match on this screen. */
  | { readonly kind: 'duelKey'; readonly key: KeyEvent }
  /** The opponent's terminal is too small for the match (both games pause), or large enough again. */
  | { readonly kind: 'duelSmall'; readonly small: boolean }
  /** The match on the host's screen now, seen from this player's side (their board on the left). */
  | { readonly kind: 'duelView'; readonly view: VersusView }
  /** The match with another session is over for good: `message` says why ("bob left the match"). */
  | { readonly kind: 'duelEnded'; readonly message: string };

/** A player on the server, as the lobby lists them. */
export interface LobbyPlayer {
  /** Their session, what a `challenge` request names. */
  readonly id: number;
  readonly name: string;
  /** What they are doing: "in the menu", "playing marathon", "watching", "in a match with bob". */
  readonly doing: string;
  /** In a match: they cannot be challenged now. */
  readonly busy: boolean;
  /** This player. */
  readonly self: boolean;
}

/** A challenge to this player. */
export interface Challenge {
  readonly id: number;
  /** Who challenges. */
  readonly from: string;
  /** The match's rules as the challenger chose them ("nes, level 0"). */
  readonly rules: string;
}

/** Game settings of a mode as the choices make them. */
export function choicesSettings(
  choices: MenuChoices,
  mode: Mode,
): { readonly rules: RuleSet; readonly startLevel: number; readonly mode: Mode; readonly digLines?: number; readonly queue: '' } {
  const base = { rules: choices.rules, startLevel: choices.level, mode, queue: '' as const };
  return mode === 'dig' ? { ...base, digLines: choices.digLines } : base;
}
