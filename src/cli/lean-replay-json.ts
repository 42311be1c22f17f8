/**
 * `inktris replay FILE --json` on its own: the entry main.ts loads for the
 * plain command line (lean-start.ts), bundled by scripts/build.mjs into one
 * file of dist/ with all it needs, so that the process loads one module
 * where the program's shared chunks are twenty. Being a bundle of its own,
 * it holds its own copy of the error classes, so it reports its errors
 * itself, as main.ts reports the program's.
 */
import type { CliDeps } from './deps.js';
import { EXIT, reportError } from './errors.js';
import { replayJson } from './actions/replay-json.js';

/** Print the summary of the replay in `file`; the exit code, its one line on stderr if it failed. */
export async function runReplayJson(file: string, deps: CliDeps): Promise<number> {
  try {
    await replayJson(file, deps);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, deps.stderr);
  }
}
