/**
 * The process boundary: exit codes, and the program run on the process's
 * own deps (process-deps.ts). Everything else in the CLI gets these through
 * `CliDeps`. The plain `replay FILE --json` does not come here: bin/
 * starts it from a bundle of its own (lean-replay-json.ts).
 */
import { CommanderError } from 'commander';
import type { CliDeps } from './deps.js';
import { EXIT, reportError } from './errors.js';
import { processDeps } from './process-deps.js';
import { createProgram } from './program.js';

export { processDeps } from './process-deps.js';

/**
 * Run the program on `argv` and return its exit code: 0 success, 2 bad usage
 * or input (one line on stderr, no stack), 1 an internal error.
 */
export async function runCli(argv: readonly string[], deps: CliDeps = processDeps()): Promise<number> {
  const program = createProgram(deps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one line (or the help/version text).
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    return reportError(error, deps.stderr);
  }
}

/** Entry point of the bundled program (bin/inktris.js). */
export async function run(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2));
}
