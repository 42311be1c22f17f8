/**
 * Parsers for option values, and the options more than one command takes,
 * shared by every command: each parser turns a bad value into one clear line
 * and exit code 2, and each option reads the same in every command's help.
 *
 * A default is declared through commander's `.default()`, so every help shows
 * it the one way, `(default: X)`: `.default(value)` when commander can hold
 * the value, `.default(undefined, 'X')` when the command decides it when it
 * runs (a random seed; config.json's preview), which program.ts shows alike.
 */
import { InvalidArgumentError, Option } from 'commander';
// From the core's files, not its index: the index would bring every core module into the chunk that `--version` loads.
import { MODES, type Mode } from '../core/game.js';
import { MAX_QUEUE_LENGTH } from '../core/limits.js';
import { isPieceType } from '../core/pieces.js';
import { MAX_SEED } from '../core/randomizer.js';
import { MAX_START_LEVEL } from '../core/rules.js';

function integer(value: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
  const n = Number(value);
  if (n < min || n > max) throw new InvalidArgumentError(`${what} must be from ${min} to ${max}, not ${value}.`);
  return n;
}

/** `--seed N`: an unsigned 32-bit integer. */
export const parseSeed = (value: string): number => integer(value, 'seed', 0, MAX_SEED);

/** `--level N`: a start level 0-19. */
export const parseLevel = (value: string): number => integer(value, 'level', 0, MAX_START_LEVEL);

/** `--mode marathon|sprint`. */
export function parseMode(value: string): Mode {
  if (!MODES.includes(value as Mode)) throw new InvalidArgumentError(`mode must be ${MODES.join(' or ')}, not ${value}.`);
  return value as Mode;
}

/** `--queue LETTERS`: piece letters IJLOSTZ, case-insensitive, no more than a replay may fix (limits.ts). */
export function parseQueue(value: string): string {
  const letters = value.toUpperCase();
  if (letters.length > MAX_QUEUE_LENGTH)
    throw new InvalidArgumentError(`queue must be at most ${MAX_QUEUE_LENGTH} letters, not ${letters.length}.`);
  for (const letter of letters) {
    if (!isPieceType(letter)) throw new InvalidArgumentError(`queue letters must be from IJLOSTZ, not ${letter}.`);
  }
  return letters;
}

/** A whole number in a range, for options like `--preview` and `--frame`. */
export const parseIntIn =
  (what: string, min: number, max: number) =>
  (value: string): number =>
    integer(value, what, min, max);

/** A number of seconds greater than 0 (`--idle-limit 2`, `--idle-limit 0.5`), at most an hour. */
export const parseSeconds =
  (what: string) =>
  (value: string): number => {
    const n = Number(value.trim());
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > 3600) {
      throw new InvalidArgumentError(`${what} must be a number of seconds greater than 0 and at most 3600, not ${value}.`);
    }
    return n;
  };

/**
 * A path argument or option value (`--record FILE`, `--cast OUT`, a replay
 * FILE): anything but the empty string, which names no file (`--record ''`
 * from an unset shell variable would otherwise record nothing, silently).
 */
export const parsePath =
  (what: string) =>
  (value: string): string => {
    if (value === '') throw new InvalidArgumentError(`${what} must name a file, not be empty.`);
    return value;
  };

/** `--seed N`; `shown` says what happens without it. */
export const seedOption = (shown = 'random'): Option =>
  new Option('--seed <n>', `seed of the piece sequence, 0-${MAX_SEED}`).argParser(parseSeed).default(undefined, shown);

/** `--level N`: 0 when not given; `held` is the value commander holds then, for an action that does not read a missing level as 0. */
export const levelOption = (held?: number): Option =>
  new Option('--level <n>', `start level, 0-${MAX_START_LEVEL}`).argParser(parseLevel).default(held, String(held ?? 0));

/** `--mode M` of a game: marathon when not given; `held` as for `levelOption`. */
export const modeOption = (held?: Mode): Option =>
  new Option('--mode <mode>', 'marathon (endless) or sprint (40 lines)').argParser(parseMode).default(held, held ?? 'marathon');

/**
 * `--preview N`: without `held`, for a command that reads config.json, whose
 * `preview` applies when the option is not given; with it, the value
 * commander holds for a command that reads no config.
 */
export const previewOption = (held?: number): Option =>
  new Option('--preview <n>', 'pieces shown under NEXT, 1-6')
    .argParser(parseIntIn('preview', 1, 6))
    .default(held, held === undefined ? "config.json's preview, else 5" : String(held));

/** `--record FILE`: the replay of the game saved in FILE; `description` for a command that says more (what a restart does). */
export const recordOption = (description = 'save the replay of the game in FILE'): Option =>
  new Option('--record <file>', description).argParser(parsePath('--record'));
