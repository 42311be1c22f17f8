/**
 * `inktris replay FILE`: a recorded game, watched in the terminal (space,
 * left/right, +/-, g, q), or headless with `--json` (the summary) or
 * `--frame N` (the plain-text frame at tick N), CLI.md. What it does is in
 * actions/replay.ts, loaded when it runs, so `--json` loads no more than it
 * needs and never the Ink components.
 */
import { Option, type Command } from 'commander';
import type { Mode, RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { bigOption, checkGameOptions, digLinesOption, parseIntIn, parseMode, parsePath, previewOption, rulesOption } from '../options.js';

/** The options `replay` parses. */
export interface ReplayOptions {
  readonly json?: boolean;
  readonly frame?: number;
  readonly preview: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly big?: boolean;
  readonly color: boolean;
  readonly best?: boolean;
  readonly last?: boolean;
  readonly mode?: Mode;
  readonly rules?: RuleSet;
  readonly digLines?: number;
}

/** Add the `replay` command to `program`. */
export function registerReplay(program: Command, deps: CliDeps): Command {
  const replay = program
    .command('replay')
    .description('watch a recorded game in the terminal; headless: --json for the summary, --frame N for one frame')
    .argument('[file]', 'a replay file (JSON, format version 1 or 2)', parsePath('FILE'))
    .option('--best', 'the best game of --mode kept in the data folder')
    .option('--last', 'the last game kept in the data folder')
    .addOption(
      new Option('--mode <mode>', 'with --best: marathon or ultra (by score), sprint or dig (by time)')
        .argParser(parseMode)
        .default(undefined, 'marathon'),
    )
    .addOption(rulesOption())
    .addOption(digLinesOption())
    .hook('preAction', (self) => checkGameOptions(self))
    .addOption(new Option('--json', 'print the summary of the game as JSON').conflicts('frame'))
    .addOption(
      new Option('--frame <tick>', 'print the plain-text frame the terminal shows at tick N').argParser(
        parseIntIn('frame', 0, Number.MAX_SAFE_INTEGER),
      ),
    )
    .addOption(previewOption(5))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .addOption(bigOption())
    .option('--no-color', 'no colours when watching (also: the NO_COLOR environment variable)')
    .action(async (file: string | undefined, options: ReplayOptions, command: Command) =>
      (await import('../actions/replay.js')).replayAction(file, options, command, deps),
    );
  return addExamples(replay, [
    { args: 'replay game.json', what: 'watch it: space pauses, ? lists the keys, q quits' },
    { args: 'replay --last', what: 'the last game played' },
    { args: 'replay --best --mode sprint', what: 'the fastest sprint kept' },
    { args: 'replay --best --rules guideline --mode ultra', what: 'the best guideline ultra kept' },
    { args: 'replay game.json --json', what: 'how the game ended, as JSON' },
    { args: 'replay game.json --frame 600 --ascii', what: 'the screen at tick 600, as plain text' },
  ]);
}
