/** What `inktris scores` does: the tables, as text or JSON. Loaded by the command when it runs. */
import { TABLE_KEYS, tableOf, type TableKey } from '../../core/results.js';
import type { ScoresOptions } from '../commands/scores.js';
import type { CliDeps } from '../deps.js';
import { InputError, printable, warningLine } from '../errors.js';
import { loadScores } from '../game-archive.js';
import { formatTable, shownTables, type ScoreTable } from '../high-scores.js';
import { pathsFor } from '../paths.js';

/**
 * The tables the options ask for: with none, the nes marathon and sprint
 * and every table that has a game; else those of `--rules` (nes when not
 * given), narrowed to `--mode` and `--dig-lines`.
 */
function tablesFor(options: ScoresOptions, table: ScoreTable): TableKey[] {
  if (options.rules === undefined && options.mode === undefined && options.digLines === undefined) return shownTables(table);
  const rules = options.rules ?? 'nes';
  return TABLE_KEYS.filter((key) => {
    const of = tableOf(key);
    if (of.rules !== rules) return false;
    if (options.mode !== undefined && of.mode !== options.mode) return false;
    return options.digLines === undefined || of.digLines === options.digLines;
  });
}

/** The table of the server whose folder is `dir` (src/server/leaderboard.ts), each entry with its player. */
async function serverTable(dir: string): Promise<ScoreTable> {
  const { Leaderboard } = await (await import('./serve.js')).importLeaderboard();
  let board: InstanceType<typeof Leaderboard>;
  try {
    board = new Leaderboard(dir, true);
  } catch (error) {
    throw new InputError(`${printable(dir)}: cannot read the server's table (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return board.table();
  } finally {
    board.close();
  }
}

/** Print the high-score tables, all that have games or those the options name. */
export async function scoresAction(options: ScoresOptions, deps: CliDeps): Promise<void> {
  const dir = pathsFor(deps.env).data;
  const table =
    options.server !== undefined
      ? await serverTable(options.server)
      : await loadScores({ dir, now: deps.now, warn: (line) => deps.stderr.write(warningLine(line)) });
  const keys = tablesFor(options, table);
  if (options.json) {
    const out = Object.fromEntries(keys.map((key) => [key, table[key] ?? []]));
    deps.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const text =
      options.server !== undefined
        ? (await import('../../server/leaderboard.js')).formatServerTable(table, keys)
        : formatTable(table, keys);
    deps.stdout.write(`${text}\n`);
  }
}
