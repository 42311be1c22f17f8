/**
 * Key events to game inputs, tick by tick. Where the terminal reports key
 * press, repeat and release (kitty keyboard protocol), a held left or right
 * key moves once, then again after DAS ticks, then every ARR ticks; a held
 * soft drop the same way, one row at the press, then after its own delay a
 * row every `softDrop` ticks, so a tap is one row. ARR 0 takes the piece
 * to the wall on the tick DAS ends (and keeps it there), a soft drop of 0
 * to the floor at the press, without locking it. The terminal's own repeats
 * are ignored. Where it cannot (`tap` events), every event is one input (an
 * instant soft drop: to the floor),
 * auto-repeat included.
 *
 * Pure, immutable and clock-free: the caller says which tick an event
 * belongs to and asks, at the start of every tick, for the inputs held keys
 * produce then.
 */
import type { InputName } from '../../core/index.js';
import { DEFAULT_HANDLING, type Handling } from './handling.js';
import type { KeyEventType } from './key-events.js';

/**
 * Moves that take any piece from anywhere to the wall or the floor: the
 * board's 10 columns, its 20 rows and the 2 spawn rows above. The ones past
 * the wall or the floor change nothing (the core returns the state as it
 * was) and are not recorded; a soft drop at the floor does not lock.
 */
const TO_THE_WALL = 10;
const TO_THE_FLOOR = 22;

const repeated = (input: InputName, times: number): InputName[] => Array<InputName>(times).fill(input);

type Direction = 'left' | 'right';

/** The keys held down, as far as they act on coming ticks. */
export interface HeldKeys {
  /** Directions held down, oldest first. */
  readonly directions: readonly Direction[];
  /** The direction that auto-shifts: the one pressed last; null for none. */
  readonly shifting: Direction | null;
  /** Tick the auto-shift's DAS counts from. */
  readonly shiftFrom: number;
  /** Tick the held soft drop counts from, or null when it is not held. */
  readonly softFrom: number | null;
}

/** No key held: at the start, and after a pause, a restart, or anything that may have lost a release. */
export const NO_KEYS_HELD: HeldKeys = Object.freeze({ directions: [], shifting: null, shiftFrom: 0, softFrom: null });

const NONE: readonly InputName[] = Object.freeze([]);

/** Whether a held key may produce inputs on a coming tick, so ticks must be stepped one by one. */
export function holding(held: HeldKeys): boolean {
  return held.shifting !== null || held.softFrom !== null;
}

/** What a key event for `input` at `tick` does: the keys held after it, and the inputs it produces now. */
export function keyEvent(
  held: HeldKeys,
  input: InputName,
  type: KeyEventType,
  tick: number,
  handling: Handling = DEFAULT_HANDLING,
): { readonly held: HeldKeys; readonly inputs: readonly InputName[] } {
  // An instant soft drop is instant wherever the terminal cannot say whether the key is held.
  if (type === 'tap') return { held, inputs: input === 'softDrop' && handling.softDrop === 0 ? repeated(input, TO_THE_FLOOR) : [input] };
  if (type === 'repeat') return { held, inputs: NONE };
  const press = type === 'press';
  switch (input) {
    case 'left':
    case 'right': {
      if (press) {
        const directions = [...held.directions.filter((d) => d !== input), input];
        return { held: { ...held, directions, shifting: input, shiftFrom: tick }, inputs: [input] };
      }
      const directions = held.directions.filter((d) => d !== input);
      // The other direction, if still held, takes over with a fresh DAS.
      if (held.shifting === input)
        return { held: { ...held, directions, shifting: directions.at(-1) ?? null, shiftFrom: tick }, inputs: NONE };
      return { held: { ...held, directions }, inputs: NONE };
    }
    case 'softDrop':
      if (!press) return { held: { ...held, softFrom: null }, inputs: NONE };
      return { held: { ...held, softFrom: tick }, inputs: handling.softDrop === 0 ? repeated(input, TO_THE_FLOOR) : [input] };
    case 'hardDrop':
    case 'cw':
    case 'ccw':
    case 'hold':
    case 'pause':
      return { held, inputs: press ? [input] : NONE };
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** The inputs held keys produce at the start of `tick`. */
export function heldInputs(held: HeldKeys, tick: number, handling: Handling = DEFAULT_HANDLING): readonly InputName[] {
  let out: InputName[] | null = null;
  // No list at all in the common tick where nothing repeats. A rate of 0 repeats every tick, all the way.
  if (held.shifting !== null && repeatsAt(tick - held.shiftFrom, handling.das, Math.max(1, handling.arr))) {
    out = repeated(held.shifting, handling.arr === 0 ? TO_THE_WALL : 1);
  }
  if (held.softFrom !== null && repeatsAt(tick - held.softFrom, handling.softDropDelay, Math.max(1, handling.softDrop))) {
    const drops = repeated('softDrop', handling.softDrop === 0 ? TO_THE_FLOOR : 1);
    out = out ? [...out, ...drops] : drops;
  }
  return out ?? NONE;
}

/**
 * Whether a key held for `held` ticks repeats now: the press itself acted at
 * 0, the first repeat comes at `delay` (never before the next tick), then one
 * every `rate` ticks.
 */
function repeatsAt(held: number, delay: number, rate: number): boolean {
  return held > 0 && held >= delay && (held - delay) % rate === 0;
}
