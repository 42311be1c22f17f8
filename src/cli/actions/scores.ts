/** What `inktris scores` does: the table, as text or JSON. Loaded by the command when it runs. */
import type { ScoresOptions } from '../commands/scores.js';
import type { CliDeps } from '../deps.js';
import { warningLine } from '../errors.js';
import { loadScores } from '../game-archive.js';
import { formatTable } from '../high-scores.js';
import { pathsFor } from '../paths.js';

/** Print the high-score table of every mode, or of `--mode`. */
export async function scoresAction(options: ScoresOptions, deps: CliDeps): Promise<void> {
  const dir = pathsFor(deps.env).data;
  const table = await loadScores({ dir, now: () => new Date(), warn: (line) => deps.stderr.write(warningLine(line)) });
  const modes = options.mode ? [options.mode] : (['marathon', 'sprint'] as const);
  if (options.json) {
    const out = Object.fromEntries(modes.map((m) => [m, table[m] ?? []]));
    deps.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    deps.stdout.write(`${formatTable(table, modes)}\n`);
  }
}
