/**
 * The replay file, format version 1 (CLI.md "Replay file"): its types,
 * writing, and its inputs in columns. Reading and validation are in
 * replay-reader.ts; the fold that plays the inputs through the core, headless
 * or watched, is replay-cursor.ts. Pure like the rest of the
 * core: values in, values out; the CLI does the disk.
 */
import { INPUT_NAMES, inputAction, type Action, type InputName } from './actions.js';
import type { Mode } from './game.js';
import type { PackedInputs } from './replay-scan.js';

/** The `format` field every replay file carries. */
export const REPLAY_FORMAT = 'inktris-replay';

/** The one format version this program reads and writes. */
export const REPLAY_VERSION = 1;

/** One recorded input: the tick it applies in, and the input. */
export type ReplayInput = readonly [tick: number, action: InputName];

/** How the recorded game started. Every field is optional (CLI.md). */
export interface ReplaySettings {
  /** @default 0 */
  readonly startLevel?: number;
  /** @default 'marathon' */
  readonly mode?: Mode;
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

const KNOWN_FIELDS = new Set(['format', 'version', 'seed', 'settings', 'inputs', 'endTick']);

/**
 * The text of a replay file up to and including `"inputs": [`. With
 * `replayEntry` and `replayTail` it lets a recorder append inputs one at a
 * time and produce exactly what `serializeReplay` writes.
 */
export function replayHead(replay: Pick<Replay, 'seed' | 'settings'>, extras: ReplayExtras = {}): string {
  const { startLevel, mode, queue } = replay.settings;
  const known = Object.entries({ startLevel, mode, queue }).filter(([, value]) => value !== undefined);
  const settings = known.length === 0 ? '{}' : `{ ${known.map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(', ')} }`;
  const lines = [`  "format": "${REPLAY_FORMAT}"`, `  "version": ${REPLAY_VERSION}`];
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
 * A replay as the text of a version 1 file: two-space JSON with one input
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

/** A replay's inputs in columns. */
export function packReplay(replay: Replay): PackedReplay {
  const count = replay.inputs.length;
  const ticks = new Float64Array(count);
  const actions = new Uint8Array(count);
  replay.inputs.forEach(([tick, name], i) => {
    ticks[i] = tick;
    actions[i] = INPUT_NAMES.indexOf(name);
  });
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
