/**
 * What a game and a match share about time on screen: the countdown
 * before a start or a resume (READY 3, 2, 1), and the clock of a screen
 * that plays (stopped before its start and after its end, idle while
 * paused, running through the countdown).
 */
import { TICKS_PER_SECOND } from '../../core/index.js';
import type { ScreenClock } from './screen.js';

/** One step of the countdown (3, 2, 1): half a second. */
export const COUNTDOWN_STEP_TICKS = 30;

/** The countdown before a game starts or resumes: READY 3, 2, 1. */
export const COUNTDOWN_TICKS = 3 * COUNTDOWN_STEP_TICKS;

/** The countdown's text with `left` ticks of it to go (3, 2, 1), or null when it is over. */
export function countdownText(left: number): string | null {
  return left > 0 ? String(Math.ceil(left / COUNTDOWN_STEP_TICKS)) : null;
}

/** The tick of the countdown's next step, from `now` with `left` ticks of it to go (left > 0). */
export function countdownWake(now: number, left: number): number {
  return now + ((left - 1) % COUNTDOWN_STEP_TICKS) + 1;
}

/** Where a playing screen's clock stands. */
export interface PlayingClock {
  /** The screen's tick now. */
  readonly tick: number;
  /** It has started (its first frame is up). */
  readonly started: boolean;
  /** Stopped from outside (Ctrl-Z, the program's end). */
  readonly stopped: boolean;
  /** Its game or match is over. */
  readonly over: boolean;
  /** Ticks of the countdown to go. */
  readonly countdown: number;
  /** Its game or match is paused. */
  readonly paused: boolean;
}

/** The clock of a screen that plays: stop before the start and after the end, idle while paused, run otherwise (the countdown runs). */
export function playingClock(p: PlayingClock): ScreenClock {
  const state = !p.started || p.stopped || p.over ? 'stop' : p.countdown > 0 ? 'run' : p.paused ? 'idle' : 'run';
  return { tick: p.tick, state, rate: TICKS_PER_SECOND };
}
