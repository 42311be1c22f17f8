/**
 * `inktris versus --bot [--bot-pps N] | --local`: a match in the terminal
 * (CLI.md), against the autoplayer or two players at one keyboard. Only the
 * options and their refusals are here; what the command does
 * (actions/versus.ts) loads when it runs.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { addGameOptions, bigOption, previewOption, seedOption } from '../options.js';

/** The bot's pace range and default, as src/bot/opponent.ts has them (a test keeps them equal; that module is not loaded for `--help`). */
export const BOT_PPS = Object.freeze({ min: 0.5, max: 10, default: 1.5 });

/** The options `versus` parses. */
export interface VersusOptions {
  readonly bot?: boolean;
  readonly local?: boolean;
  readonly botPps?: number;
  readonly seed?: number;
  readonly rules?: RuleSet;
  readonly level?: number;
  readonly mode?: string;
  readonly preview?: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly big?: boolean;
  readonly color: boolean;
}

/** `--bot-pps N`: a number of pieces a second in the bot's range. */
export function parseBotPps(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n < BOT_PPS.min || n > BOT_PPS.max) {
    throw new InvalidArgumentError(`bot pace must be a number of pieces a second from ${BOT_PPS.min} to ${BOT_PPS.max}, not ${value}.`);
  }
  return n;
}

/** The keys of a match, for `--help` (the driver's keymaps: ui/drivers/versus.ts). */
const KEYS_HELP = `
Keys against the bot: as in play (config.json's keys): arrows move, down soft
drop, space hard drop, up/x rotate right, z left, c hold, p/esc pause, ? help,
q or Ctrl-C quit.

Keys of a local match (two players, one keyboard):
  player 1 (left)   a d move   s soft drop   space hard drop
                    w rotate right   q rotate left   e hold
  player 2 (right)  arrows move   down soft drop   enter hard drop
                    up rotate right   / rotate left   . hold
  both              p or esc pause (pauses both)   ? help   Ctrl-C quit
Where the terminal reports key release (kitty protocol) both players get
DAS/ARR. At the result: r rematch, m menu, w watch the match, q quit.`;

/** Add the `versus` command to `program`. */
export function registerVersus(program: Command, deps: CliDeps): Command {
  const versus = addGameOptions(
    program
      .command('versus')
      .description('a match: against the autoplayer (--bot) or two players on one keyboard (--local)')
      .option('--bot', 'play against the autoplayer')
      .addOption(
        new Option('--bot-pps <n>', `the bot's pace in pieces a second, ${BOT_PPS.min}-${BOT_PPS.max} (with --bot)`)
          .argParser(parseBotPps)
          .default(undefined, String(BOT_PPS.default)),
      )
      .option('--local', 'two players on one keyboard')
      .addOption(seedOption('random, a new one for each rematch')),
  )
    .addOption(previewOption())
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .addOption(bigOption())
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .hook('preAction', (self) => checkVersusOptions(self))
    .action(async (options: VersusOptions, command: Command) =>
      (await import('../actions/versus.js')).versusAction(options, command, deps),
    );
  versus.addHelpText('after', KEYS_HELP);
  return addExamples(versus, [
    { args: 'versus --bot', what: 'a match against the autoplayer at 1.5 pieces a second' },
    { args: 'versus --bot --bot-pps 3 --rules guideline', what: 'a faster bot, with T-spins and combos sending garbage' },
    { args: 'versus --local --level 5', what: 'two players at one keyboard, from level 5' },
  ]);
}

/** The refusals of a match's options: one opponent, its pace only with the bot, mode marathon only. */
function checkVersusOptions(command: Command): void {
  const options = command.opts<VersusOptions>();
  const fail = (message: string) => command.error(`error: ${message}`, { code: 'inktris.versus', exitCode: 2 });
  if (options.bot && options.local) fail('--bot and --local together: a match is against the bot or between two players, not both');
  if (!options.bot && !options.local) fail('versus needs --bot (against the autoplayer) or --local (two players on one keyboard)');
  if (options.botPps !== undefined && !options.bot) fail('--bot-pps needs --bot');
  if (options.mode !== undefined && options.mode !== 'marathon') fail(`--mode ${options.mode}: a versus match is played in marathon`);
}
