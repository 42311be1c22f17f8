/**
 * Key events to game inputs, tick by tick. Where the terminal reports key
 * press, repeat and release (kitty keyboard protocol), a held left or right
 * key moves once, then again after DAS ticks, then every ARR ticks; a held
 * soft drop the same way, one row at the press, then after its own delay a
 * row every `softDrop` ticks, so a tap is one row. The terminal's own repeats
 * are ignored. Where it cannot (`tap` events), every event is one input,
 * auto-repeat included.
 *
 * Pure and clock-free: the caller says which tick an event belongs to and
 * asks, at the start of every tick, for the inputs held keys produce then.
 */
import type { InputName } from '../../core/index.js';
import type { KeyEventType } from './key-events.js';
import { DEFAULT_HANDLING, type Handling } from './handling.js';

type Direction = 'left' | 'right';

const NONE: readonly InputName[] = Object.freeze([]);

/** Turns key events and ticks into game inputs. One per game; `reset` forgets every held key. */
export class InputHandler {
  private readonly handling: Handling;
  /** Directions held down, oldest first. */
  private held: Direction[] = [];
  /** The direction that auto-shifts: the one pressed last. */
  private shifting: Direction | null = null;
  /** Tick the auto-shift's DAS counts from. */
  private shiftFrom = 0;
  /** Tick the held soft drop counts from, or null when it is not held. */
  private softFrom: number | null = null;

  constructor(handling: Handling = DEFAULT_HANDLING) {
    this.handling = {
      das: handling.das,
      arr: Math.max(1, handling.arr),
      softDropDelay: handling.softDropDelay,
      softDrop: Math.max(1, handling.softDrop),
    };
  }

  /** Whether a held key may produce inputs on a coming tick, so ticks must be stepped one by one. */
  get holding(): boolean {
    return this.shifting !== null || this.softFrom !== null;
  }

  /** The inputs a key event for `input` produces at `tick`. */
  key(input: InputName, type: KeyEventType, tick: number): readonly InputName[] {
    if (type === 'tap') return [input];
    if (type === 'repeat') return NONE;
    const press = type === 'press';
    switch (input) {
      case 'left':
      case 'right':
        return press ? this.pressDirection(input, tick) : this.releaseDirection(input, tick);
      case 'softDrop':
        this.softFrom = press ? tick : null;
        return press ? [input] : NONE;
      case 'hardDrop':
      case 'cw':
      case 'ccw':
      case 'hold':
      case 'pause':
        return press ? [input] : NONE;
      default: {
        const never: never = input;
        return never;
      }
    }
  }

  /** The inputs held keys produce at the start of `tick`. */
  tick(tick: number): readonly InputName[] {
    let out: InputName[] | null = null;
    const { das, arr, softDropDelay, softDrop } = this.handling;
    // No list at all in the common tick where nothing repeats.
    if (this.shifting !== null && repeatsAt(tick - this.shiftFrom, das, arr)) out = [this.shifting];
    if (this.softFrom !== null && repeatsAt(tick - this.softFrom, softDropDelay, softDrop)) {
      if (out) out.push('softDrop');
      else out = ['softDrop'];
    }
    return out ?? NONE;
  }

  /** Forget every held key (on pause, restart, or when input may have been lost). */
  reset(): void {
    this.held = [];
    this.shifting = null;
    this.softFrom = null;
  }

  private pressDirection(direction: Direction, tick: number): readonly InputName[] {
    this.held = [...this.held.filter((d) => d !== direction), direction];
    this.shifting = direction;
    this.shiftFrom = tick;
    return [direction];
  }

  private releaseDirection(direction: Direction, tick: number): readonly InputName[] {
    this.held = this.held.filter((d) => d !== direction);
    if (this.shifting === direction) {
      // The other direction, if still held, takes over with a fresh DAS.
      this.shifting = this.held.at(-1) ?? null;
      this.shiftFrom = tick;
    }
    return NONE;
  }
}

/**
 * Whether a key held for `held` ticks repeats now: the press itself acted at
 * 0, the first repeat comes at `delay` (never before the next tick), then one
 * every `rate` ticks.
 */
function repeatsAt(held: number, delay: number, rate: number): boolean {
  return held > 0 && held >= delay && (held - delay) % rate === 0;
}
