/**
 * `inktris demo`: the autoplayer playing in the terminal at a pace people
 * can follow (CLI.md). Any key shows the keys of the game, q quits; a game
 * that ends is followed by a new one. What it does is in actions/demo.ts,
 * loaded when it runs.
 */
import type { Command } from 'commander';
import type { Mode, RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { addGameOptions, bigOption, previewOption, seedOption } from '../options.js';

/** The options `demo` parses. */
export interface DemoOptions {
  readonly seed?: number;
  readonly rules?: RuleSet;
  readonly level?: number;
  readonly mode?: Mode;
  readonly digLines?: number;
  readonly preview?: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly big?: boolean;
  readonly color: boolean;
}

/** Add the `demo` command to `program`. */
export function registerDemo(program: Command, deps: CliDeps): Command {
  const demo = addGameOptions(
    program
      .command('demo')
      .description('watch the autoplayer play in the terminal')
      .addOption(seedOption('random, a new one for each game')),
  )
    .addOption(previewOption())
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .addOption(bigOption())
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .action(async (options: DemoOptions, command: Command) => (await import('../actions/demo.js')).demoAction(options, command, deps));
  return addExamples(demo, [
    { args: 'demo', what: 'watch the autoplayer; any key shows the keys, q quits' },
    { args: 'demo --level 15 --seed 7', what: 'the same fast game every time' },
  ]);
}
