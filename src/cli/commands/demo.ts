/**
 * `inktris demo`: the autoplayer playing in the terminal at a pace people
 * can follow (CLI.md). Any key shows the keys of the game, q quits; a game
 * that ends is followed by a new one. What it does is in actions/demo.ts,
 * loaded when it runs.
 */
import { Option, type Command } from 'commander';
import type { Mode } from '../../core/index.js';
import type { CliDeps } from '../deps.js';
import { parseIntIn, parseLevel, parseMode, parseSeed } from '../options.js';

/** The options `demo` parses. */
export interface DemoOptions {
  readonly seed?: number;
  readonly level?: number;
  readonly mode?: Mode;
  readonly preview?: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly color: boolean;
}

/** Add the `demo` command to `program`. */
export function registerDemo(program: Command, deps: CliDeps): Command {
  return program
    .command('demo')
    .description('watch the autoplayer play in the terminal')
    .option('--seed <n>', 'seed of the piece sequence, 0-4294967295 (default: random; a new one for each game)', parseSeed)
    .option('--level <n>', 'start level, 0-19 (default: 0)', parseLevel)
    .option('--mode <mode>', 'marathon (endless) or sprint (40 lines)', parseMode)
    .addOption(new Option('--preview <n>', 'pieces shown under NEXT, 1-6 (default: 5)').argParser(parseIntIn('preview', 1, 6)))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .action(async (options: DemoOptions, command: Command) => (await import('../actions/demo.js')).demoAction(options, command, deps));
}
