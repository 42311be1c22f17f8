/**
 * The examples at the end of a command's `--help`, as git, npm and gh end
 * theirs: a few real command lines, each under a `#` line saying what it
 * does (gh's layout, which stays inside 80 columns however long the line).
 * Each is one `$ inktris ...` line of plain words (no quoting), so that the
 * tests can run every example shown through the program's own parser.
 */
import type { Command } from 'commander';

/** One example: the command line (after `inktris`) and what it does. */
export interface HelpExample {
  /** The arguments, e.g. `play --mode sprint --seed 7`; words separated by single spaces. */
  readonly args: string;
  /** What it does, shown after the command line. */
  readonly what: string;
}

/** Add `examples` after the rest of `command`'s help. */
export function addExamples(command: Command, examples: readonly HelpExample[]): Command {
  const text = examples.map((example) => `  # ${example.what}\n  $ ${`inktris ${example.args}`.trimEnd()}`).join('\n');
  // Commander ends the text with a newline of its own.
  return command.addHelpText('after', `\nExamples:\n${text}`);
}
