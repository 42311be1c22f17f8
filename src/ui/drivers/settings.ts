/**
 * The Settings screen as a pure model: key bindings (choose a command,
 * press its new key; a key another command has is refused, naming it), the
 * presets, DAS, ARR, soft-drop speed, preview count, ghost, colour,
 * ASCII and big cells. Left and right change a value, Enter on a command waits for its
 * key (Esc keeps the old one), Esc leaves. What it changed is the
 * program's to write (app.ts asks, on the way out).
 */
import { TICKS_PER_SECOND } from '../../core/index.js';
import { LAYOUT } from '../frame/layout.js';
import type { KeyEvent } from '../input/key-events.js';
import { bindingLabels, COMMAND_ORDER, type Command } from '../input/keymap.js';
import { bindKey, commandName, PRESET_NAMES, PRESETS, presetOf } from '../input/keymap-presets.js';
import type { MenuKey } from '../input/menu-keys.js';
import type { PlayerSettings } from './app-io.js';
import type { MenuRow, MenuView } from './menu-view.js';

/** The rows after the commands' keys. */
const VALUES = ['preset', 'das', 'arr', 'softDrop', 'preview', 'ghost', 'color', 'ascii', 'big'] as const;
type ValueRow = (typeof VALUES)[number];
const ROW_COUNT = COMMAND_ORDER.length + VALUES.length;

/** The Settings screen's model. */
export interface SettingsModel {
  readonly settings: PlayerSettings;
  /** The settings as they were when the screen opened: what leaving compares with. */
  readonly before: PlayerSettings;
  readonly selected: number;
  /** The command waiting for its new key, or null. */
  readonly capturing: Command | null;
  readonly message: string;
}

/** What the screen asks for. */
export type SettingsAction = 'back' | 'quit';

/** The screen opened on `settings`. */
export function settingsModel(settings: PlayerSettings): SettingsModel {
  return { settings, before: settings, selected: 0, capturing: null, message: '' };
}

/** `n` one step up or down within `min`-`max`. */
const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

function changeValue(settings: PlayerSettings, row: ValueRow, by: number): PlayerSettings {
  switch (row) {
    case 'preset': {
      // From the player's own keys, forward is the first preset and back the last.
      const current = presetOf(settings.keys);
      const n = PRESET_NAMES.length;
      const at = current ? PRESET_NAMES.indexOf(current) + by : by > 0 ? 0 : n - 1;
      return { ...settings, keys: PRESETS[PRESET_NAMES[(at + n) % n]!] };
    }
    case 'das':
      return { ...settings, das: clamp(settings.das + by, 1, 60) };
    case 'arr':
      return { ...settings, arr: clamp(settings.arr + by, 0, 60) };
    case 'softDrop':
      return { ...settings, softDrop: clamp(settings.softDrop + by, 0, 60) };
    case 'preview':
      return { ...settings, preview: clamp(settings.preview + by, 1, 6) };
    case 'ghost':
    case 'color':
    case 'ascii':
    case 'big':
      return { ...settings, [row]: !settings[row] };
    default: {
      const never: never = row;
      return never;
    }
  }
}

/** A key as the Settings screen names it in a message: `x`, `space`, `ctrl+c`. */
const keyName = (event: KeyEvent): string => (event.ctrl ? `ctrl+${event.name}` : event.name);

/** The key pressed while `capturing` waits for one: bound, refused, or (Esc) the old one kept. */
export function settingsCapture(model: SettingsModel, event: KeyEvent): SettingsModel {
  const command = model.capturing;
  if (!command || event.type === 'release' || event.type === 'repeat') return model;
  if (event.name === 'escape' && !event.ctrl) return { ...model, capturing: null, message: `${commandName(command)}: unchanged` };
  const bound = bindKey(model.settings.keys, command, { name: event.name, ctrl: event.ctrl });
  if ('taken' in bound) {
    return { ...model, message: `${keyName(event)} is already ${commandName(bound.taken)}: press another key, or esc` };
  }
  return {
    ...model,
    settings: { ...model.settings, keys: bound.keymap },
    capturing: null,
    message: `${commandName(command)}: ${keyName(event)}`,
  };
}

/** The screen after a menu key (not while a key is being captured), and what it asks for. */
export function settingsKey(model: SettingsModel, key: MenuKey): { readonly model: SettingsModel; readonly action: SettingsAction | null } {
  const valueRow = model.selected >= COMMAND_ORDER.length ? VALUES[model.selected - COMMAND_ORDER.length]! : null;
  const cleared = model.message === '' ? model : { ...model, message: '' };
  switch (key.kind) {
    case 'up':
    case 'down':
      return { model: { ...cleared, selected: (model.selected + (key.kind === 'up' ? -1 : 1) + ROW_COUNT) % ROW_COUNT }, action: null };
    case 'left':
    case 'right':
      if (!valueRow) return { model: cleared, action: null };
      return { model: { ...cleared, settings: changeValue(model.settings, valueRow, key.kind === 'left' ? -1 : 1) }, action: null };
    case 'enter':
      if (valueRow) return { model: { ...cleared, settings: changeValue(model.settings, valueRow, 1) }, action: null };
      return { model: { ...cleared, capturing: COMMAND_ORDER[model.selected]!, message: '' }, action: null };
    case 'back':
      return { model, action: 'back' };
    case 'quit':
      return { model, action: 'quit' };
    case 'letter':
      return { model, action: null };
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** A command as its row names it: the help panel's words, but `show keys` for the help key. */
const actionName = (command: Command): string => (command === 'help' ? 'show keys' : commandName(command));

/** Ticks as the screen says them, with their milliseconds. */
const ticks = (n: number, what = ''): string => `${n} tick${n === 1 ? '' : 's'}${what} (${Math.round((n * 1000) / TICKS_PER_SECOND)} ms)`;

function valueText(settings: PlayerSettings, row: ValueRow): string {
  switch (row) {
    case 'preset':
      return presetOf(settings.keys) ?? 'your own';
    case 'das':
      return ticks(settings.das);
    case 'arr':
      return settings.arr === 0 ? '0: to the wall' : ticks(settings.arr);
    case 'softDrop':
      return settings.softDrop === 0 ? 'instant' : ticks(settings.softDrop, ' a row');
    case 'preview':
      return String(settings.preview);
    case 'ghost':
    case 'color':
    case 'ascii':
      return settings[row] ? 'on' : 'off';
    case 'big':
      // Big cells need a terminal twice the game screen's size: the row says from what size.
      return settings.big ? `on from ${2 * LAYOUT.width} x ${2 * LAYOUT.height}` : 'off';
    default: {
      const never: never = row;
      return never;
    }
  }
}

const VALUE_NAMES: Readonly<Record<ValueRow, string>> = {
  preset: 'Keys preset',
  das: 'DAS',
  arr: 'ARR',
  softDrop: 'Soft drop',
  preview: 'Preview',
  ghost: 'Ghost',
  color: 'Colour',
  ascii: 'ASCII',
  big: 'Big cells',
};

/** The screen as it shows; `ascii` names the arrow keys in ASCII. */
export function settingsView(model: SettingsModel, ascii = false): MenuView {
  const { settings, capturing } = model;
  const rows: MenuRow[] = [
    ...COMMAND_ORDER.map((command) => ({
      text: `${actionName(command).padEnd(13)}${capturing === command ? '[press a key]' : bindingLabels(settings.keys[command], ascii, 16)}`,
    })),
    ...VALUES.map((row) => ({ text: `${VALUE_NAMES[row].padEnd(13)}< ${valueText(settings, row)} >` })),
  ];
  return {
    kind: 'menu',
    title: 'SETTINGS',
    rows,
    selected: model.selected,
    message: capturing && !model.message ? `press the new key for ${commandName(capturing)} (esc: keep it)` : model.message,
    footer: capturing ? '' : '↑↓ choose  enter rebind  ←→ change  esc back',
  };
}
