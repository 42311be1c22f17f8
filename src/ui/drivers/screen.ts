/**
 * What every screen is made of: the events it takes (keys, the terminal's
 * size, time as ticks), what it says happened (as data, for the program to
 * record and act on), the view it shows, and the driver shape that turns
 * one into the other. A driver is a set of pure functions over a model;
 * the one `Loop` (loop.ts) runs any of them on a clock.
 */
import type { Board, GameSettings, GameState, InputName } from '../../core/index.js';
import type { MatchState } from '../../core/match.js';
import type { TerminalSize } from '../frame/layout.js';
import type { KeyEvent } from '../input/key-events.js';
import type { AppAnswer, AppRequest } from './app-io.js';
import type { MenuView } from './menu-view.js';
import type { VersusView } from './versus-view.js';

/** What reaches a screen. */
export type ScreenEvent =
  /** A key, at the tick in progress. */
  | { readonly kind: 'key'; readonly key: KeyEvent }
  /** The terminal's size (once at the start, then on every change). */
  | { readonly kind: 'resize'; readonly size: TerminalSize }
  /** Time: `tick` of the screen's clock is in progress (see {@link ScreenClock}). */
  | { readonly kind: 'tick'; readonly tick: number }
  /** The screen starts (its first game begins). */
  | { readonly kind: 'start' }
  /** The terminal goes back to the shell (Ctrl-Z): what runs pauses, and stays paused after `fg`. */
  | { readonly kind: 'suspend' }
  /** The program is leaving: a game in play ends. */
  | { readonly kind: 'stop' }
  /** The high-score table gave game `game` (see {@link Effect} `gameEnd`) this rank. */
  | { readonly kind: 'rank'; readonly game: number; readonly rank: number }
  /** The program's answer to a `request` (the front door's files: app-io.ts). */
  | { readonly kind: 'answer'; readonly answer: AppAnswer };

/** What a screen says happened, for the program to act on. */
export type Effect =
  /** The viewer asked to leave. */
  | { readonly kind: 'quit' }
  /** Game `game` started with these settings (the first, and each restart). */
  | { readonly kind: 'gameStart'; readonly game: number; readonly settings: Required<GameSettings> }
  /** An input changed game `game` at `tick` (inputs a game ignores are not reported): what a recording keeps. */
  | { readonly kind: 'input'; readonly game: number; readonly tick: number; readonly input: InputName }
  /** Game `game` ended: topped out, finished, abandoned by a restart, or quit. Once per game. */
  | { readonly kind: 'gameEnd'; readonly game: number; readonly state: GameState }
  /** The front door asks the program to read or write a file (app-io.ts); the answer comes as an `answer` event. */
  | { readonly kind: 'request'; readonly request: AppRequest }
  /** The viewer asked for the menu (the screen leaves, as on quit). */
  | { readonly kind: 'menu' }
  /** The viewer asked to watch the game just played (the screen leaves, as on quit). */
  | { readonly kind: 'watchLast' }
  /**
   * Versus match `match` started (the first, and each rematch): both games' settings (one seed) and the
   * players' names, what a match file's head and `players` hold.
   */
  | {
      readonly kind: 'matchStart';
      readonly match: number;
      readonly settings: Required<GameSettings>;
      readonly names: readonly [string, string];
    }
  /** An input of player `side` (0 for player 1) changed match `match` at `tick`: a match file's `players[side].inputs`. */
  | { readonly kind: 'matchInput'; readonly match: number; readonly side: 0 | 1; readonly tick: number; readonly input: InputName }
  /** Match `match` ended: a result, a rematch asked, or quit. Once per match. */
  | { readonly kind: 'matchEnd'; readonly match: number; readonly state: MatchState };

/** How a screen's clock runs now. */
export interface ScreenClock {
  /** The tick the screen is at. */
  readonly tick: number;
  /**
   * `run`: time moves the screen, and a stall is caught up at most a few
   * ticks (then skipped); `idle`: time passes without limit (a paused game
   * counts its paused ticks at no cost); `stop`: time does not move it.
   */
  readonly state: 'run' | 'idle' | 'stop';
  /** Ticks per second of wall time: 60, or a replay's speed times 60. */
  readonly rate: number;
}

/** One screen: pure functions over its model `M`. */
export interface Driver<M> {
  /** The model after `event`, and what happened. Returns `model` itself when nothing changed. */
  reduce(model: M, event: ScreenEvent): { readonly model: M; readonly effects: readonly Effect[] };
  /** What the model shows. */
  view(model: M): ScreenView;
  /** Where the model's clock is and how it runs. */
  clock(model: M): ScreenClock;
  /** The next tick of the clock at which the view can change with no event but time; null for none. */
  nextWake(model: M): number | null;
}

/** Where a watched replay is, for the sidebar. */
export interface ReplayStatus {
  /** Playback speed: 1 is real time. */
  readonly speed: number;
  /** Playback is stopped (space, a step, help, or a terminal too small). */
  readonly paused: boolean;
  /** The replay has nothing more to show. */
  readonly ended: boolean;
  /** Ticks of the replay played so far (pauses in the game included). */
  readonly tick: number;
  /** The replay's last tick. */
  readonly endTick: number;
  /** Pieces locked so far, and in the whole replay. */
  readonly pieces: number;
  readonly totalPieces: number;
}

/** A game being played. */
export interface PlayView {
  readonly kind: 'play';
  readonly game: GameState;
  /** The keys are shown over the board. */
  readonly help: boolean;
  /**
   * The player's best result in this game's mode before this game (score,
   * or sprint time in ticks), for the end panel; null when there is none
   * yet, undefined when it is not known (the end panel leaves it out).
   */
  readonly best: number | null | undefined;
  /** The ended game's place in the high-score table (1-10), once known. */
  readonly rank: number | null;
  /** What the sidebar says about the last clears, newest first. @default none */
  readonly feedback?: readonly string[];
  /** The rows the last lock cleared, flashing where they were; null or undefined for none. */
  readonly flash?: { readonly board: Board; readonly rows: readonly number[] } | null;
  /** The countdown's text (READY 3, 2, 1) while it runs; the board shows, still. @default none */
  readonly countdown?: string | null;
  /** How the game stands against the best one ("-1.23": seconds ahead; "+340": points ahead in ultra); null or undefined for nothing to say. */
  readonly pace?: string | null;
  /** The end panel offers the menu (m). @default false */
  readonly menu?: boolean;
  /** The end panel offers to watch the game just played (w). @default false */
  readonly watch?: boolean;
  /** Another player's game, watched live: the watcher's only key is back (q). @default false */
  readonly live?: boolean;
}

/** A replay being watched. */
export interface ReplayView {
  readonly kind: 'replay';
  readonly game: GameState;
  readonly help: boolean;
  readonly status: ReplayStatus;
}

/** The autoplayer's game. */
export interface DemoView {
  readonly kind: 'demo';
  readonly game: GameState;
  readonly help: boolean;
  /** What the sidebar says about the last clears, newest first, as in play. @default none */
  readonly feedback?: readonly string[];
  /** The rows the last lock cleared, flashing, as in play. @default none */
  readonly flash?: PlayView['flash'];
}

/** What a screen shows. */
export type ScreenView = PlayView | ReplayView | DemoView | MenuView | VersusView;

/** The views that show one game (every one but a menu's and a match's). */
export type GameView = Exclude<ScreenView, MenuView | VersusView>;

/** A game alone, as a frame of text or a replay's export shows it: no help, no best, no rank. */
export function stillView(game: GameState): PlayView {
  return { kind: 'play', game, help: false, best: undefined, rank: null };
}
