/**
 * What the terminal app draws and who drives it: a game being played, a
 * replay being watched, or the demo. Each is a controller with the same
 * shape, so one Ink app (App, Screen, GameFrame) and one runner (runScreen)
 * serve all three.
 */
import type { GameState } from '../../core/index.js';
import type { KeyEvent } from '../input/key-events.js';
import type { TerminalSize } from '../frame/layout.js';

/** Where a watched replay is, for the sidebar. */
export interface ReplayStatus {
  readonly kind: 'replay';
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

/** The demo: the autoplayer at the keys. */
export interface DemoStatus {
  readonly kind: 'demo';
}

/** What is being watched instead of played: changes the sidebar, the help and the end panel. */
export type WatchStatus = ReplayStatus | DemoStatus;

/** What the screen shows. A new object exactly when the frame changes. */
export interface ScreenView {
  readonly state: GameState;
  /** The keys are shown over the board. */
  readonly help: boolean;
  /**
   * The player's best result in this game's mode before this game (score,
   * or sprint time in ticks), for the end panel; null when there is none
   * yet, undefined when it is not known (the end panel then leaves it out).
   */
  readonly best?: number | null;
  /** The ended game's place in the high-score table (1-10), once known. @default null */
  readonly rank?: number | null;
  /** Set when a replay or the demo is watched. */
  readonly watch?: WatchStatus;
}

/** The app's side of a controller: frames out, keys and the window size in. */
export interface ScreenController {
  /** Subscribe to frame changes (for `useSyncExternalStore`). */
  readonly subscribe: (listener: () => void) => () => void;
  /** The current view (for `useSyncExternalStore`). */
  readonly getView: () => ScreenView;
  /** Start the clock and the loop. */
  start(): void;
  /** Handle a key; `quit` when the app should exit (the controller has then stopped). */
  key(event: KeyEvent): 'quit' | null;
  /** The terminal's size changed (and once at the start). */
  resize(size: TerminalSize): void;
  /**
   * The terminal goes back to the shell (Ctrl-Z) and the program will stop:
   * the clock stops with what is shown paused, and it stays paused when the
   * program is continued, until the player resumes it (as a game's own pause).
   */
  suspend(): void;
  /** Stop the loop (and end a game in play). Idempotent. */
  stop(): void;
  /** Settles when everything the controller started on the way out (saving recordings) is done. */
  settled(): Promise<void>;
}
