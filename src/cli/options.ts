/**
 * Parsers for option values, shared by every command: each turns a bad value
 * into one clear line and exit code 2.
 */
import { InvalidArgumentError } from 'commander';
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
  if (letters.length > MAX_QUEUE_LENGTH) throw new InvalidArgumentError(`queue must be at most ${MAX_QUEUE_LENGTH} letters, not ${letters.length}.`);
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
