/**
 * The key-binding presets of the Settings screen (default, WASD, vim) and
 * the one rule of rebinding: a key belongs to one command, so a key another
 * command has is refused, by name, never stolen.
 */
import { COMMAND_HELP, COMMAND_ORDER, DEFAULT_KEYMAP, type Command, type KeyBinding, type Keymap } from './keymap.js';

/** The presets' names, in the order the Settings screen offers them. */
export type PresetName = 'default' | 'WASD' | 'vim';
export const PRESET_NAMES: readonly PresetName[] = ['default', 'WASD', 'vim'];

const keys = (...names: string[]): KeyBinding[] => names.map((name) => ({ name }));

/**
 * Every preset: the movement on other keys, the app's commands (pause,
 * restart, quit, help) as in the default. WASD: A/D move, S soft drop, W
 * rotates right, E left, space hard drop. vim: H/L move, J soft drop, K
 * rotates right.
 */
export const PRESETS: Readonly<Record<PresetName, Keymap>> = Object.freeze({
  default: DEFAULT_KEYMAP,
  WASD: Object.freeze({
    ...DEFAULT_KEYMAP,
    left: keys('a'),
    right: keys('d'),
    softDrop: keys('s'),
    hardDrop: keys('space'),
    cw: keys('w'),
    ccw: keys('e'),
    hold: keys('c'),
  }),
  vim: Object.freeze({
    ...DEFAULT_KEYMAP,
    left: keys('h'),
    right: keys('l'),
    softDrop: keys('j'),
    hardDrop: keys('space'),
    cw: keys('k', 'x'),
    ccw: keys('z'),
    hold: keys('c'),
  }),
});

/** The preset `keymap` is, or null for one of the player's own. */
export function presetOf(keymap: Keymap): PresetName | null {
  const same = (a: readonly KeyBinding[], b: readonly KeyBinding[]) =>
    a.length === b.length && a.every((k, i) => k.name === b[i]!.name && (k.ctrl ?? false) === (b[i]!.ctrl ?? false));
  return PRESET_NAMES.find((name) => COMMAND_ORDER.every((c) => same(keymap[c], PRESETS[name][c]))) ?? null;
}

const QUIT_ALWAYS: KeyBinding = { name: 'c', ctrl: true };

/**
 * `command` bound to `key` alone, or the command that has the key already.
 * Quit keeps Ctrl-C besides the new key, so the game can always be left.
 */
export function bindKey(keymap: Keymap, command: Command, key: KeyBinding): { readonly keymap: Keymap } | { readonly taken: Command } {
  const ctrl = key.ctrl ?? false;
  const owner = COMMAND_ORDER.find((c) => c !== command && keymap[c].some((k) => k.name === key.name && (k.ctrl ?? false) === ctrl));
  if (owner) return { taken: owner };
  const binding: KeyBinding = ctrl ? { name: key.name, ctrl } : { name: key.name };
  const list = command === 'quit' && !(key.name === 'c' && ctrl) ? [binding, QUIT_ALWAYS] : [binding];
  return { keymap: Object.freeze({ ...keymap, [command]: list }) };
}

/** A command in the Settings screen's words: `rotate right`. */
export const commandName = (command: Command): string => COMMAND_HELP[command];
