/**
 * The keys of the replay watcher as data (issue 7): space pauses, left and
 * right step a piece, + and - change the speed, g starts again, q quits.
 * A table, a pure matcher and the help rows, like the game's keymap.
 */
import { bindingLabels, matchIn, type KeyBinding, type KeyPress } from './keymap.js';

/** What a key does while a replay plays. */
export type WatchCommand = 'pause' | 'back' | 'forward' | 'slower' | 'faster' | 'restart' | 'quit' | 'help';

/** Every watch command and its keys. */
export type WatchKeymap = Readonly<Record<WatchCommand, readonly KeyBinding[]>>;

/** The watcher's keys. `=` and `_` are `+` and `-` without Shift. */
export const WATCH_KEYMAP: WatchKeymap = Object.freeze({
  pause: [{ name: 'space' }, { name: 'p' }],
  back: [{ name: 'left' }],
  forward: [{ name: 'right' }],
  slower: [{ name: '-' }, { name: '_' }],
  faster: [{ name: '+' }, { name: '=' }],
  restart: [{ name: 'g' }],
  quit: [{ name: 'q' }, { name: 'c', ctrl: true }],
  help: [{ name: '?' }],
});

/** Watch commands in the order the help panel lists them. */
export const WATCH_ORDER: readonly WatchCommand[] = ['pause', 'back', 'forward', 'slower', 'faster', 'restart', 'quit', 'help'];

/** What each watch command does, in the help panel's words. */
export const WATCH_HELP: Readonly<Record<WatchCommand, string>> = Object.freeze({
  pause: 'pause/play',
  back: 'back a piece',
  forward: 'next piece',
  slower: 'slower',
  faster: 'faster',
  restart: 'restart',
  quit: 'quit',
  help: 'these keys',
});

/** The watch command a key is bound to, or null; Ctrl must match exactly. */
export function matchWatchCommand(key: KeyPress, keymap: WatchKeymap = WATCH_KEYMAP): WatchCommand | null {
  return matchIn(WATCH_ORDER, keymap, key);
}

/** The keys of a watch command as the screen shows them, as many as fit in `width` columns. */
export function watchKeys(command: WatchCommand, ascii = false, width = Infinity, keymap: WatchKeymap = WATCH_KEYMAP): string {
  return bindingLabels(keymap[command], ascii, width);
}

/** The watch help panel's rows: keys (fitting `width`) and what they do. */
export function watchHelpRows(ascii = false, width = Infinity): { keys: string; action: string }[] {
  return WATCH_ORDER.map((command) => ({ keys: watchKeys(command, ascii, width), action: WATCH_HELP[command] }));
}

/** Playback speeds, slowest first; `-` and `+` move one step along them. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16];

/** The speed one step slower (-1) or faster (+1) than `speed`, staying within SPEEDS. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const at = SPEEDS.indexOf(speed);
  const from = at === -1 ? SPEEDS.indexOf(1) : at;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, from + direction))]!;
}

/** A speed as the sidebar writes it: `x0.25`, `x1`, `x16`. */
export function speedLabel(speed: number): string {
  return `x${speed}`;
}

/** The hint under a game or match watched live on a server: the watcher's one key (the front door's back). */
export const LIVE_HINT = 'q back';
