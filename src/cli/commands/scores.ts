/** `inktris scores`: the high-score table (CLI.md). What it does is in actions/scores.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { Mode } from '../../core/index.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { parseMode } from '../options.js';

/** The options `scores` parses. */
export interface ScoresOptions {
  readonly json?: boolean;
  readonly mode?: Mode;
}

/** Adds `scores [--json] [--mode M]`. */
export function registerScores(program: Command, deps: CliDeps): void {
  const scores = program
    .command('scores')
    .description('show the high-score table (marathon by score, sprint by time)')
    .option('--json', 'print the table as JSON')
    .option('--mode <mode>', 'only this mode: marathon or sprint', parseMode)
    .action(async (options: ScoresOptions) => (await import('../actions/scores.js')).scoresAction(options, deps));
  addExamples(scores, [
    { args: 'scores', what: 'both tables' },
    { args: 'scores --mode sprint --json', what: 'the sprint table as JSON' },
  ]);
}
