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
import { InvalidArgumentError, Option, type Command } from 'commander';
// From the core's files, not its index: the index would bring every core module into the chunk that `--version` loads.
import { MAX_QUEUE_LENGTH } from '../core/limits.js';
import { DIG_LINE_CHOICES, MODES, RULE_SETS, startLevelRange, type Mode, type RuleSet } from '../core/modes.js';
import { isPieceType } from '../core/pieces.js';
import { MAX_SEED } from '../core/randomizer.js';

function integer(value: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
  const n = Number(value);
  if (n < min || n > max) throw new InvalidArgumentError(`${what} must be from ${min} to ${max}, not ${value}.`);
  return n;
}

/** `--seed N`: an unsigned 32-bit integer. */
export const parseSeed = (value: string): number => integer(value, 'seed', 0, MAX_SEED);

/** `a, b or c`. */
const alternatives = (items: readonly (string | number)[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** `--level N` under `rules`: a start level 0-19 under nes, 1-20 under guideline. */
export const parseLevel = (value: string, rules: RuleSet = 'nes'): number => {
  const { min, max } = startLevelRange(rules);
  return integer(value, rules === 'nes' ? 'level' : 'level under the guideline rules', min, max);
};

/** `--mode marathon|sprint|ultra|dig`. */
export function parseMode(value: string): Mode {
  if (!MODES.includes(value as Mode)) throw new InvalidArgumentError(`mode must be ${alternatives(MODES)}, not ${value}.`);
  return value as Mode;
}

/** `--rules nes|guideline`. */
export function parseRules(value: string): RuleSet {
  if (!RULE_SETS.includes(value as RuleSet)) throw new InvalidArgumentError(`rules must be ${alternatives(RULE_SETS)}, not ${value}.`);
  return value as RuleSet;
}

/** `--dig-lines 10|18|100`. */
export function parseDigLines(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !DIG_LINE_CHOICES.includes(n)) {
    throw new InvalidArgumentError(`dig lines must be ${alternatives(DIG_LINE_CHOICES)}, not ${value}.`);
  }
  return n;
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

/**
 * `--level N`: 0 when not given (1 under the guideline rules). The value is
 * kept as typed and read by `checkGameOptions`, which knows the rule set
 * whatever the order of the options.
 */
export const levelOption = (): Option =>
  new Option('--level <n>', 'start level: 0-19 under nes, 1-20 under guideline (from 1 there)').default(undefined, '0');

/** `--mode M` of a game: marathon when not given; `held` is the value commander holds then. */
export const modeOption = (held?: Mode): Option =>
  new Option('--mode <mode>', 'marathon (endless), sprint (40 lines), ultra (2 minutes) or dig (clear the garbage)')
    .argParser(parseMode)
    .default(held, held ?? 'marathon');

/** `--rules R`: the numbers the game plays by. */
export const rulesOption = (): Option =>
  new Option('--rules <rules>', 'nes (Nintendo scoring and speed) or guideline (T-spins, back-to-back, combos)')
    .argParser(parseRules)
    .default(undefined, 'nes');

/** `--dig-lines N`: the garbage rows a dig clears; only with `--mode dig`. */
export const digLinesOption = (): Option =>
  new Option('--dig-lines <n>', 'garbage rows a dig clears: 10, 18 or 100 (with --mode dig)')
    .argParser(parseDigLines)
    .default(undefined, '10');

/** The game options of `play`, `demo` and `bot` once `checkGameOptions` has read them. */
export interface GameOptions {
  readonly rules?: RuleSet;
  readonly level?: number;
  readonly mode?: Mode;
  readonly digLines?: number;
}

/**
 * Read the options that depend on each other, before the command's action:
 * `--level` in the range of `--rules` (given before or after it), and
 * `--dig-lines` only with `--mode dig`. A bad combination is commander's
 * one-line usage error (exit 2), as a bad value is.
 */
export function checkGameOptions(command: Command, noModeIsAny = false): void {
  const options = command.opts<{ rules?: RuleSet; level?: string | number; mode?: Mode; digLines?: number }>();
  const rules = options.rules ?? 'nes';
  if (typeof options.level === 'string') {
    try {
      command.setOptionValueWithSource('level', parseLevel(options.level, rules), command.getOptionValueSource('level') ?? 'cli');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      command.error(`error: option '--level <n>' argument '${options.level}' is invalid. ${message}`, {
        code: 'commander.invalidArgument',
      });
    }
  }
  // `scores --dig-lines 18` without a mode can only mean dig; a game's mode defaults to marathon.
  if (options.digLines !== undefined && options.mode !== 'dig' && !(noModeIsAny && options.mode === undefined)) {
    command.error(`error: option '--dig-lines <n>' needs --mode dig, not --mode ${options.mode ?? 'marathon'}`, {
      code: 'inktris.digLines',
    });
  }
}

/** The game settings the checked options ask for: defaults filled in (level 0, or 1 under guideline), dig lines only in dig. */
export function gameSettingsOf(options: GameOptions): {
  readonly rules: RuleSet;
  readonly startLevel: number;
  readonly mode: Mode;
  readonly digLines?: number;
} {
  const rules = options.rules ?? 'nes';
  const mode = options.mode ?? 'marathon';
  const startLevel = options.level ?? startLevelRange(rules).min;
  return mode === 'dig' ? { rules, startLevel, mode, digLines: options.digLines ?? DIG_LINE_CHOICES[0]! } : { rules, startLevel, mode };
}

/** Add `--rules`, `--level`, `--mode` and `--dig-lines` to a command that starts games, read together by `checkGameOptions`. */
export function addGameOptions(command: Command, mode?: Mode): Command {
  return command
    .addOption(rulesOption())
    .addOption(levelOption())
    .addOption(modeOption(mode))
    .addOption(digLinesOption())
    .hook('preAction', (self) => checkGameOptions(self));
}

/**
 * `--preview N`: without `held`, for a command that reads config.json, whose
 * `preview` applies when the option is not given; with it, the value
 * commander holds for a command that reads no config.
 */
export const previewOption = (held?: number): Option =>
  new Option('--preview <n>', 'pieces shown under NEXT, 1-6')
    .argParser(parseIntIn('preview', 1, 6))
    .default(held, held === undefined ? "config.json's preview, else 5" : String(held));

/**
 * `--big`: the game screen at twice its size (cells four columns by two
 * rows) in a terminal at least twice the game screen; config.json's `big`
 * applies when the option is not given.
 */
export const bigOption = (): Option =>
  new Option('--big', 'cells twice as wide and tall where the terminal is at least 120 x 48').default(
    undefined,
    "config.json's big, else off",
  );

/** `--record FILE`: the replay of the game saved in FILE; `description` for a command that says more (what a restart does). */
export const recordOption = (description = 'save the replay of the game in FILE'): Option =>
  new Option('--record <file>', description).argParser(parsePath('--record'));
