/** `inktris scores`: the high-score table (CLI.md). */
import type { Command } from 'commander';
import type { CliDeps } from '../deps.js';
import { loadScores } from '../game-archive.js';
import { formatTable } from '../high-scores.js';
import { parseMode } from '../options.js';
import { pathsFor } from '../paths.js';

/** Adds `scores [--json] [--mode M]`. */
export function registerScores(program: Command, deps: CliDeps): void {
  program
    .command('scores')
    .description('show the high-score table (marathon by score, sprint by time)')
    .option('--json', 'print the table as JSON')
    .option('--mode <mode>', 'only this mode: marathon or sprint', parseMode)
    .action(async (options: { json?: boolean; mode?: 'marathon' | 'sprint' }) => {
      const dir = pathsFor(deps.env).data;
      const table = await loadScores({ dir, now: () => new Date(), warn: (line) => deps.stderr.write(`inktris: ${line}\n`) });
      const modes = options.mode ? [options.mode] : (['marathon', 'sprint'] as const);
      if (options.json) {
        const out = Object.fromEntries(modes.map((m) => [m, table[m]]));
        deps.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        deps.stdout.write(`${formatTable(table, modes)}\n`);
      }
    });
}
