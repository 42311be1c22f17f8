/**
 * Reading a replay file (CLI.md "Replay file"): JSON text in, a `Replay` or
 * the one line that refuses the file out. Every refusal CLI.md lists, plus
 * bounds that keep a hostile file from costing time or memory. Never throws.
 */
import { INPUT_NAMES, isInputName } from './actions.js';
import { parseJsonKeepingNumbers, type NumberText } from './json-numbers.js';
import { MAX_QUEUE_LENGTH, MAX_REPLAY_BYTES } from './limits.js';
import { isPieceType } from './pieces.js';
import { printable } from './printable.js';
import { DIG_LINE_CHOICES, MODES, RULE_SETS, startLevelRange, VERSION_1_MODES, type Mode, type RuleSet } from './modes.js';
import { MAX_SEED } from './randomizer.js';
import {
  packReplay,
  REPLAY_FORMAT,
  REPLAY_VERSION,
  REPLAY_VERSION_2,
  REPLAY_VERSIONS,
  type PackedReplay,
  type Replay,
  type ReplayInput,
  type ReplaySettings,
} from './replay.js';
import { scanReplay } from './replay-scan.js';

/**
 * Deepest JSON nesting read. A replay needs three levels (the object,
 * `inputs`, a pair); the bound keeps a hostile `[[[[...` file from costing
 * seconds in `JSON.parse`.
 */
export const MAX_REPLAY_DEPTH = 32;

/** What `parseReplay` found: a replay, or the one line that refuses the file. */
export type ReplayParse = { readonly ok: true; readonly replay: Replay } | { readonly ok: false; readonly error: string };

/** Thrown inside the reader, caught at its top: the message is `FIELD: problem`. */
class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

/**
 * A short, one-line, never-recursive description of a JSON value for
 * messages. `source` is the file's own text of a number where JSON.parse
 * changed it (`1e309` read as Infinity, `9007199254740993` as ...992): a
 * message names what the file says.
 */
function describe(value: unknown, source?: string): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && source !== undefined) return source.length > 40 ? `${source.slice(0, 40)}...` : source;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A plain JSON object (not a list, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An own field of a parsed object. Own fields only: a key like `__proto__`
 * or `constructor` in the file is data, never something inherited.
 */
function field(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Why a tick value is not one, or null when it is a tick. */
function tickProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'is not a whole number >= 0';
  if (!Number.isSafeInteger(value)) return `is too large (at most ${Number.MAX_SAFE_INTEGER})`;
  return null;
}

/** The deepest bracket nesting in JSON text, scanning no further than `limit` + 1. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/** `line L, column C` of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** The JSON value of the text, or a refusal that says where the syntax breaks. */
function parseJson(text: string): unknown {
  if (text.trim() === '') refuse('not JSON: the file is empty');
  if (nestingDepth(text, MAX_REPLAY_DEPTH) > MAX_REPLAY_DEPTH)
    refuse(`not a replay: JSON nested more than ${MAX_REPLAY_DEPTH} levels deep`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)/.exec(message);
    if (at) return refuse(`not JSON (${lineColumn(text, Number(at[1]))})`);
    if (/end of JSON input/.test(message)) return refuse('not JSON: the text ends too early');
    const token = /^Unexpected token '(.)'/u.exec(message);
    if (token) return refuse(`not JSON (unexpected ${JSON.stringify(token[1])})`);
    return refuse('not JSON');
  }
}

function readSeed(value: unknown, source?: string): number {
  if (value === undefined) refuse('seed: missing (expected an unsigned 32-bit integer)');
  if (typeof value !== 'number' || !Number.isInteger(value)) refuse(`seed: ${describe(value, source)} is not an unsigned 32-bit integer`);
  const seed = value as number;
  if (seed < 0 || seed > MAX_SEED) refuse(`seed: ${describe(seed, source)} is out of range (0-${MAX_SEED})`);
  return seed;
}

/** `a, b or c`. */
function alternatives(items: readonly (string | number)[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The settings. Version 1 means the nes rules and marathon or sprint,
 * forever: its `rules` and `digLines`, unknown to it, are ignored like any
 * unknown field. Version 2 reads both, and the start level's range is the
 * rule set's.
 */
function readSettings(value: unknown, numbers: NumberText, version: number): ReplaySettings {
  if (value === undefined) return {};
  if (!isObject(value)) return refuse(`settings: expected an object, not ${describe(value)}`);
  const settings: { rules?: RuleSet; startLevel?: number; mode?: Mode; digLines?: number; queue?: string } = {};
  const v2 = version === REPLAY_VERSION_2;
  const rules = v2 ? field(value, 'rules') : undefined;
  if (rules !== undefined) {
    if (!RULE_SETS.includes(rules as RuleSet)) refuse(`settings.rules: ${describe(rules)} is not a rule set (${alternatives(RULE_SETS)})`);
    settings.rules = rules as RuleSet;
  }
  const range = startLevelRange(settings.rules ?? 'nes');
  const under = v2 ? ` (the ${settings.rules ?? 'nes'} rules)` : '';
  const startLevel = field(value, 'startLevel');
  if (startLevel !== undefined) {
    if (typeof startLevel !== 'number' || !Number.isInteger(startLevel)) {
      refuse(
        `settings.startLevel: ${describe(startLevel, numbers(value, 'startLevel'))} is not a whole number ${range.min}-${range.max}${under}`,
      );
    }
    const level = startLevel as number;
    if (level < range.min || level > range.max) {
      refuse(`settings.startLevel: ${describe(level, numbers(value, 'startLevel'))} is outside ${range.min}-${range.max}${under}`);
    }
    settings.startLevel = level;
  }
  const mode = field(value, 'mode');
  const modes = v2 ? MODES : VERSION_1_MODES;
  if (mode !== undefined) {
    if (!modes.includes(mode as Mode)) {
      refuse(`settings.mode: ${describe(mode)} is not a mode (${alternatives(modes)})`);
    }
    settings.mode = mode as Mode;
  }
  const digLines = v2 ? field(value, 'digLines') : undefined;
  if (digLines !== undefined) {
    if (!DIG_LINE_CHOICES.includes(digLines as number)) {
      refuse(`settings.digLines: ${describe(digLines, numbers(value, 'digLines'))} is not ${alternatives(DIG_LINE_CHOICES)}`);
    }
    if (settings.mode !== 'dig') {
      refuse(`settings.digLines: ${describe(digLines, numbers(value, 'digLines'))} is given without mode "dig"`);
    }
    settings.digLines = digLines as number;
  }
  const queue = field(value, 'queue');
  if (queue !== undefined) {
    if (typeof queue !== 'string') return refuse(`settings.queue: expected a string of piece letters (IJLOSTZ), not ${describe(queue)}`);
    if (queue.length > MAX_QUEUE_LENGTH) {
      refuse(`settings.queue: ${queue.length} letters, more than the ${MAX_QUEUE_LENGTH} a replay may fix`);
    }
    let index = 0;
    for (const letter of queue) {
      if (!isPieceType(letter)) refuse(`settings.queue[${index}]: ${describe(letter)} is not a piece letter (IJLOSTZ)`);
      index++;
    }
    settings.queue = queue;
  }
  return settings;
}

/**
 * The inputs, checked pair by pair. The list JSON.parse made is the one
 * returned, not a copy: a long game has a hundred thousand pairs, and
 * copying them was most of the cost of reading one.
 */
function readInputs(value: unknown, numbers: NumberText, name = 'inputs'): ReplayInput[] {
  if (value === undefined) refuse(`${name}: missing (expected a list of [tick, action] pairs)`);
  if (!Array.isArray(value)) return refuse(`${name}: expected a list of [tick, action] pairs, not ${describe(value)}`);
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!Array.isArray(item) || item.length !== 2) refuse(`${name}[${i}]: expected a [tick, action] pair, not ${describe(item)}`);
    const pair = item as unknown[];
    const tick = pair[0];
    const action = pair[1];
    const problem = tickProblem(tick);
    if (problem) refuse(`${name}[${i}]: tick ${describe(tick, numbers(pair, '0'))} ${problem}`);
    // Ticks never decrease: the actions of one tick apply in file order (CLI.md).
    if ((tick as number) < previous) refuse(`${name}[${i}]: tick ${tick as number} comes after tick ${previous}`);
    if (!isInputName(action)) refuse(`${name}[${i}]: ${describe(action)} is not an action (${INPUT_NAMES.join(', ')})`);
    previous = tick as number;
  }
  return value as ReplayInput[];
}

/** No number's text known: the fast first reading. */
const NO_NUMBER_TEXT: NumberText = () => undefined;

/** Reads a top-level field: an own field of the parsed object, or of the scanner's map. */
type FieldReader = (key: string) => unknown;

/** The fields before and after the inputs, checked in the order the messages name them. */
function readHead(get: FieldReader, numbers: NumberText = NO_NUMBER_TEXT, top: object = {}): { seed: number; settings: ReplaySettings } {
  const format = get('format');
  if (format === undefined) refuse(`format: missing (expected "${REPLAY_FORMAT}")`);
  if (format !== REPLAY_FORMAT) refuse(`format: expected "${REPLAY_FORMAT}", not ${describe(format)}`);
  const version = get('version');
  if (version === undefined) refuse(`version: missing (expected ${REPLAY_VERSION} or ${REPLAY_VERSION_2})`);
  if (!REPLAY_VERSIONS.includes(version as number)) {
    refuse(
      `version: ${describe(version, numbers(top, 'version'))} is not a version this inktris reads (it reads ${REPLAY_VERSION} and ${REPLAY_VERSION_2})`,
    );
  }
  const seed = readSeed(get('seed'), numbers(top, 'seed'));
  const settings = readSettings(get('settings'), numbers, version as number);
  // Version 2 holds the inputs of one game, or the `players` of a match (CLI.md), never both.
  if (version === REPLAY_VERSION_2 && get('players') !== undefined && get('inputs') !== undefined) {
    refuse(`players: ${describe(get('players'))} is given together with inputs (a replay has one or the other)`);
  }
  return { seed, settings };
}

function readEndTick(get: FieldReader, source?: string): number | undefined {
  const endTick = get('endTick');
  if (endTick === undefined) return undefined;
  const problem = tickProblem(endTick);
  if (problem) refuse(`endTick: ${describe(endTick, source)} ${problem}`);
  return endTick as number;
}

/** The size bound, then the text without a leading byte order mark. */
function replayText(text: string): string {
  if (text.length > MAX_REPLAY_BYTES) refuse(`too large: ${text.length} characters (a replay may have at most 16 MiB)`);
  // A byte order mark is not JSON, but editors write one; it carries nothing.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The replay a parsed file holds; `numbers` gives the file's text of numbers JSON.parse changed, for messages. */
function readValue(value: unknown, numbers: NumberText): Replay {
  if (!isObject(value)) return refuse(`not a replay: expected a JSON object, not ${describe(value)}`);
  const get: FieldReader = (key) => field(value, key);
  const { seed, settings } = readHead(get, numbers, value);
  const inputs = readInputs(get('inputs'), numbers);
  const endTick = readEndTick(get, numbers(value, 'endTick'));
  return endTick === undefined ? { seed, settings, inputs } : { seed, settings, inputs, endTick };
}

/** The scanner's reading of a replay, checked; null where only the full reader can answer. */
function readScanned(text: string): PackedReplay | null {
  const scanned = scanReplay(replayText(text));
  if (!scanned) return null;
  const get: FieldReader = (key) => scanned.fields.get(key);
  const { seed, settings } = readHead(get);
  const endTick = readEndTick(get);
  const inputs = scanned.inputs;
  return endTick === undefined ? { seed, settings, inputs } : { seed, settings, inputs, endTick };
}

/**
 * Read a replay file's text. Never throws: the answer is a replay, or one
 * line `FILE: FIELD: problem` (e.g. `game.json: inputs[3]: tick 5 comes
 * after tick 10`) for every refusal CLI.md lists. Fields this version does
 * not know are ignored; a leading byte order mark is skipped.
 */
export function parseReplay(text: string, fileLabel: string): ReplayParse {
  const refused = (reason: string): ReplayParse => ({ ok: false, error: printable(`${fileLabel}: ${reason}`) });
  let value: unknown;
  try {
    value = parseJson(replayText(text));
  } catch (error) {
    return refused(error instanceof Refusal ? error.message : 'not a replay');
  }
  try {
    return { ok: true, replay: readValue(value, NO_NUMBER_TEXT) };
  } catch (error) {
    if (!(error instanceof Refusal)) return refused('not a replay');
    // Only now, for the message: the file's text of the numbers, which costs a second parse.
    return refused(numberTextRefusal(text) ?? error.message);
  }
}

/** The refusal of `text` read again with the file's text of its numbers, or null where that reading does not refuse it. */
function numberTextRefusal(text: string): string | null {
  try {
    const { value, numberText } = parseJsonKeepingNumbers(replayText(text));
    readValue(value, numberText);
    return null;
  } catch (error) {
    return error instanceof Refusal ? error.message : null;
  }
}

/** What `parsePackedReplay` found: a replay with its inputs in columns, or the one line that refuses the file. */
export type PackedReplayParse = { readonly ok: true; readonly replay: PackedReplay } | { readonly ok: false; readonly error: string };

/**
 * `parseReplay` with the inputs in columns, for a headless run: the same
 * answer for every text (a property test checks it), about twice as fast on
 * a long game. The scanner reads files in inktris's plain shape (see
 * replay-scan.ts); anything else, and every refusal, goes through
 * `parseReplay`, so the messages are its messages.
 */
export function parsePackedReplay(text: string, fileLabel: string): PackedReplayParse {
  let scanned: PackedReplay | null = null;
  try {
    scanned = readScanned(text);
  } catch {
    // A refusal: parseReplay below gives the message.
  }
  if (scanned) return { ok: true, replay: scanned };
  const parsed = parseReplay(text, fileLabel);
  return parsed.ok ? { ok: true, replay: packReplay(parsed.replay) } : parsed;
}

/** A player of a match replay: an optional name and its inputs. */
export interface MatchReplayPlayer {
  readonly name?: string;
  readonly inputs: readonly ReplayInput[];
}

/** A versus match's replay (version 2 with `players`, CLI.md). */
export interface MatchReplay {
  readonly seed: number;
  readonly settings: ReplaySettings;
  readonly players: readonly [MatchReplayPlayer, MatchReplayPlayer];
  readonly endTick?: number;
}

/** Longest player name a match replay may hold. */
export const MAX_PLAYER_NAME = 32;

/** What `parseMatchReplay` found: a match, the one line that refuses it, or null for a file that holds no match. */
export type MatchReplayParse = { readonly ok: true; readonly replay: MatchReplay } | { readonly ok: false; readonly error: string } | null;

function readPlayer(value: unknown, i: number, numbers: NumberText): MatchReplayPlayer {
  if (!isObject(value)) return refuse(`players[${i}]: expected an object with inputs, not ${describe(value)}`);
  const inputs = readInputs(field(value, 'inputs'), numbers, `players[${i}].inputs`);
  const name = field(value, 'name');
  if (name === undefined) return { inputs };
  if (typeof name !== 'string') return refuse(`players[${i}].name: expected a string, not ${describe(name)}`);
  if (name.length > MAX_PLAYER_NAME) refuse(`players[${i}].name: ${name.length} characters, more than ${MAX_PLAYER_NAME}`);
  if (printable(name) !== name) refuse(`players[${i}].name: ${describe(name)} holds control characters`);
  return { name, inputs };
}

/**
 * Read a match replay's text: null when the file names no `players` (a
 * solo replay, or not a replay: `parseReplay` answers for it), else the
 * match or the one line that refuses it (players not a list of two, a mode
 * other than marathon, a bad name, both `inputs` and `players`).
 */
export function parseMatchReplay(text: string, fileLabel: string): MatchReplayParse {
  const refused = (reason: string): MatchReplayParse => ({ ok: false, error: printable(`${fileLabel}: ${reason}`) });
  let value: unknown;
  try {
    value = parseJson(replayText(text));
  } catch {
    return null;
  }
  if (!isObject(value) || field(value, 'players') === undefined) return null;
  try {
    const get: FieldReader = (key) => field(value, key);
    const { seed, settings } = readHead(get, NO_NUMBER_TEXT, value);
    if (get('version') !== REPLAY_VERSION_2) refuse(`players: a match needs version ${REPLAY_VERSION_2}`);
    if ((settings.mode ?? 'marathon') !== 'marathon')
      refuse(`settings.mode: ${describe(settings.mode)} is not "marathon" (a match is played in marathon)`);
    const list = get('players');
    if (!Array.isArray(list) || list.length !== 2) refuse(`players: expected a list of two players, not ${describe(list)}`);
    const players = [readPlayer(list[0], 0, NO_NUMBER_TEXT), readPlayer(list[1], 1, NO_NUMBER_TEXT)] as const;
    const endTick = readEndTick(get);
    return { ok: true, replay: endTick === undefined ? { seed, settings, players } : { seed, settings, players, endTick } };
  } catch (error) {
    return refused(error instanceof Refusal ? error.message : 'not a replay');
  }
}
