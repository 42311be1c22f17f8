/**
 * The demo in the terminal: the autoplayer's game (`DemoPilot`) on the
 * game's clock, 60 ticks a second, woken only when the screen can change.
 * Any key shows the game's keys (and pauses the demo), any key again hides
 * them; the quit keys leave. When a game ends, its end panel stays a few
 * seconds and a new game starts.
 */
import { DEMO_PACE, DemoPilot, type DemoPace } from '../bot/index.js';
import { createGame, ticksUntilChange, type GameState } from '../core/index.js';
import { sameFrame } from './frame-view.js';
import type { KeyEvent } from './input-keys.js';
import { DEFAULT_KEYMAP, matchCommand, type Keymap } from './keymap.js';
import { LoopController, type LoopOptions } from './loop-controller.js';
import type { PlaySettings } from './play-controller.js';
import type { DemoStatus } from './screen-controller.js';
import { TickClock } from './tick-clock.js';

/** How long a finished demo game's end panel shows before the next game. */
export const DEMO_RESTART_MS = 6000;

/** Options of {@link DemoController}. */
export interface DemoControllerOptions extends LoopOptions {
  /** How every demo game starts, but for the seed. */
  readonly settings: PlaySettings;
  /** The seed of each game: the first, then one per new game. */
  readonly nextSeed: () => number;
  /** Pieces shown under NEXT: a change beyond them is not a new frame. */
  readonly preview: number;
  /** The quit keys are taken from it. @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** @default DEMO_PACE */
  readonly pace?: DemoPace;
}

/** The sidebar's DEMO; one object, so the memoised sidebar is not redrawn for it. */
const DEMO: DemoStatus = Object.freeze({ kind: 'demo' });

/** The autoplayer's games, one after another, and the keys. */
export class DemoController extends LoopController {
  private readonly options: DemoControllerOptions;
  private readonly clock: TickClock;
  private pilot: DemoPilot;
  private wakeTick = 0;
  private help = false;

  constructor(options: DemoControllerOptions) {
    super(options);
    this.options = options;
    this.clock = new TickClock(options.now);
    this.pilot = this.newPilot();
    this.view = { state: this.pilot.state, help: false, watch: DEMO };
  }

  /** The demo game now. */
  get state(): GameState {
    return this.pilot.state;
  }

  /** Start the first game. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.clock.start(0);
    this.guard(() => {});
  }

  /** The quit keys leave; any other key shows or hides the keys. */
  key(event: KeyEvent): 'quit' | null {
    if (event.type !== 'press' && event.type !== 'tap') return null;
    if (matchCommand(this.options.keymap ?? DEFAULT_KEYMAP, event) === 'quit') {
      this.stop();
      return 'quit';
    }
    if (!this.running || this.tooSmall) return null;
    this.guard(() => {
      this.help = !this.help;
    });
    return null;
  }

  /** Ctrl-Z: the keys are shown, which pauses the demo, as any key does; a key after `fg` hides them. */
  suspend(): void {
    if (!this.running || this.help) return;
    this.guard(() => {
      this.help = true;
    });
  }

  private newPilot(): DemoPilot {
    const { settings, nextSeed, pace } = this.options;
    return new DemoPilot(createGame({ ...settings, seed: nextSeed() }), pace ?? DEMO_PACE);
  }

  /** Whether the demo's clock runs now. */
  private moving(): boolean {
    return this.running && !this.help && !this.tooSmall && this.pilot.state.status === 'playing';
  }

  /** Bring the game up to the clock, run `change`, and restart the clock where the demo resumes. */
  protected override update(change: () => void): void {
    const was = this.moving();
    if (was) this.pilot.runTo(this.clock.due(this.pilot.state.tick, true, this.wakeTick));
    change();
    if (!was && this.moving()) this.clock.start(this.pilot.state.tick);
  }

  protected publish(): void {
    const state = this.pilot.state;
    if (this.view.help === this.help && sameFrame(this.view.state, state, this.options.preview)) return;
    this.show({ state, help: this.help, watch: DEMO });
  }

  private readonly wake = (): void => {
    this.guard(() => {});
  };

  private readonly nextGame = (): void => {
    this.guard(() => {
      this.pilot = this.newPilot();
      this.clock.start(0);
      this.wakeTick = 0;
    });
  };

  /**
   * A timer for the next tick that can change the screen (a row of fall, a
   * lock, a second of TIME, or the bot's next input); once a game is over,
   * for the next game.
   */
  protected schedule(): void {
    this.cancelTimer();
    if (!this.running || this.help || this.tooSmall) return;
    const state = this.pilot.state;
    if (state.status === 'over') {
      this.setTimer(this.nextGame, DEMO_RESTART_MS);
      return;
    }
    const input = this.pilot.nextInputTick;
    const change = state.tick + ticksUntilChange(state);
    this.wakeTick = Math.max(state.tick + 1, input === null ? change : Math.min(change, input));
    this.setTimer(this.wake, this.clock.msUntil(this.wakeTick));
  }
}
