/**
 * Entry point of the bundled program (bin/inktris.js): the command line
 * decides what loads. The plain `replay FILE --json` (lean-start.ts) runs
 * from a bundle of its own in dist/ (scripts/build.mjs), one module with
 * all it needs; any other goes to the program (main.ts). Nothing here is
 * imported statically but lean-start.ts, so the entry loads no chunk.
 */
import { replayJsonFile } from './lean-start.js';

/** Run the command line of the process; its exit code is set when it is done. */
export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const file = replayJsonFile(argv);
  if (file !== null) {
    process.exitCode = await (await import('./lean-replay-json.js')).runReplayJson(file);
    return;
  }
  process.exitCode = await (await import('./main.js')).runCli(argv);
}
