/**
 * `inktris replay FILE --json` on its own: the headless summary, whose whole
 * process is measured against `node -e 0` (issue 18: at most 2.5 x). For
 * the plain command line (`replay FILE --json` or `replay --json FILE`,
 * FILE not an option) bin/inktris.js starts this instead of the program:
 * scripts/build.mjs bundles it into one file of dist/ with all it needs,
 * the process's deps included, so that the process loads one module where
 * the program's chunks are 27, commander among them. Any other command line
 * goes to the program, which runs the same action (actions/replay-json.ts),
 * so the output, the refusals and the exit codes are the same either way.
 * Being a bundle of its own, it holds its own copy of the error classes, so
 * it reports its errors itself, as main.ts reports the program's. It reads
 * the file with the disk's blocking calls: one file, nothing to do
 * meanwhile, so no thread-pool round trips (process-deps.ts).
 */
import { replayJson } from './actions/replay-json.js';
import type { CliDeps } from './deps.js';
import { EXIT, reportError } from './errors.js';
import { processDeps } from './process-deps.js';

/** Print the summary of the replay in `file`; the exit code, its one line on stderr if it failed. */
export async function runReplayJson(file: string, deps: CliDeps = processDeps({ blockingReads: true })): Promise<number> {
  try {
    await replayJson(file, deps);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, deps.stderr);
  }
}
