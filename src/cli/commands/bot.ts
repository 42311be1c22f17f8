/**
 * `inktris bot`: the autoplayer, headless (CLI.md). Its recording replays to
 * the same summary through `inktris replay FILE --json`.
 */
import { Option, type Command } from 'commander';
import { botTurns, type TimedInput } from '../../bot/index.js';
import { serializeReplay } from '../../core/replay.js';
import { summarize } from '../../core/views.js';
import type { GameState, Mode } from '../../core/index.js';
import type { CliDeps } from '../deps.js';
import { InputError } from '../errors.js';
import { parseIntIn, parseLevel, parseMode, parseSeed } from '../options.js';
import { formatSummary } from '../summary-json.js';

interface BotOptions {
  readonly seed?: number;
  readonly pieces: number;
  readonly pace: number;
  readonly level: number;
  readonly mode: Mode;
  readonly record?: string;
  readonly json?: boolean;
}

/** Adds `bot`. */
export function registerBot(program: Command, deps: CliDeps): void {
  program
    .command('bot')
    .description('let the built-in autoplayer play a game headless and print how it went')
    .option('--seed <n>', 'seed of the piece randomizer (unsigned 32-bit; default random)', parseSeed)
    .addOption(new Option('--pieces <n>', 'stop after this many pieces').argParser(parseIntIn('pieces', 1, 10_000_000)).default(1000))
    .addOption(new Option('--pace <ticks>', 'ticks from a piece appearing to its hard drop').argParser(parseIntIn('pace', 0, 3600)).default(0))
    .addOption(new Option('--level <n>', 'start level 0-19').argParser(parseLevel).default(0))
    .addOption(new Option('--mode <mode>', 'marathon or sprint').argParser(parseMode).default('marathon'))
    .option('--record <file>', 'save the game as a replay file')
    .option('--json', 'print the summary JSON instead of a line of text')
    .action(async (options: BotOptions) => {
      const seed = options.seed ?? deps.randomSeed();
      const settings = { startLevel: options.level, mode: options.mode };
      // Inputs are kept only when they are to be saved, so a long headless game runs in flat memory.
      const inputs: TimedInput[] = [];
      const turns = botTurns({ seed, pieces: options.pieces, pace: options.pace, ...settings });
      let final: GameState;
      for (;;) {
        const next = turns.next();
        if (next.done) {
          final = next.value;
          break;
        }
        if (options.record) for (const input of next.value.inputs) inputs.push(input);
      }
      const summary = summarize(final);
      if (options.record) {
        const text = serializeReplay({ seed, settings, inputs, endTick: summary.tick }, { program: `inktris ${deps.version}` });
        try {
          await deps.writeFile(options.record, text);
        } catch (error) {
          throw new InputError(`${options.record}: cannot write the replay (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      }
      if (options.json) {
        deps.stdout.write(formatSummary(summary));
      } else {
        const end = summary.state === 'over' ? (summary.topOut ? `topped out (${summary.topOut})` : 'finished') : 'stopped';
        deps.stdout.write(
          `seed ${seed}: ${summary.pieces} pieces, ${summary.lines} lines (${(summary.lines / Math.max(1, summary.pieces)).toFixed(3)} per piece), score ${summary.score}, level ${summary.level}; ${end}\n`,
        );
      }
    });
}
