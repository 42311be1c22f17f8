/**
 * The terminal game without the terminal: the game loop (60 ticks a second
 * on a drift-free clock, woken only when the screen can change), the keys, pause,
 * help, restart, quit and the too-small terminal, driven by a clock and
 * timers it is given. The Ink app only forwards keys and the window size to
 * it and draws the view it publishes; tests drive it with fake time.
 */
import {
  createGame,
  ticksUntilChange,
  updateBests,
  type GameSettings,
  type GameState,
  type InputName,
  type PersonalBests,
} from '../core/index.js';
import { sameFrame } from './frame-view.js';
import { type Fault, injectFault } from './fault-injection.js';
import { GameSession } from './game-session.js';
import type { KeyEvent } from './input-keys.js';
import { DEFAULT_KEYMAP, matchCommand, type Keymap } from './keymap.js';
import { LoopController, type LoopOptions } from './loop-controller.js';
import type { ScreenView } from './screen-controller.js';
import { TickClock } from './tick-clock.js';
import type { Handling } from './timing.js';

/** How every game of a session starts, but for the seed, which `nextSeed` gives each game. */
export type PlaySettings = Omit<GameSettings, 'seed'>;

/** Hooks through which the command line records every game. */
export interface PlayHooks {
  /** A game starts (the first, and each restart), with its full settings. */
  readonly onGameStart?: (settings: Required<GameSettings>) => void;
  /** An input changed the game at `tick`. */
  readonly onInput?: (tick: number, input: InputName) => void;
  /**
   * A game ended: topped out, finished, abandoned by a restart, or quit.
   * Called once per game; a returned promise is awaited before the program
   * ends.
   */
  /** The game ended; may resolve to its rank in the high-score table, which the end panel then shows. */
  readonly onGameEnd?: (state: GameState) => undefined | Promise<number | null | undefined>;
}

/** What the screen shows. A new object exactly when the frame changes. */
export type PlayView = ScreenView;

/** Options of {@link PlayController}. */
export interface PlayControllerOptions extends LoopOptions {
  readonly settings: PlaySettings;
  /** The seed of the next game: the first, then each restart (the same one again, or a new random one). */
  readonly nextSeed: () => number;
  /** Pieces shown under NEXT: a change beyond them is not a new frame. */
  readonly preview: number;
  readonly hooks?: PlayHooks;
  /** @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** @default DEFAULT_HANDLING */
  readonly handling?: Handling;
  /**
   * The player's bests when the session starts, for the end panel; kept up
   * to date as games of the session end. Without it the panel shows none.
   */
  readonly personalBests?: PersonalBests;
  /** The hardening tests' fault (fault-injection.ts): `timer` throws in the loop's timer. @default none */
  readonly fault?: Fault | null;
}

/** The game loop and the app's commands. */
export class PlayController extends LoopController {
  private readonly options: PlayControllerOptions;
  private readonly keymap: Keymap;
  private readonly clock: TickClock;
  private readonly endings: Promise<void>[] = [];
  private session: GameSession;
  /** The tick the timer is set for: the loop sleeps until then on purpose, which is no stall. */
  private wakeTick = 0;
  private ended = false;
  private help = false;
  /** The game was paused by opening help, and resumes when help closes. */
  private pausedForHelp = false;
  /** The game was paused because the terminal got too small, and resumes when it fits again. */
  private pausedForSize = false;
  /** The bests so far, or null when not known. */
  private bests: PersonalBests | null;
  /** The best of the game in play's mode before it started (what its end panel compares with). */
  private best: number | null | undefined;
  /** The rank the ended game took in the high-score table, once the table has been written. */
  private rank: number | null = null;

  constructor(options: PlayControllerOptions) {
    super(options);
    this.options = options;
    this.keymap = options.keymap ?? DEFAULT_KEYMAP;
    this.clock = new TickClock(options.now);
    this.bests = options.personalBests ?? null;
    this.session = this.newSession();
    this.view = { state: this.session.state, help: false, best: this.best, rank: null };
  }

  /**
   * The game as last brought up to the clock: on every key, and whenever
   * the loop wakes because the screen can change (it sleeps in between). It
   * may be ahead of the view by changes that draw nothing new.
   */
  get state(): GameState {
    return this.session.state;
  }

  /** Start the first game's clock and loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.hooks?.onGameStart?.(this.session.settings);
    this.clock.start(0);
    this.guard(() => {
      if (this.tooSmall) {
        this.session.apply('pause');
        this.pausedForSize = true;
      }
    });
  }

  /**
   * Handle a key. Returns `quit` when the player asked to leave: the game has
   * then been ended and the loop stopped.
   */
  key(event: KeyEvent): 'quit' | null {
    const command = matchCommand(this.keymap, event);
    if (command === null) return null;
    const once = event.type === 'press' || event.type === 'tap';
    if (command === 'quit') {
      if (!once) return null;
      this.stop();
      return 'quit';
    }
    if (!this.running) return null;
    this.guard(() => {
      this.catchUp();
      if (command === 'restart') {
        if (once && !this.tooSmall) this.restart();
      } else if (command === 'help') {
        if (once && !this.tooSmall && this.state.status !== 'over') this.toggleHelp();
      } else if (this.help) {
        // While the keys are shown, pause closes them; game keys wait.
        if (command === 'pause' && once) this.toggleHelp();
      } else if (!this.tooSmall) {
        this.session.key(command, event.type);
      }
    });
    return null;
  }

  /** Ctrl-Z: a game in play pauses, and stays paused after `fg` until the player resumes it. */
  suspend(): void {
    if (!this.running) return;
    this.guard(() => {
      this.catchUp();
      if (this.state.status === 'playing') this.session.apply('pause');
      // Paused as by the player now, not by the size: a terminal that fits again after `fg` does not resume it.
      this.pausedForSize = false;
    });
  }

  /** The terminal started or stopped fitting: pause while the game does not fit. */
  protected override sizeChanged(small: boolean): void {
    this.catchUp();
    this.tooSmall = small;
    const status = this.state.status;
    if (small && status === 'playing') {
      this.session.apply('pause');
      this.pausedForSize = true;
    } else if (!small && this.pausedForSize) {
      this.pausedForSize = false;
      if (status === 'paused' && !this.help) this.session.apply('pause');
    }
  }

  /** End the game in play (if it has not ended) and stop the loop. Idempotent. */
  override stop(): void {
    this.catchUpSafely();
    this.endGame();
    super.stop();
  }

  /** Settles when every `onGameEnd` has finished (recordings saved). */
  override async settled(): Promise<void> {
    await Promise.all(this.endings);
  }

  private newSession(): GameSession {
    const { settings, nextSeed, hooks, handling } = this.options;
    const state = createGame({ ...settings, seed: nextSeed() });
    this.best = this.bests ? this.bests[state.settings.mode] : undefined;
    this.rank = null;
    return new GameSession(state, { onInput: hooks?.onInput, onOver: () => this.endGame() }, handling);
  }

  private restart(): void {
    this.endGame();
    this.session = this.newSession();
    this.ended = false;
    this.pausedForHelp = false;
    this.pausedForSize = false;
    this.help = false;
    this.options.hooks?.onGameStart?.(this.session.settings);
    this.clock.start(0);
    this.wakeTick = 0;
  }

  private toggleHelp(): void {
    const help = !this.help;
    const status = this.state.status;
    if (help && status === 'playing') {
      this.session.apply('pause');
      this.pausedForHelp = true;
    } else if (!help && this.pausedForHelp) {
      this.pausedForHelp = false;
      if (status === 'paused') this.session.apply('pause');
    }
    this.help = help;
  }

  private endGame(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.bests) this.bests = updateBests(this.bests, this.session.state);
    const session = this.session;
    const ending = this.options.hooks?.onGameEnd?.(session.state);
    if (!ending) return;
    this.endings.push(
      ending.then((rank) => {
        // Shown only while that game's end panel is still up.
        if (typeof rank !== 'number' || session !== this.session || !this.running) return;
        this.rank = rank;
        this.publish();
      }),
    );
  }

  /** Bring the game up to the tick the clock says is in progress. */
  private catchUp(): void {
    const state = this.session.state;
    if (state.status === 'over') return;
    this.session.runTo(this.clock.due(state.tick, state.status === 'playing', this.wakeTick));
  }

  private catchUpSafely(): void {
    if (!this.running) return;
    try {
      this.catchUp();
    } catch {
      // Ending the game matters more than its last ticks.
    }
  }

  protected publish(): void {
    const state = this.session.state;
    if (this.view.help === this.help && this.view.rank === this.rank && sameFrame(this.view.state, state, this.options.preview)) return;
    this.show({ state, help: this.help, best: this.best, rank: this.rank });
  }

  private readonly wake = (): void => {
    injectFault(this.options.fault, 'timer', this.session.state);
    this.guard(() => this.catchUp());
  };

  /**
   * A timer for the next tick that can change the screen, only while the
   * game runs: none while paused, over or too small. With no key held that
   * is the next row of fall, lock or second of TIME, not the next tick: the
   * ticks between are run at once when it fires (or when a key comes).
   */
  protected schedule(): void {
    this.cancelTimer();
    const state = this.session.state;
    if (!this.running || state.status !== 'playing') return;
    this.wakeTick = state.tick + (this.session.holding ? 1 : ticksUntilChange(state));
    this.setTimer(this.wake, this.clock.msUntil(this.wakeTick));
  }
}
