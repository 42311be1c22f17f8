/**
 * The one command line main.ts runs without commander: `inktris replay
 * FILE --json` (or `replay --json FILE`), the headless summary, whose whole
 * process is measured against `node -e 0` (issue 18: at most 2.5 x).
 * Commander and the other commands' definitions are a third of what that
 * process would load before it reads the file. Only this exact shape is
 * taken: any other word, option or spelling goes to the full program, which
 * runs the same action (actions/replay-json.ts), so the output, the
 * refusals and the exit codes are the same either way.
 */

/** The FILE of a plain `replay FILE --json` (either order), or null for any other command line. */
export function replayJsonFile(argv: readonly string[]): string | null {
  if (argv.length !== 3 || argv[0] !== 'replay') return null;
  const [, a, b] = argv as [string, string, string];
  const file = a === '--json' ? b : b === '--json' ? a : null;
  // An option, `--` or the empty string (which the full program refuses, parsePath) are commander's to read.
  if (file === null || file === '' || file.startsWith('-')) return null;
  return file;
}
