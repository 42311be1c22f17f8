/**
 * `inktris play` (and bare `inktris`): the game in the terminal (CLI.md).
 * Only the options are here; what the command does (actions/play.ts) loads
 * with a dynamic import when it runs, and Ink, React and the UI after that.
 */
import type { Command } from 'commander';
import type { Mode, RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { addGameOptions, bigOption, parseQueue, previewOption, recordOption, seedOption } from '../options.js';

/** The options `play` parses. */
export interface PlayOptions {
  readonly seed?: number;
  readonly rules?: RuleSet;
  readonly level?: number;
  readonly mode?: Mode;
  readonly digLines?: number;
  readonly queue?: string;
  readonly preview?: number;
  readonly ghost: boolean;
  readonly record?: string;
  readonly ascii?: boolean;
  readonly big?: boolean;
  readonly color: boolean;
}

/** Add the `play` command, the default command, to `program`. */
export function registerPlay(program: Command, deps: CliDeps): Command {
  const play = addGameOptions(
    program
      .command('play', { isDefault: true })
      .description('play in the terminal (the default command; bare `inktris` opens the menu)')
      .addOption(seedOption()),
  )
    .option('--queue <letters>', 'pieces dealt first, e.g. IOTSZJL: a practice game, recorded but not scored', parseQueue)
    .addOption(previewOption())
    .option('--no-ghost', 'hide the ghost piece')
    .addOption(recordOption('save the replay of the game in FILE (after a restart: FILE-2, FILE-3... before the extension)'))
    .option('--ascii', 'draw without Unicode block characters')
    .addOption(bigOption())
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .action(async (options: PlayOptions, command: Command) => (await import('../actions/play.js')).playAction(options, command, deps));
  return addExamples(play, [
    { args: 'play --level 9 --preview 3', what: 'start fast, see three pieces ahead' },
    { args: 'play --mode sprint --seed 7 --record sprint.json', what: 'a sprint with set pieces, its replay saved in sprint.json' },
    { args: 'play --rules guideline --mode ultra', what: 'two minutes for points, with T-spins and combos' },
    { args: 'play --mode dig --dig-lines 18', what: 'clear 18 rows of garbage as fast as you can' },
    { args: 'play --queue IIII --no-ghost', what: 'practice: four I pieces first, no ghost' },
    { args: 'play --ascii --no-color', what: 'for a terminal without Unicode blocks or colours' },
  ]);
}
