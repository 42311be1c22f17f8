/**
 * `config.json` in the config folder: key bindings, DAS, ARR, soft-drop
 * speed, preview count, ghost, colour, ASCII and big cells. Invalid values are refused
 * with a line naming the key and what it expects (exit 2); unknown keys are
 * warned about and ignored, and kept when the Settings screen writes the
 * file (`saveSettings`). Command-line options override the file.
 */
import { join } from 'node:path';
import { COMMAND_ORDER, DEFAULT_KEYMAP, type Command, type KeyBinding, type Keymap } from '../ui/input/keymap.js';
import { DEFAULT_HANDLING } from '../ui/input/handling.js';
import { parseJsonKeepingNumbers, type NumberText } from '../core/json-numbers.js';
import { readBounded } from './bounded-read.js';
import { makeFolders } from './disk.js';
import { writeFileSafely } from './safe-write.js';
import type { PlayerSettings } from '../ui/drivers/app-io.js';
import { noColorAsked } from './color-depth.js';
import { InputError, printable } from './errors.js';

/** The settings a player can keep in config.json: what the Settings screen changes (src/ui/drivers/app-io.ts). */
export type Settings = PlayerSettings;

/** The settings with no config file. */
export const DEFAULT_SETTINGS: Settings = {
  keys: DEFAULT_KEYMAP,
  das: DEFAULT_HANDLING.das,
  arr: DEFAULT_HANDLING.arr,
  softDrop: DEFAULT_HANDLING.softDrop,
  preview: 5,
  ghost: true,
  color: true,
  ascii: false,
  big: false,
};

const KNOWN = new Set(['keys', 'das', 'arr', 'softDrop', 'preview', 'ghost', 'color', 'ascii', 'big']);
const NAMED_KEYS = new Set(['left', 'right', 'up', 'down', 'space', 'escape', 'return', 'tab', 'backspace']);

/** config.json is a few hundred bytes; a larger file is refused before it is read whole. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const configPath = (dir: string): string => join(dir, 'config.json');

/** A key as written in config.json (`x`, `space`, `ctrl+c`), or null if it is not one. */
export function parseKey(text: string): KeyBinding | null {
  const lower = text.trim().toLowerCase();
  const ctrl = lower.startsWith('ctrl+');
  const name = ctrl ? lower.slice(5) : lower;
  if (NAMED_KEYS.has(name)) return ctrl ? { name, ctrl } : { name };
  // One printable character, as typed (letters lower-case).
  if ([...name].length === 1 && name > ' ' && name !== '\u007f') return ctrl ? { name, ctrl } : { name };
  return null;
}

const keyText = (b: KeyBinding) => (b.ctrl ? `ctrl+${b.name}` : b.name);

/** Characters of a value quoted in a message: a file may hold a key or a string of a megabyte. */
const QUOTE_LENGTH = 40;

/**
 * A value of the file as a message quotes it: a number as the file writes it
 * (`1e309`, not `null` or `Infinity`), anything else as JSON; cut to
 * {@link QUOTE_LENGTH} characters and made printable (no escape code from the
 * file reaches the terminal).
 */
function quote(value: unknown, text?: string): string {
  const shown = text ?? JSON.stringify(value) ?? String(value);
  return printable(shown.length > QUOTE_LENGTH ? `${shown.slice(0, QUOTE_LENGTH)}...` : shown);
}

function wholeIn(file: string, key: string, value: unknown, min: number, max: number, unit: string, text?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${file}: ${key}: expected a whole number of ${unit} from ${min} to ${max}, got ${quote(value, text)}`);
  }
  return value;
}

/** Milliseconds as the file writes them: `150ms`. */
const MILLISECONDS = /^\s*(\d{1,5})\s*ms\s*$/;

/** DAS: whole ticks 1-60, or milliseconds (`"150ms"`) rounded to the nearest tick, within the same range. */
function dasFrom(file: string, value: unknown, text?: string): number {
  const ms = typeof value === 'string' ? MILLISECONDS.exec(value) : null;
  if (!ms) return wholeIn(file, 'das', value, 1, 60, 'ticks', text);
  const ticks = Math.round((Number(ms[1]) * 60) / 1000);
  if (ticks < 1 || ticks > 60) throw new InputError(`${file}: das: expected 17ms to 1000ms (1 to 60 ticks), got ${quote(value)}`);
  return ticks;
}

/** Soft drop: whole ticks per row 1-60, or `"instant"` (0). */
function softDropFrom(file: string, value: unknown, text?: string): number {
  if (value === 'instant') return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 60) {
    throw new InputError(
      `${file}: softDrop: expected a whole number of ticks per row from 1 to 60, or "instant", got ${quote(value, text)}`,
    );
  }
  return value;
}

function bool(file: string, key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InputError(`${file}: ${key}: expected true or false, got ${quote(value)}`);
  return value;
}

/** Unknown keys named in the warning; the rest are counted. */
const NAMED_UNKNOWN = 3;

/**
 * One line for every unknown key, however many (a file of 5,000 is one line,
 * not 5,000): `config.json: 3 unknown keys ignored: "a", "b", "c"`, with
 * `and N more` past the first three.
 */
function unknownKeysWarning(file: string, unknown: readonly string[]): string[] {
  if (unknown.length === 0) return [];
  const named = unknown
    .slice(0, NAMED_UNKNOWN)
    .map((k) => quote(k))
    .join(', ');
  const more = unknown.length > NAMED_UNKNOWN ? ` and ${unknown.length - NAMED_UNKNOWN} more` : '';
  const what = unknown.length === 1 ? `unknown key ${named}` : `${unknown.length} unknown keys`;
  const list = unknown.length === 1 ? '' : `: ${named}${more}`;
  return [`${file}: ${what} ignored${list} (known: ${[...KNOWN].join(', ')})`];
}

function keymapFrom(file: string, value: unknown): Keymap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${file}: keys: expected an object of command: [keys], e.g. {"hardDrop": ["space"]}`);
  }
  const keys: Record<Command, readonly KeyBinding[]> = { ...DEFAULT_KEYMAP };
  for (const [command, list] of Object.entries(value)) {
    if (!(COMMAND_ORDER as readonly string[]).includes(command)) {
      throw new InputError(
        `${file}: keys.${printable(command.slice(0, QUOTE_LENGTH))}: not a command; expected one of ${COMMAND_ORDER.join(', ')}`,
      );
    }
    if (!Array.isArray(list) || list.length === 0 || list.length > 8) {
      throw new InputError(`${file}: keys.${command}: expected a list of 1 to 8 keys, got ${quote(list)}`);
    }
    keys[command as Command] = list.map((k: unknown) => {
      const binding = typeof k === 'string' ? parseKey(k) : null;
      if (!binding)
        throw new InputError(
          `${file}: keys.${command}: ${quote(k)} is not a key; expected a character, ${[...NAMED_KEYS].join(', ')}, or ctrl+KEY`,
        );
      return binding;
    });
  }
  const owner = new Map<string, Command>();
  for (const command of COMMAND_ORDER) {
    for (const binding of keys[command]) {
      const other = owner.get(keyText(binding));
      if (other && other !== command) throw new InputError(`${file}: keys: "${keyText(binding)}" is bound to both ${other} and ${command}`);
      owner.set(keyText(binding), command);
    }
  }
  return keys;
}

/**
 * The settings in a parsed config.json, over the defaults. Throws InputError
 * naming the key on a bad value; returns one warning for the unknown keys.
 * `numberText` gives the file's text of a number that JSON.parse changed
 * (`1e309`), for the message.
 */
export function settingsFrom(file: string, value: unknown, numberText?: NumberText): { settings: Settings; warnings: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${file}: expected a JSON object`);
  const v = value as Record<string, unknown>;
  const warnings = unknownKeysWarning(
    file,
    Object.keys(v).filter((k) => !KNOWN.has(k)),
  );
  const has = (k: string) => Object.hasOwn(v, k);
  const whole = (k: 'arr' | 'preview', min: number, max: number, unit: string) =>
    wholeIn(file, k, v[k], min, max, unit, numberText?.(v, k));
  const settings: Settings = {
    keys: has('keys') ? keymapFrom(file, v.keys) : DEFAULT_SETTINGS.keys,
    das: has('das') ? dasFrom(file, v.das, numberText?.(v, 'das')) : DEFAULT_SETTINGS.das,
    // ARR 0: to the wall at once (held-keys.ts).
    arr: has('arr') ? whole('arr', 0, 60, 'ticks') : DEFAULT_SETTINGS.arr,
    softDrop: has('softDrop') ? softDropFrom(file, v.softDrop, numberText?.(v, 'softDrop')) : DEFAULT_SETTINGS.softDrop,
    preview: has('preview') ? whole('preview', 1, 6, 'pieces') : DEFAULT_SETTINGS.preview,
    ghost: has('ghost') ? bool(file, 'ghost', v.ghost) : DEFAULT_SETTINGS.ghost,
    color: has('color') ? bool(file, 'color', v.color) : DEFAULT_SETTINGS.color,
    ascii: has('ascii') ? bool(file, 'ascii', v.ascii) : DEFAULT_SETTINGS.ascii,
    big: has('big') ? bool(file, 'big', v.big) : DEFAULT_SETTINGS.big,
  };
  return { settings, warnings };
}

/** config.json's settings, the defaults when there is no file; NO_COLOR turns colour off. */
export async function loadSettings(
  dir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ settings: Settings; warnings: string[]; path: string; found: boolean; fileSettings: Settings }> {
  const path = configPath(dir);
  let text: string | null = null;
  try {
    text = await readBounded(path, { limit: MAX_CONFIG_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EFBIG') throw new InputError(`${path}: larger than 1 MiB; is this the right file?`);
    // bounded-read.ts's refusals (a folder, a FIFO, a device) say what the file is.
    if (code === 'EISDIR' || code === 'ENOTREG') throw new InputError(`${path}: ${(error as Error).message}`);
    if (code !== 'ENOENT') throw new InputError(`${path}: cannot read it (${code ?? 'error'})`);
  }
  let result = { settings: DEFAULT_SETTINGS, warnings: [] as string[] };
  if (text !== null) {
    let parsed: ReturnType<typeof parseJsonKeepingNumbers>;
    try {
      // A byte order mark is not JSON, but editors write one (Notepad does); replays take it too.
      parsed = parseJsonKeepingNumbers(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${printable((error as Error).message.split('\n')[0] ?? '')})`);
    }
    result = settingsFrom(path, parsed.value, parsed.numberText);
  }
  const settings = noColorAsked(env) ? { ...result.settings, color: false } : result.settings;
  // `fileSettings`: as the file says, NO_COLOR aside, for the Settings screen to write back.
  return { ...result, settings, path, found: text !== null, fileSettings: result.settings };
}

/** The settings as config.json would spell them (keys as strings). */
export function settingsJson(settings: Settings): Record<string, unknown> {
  return {
    keys: Object.fromEntries(COMMAND_ORDER.map((c) => [c, settings.keys[c].map(keyText)])),
    das: settings.das,
    arr: settings.arr,
    softDrop: settings.softDrop === 0 ? 'instant' : settings.softDrop,
    preview: settings.preview,
    ghost: settings.ghost,
    color: settings.color,
    ascii: settings.ascii,
    big: settings.big,
  };
}

/** A JSON string, its escapes included. */
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/** A list of strings that `JSON.stringify(value, null, 2)` spread over lines. */
const SPREAD_LIST = new RegExp(String.raw`\[\s+(${JSON_STRING}(?:,\s+${JSON_STRING})*)\s+\]`, 'g');
const LIST_GAP = new RegExp(String.raw`(${JSON_STRING}),\s+`, 'g');

/** Lists of strings on one line each (`"cw": ["up", "x"]`), as a person writes the file. */
function compactLists(json: string): string {
  return json.replace(SPREAD_LIST, (_, items: string) => `[${items.replace(LIST_GAP, '$1, ')}]`);
}

/**
 * Write `settings` to config.json in `dir` atomically (safe-write.ts: a
 * temporary file, fsync, rename), keeping every key of the file as it was
 * that the settings do not name: a key of a later version, or one the
 * player added. A file that is not a JSON object is replaced.
 */
export async function saveSettings(dir: string, settings: Settings): Promise<string> {
  const path = configPath(dir);
  let kept: Record<string, unknown> = {};
  try {
    const text = await readBounded(path, { limit: MAX_CONFIG_BYTES });
    const parsed: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) kept = parsed as Record<string, unknown>;
  } catch {
    // No file, or one that cannot be read as an object: the settings are the whole file.
  }
  await makeFolders(dir);
  writeFileSafely(path, `${compactLists(JSON.stringify({ ...kept, ...settingsJson(settings) }, null, 2))}\n`);
  return path;
}
