/** `inktris scores`: the high-score table (CLI.md). What it does is in actions/scores.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { Mode, RuleSet } from '../../core/modes.js';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { checkGameOptions, digLinesOption, parseMode, rulesOption } from '../options.js';

/** The options `scores` parses. */
export interface ScoresOptions {
  readonly json?: boolean;
  readonly mode?: Mode;
  readonly rules?: RuleSet;
  readonly digLines?: number;
  /** `--server DIR`: the table of the server whose folder DIR is. */
  readonly server?: string;
}

/** Adds `scores [--json] [--mode M] [--rules R] [--dig-lines N]`. */
export function registerScores(program: Command, deps: CliDeps): void {
  const scores = program
    .command('scores')
    .description('show the high-score tables (marathon and ultra by score, sprint and dig by time), one per rule set and mode')
    .option('--json', 'print the table as JSON')
    .option('--mode <mode>', 'only this mode: marathon, sprint, ultra or dig', parseMode)
    .addOption(rulesOption())
    .addOption(digLinesOption())
    .option('--server <dir>', 'the table of an inktris serve whose folder (its --data) is DIR')
    .hook('preAction', (self) => checkGameOptions(self, true))
    .action(async (options: ScoresOptions) => (await import('../actions/scores.js')).scoresAction(options, deps));
  addExamples(scores, [
    { args: 'scores', what: 'the nes marathon and sprint, and every table with a game' },
    { args: 'scores --rules guideline --mode ultra', what: 'the best guideline ultras' },
    { args: 'scores --mode sprint --json', what: 'the sprint table as JSON' },
    { args: 'scores --server ~/.local/share/inktris/server', what: 'the table of the server kept there' },
  ]);
}
