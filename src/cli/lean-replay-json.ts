/**
 * `inktris replay FILE --json` on its own: what the entry (entry.ts) loads
 * for the plain command line (lean-start.ts), bundled by scripts/build.mjs
 * into one file of dist/ with all it needs, the process's deps included,
 * so that the process loads one module where the program's chunks are
 * twenty. Being a bundle of its own, it holds its own copy of the error
 * classes, so it reports its errors itself, as main.ts reports the
 * program's, in the same words.
 */
import { replayJson } from './actions/replay-json.js';
import type { CliDeps } from './deps.js';
import { EXIT, reportError } from './errors.js';
import { processDeps } from './process-deps.js';

/** Print the summary of the replay in `file`; the exit code, its one line on stderr if it failed. */
export async function runReplayJson(file: string, deps: CliDeps = processDeps()): Promise<number> {
  try {
    await replayJson(file, deps);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, deps.stderr);
  }
}
