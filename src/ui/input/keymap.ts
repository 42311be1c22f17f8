/**
 * Key bindings as data: what each command is bound to, a pure matcher from a
 * key to a command, and the labels the help panel shows. The defaults are
 * the controls of issue 4.
 */
import type { InputName } from '../../core/index.js';

/** What a key can do: a game input (RULES.md "Time") or a command of the app. */
export type Command = InputName | 'restart' | 'quit' | 'help';

/**
 * A key as the matcher sees it: `name` is `left`, `right`, `up`, `down`,
 * `space`, `escape`, `return`, `tab`, `backspace`, or the character typed, lower-case for
 * letters (`x`, `?`).
 */
export interface KeyPress {
  readonly name: string;
  /** Ctrl was held. */
  readonly ctrl: boolean;
}

/** One binding: a key name and whether Ctrl must be held. */
export interface KeyBinding {
  readonly name: string;
  /** @default false */
  readonly ctrl?: boolean;
}

/** Every command and the keys bound to it. */
export type Keymap = Readonly<Record<Command, readonly KeyBinding[]>>;

/** The default controls. */
export const DEFAULT_KEYMAP: Keymap = Object.freeze({
  left: [{ name: 'left' }],
  right: [{ name: 'right' }],
  softDrop: [{ name: 'down' }],
  hardDrop: [{ name: 'space' }],
  cw: [{ name: 'up' }, { name: 'x' }],
  ccw: [{ name: 'z' }],
  hold: [{ name: 'c' }],
  pause: [{ name: 'p' }, { name: 'escape' }],
  restart: [{ name: 'r' }],
  quit: [{ name: 'q' }, { name: 'c', ctrl: true }],
  help: [{ name: '?' }],
});

/** Commands in the order the help panel lists them. */
export const COMMAND_ORDER: readonly Command[] = [
  'left',
  'right',
  'softDrop',
  'hardDrop',
  'cw',
  'ccw',
  'hold',
  'pause',
  'restart',
  'quit',
  'help',
];

/** The command a key is bound to in `keymap`, or null. Ctrl must match exactly, so `c` holds and Ctrl-C quits. */
export function matchCommand(keymap: Keymap, key: KeyPress): Command | null {
  return matchIn(COMMAND_ORDER, keymap, key);
}

/**
 * The first command in `order` that `keymap` binds `key` to, or null; Ctrl
 * must match exactly. Shared by every keymap (the game's, the watcher's).
 */
export function matchIn<C extends string>(
  order: readonly C[],
  keymap: Readonly<Record<C, readonly KeyBinding[]>>,
  key: KeyPress,
): C | null {
  for (const command of order) {
    for (const binding of keymap[command]) {
      if (binding.name === key.name && (binding.ctrl ?? false) === key.ctrl) return command;
    }
  }
  return null;
}

/** What each command does, in the help panel's words. */
export const COMMAND_HELP: Readonly<Record<Command, string>> = Object.freeze({
  left: 'move left',
  right: 'move right',
  softDrop: 'soft drop',
  hardDrop: 'hard drop',
  cw: 'rotate right',
  ccw: 'rotate left',
  hold: 'hold',
  pause: 'pause',
  restart: 'restart',
  quit: 'quit',
  help: 'these keys',
});

const UNICODE_LABELS: Readonly<Record<string, string>> = { left: '←', right: '→', up: '↑', down: '↓', escape: 'esc', space: 'space' };
const ASCII_LABELS: Readonly<Record<string, string>> = { left: '<-', right: '->', up: 'up', down: 'down', escape: 'esc', space: 'space' };

/** How a binding is written in the help panel: `←`, `x`, `esc`, `^C` (ASCII arrows with `ascii`). */
export function keyLabel(binding: KeyBinding, ascii = false): string {
  const labels = ascii ? ASCII_LABELS : UNICODE_LABELS;
  const name = labels[binding.name] ?? binding.name;
  return binding.ctrl ? `^${name.toUpperCase()}` : name;
}

/**
 * The keys of a command as the screen shows them: as many labels as fit in
 * `width` columns, separated by spaces (always at least the first).
 */
export function commandKeys(keymap: Keymap, command: Command, ascii = false, width = Infinity): string {
  return bindingLabels(keymap[command], ascii, width);
}

/** Labels of `bindings`, as many as fit in `width` columns, separated by spaces (always at least the first). */
export function bindingLabels(bindings: readonly KeyBinding[], ascii = false, width = Infinity): string {
  let text = '';
  for (const binding of bindings) {
    const label = keyLabel(binding, ascii);
    const next = text === '' ? label : `${text} ${label}`;
    if (text !== '' && next.length > width) break;
    text = next;
  }
  return text;
}

/** The help panel's rows: the keys of each command (fitting `width`) and what it does. */
export function helpRows(keymap: Keymap, ascii = false, width = Infinity): { keys: string; action: string }[] {
  return COMMAND_ORDER.map((command) => ({ keys: commandKeys(keymap, command, ascii, width), action: COMMAND_HELP[command] }));
}
