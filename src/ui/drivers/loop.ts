/**
 * The one loop that runs any screen: it holds the driver's model, turns
 * wall time into the model's ticks (a drift-free clock, caught up after a
 * stall), sleeps on one timer until the next tick at which the view can
 * change, and publishes a new frame exactly when the frame changes. What a
 * screen does is its driver's (play.ts, replay.ts, demo.ts); the loop only
 * feeds it events and hands what happened to the program.
 */
import { frameOf, sameFrame, type Frame } from '../frame/frame-model.js';
import type { TerminalSize } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';
import type { KeyEvent } from '../input/key-events.js';
import type { AppAnswer } from './app-io.js';
import type { Driver, Effect, ScreenEvent, ScreenView } from './screen.js';
import { MAX_CATCH_UP_TICKS, TickClock, type Now } from './tick-clock.js';

/** One-shot timers (`setTimeout` and `clearTimeout`). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a loop is driven by and reports to (fake clock and timers in tests). */
export interface LoopOptions {
  /** Monotonic milliseconds, e.g. `performance.now`. */
  readonly now: Now;
  readonly timers: Timers;
  /** How frames are drawn (the frame model depends on it). */
  readonly display: Display;
  /** The terminal's size until the first `resize`. @default a size the game screen fits */
  readonly size?: TerminalSize;
  /** What the screen says happened, in order (quit included). */
  readonly onEffect?: (effect: Effect) => void;
  /** Something went wrong inside the loop; it has stopped. */
  readonly onError?: (error: unknown) => void;
  /** Called at every wake of the timer, before the model sees the time (the fault-injection test hook). */
  readonly onWake?: (view: ScreenView) => void;
}

/** A size every screen fits, until the terminal says its own. */
const ROOMY: TerminalSize = Object.freeze({ columns: 200, rows: 60 });

/** Runs one screen: events in, frames out. */
export class Loop<M> {
  private readonly listeners = new Set<() => void>();
  private readonly clock: TickClock;
  private current: M;
  private size: TerminalSize;
  /** The frame published last; made when first asked for (so that a frame that cannot be drawn fails where it is drawn). */
  private frame: Frame | null = null;
  private timer: unknown = null;
  /** When the timer fires, on the clock's time (`TickClock.startOf`): a timer for the same moment is kept, not set again. */
  private timerAt = 0;
  /** The tick the timer was set for: waking then is on purpose, no stall. */
  private wakeTick = 0;
  private rate: number;
  private running = false;
  private started = false;
  private stopped = false;
  /** Answers that came before the start, handed to the screen right after it. */
  private early: AppAnswer[] = [];

  constructor(
    private readonly driver: Driver<M>,
    model: M,
    private readonly options: LoopOptions,
  ) {
    this.size = options.size ?? ROOMY;
    // The model knows the terminal's size from the start: one too small pauses the first game at once.
    this.current = driver.reduce(model, { kind: 'resize', size: this.size }).model;
    this.rate = driver.clock(model).rate;
    this.clock = new TickClock(options.now, this.rate);
  }

  /** The model now (as last brought up to the clock). */
  get model(): M {
    return this.current;
  }

  /** Subscribe to frame changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The frame now (for `useSyncExternalStore`). A new object exactly when the frame changes. */
  readonly getFrame = (): Frame => {
    this.frame ??= this.frameNow();
    return this.frame;
  };

  /** Start the screen's clock and its first game. */
  start(): void {
    if (this.started || this.stopped) return;
    this.running = true;
    this.started = true;
    const { tick } = this.driver.clock(this.current);
    this.clock.start(tick);
    this.wakeTick = tick;
    this.dispatch({ kind: 'start' });
    const early = this.early;
    this.early = [];
    for (const answer of early) this.answer(answer);
  }

  /** A key; `quit` when the screen asked to leave (the loop has then stopped). */
  key(event: KeyEvent): 'quit' | null {
    return this.dispatch({ kind: 'key', key: event });
  }

  /** The terminal's size changed (and once at the start). */
  resize(size: TerminalSize): void {
    this.size = size;
    this.dispatch({ kind: 'resize', size });
  }

  /** Ctrl-Z: what runs pauses, and stays paused when the program is continued. */
  suspend(): void {
    this.dispatch({ kind: 'suspend' });
  }

  /** The high-score table ranked game `game`. */
  rank(game: number, rank: number): void {
    this.dispatch({ kind: 'rank', game, rank });
  }

  /**
   * The program's answer to a screen's `request` effect (the front door's
   * files), or news from outside (a server's lobby). One that comes before
   * the start is kept for it; after the stop, nothing is taken.
   */
  /** The loop has stopped: it takes no more events (an answer sent now is dropped). */
  get ended(): boolean {
    return this.stopped;
  }

  answer(answer: AppAnswer): void {
    if (!this.started && !this.stopped) {
      this.early.push(answer);
      return;
    }
    this.dispatch({ kind: 'answer', answer });
  }

  /** End what runs (even after an error stopped the loop) and stop the loop. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    if (this.running) {
      try {
        this.catchUp();
      } catch {
        // Ending the game matters more than its last ticks.
      }
    }
    this.halt();
    this.stopped = true;
    if (this.started) this.apply({ kind: 'stop' });
  }

  /**
   * Bring the model up to the clock, apply `event`, publish the frame if it
   * changed, and set the timer; `quit` when the screen asked to leave.
   * Errors stop the loop and go to `onError`.
   */
  private dispatch(event: ScreenEvent | null): 'quit' | null {
    if (!this.running || this.stopped) {
      // Before the start only the size is taken in; after the stop nothing.
      if (event?.kind === 'resize' && !this.stopped) this.apply(event);
      return null;
    }
    let quit = false;
    try {
      const was = this.driver.clock(this.current).state;
      // One frame for the time and the event together: the one after both is what the screen shows.
      this.catchUp(event === null);
      const tick = this.driver.clock(this.current).tick;
      if (event) quit = this.apply(event);
      this.resync(was, tick, event);
      if (quit) {
        this.halt();
        this.stopped = true;
      } else this.schedule();
    } catch (error) {
      this.halt();
      this.options.onError?.(error);
    }
    return quit ? 'quit' : null;
  }

  /** Reduce `event` into the model, hand its effects on, publish (unless told not to); whether the screen asked to quit. */
  private apply(event: ScreenEvent, publish = true): boolean {
    const { model, effects } = this.driver.reduce(this.current, event);
    this.current = model;
    let quit = false;
    for (const effect of effects) {
      // The menu and watching the last game leave the screen as a quit does; the program goes on from there.
      if (effect.kind === 'quit' || effect.kind === 'menu' || effect.kind === 'watchLast') quit = true;
      this.options.onEffect?.(effect);
    }
    if (publish) this.publish();
    return quit;
  }

  /** Run the model to the tick in progress, if its clock runs; its frame published with `publish`. */
  private catchUp(publish = true): void {
    const { tick, state } = this.driver.clock(this.current);
    if (state === 'stop') return;
    const due = this.clock.due(tick, state === 'run', this.wakeTick);
    if (due !== tick) this.apply({ kind: 'tick', tick: due }, publish);
  }

  /**
   * Restart the wall clock where the model's clock starts running, jumps
   * (a restart, a step) or changes rate, so the time it was stopped is not
   * played at once.
   */
  private resync(was: 'run' | 'idle' | 'stop', tickBefore: number, event: ScreenEvent | null): void {
    const now = this.driver.clock(this.current);
    if (now.state === 'stop') return;
    // Time moved the model by the clock itself; any other change of its tick is a jump.
    const jumped = event !== null && now.tick !== tickBefore;
    if (was === 'stop' || jumped || now.rate !== this.rate) {
      this.rate = now.rate;
      this.clock.restart(now.tick, now.rate, Math.max(MAX_CATCH_UP_TICKS, Math.ceil((MAX_CATCH_UP_TICKS * now.rate) / 60)));
      this.wakeTick = now.tick;
    }
  }

  private frameNow(): Frame {
    return frameOf(this.driver.view(this.current), this.options.display, this.size);
  }

  private publish(): void {
    const frame = this.frameNow();
    // The first frame made is the one to compare with: no one can have drawn an older one.
    if (this.frame === null) {
      this.frame = frame;
      return;
    }
    if (sameFrame(frame, this.frame)) return;
    this.frame = frame;
    for (const listener of this.listeners) listener();
  }

  private readonly wake = (): void => {
    this.timer = null;
    this.options.onWake?.(this.driver.view(this.current));
    // The time alone: the model is brought up to the clock.
    this.dispatch(null);
  };

  /**
   * A timer for the next tick whose frame can differ, only while the clock
   * runs. The timer already set stays when it fires then anyway (a key that
   * moves the piece seldom changes the next wake): one timer less to cancel
   * and set on every key.
   */
  private schedule(): void {
    const { state } = this.driver.clock(this.current);
    const next = state === 'stop' ? null : this.driver.nextWake(this.current);
    if (next === null) {
      this.cancelTimer();
      return;
    }
    const at = this.clock.startOf(next);
    this.wakeTick = next;
    if (this.timer !== null && at === this.timerAt) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.options.timers.setTimeout(this.wake, this.clock.msUntil(next));
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** No more time and no more events: after a quit, an error, or the stop. */
  private halt(): void {
    this.running = false;
    this.cancelTimer();
  }
}

/** What the terminal app needs of a loop, whatever its screen. */
export type ScreenLoop = Pick<Loop<unknown>, 'subscribe' | 'getFrame' | 'start' | 'stop' | 'key' | 'resize' | 'suspend'>;
