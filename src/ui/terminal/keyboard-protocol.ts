/**
 * What one screen's terminal was told about the kitty keyboard protocol,
 * read from what Ink writes to it. Ink keeps whether it switched the
 * protocol on to itself (a private field of its instance) and tells only the
 * terminal, with kitty's "progressive enhancement" stack: `CSI > flags u`
 * pushes flags, `CSI < n u` pops n entries, `CSI = flags ; mode u` changes
 * the top one. Following those writes on the stream Ink renders to knows
 * exactly what this terminal was asked (each screen has its own, so many run
 * in one process), a suspend and resume included.
 * @see https://sw.kovidgoyal.net/kitty/keyboard-protocol/#progressive-enhancement
 */
import { withWrite } from './compact-output.js';
import { KITTY_REPORT_EVENT_TYPES, KITTY_STACK_SEQUENCE } from './ink-protocol.js';

/** Follows the keyboard protocol flags written to one terminal. */
export class KeyboardProtocol {
  /** The flags pushed, oldest first; none means the terminal's legacy keys. */
  private stack: number[] = [];

  /**
   * Whether the terminal reports key press, repeat and release. A key that
   * then comes without an event type is a press: kitty sends a plain press
   * of an arrow in the short legacy form (`ESC[D`), its repeats and release
   * with one (`ESC[1;1:2D`, `ESC[1;1:3D`).
   */
  get reportsEvents(): boolean {
    return ((this.stack.at(-1) ?? 0) & KITTY_REPORT_EVENT_TYPES) !== 0;
  }

  /** Follow the protocol sequences in `text`, written to the terminal. */
  written(text: string): void {
    for (const [, op, first, second] of text.matchAll(KITTY_STACK_SEQUENCE)) {
      const value = Number(first || '0');
      if (op === '>') this.stack.push(value);
      // Popping more entries than were pushed empties the stack (the spec's "reset all flags").
      else if (op === '<') this.stack.splice(Math.max(0, this.stack.length - Math.max(1, value)));
      else this.set(value, Number(second || '1'));
    }
  }

  /** A view of `stream` whose writes are followed; everything else is the stream itself. */
  watch<T extends NodeJS.WriteStream>(stream: T): T {
    return withWrite(stream, (chunk, ...rest) => {
      if (typeof chunk === 'string') this.written(chunk);
      return (stream.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    });
  }

  /** `CSI = flags ; mode u`: mode 1 sets the flags, 2 adds them, 3 takes them away. */
  private set(flags: number, mode: number): void {
    const top = this.stack.at(-1) ?? 0;
    const next = mode === 2 ? top | flags : mode === 3 ? top & ~flags : flags;
    if (this.stack.length === 0) this.stack.push(next);
    else this.stack[this.stack.length - 1] = next;
  }
}
