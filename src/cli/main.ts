/**
 * The program on the process: exit codes, and every command line run
 * through commander on the process's own deps (process-deps.ts). Loaded by
 * the entry (entry.ts) for any command line but the plain `replay FILE
 * --json`, which runs without commander (lean-start.ts).
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
