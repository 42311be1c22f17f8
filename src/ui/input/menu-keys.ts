/**
 * The keys of the menu screens (the front door, Settings, Scores, Watch):
 * fixed, not the player's keymap, so that no binding can lock a player out
 * of the menus. Arrows move, Enter chooses, Esc goes back, q quits, and a
 * letter is a shortcut.
 */
import type { KeyEvent } from './key-events.js';

/** What a key does on a menu screen. */
export type MenuKey =
  | { readonly kind: 'up' | 'down' | 'left' | 'right' | 'enter' | 'back' | 'quit' }
  /** A letter or digit typed, lower-case. */
  | { readonly kind: 'letter'; readonly letter: string };

/**
 * The menu's meaning of `event`, or null. Releases do nothing; a held
 * arrow's repeats move on, a held Enter or letter acts once.
 */
export function menuKey(event: KeyEvent): MenuKey | null {
  if (event.type === 'release') return null;
  const repeat = event.type === 'repeat';
  if (event.ctrl) return event.name === 'c' && !repeat ? { kind: 'quit' } : null;
  switch (event.name) {
    case 'up':
    case 'down':
    case 'left':
    case 'right':
      return { kind: event.name };
    case 'return':
    case 'space':
      return repeat ? null : { kind: 'enter' };
    case 'escape':
    case 'backspace':
      return repeat ? null : { kind: 'back' };
    case 'q':
      return repeat ? null : { kind: 'quit' };
    default:
      return !repeat && /^[a-z0-9]$/.test(event.name) ? { kind: 'letter', letter: event.name } : null;
  }
}
