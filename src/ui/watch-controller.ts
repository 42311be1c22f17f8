/**
 * Watching a replay in the terminal: the playback position on a clock that
 * runs at the chosen speed, and the watcher's keys (space pauses, left and
 * right step a piece, + and - change the speed, g starts again, q quits).
 * Like the game's controller it sleeps until the frame can change and is
 * driven by the clock and timers it is given, so tests run it with fake
 * time. Every position comes from the core's replay cursor, which folds the replay
 * through the core.
 */
import {
  atEnd,
  nextChangeTick,
  runTo,
  startPosition,
  stepPiece,
  TICKS_PER_SECOND,
  type Position,
  type ReplayIndex,
} from '../core/index.js';
import { sameFrame } from './frame-view.js';
import type { KeyEvent } from './input-keys.js';
import { LoopController, type LoopOptions } from './loop-controller.js';
import type { ReplayStatus, ScreenView } from './screen-controller.js';
import { TickClock, type Now } from './tick-clock.js';
import { MAX_CATCH_UP_TICKS } from './timing.js';
import { matchWatchCommand, nextSpeed, SPEEDS } from './watch-keys.js';

/** Options of {@link WatchController}. */
export interface WatchControllerOptions extends LoopOptions {
  /** The replay, indexed (`indexReplay`). */
  readonly index: ReplayIndex;
  /** Pieces shown under NEXT: a change beyond them is not a new frame. */
  readonly preview: number;
  /** Playback speed at the start, one of SPEEDS. @default 1 */
  readonly speed?: number;
}

/** A clock that runs the replay's ticks at `speed` times real time; a stall is caught up as fast. */
function clockAt(now: Now, speed: number): TickClock {
  return new TickClock(now, TICKS_PER_SECOND * speed, Math.max(MAX_CATCH_UP_TICKS, Math.ceil(MAX_CATCH_UP_TICKS * speed)));
}

/** Replay playback and its keys. */
export class WatchController extends LoopController {
  private readonly options: WatchControllerOptions;
  private position: Position;
  private speed: number;
  private clock: TickClock;
  /** The tick the timer is set for. */
  private wakeTick = 0;
  /** The watcher wants the replay to play (space toggles it; a step stops it). */
  private playing = true;
  private help = false;
  /** The position jumped or the clock changed while playing: the clock restarts from the position. */
  private resync = false;

  constructor(options: WatchControllerOptions) {
    super(options);
    this.options = options;
    this.speed = SPEEDS.includes(options.speed ?? 1) ? (options.speed ?? 1) : 1;
    this.clock = clockAt(options.now, this.speed);
    this.position = startPosition(options.index.replay);
    this.view = this.makeView();
  }

  /** Where playback is: the game, and the next input of the replay. */
  get current(): Position {
    return this.position;
  }

  /** Start playing from the beginning. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.resync = true;
    this.guard(() => {});
  }

  /** Handle a key; `quit` when the watcher asked to leave (playback has then stopped). */
  key(event: KeyEvent): 'quit' | null {
    const command = matchWatchCommand(event);
    if (command === null || event.type === 'release') return null;
    // Steps and speed follow a held key; the rest act once per press.
    const once = event.type === 'press' || event.type === 'tap';
    if (command === 'quit') {
      if (!once) return null;
      this.stop();
      return 'quit';
    }
    if (!this.running || this.tooSmall) return null;
    this.guard(() => {
      const { index } = this.options;
      switch (command) {
        case 'help':
          if (once) this.help = !this.help;
          break;
        case 'pause':
          if (!once) break;
          if (this.help) this.help = false;
          else if (atEnd(index, this.position)) this.restart();
          else this.playing = !this.playing;
          break;
        case 'back':
        case 'forward':
          this.help = false;
          this.playing = false;
          this.position = stepPiece(index, this.position, command === 'back' ? -1 : 1);
          break;
        case 'slower':
        case 'faster':
          this.speed = nextSpeed(this.speed, command === 'faster' ? 1 : -1);
          this.clock = clockAt(this.options.now, this.speed);
          this.resync = true;
          break;
        case 'restart':
          if (once) this.restart();
          break;
        default: {
          const never: never = command;
          return never;
        }
      }
    });
    return null;
  }

  /** Ctrl-Z: playback stops, as with space, and stays stopped after `fg`. */
  suspend(): void {
    if (!this.running) return;
    this.guard(() => {
      this.playing = false;
    });
  }

  private restart(): void {
    this.position = startPosition(this.options.index.replay);
    this.playing = true;
    this.help = false;
    this.resync = true;
  }

  /** Whether the replay's clock runs now. */
  private moving(): boolean {
    return this.running && this.playing && !this.help && !this.tooSmall && !atEnd(this.options.index, this.position);
  }

  /** Bring the position up to the clock: the game through the tick before the one in progress. */
  private catchUp(): void {
    const wall = this.clock.due(this.position.state.tick, true, this.wakeTick);
    if (wall > 0) this.position = runTo(this.options.index.replay, this.position, wall - 1);
  }

  /** Bring playback up to the clock, run `change`, and restart the clock where playback starts or jumps. */
  protected override update(change: () => void): void {
    const was = this.moving();
    if (was) this.catchUp();
    change();
    if (this.moving() && (!was || this.resync)) {
      this.clock.start(this.position.state.tick);
      this.wakeTick = this.position.state.tick;
    }
    this.resync = false;
  }

  private status(): ReplayStatus {
    const { index } = this.options;
    const { state } = this.position;
    return {
      kind: 'replay',
      speed: this.speed,
      paused: !this.playing,
      ended: atEnd(index, this.position),
      tick: state.tick,
      endTick: index.endTick,
      pieces: state.pieces,
      totalPieces: index.totalPieces,
    };
  }

  private makeView(): ScreenView {
    return { state: this.position.state, help: this.help, watch: this.status() };
  }

  protected publish(): void {
    const next = this.status();
    const shown = this.view.watch as ReplayStatus;
    const sameStatus =
      shown.speed === next.speed &&
      shown.paused === next.paused &&
      shown.ended === next.ended &&
      shown.pieces === next.pieces &&
      Math.floor(shown.tick / TICKS_PER_SECOND) === Math.floor(next.tick / TICKS_PER_SECOND);
    if (sameStatus && this.view.help === this.help && sameFrame(this.view.state, this.position.state, this.options.preview)) return;
    this.show(this.makeView());
  }

  private readonly wake = (): void => {
    this.guard(() => {});
  };

  /** A timer for the next tick whose frame can differ, only while the replay plays. */
  protected schedule(): void {
    this.cancelTimer();
    if (!this.moving()) return;
    this.wakeTick = nextChangeTick(this.options.index, this.position);
    this.setTimer(this.wake, this.clock.msUntil(this.wakeTick));
  }
}
