/**
 * `inktris play` (and bare `inktris`): the game in the terminal (CLI.md).
 * Only the options are here; what the command does (actions/play.ts) loads
 * with a dynamic import when it runs, and Ink, React and the UI after that.
 */
import { Option, type Command } from 'commander';
import type { CliDeps } from '../deps.js';
import { parseIntIn, parseLevel, parseMode, parseQueue, parseSeed } from '../options.js';

/** The options `play` parses. */
export interface PlayOptions {
  readonly seed?: number;
  readonly level?: number;
  readonly mode?: 'marathon' | 'sprint';
  readonly queue?: string;
  readonly preview?: number;
  readonly ghost: boolean;
  readonly record?: string;
  readonly ascii?: boolean;
  readonly color: boolean;
}

/** Add the `play` command, the default command, to `program`. */
export function registerPlay(program: Command, deps: CliDeps): Command {
  return program
    .command('play', { isDefault: true })
    .description('play in the terminal (the default command)')
    .option('--seed <n>', 'seed of the piece sequence, 0-4294967295 (default: random)', parseSeed)
    .option('--level <n>', 'start level, 0-19 (default: 0)', parseLevel)
    .option('--mode <mode>', 'marathon (endless) or sprint (40 lines)', parseMode)
    .option('--queue <letters>', 'pieces dealt first, e.g. IOTSZJL: a practice game, recorded but not scored', parseQueue)
    .addOption(new Option('--preview <n>', 'pieces shown under NEXT, 1-6 (default: 5)').argParser(parseIntIn('preview', 1, 6)))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--record <file>', 'save the replay of the game in FILE (after a restart: FILE-2, FILE-3... before the extension)')
    .option('--ascii', 'draw without Unicode block characters')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .action(async (options: PlayOptions, command: Command) => (await import('../actions/play.js')).playAction(options, command, deps));
}
