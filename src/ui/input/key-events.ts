/**
 * From what Ink's `useInput` reports to a key the keymap understands, and to
 * whether the terminal told us if the key went down, repeated or came up
 * (only terminals speaking the kitty keyboard protocol do).
 */
import type { Key } from 'ink';
import type { KeyPress } from './keymap.js';

/** How a key event came: `tap` when the terminal cannot tell (each event, auto-repeat included, is one action). */
export type KeyEventType = 'press' | 'repeat' | 'release' | 'tap';

/** A key event: the key and how it came. */
export interface KeyEvent extends KeyPress {
  readonly type: KeyEventType;
}

/** The keymap's name for what Ink reported, or null for a key the game does not use. */
export function keyName(input: string, key: Key): string | null {
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.escape) return 'escape';
  if (key.return) return 'return';
  if (key.tab) return 'tab';
  if (key.backspace) return 'backspace';
  if (input === ' ') return 'space';
  // One character typed: letters case-insensitively (Shift or Caps Lock do not matter).
  if ([...input].length === 1) return input.toLowerCase();
  return null;
}

const CONTROL_NAMES: Readonly<Record<string, string>> = { ' ': 'space', '\r': 'return', '\t': 'tab' };

/**
 * The key events in what Ink's `useInput` reports. Ink hands over a run of
 * plain characters read together as one string (keys typed or repeated
 * faster than it reads them); each character is a key of its own here.
 * Input the game cannot use (a bare modifier) gives none.
 *
 * `reportsEvents` says the terminal was asked for key press, repeat and
 * release (see keyboard-protocol.ts). A key without an event type is then a
 * press: the protocol leaves the type out for a press, and kitty sends a
 * plain press of an arrow in the short legacy form (`ESC[D`), which Ink
 * reads as a legacy key with no type (its kitty pattern wants the `1;`).
 * Lock keys (Caps Lock, Num Lock) arrive as modifiers and change nothing here.
 */
export function keyEventsFromInk(input: string, key: Key, reportsEvents = false): KeyEvent[] {
  const type = key.eventType ?? (reportsEvents ? 'press' : 'tap');
  const chars = [...input];
  if (chars.length > 1 && !key.ctrl && !key.meta) {
    return chars.map((ch) => ({ name: CONTROL_NAMES[ch] ?? ch.toLowerCase(), ctrl: false, type }));
  }
  const name = keyName(input, key);
  return name === null ? [] : [{ name, ctrl: key.ctrl, type }];
}

/**
 * Ctrl-Z, which suspends the program as in any terminal program. In raw
 * mode the terminal sends it as the byte 0x1A (with the kitty protocol,
 * `CSI 122;5u`), not as SIGTSTP, so the app does what the terminal would.
 * Ahead of the keymap: a config.json that binds ctrl+z does not take it.
 */
export function isSuspendKey(event: KeyEvent): boolean {
  return event.ctrl && event.name === 'z' && (event.type === 'press' || event.type === 'tap');
}
