/**
 * The command line, built by a function so that tests run it in-process with
 * `exitOverride()` and captured output (CLI.md "Commands"). An error about an
 * argument is one printable line ending with the help to read (usage-error.ts).
 */
import { Command } from 'commander';
import { registerPlay } from './commands/play.js';
import { registerReplay } from './commands/replay.js';
import { registerScores } from './commands/scores.js';
import { registerConfig } from './commands/config.js';
import { registerBot } from './commands/bot.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import type { CliDeps } from './deps.js';
import { usageLine } from './usage-error.js';

/** The `inktris` program with every command, writing through `deps`. */
export function createProgram(deps: CliDeps): Command {
  const program = new Command('inktris')
    .description('Terminal Tetris that gets the rules right.')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    });
  registerPlay(program, deps);
  registerReplay(program, deps);
  registerScores(program, deps);
  registerConfig(program, deps);
  registerBot(program, deps);
  registerDemo(program, deps);
  registerExport(program, deps);
  for (const command of [program, ...program.commands]) {
    const path = command === program ? 'inktris' : `inktris ${command.name()}`;
    command.configureOutput({ outputError: (text, write) => write(usageLine(text, path)) });
  }
  program.hook('preSubcommand', (root, subcommand) => {
    // Play is the default command, so commander hands it a first word that names no command (`inktris replat`),
    // and play would call it an extra argument. A word where the command goes is a mistyped command: say so,
    // with commander's own message and suggestion, as commander does for a program without a default command.
    const [first] = root.args;
    if (first !== undefined && !first.startsWith('-') && first !== subcommand.name() && !subcommand.aliases().includes(first)) {
      (root as Command & { unknownCommand(): never }).unknownCommand();
    }
  });
  return program;
}
