/**
 * The loop plumbing every screen controller shares: the listeners behind
 * `subscribe` and `getView`, the one timer the loop sleeps on, the
 * too-small terminal, and the guard that runs each change, publishes the
 * frame and sets the next timer, or stops the loop when something throws.
 * What a controller's game is, when its clock runs and what its view
 * shows stay in the controller (play, watch, demo).
 */
import type { KeyEvent } from '../input/key-events.js';
import { fits, type TerminalSize } from '../frame/layout.js';
import type { ScreenController, ScreenView } from './screen.js';
import type { Now } from './tick-clock.js';

/** One-shot timers (`setTimeout` and `clearTimeout`). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The clock, the timers and the error handler a controller is driven by (fake ones in tests). */
export interface LoopOptions {
  /** Monotonic milliseconds, e.g. `performance.now`. */
  readonly now: Now;
  readonly timers: Timers;
  /** Something went wrong inside a timer callback; the loop has stopped. */
  readonly onError?: (error: unknown) => void;
}

/** A screen controller's loop: frames out to listeners, one timer, the window size in. */
export abstract class LoopController implements ScreenController {
  private readonly loop: LoopOptions;
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  /** The view last published; each controller sets its first one in its constructor. */
  protected view!: ScreenView;
  protected running = false;
  protected tooSmall = false;

  protected constructor(loop: LoopOptions) {
    this.loop = loop;
  }

  /** Subscribe to frame changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current view (for `useSyncExternalStore`). */
  readonly getView = (): ScreenView => this.view;

  abstract start(): void;
  abstract key(event: KeyEvent): 'quit' | null;
  abstract suspend(): void;

  /** The terminal's size changed (and once at the start): a change of fit goes through the guard. */
  resize(size: TerminalSize): void {
    const small = !fits(size);
    if (small === this.tooSmall || !this.running) {
      this.tooSmall = small;
      return;
    }
    this.guard(() => this.sizeChanged(small));
  }

  /** Stop the loop. Idempotent. */
  stop(): void {
    this.halt();
  }

  /** Nothing is saved on the way out. */
  async settled(): Promise<void> {}

  /** The terminal started or stopped fitting; the controller waits while it does not. */
  protected sizeChanged(small: boolean): void {
    this.tooSmall = small;
  }

  /**
   * Run `change`: controllers whose clock stops and starts override this to
   * bring their game up to the clock before it and restart the clock after.
   */
  protected update(change: () => void): void {
    change();
  }

  /** Publish the frame if it changed (through {@link show}). */
  protected abstract publish(): void;

  /** Set the timer for the next tick that can change the frame, if any (through {@link setTimer}). */
  protected abstract schedule(): void;

  /** Run `change` (through {@link update}), then publish the frame and set the timer; errors stop the loop and go to `onError`. */
  protected guard(change: () => void): void {
    try {
      this.update(change);
      this.publish();
      this.schedule();
    } catch (error) {
      this.halt();
      this.loop.onError?.(error);
    }
  }

  /** Make `view` the current view and tell the listeners. */
  protected show(view: ScreenView): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }

  /** Sleep `ms`, then run `wake`; replaces the timer set before. */
  protected setTimer(wake: () => void, ms: number): void {
    this.cancelTimer();
    this.timer = this.loop.timers.setTimeout(() => {
      this.timer = null;
      wake();
    }, ms);
  }

  protected cancelTimer(): void {
    if (this.timer !== null) this.loop.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private halt(): void {
    this.running = false;
    this.cancelTimer();
  }
}
