/**
 * A fast first reading of a replay file: one pass over the text that puts
 * the inputs straight into two columns (`PackedInputs`) instead of a list
 * per `[tick, action]` pair. `JSON.parse` of a long game makes a hundred
 * thousand small lists, and copying them between V8's heap generations
 * was most of the cost of reading one.
 *
 * It reads a plain subset of JSON: what inktris writes, and any file of
 * the same shape however it is spaced or ordered. It declines (null) at
 * the first thing outside that subset or that the reader would refuse:
 * escapes in strings, `true`, `false`, `null`, lists or objects other than
 * `settings` and `inputs` (objects nested no deeper than one level), a key
 * given twice or named `__proto__`, an input that is not
 * `[whole number, "action"]` with ticks in order, no `inputs` at all. The
 * caller then reads the file with `JSON.parse` (replay-reader.ts), which
 * accepts it or refuses it with the exact message. So what the scanner
 * accepts, the reader accepts to the same replay (a property test checks
 * it over valid, reshaped and damaged files), and every refusal comes from
 * one place.
 */
import { INPUT_NAMES } from './actions.js';

/** Inputs as columns: input `i` applies at `ticks[i]` and is `INPUT_NAMES[actions[i]]`; both hold `count` items. */
export interface PackedInputs {
  readonly count: number;
  readonly ticks: Float64Array;
  readonly actions: Uint8Array;
}

/** A scalar or a one-level object: the values outside `inputs` the scanner reads. */
export type ScannedValue = string | number | { readonly [key: string]: string | number };

/** What the scanner read: the top-level fields other than `inputs`, and the inputs. */
export interface ScannedReplay {
  /** Own fields only (no prototype), keyed as in the file. */
  readonly fields: ReadonlyMap<string, ScannedValue>;
  readonly inputs: PackedInputs;
}

/** Declined: the text is outside the scanner's subset (or wrong); the caller reads it with JSON.parse. */
class Decline extends Error {}
const DECLINE = new Decline();

function decline(): never {
  throw DECLINE;
}

/** Ticks of at most 15 digits are read exactly; longer ones go to JSON.parse (2^53 has 16). */
const MAX_TICK_DIGITS = 15;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const BACKSLASH = 0x5c;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Each input name's index in INPUT_NAMES, by its length and first letter
 * (`length << 7 | code`): one look-up, then one comparison, per input. Two
 * names of one shape would keep the first here; `actionAt` finds the other.
 */
const ACTION_BY_SHAPE: readonly number[] = (() => {
  const table: number[] = [];
  INPUT_NAMES.forEach((name, i) => {
    const shape = (name.length << 7) | name.charCodeAt(0);
    table[shape] ??= i;
  });
  return table;
})();

/** The index in INPUT_NAMES of the text from `start` to `end`, looked for name by name; declines if it is none. */
function actionAt(text: string, start: number, end: number): number {
  for (let i = 0; i < INPUT_NAMES.length; i++) {
    const name = INPUT_NAMES[i]!;
    if (name.length === end - start && text.startsWith(name, start)) return i;
  }
  return decline();
}

/** A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  /** The code unit at the cursor after JSON whitespace (NaN at the end). */
  private peek(): number {
    const text = this.text;
    let c = text.charCodeAt(this.at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++this.at);
    return c;
  }

  private expect(code: number): void {
    if (this.peek() !== code) decline();
    this.at++;
  }

  /** A string without escapes or control characters. */
  private string(): string {
    this.expect(QUOTE);
    const text = this.text;
    const start = this.at;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c === QUOTE) break;
      // NaN (the end of the text) fails both tests too.
      if (!(c >= 0x20) || c === BACKSLASH) decline();
      this.at++;
    }
    return text.slice(start, this.at++);
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) decline();
    this.at += match[0].length;
    return Number(match[0]);
  }

  private scalar(): string | number {
    return this.peek() === QUOTE ? this.string() : this.number();
  }

  /** `{ "key": scalar, ... }` */
  private flatObject(): { [key: string]: string | number } {
    this.expect(OPEN_OBJECT);
    const object: { [key: string]: string | number } = {};
    if (this.peek() === CLOSE_OBJECT) {
      this.at++;
      return object;
    }
    for (;;) {
      const key = this.key();
      if (Object.hasOwn(object, key)) decline();
      object[key] = this.scalar();
      if (this.peek() === CLOSE_OBJECT) {
        this.at++;
        return object;
      }
      this.expect(COMMA);
    }
  }

  /** A key and its colon; `__proto__` would not be a plain field of an object made here. */
  private key(): string {
    const key = this.string();
    if (key === '__proto__') decline();
    this.expect(COLON);
    return key;
  }

  /**
   * `[[tick, "action"], ...]` with ticks that never decrease, each tick a
   * whole number of at most 15 digits with no leading zero. One loop with
   * nothing called but the string's own methods: it runs once per input, a
   * hundred thousand times in a long game, mostly before V8 has compiled it
   * (a call per token, as elsewhere here, cost three times as much).
   */
  private inputs(): PackedInputs {
    this.expect(OPEN_LIST);
    const text = this.text;
    // About 20 characters an input as inktris writes them: rarely a second list.
    let ticks = new Float64Array(Math.max(1024, text.length >> 4));
    let actions = new Uint8Array(ticks.length);
    let count = 0;
    let previous = 0;
    let at = this.at;
    let c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
    if (c === CLOSE_LIST) {
      this.at = at + 1;
      return { count, ticks: ticks.subarray(0, 0), actions: actions.subarray(0, 0) };
    }
    for (;;) {
      if (c !== OPEN_LIST) decline();
      c = text.charCodeAt(++at);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
      // The tick.
      if (!(c >= ZERO && c <= NINE)) decline();
      const start = at;
      let tick = 0;
      while (c >= ZERO && c <= NINE) {
        tick = tick * 10 + (c - ZERO);
        c = text.charCodeAt(++at);
      }
      const digits = at - start;
      if (digits > MAX_TICK_DIGITS || (digits > 1 && text.charCodeAt(start) === ZERO)) decline();
      // A fraction or exponent is JSON, but not a tick the scanner reads.
      if (c === 0x2e || c === 0x65 || c === 0x45) decline();
      if (tick < previous) decline();
      previous = tick;
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
      if (c !== COMMA) decline();
      c = text.charCodeAt(++at);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
      // The action: the text between the quotes is one of INPUT_NAMES, found by its length and first letter.
      if (c !== QUOTE) decline();
      const name = at + 1;
      const close = text.indexOf('"', name);
      if (close < 0) decline();
      let action = ACTION_BY_SHAPE[((close - name) << 7) | text.charCodeAt(name)] ?? -1;
      if (action < 0 || INPUT_NAMES[action]!.length !== close - name || !text.startsWith(INPUT_NAMES[action]!, name)) {
        action = actionAt(text, name, close);
      }
      at = close + 1;
      c = text.charCodeAt(at);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
      if (c !== CLOSE_LIST) decline();
      if (count === ticks.length) {
        const wider = new Float64Array(count * 2);
        wider.set(ticks);
        ticks = wider;
        const widerActions = new Uint8Array(count * 2);
        widerActions.set(actions);
        actions = widerActions;
      }
      ticks[count] = tick;
      actions[count] = action;
      count++;
      c = text.charCodeAt(++at);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
      if (c === CLOSE_LIST) {
        this.at = at + 1;
        return { count, ticks: ticks.subarray(0, count), actions: actions.subarray(0, count) };
      }
      if (c !== COMMA) decline();
      c = text.charCodeAt(++at);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
    }
  }

  /** The whole text: one object, then only whitespace. */
  replay(): ScannedReplay {
    this.expect(OPEN_OBJECT);
    const fields = new Map<string, ScannedValue>();
    let inputs: PackedInputs | null = null;
    let done = this.peek() === CLOSE_OBJECT;
    while (!done) {
      const key = this.key();
      if (fields.has(key) || (key === 'inputs' && inputs !== null)) decline();
      if (key === 'inputs') inputs = this.inputs();
      else fields.set(key, this.peek() === OPEN_OBJECT ? this.flatObject() : this.scalar());
      done = this.peek() === CLOSE_OBJECT;
      if (!done) this.expect(COMMA);
    }
    this.at++;
    if (!Number.isNaN(this.peek()) || inputs === null) decline();
    return { fields, inputs };
  }
}

/**
 * Read a replay file's text in one pass, or null to have it read by
 * `JSON.parse` (see the file's comment). Never throws. The text must not
 * start with a byte order mark (the reader strips it first).
 */
export function scanReplay(text: string): ScannedReplay | null {
  try {
    return new Scanner(text).replay();
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}
