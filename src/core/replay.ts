/**
 * The replay file, format versions 1 and 2 (CLI.md "Replay file"): its
 * types, writing, and its inputs in columns. Reading and validation are in
 * replay-reader.ts; the fold that plays the inputs through the core,
 * headless or watched, is replay-cursor.ts. Pure like the rest of the core:
 * values in, values out; the CLI does the disk.
 */
import { INPUT_NAMES, inputAction, type Action, type InputName } from './actions.js';
import type { GameSettings } from './game.js';
import { DEFAULT_DIG_LINES, VERSION_1_MODES, type Mode, type RuleSet } from './modes.js';
import type { PackedInputs } from './replay-scan.js';

/** The `format` field every replay file carries. */
export const REPLAY_FORMAT = 'inktris-replay';

/** The format version of a game the first version can hold: nes rules, marathon or sprint. */
export const REPLAY_VERSION = 1;

/** The format version of every other game: the guideline rules, ultra, dig (CLI.md "Replay file, version 2"). */
export const REPLAY_VERSION_2 = 2;

/** The versions this program reads. */
export const REPLAY_VERSIONS: readonly number[] = [REPLAY_VERSION, REPLAY_VERSION_2];

/** One recorded input: the tick it applies in, and the input. */
export type ReplayInput = readonly [tick: number, action: InputName];

/** How the recorded game started. Every field is optional (CLI.md). */
export interface ReplaySettings {
  /** Version 2 only. @default 'nes' */
  readonly rules?: RuleSet;
  /** @default 0 under nes, 1 under guideline */
  readonly startLevel?: number;
  /** @default 'marathon' */
  readonly mode?: Mode;
  /** Version 2, mode dig only. @default 10 */
  readonly digLines?: number;
  /** Piece letters dealt before the seeded bags. @default '' */
  readonly queue?: string;
}

/** A replay: everything needed to play a game again, tick for tick. */
export interface Replay {
  /** Seed of the 7-bag randomizer, an unsigned 32-bit integer. */
  readonly seed: number;
  readonly settings: ReplaySettings;
  /** The inputs in the order they apply; ticks never decrease. */
  readonly inputs: readonly ReplayInput[];
  /**
   * Simulate through this tick. @default the last input's tick, or 0 with no
   * inputs. Inputs after it are never applied.
   */
  readonly endTick?: number;
}

/** Extra top-level fields a writer may add (CLI.md: name, date, program); readers ignore them. */
export type ReplayExtras = Readonly<Record<string, string | number>>;

const KNOWN_FIELDS = new Set(['format', 'version', 'seed', 'settings', 'inputs', 'endTick', 'players']);

/** The version a game's file must have: 1 when it fits (nes rules, marathon or sprint), else 2. */
export function replayVersionFor(settings: ReplaySettings): number {
  const fitsVersion1 = (settings.rules ?? 'nes') === 'nes' && VERSION_1_MODES.includes(settings.mode ?? 'marathon');
  return fitsVersion1 ? REPLAY_VERSION : REPLAY_VERSION_2;
}

/**
 * The settings a replay file keeps for a game: start level, mode and (when
 * there is one) the fixed queue, as version 1 always wrote them; for a game
 * that needs version 2, the rule set first and the dig lines of a dig game.
 */
export function replaySettingsOf(settings: Omit<GameSettings, 'seed'>): ReplaySettings {
  const rules = settings.rules ?? 'nes';
  const mode = settings.mode ?? 'marathon';
  const startLevel = settings.startLevel ?? (rules === 'guideline' ? 1 : 0);
  const queue = settings.queue ? { queue: settings.queue } : {};
  if (replayVersionFor({ rules, mode }) === REPLAY_VERSION) return { startLevel, mode, ...queue };
  const dig = mode === 'dig' ? { digLines: settings.digLines ?? DEFAULT_DIG_LINES } : {};
  return { rules, startLevel, mode, ...dig, ...queue };
}

/**
 * The text of a replay file up to and including `"inputs": [`. With
 * `replayEntry` and `replayTail` it lets a recorder append inputs one at a
 * time and produce exactly what `serializeReplay` writes. The version is
 * the one the settings need (`replayVersionFor`).
 */
export function replayHead(replay: Pick<Replay, 'seed' | 'settings'>, extras: ReplayExtras = {}): string {
  const version = replayVersionFor(replay.settings);
  const { rules, startLevel, mode, digLines, queue } = replay.settings;
  const fields = version === REPLAY_VERSION ? { startLevel, mode, queue } : { rules, startLevel, mode, digLines, queue };
  const known = Object.entries(fields).filter(([, value]) => value !== undefined);
  const settings = known.length === 0 ? '{}' : `{ ${known.map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(', ')} }`;
  const lines = [`  "format": "${REPLAY_FORMAT}"`, `  "version": ${version}`];
  for (const [key, value] of Object.entries(extras)) {
    if (!KNOWN_FIELDS.has(key)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  lines.push(`  "seed": ${replay.seed}`, `  "settings": ${settings}`, '  "inputs": [');
  return `{\n${lines.join(',\n')}`;
}

/** One input as it follows the head (or the input before it) in a replay file. */
export function replayEntry(input: ReplayInput, first: boolean): string {
  return `${first ? '' : ','}\n    [${input[0]}, "${input[1]}"]`;
}

/** The end of a replay file after its inputs: closes the list, then `endTick` if given. */
export function replayTail(endTick?: number): string {
  return endTick === undefined ? '\n  ]\n}\n' : `\n  ],\n  "endTick": ${endTick}\n}\n`;
}

/**
 * A replay as the text of a file (version 1 when the game fits it): two-space JSON with one input
 * per line, so that recorded games diff well. `parseReplay` reads it back
 * unchanged.
 */
export function serializeReplay(replay: Replay, extras: ReplayExtras = {}): string {
  let text = replayHead(replay, extras);
  replay.inputs.forEach((input, i) => {
    text += replayEntry(input, i === 0);
  });
  return text + replayTail(replay.endTick);
}

/**
 * A replay with its inputs in columns instead of a pair each: what the
 * scanner reads (replay-scan.ts) and what the replay cursor folds.
 */
export interface PackedReplay extends Omit<Replay, 'inputs'> {
  readonly inputs: PackedInputs;
}

/**
 * Each input name's index in INPUT_NAMES by its length and first letter
 * (`length << 7 | code`), which tell the eight names apart: one look-up and
 * one comparison an input instead of a search of the list.
 */
const CODE_BY_SHAPE: readonly number[] = (() => {
  const table: number[] = [];
  INPUT_NAMES.forEach((name, i) => {
    table[(name.length << 7) | name.charCodeAt(0)] = i;
  });
  return table;
})();

/** The index in INPUT_NAMES of an input name (-1 for none, as `indexOf` says). */
function inputCode(name: string): number {
  const code = CODE_BY_SHAPE[(name.length << 7) | name.charCodeAt(0)];
  return code !== undefined && INPUT_NAMES[code] === name ? code : INPUT_NAMES.indexOf(name as InputName);
}

/** A replay's inputs in columns. */
export function packReplay(replay: Replay): PackedReplay {
  const count = replay.inputs.length;
  const ticks = new Float64Array(count);
  const actions = new Uint8Array(count);
  // An indexed loop without destructuring: the headless run packs every input of the game first.
  const { inputs } = replay;
  for (let i = 0; i < count; i++) {
    const input = inputs[i]!;
    ticks[i] = input[0];
    actions[i] = inputCode(input[1]);
  }
  return { ...replay, inputs: { count, ticks, actions } };
}

/** A replay with its inputs as pairs (as `JSON.parse` reads them) or in columns (as the scanner reads them). */
export type AnyReplay = Replay | PackedReplay;

function isPacked(replay: AnyReplay): replay is PackedReplay {
  return !Array.isArray(replay.inputs);
}

/** A replay with its inputs in columns: itself when they are already, else `packReplay`. */
export function packedReplay(replay: AnyReplay): PackedReplay {
  return isPacked(replay) ? replay : packReplay(replay);
}

/** The tick a replay simulates through: `endTick`, else the last input's tick, else 0. */
export function replayEndTick(replay: AnyReplay): number {
  if (replay.endTick !== undefined) return replay.endTick;
  if (!isPacked(replay)) return replay.inputs.at(-1)?.[0] ?? 0;
  const { count, ticks } = replay.inputs;
  return count === 0 ? 0 : ticks[count - 1]!;
}

/** The action of each input code (an index into INPUT_NAMES). */
const ACTIONS: readonly Action[] = INPUT_NAMES.map(inputAction);

/** The core action of input `i` of packed inputs. */
export function packedAction(inputs: PackedInputs, i: number): Action {
  return ACTIONS[inputs.actions[i]!]!;
}
