/**
 * `inktris bot`: the autoplayer, headless (CLI.md). Its recording replays to
 * the same summary through `inktris replay FILE --json`. What it does is in
 * actions/bot.ts, loaded when it runs.
 */
import { Option, type Command } from 'commander';
import type { Mode, RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { addGameOptions, parseIntIn, recordOption, seedOption } from '../options.js';

/** The options `bot` parses. */
export interface BotOptions {
  readonly seed?: number;
  readonly pieces: number;
  readonly pace: number;
  readonly rules?: RuleSet;
  readonly level?: number;
  readonly mode: Mode;
  readonly digLines?: number;
  readonly record?: string;
  readonly json?: boolean;
}

/** Adds `bot`. */
export function registerBot(program: Command, deps: CliDeps): void {
  const bot = program
    .command('bot')
    .description('let the built-in autoplayer play a game headless and print how it went')
    .addOption(seedOption())
    .addOption(new Option('--pieces <n>', 'stop after this many pieces').argParser(parseIntIn('pieces', 1, 10_000_000)).default(1000))
    .addOption(
      new Option('--pace <ticks>', 'ticks from a piece appearing to its hard drop').argParser(parseIntIn('pace', 0, 3600)).default(0),
    );
  addGameOptions(bot, 'marathon')
    .addOption(recordOption())
    .option('--json', 'print the summary JSON instead of a line of text')
    .action(async (options: BotOptions) => (await import('../actions/bot.js')).botAction(options, deps));
  addExamples(bot, [
    { args: 'bot --seed 7 --pieces 100 --json', what: 'a hundred pieces, the summary as JSON' },
    { args: 'bot --mode sprint --record bot.json', what: 'a sprint, kept as a replay: inktris replay bot.json' },
    { args: 'bot --rules guideline --mode dig --pace 30 --json', what: 'a dig under the guideline rules, a piece every half second' },
  ]);
}
