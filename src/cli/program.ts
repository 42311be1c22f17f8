/**
 * The command line, built by a function so that tests run it in-process with
 * `exitOverride()` and captured output (CLI.md "Commands").
 *
 * What every command shares is set here, once: `-V, --version` and `-h,
 * --help` are the root's options, which commander accepts after any command
 * and each command's help lists under "Global Options" (CLI.md: "--help and
 * --version everywhere"); defaults read `(default: X)` (options.ts); an error
 * about an argument is one printable line ending with the help to read
 * (usage-error.ts); each help ends with examples (help-examples.ts).
 */
import { Command, Help, type Option } from 'commander';
import { registerPlay } from './commands/play.js';
import { registerReplay } from './commands/replay.js';
import { registerScores } from './commands/scores.js';
import { registerConfig } from './commands/config.js';
import { registerBot } from './commands/bot.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerServe } from './commands/serve.js';
import { registerVersus } from './commands/versus.js';
import type { CliDeps } from './deps.js';
import { addExamples } from './help-examples.js';
import { usageLine } from './usage-error.js';

/**
 * Commander's description of an option, with the default of an option that
 * holds none: commander shows `(default: X)` only for a value it holds, and a
 * default the command decides when it runs is declared as
 * `.default(undefined, 'X')` (options.ts), so that both read the same.
 */
function optionDescription(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return option.defaultValue === undefined && option.defaultValueDescription
    ? `${text} (default: ${option.defaultValueDescription})`
    : text;
}

/**
 * Commander's own error for a word that names no command, with its
 * suggestion ("did you mean replay?"). Commander calls it itself only for a
 * program without a default command, naming the first of `args`.
 */
function unknownCommand(program: Command, word: string): never {
  program.args = [word];
  return (program as Command & { unknownCommand(): never }).unknownCommand();
}

/** The `inktris` program with every command, writing through `deps`. */
export function createProgram(deps: CliDeps): Command {
  // Set before the commands are added: each copies the root's output, help and exit settings when it is made.
  const program = new Command('inktris')
    .description('Terminal Tetris that gets the rules right.')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .helpCommand(false)
    .showSuggestionAfterError()
    .exitOverride()
    .configureHelp({ showGlobalOptions: true, optionDescription })
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
  registerServe(program, deps);
  registerVersus(program, deps);
  // Commander's help command answers `inktris help replat` with the whole help on stderr; this one, like `inktris replat`, with one line.
  program
    .command('help [command]')
    .description('print the help of a command')
    .action((name: string | undefined) => {
      if (name === undefined) return program.help();
      const command = program.commands.find((candidate) => candidate.name() === name);
      return command ? command.help() : unknownCommand(program, name);
    });
  for (const command of [program, ...program.commands]) {
    const path = command === program ? 'inktris' : `inktris ${command.name()}`;
    command.configureOutput({ outputError: (text, write) => write(usageLine(text, path)) });
  }
  program.hook('preSubcommand', (root, subcommand) => {
    // Play is the default command, so commander hands it a first word that names no command (`inktris replat`),
    // and play would call it an extra argument. A word where the command goes is a mistyped command.
    const [first] = root.args;
    if (first !== undefined && !first.startsWith('-') && first !== subcommand.name() && !subcommand.aliases().includes(first)) {
      unknownCommand(root, first);
    }
  });
  return addExamples(program, [
    { args: '', what: 'the menu: play, watch kept replays, high scores, settings' },
    { args: 'play --mode sprint --seed 7', what: 'race 40 lines, the same pieces every time' },
    { args: 'replay --last', what: 'watch the last game again' },
    { args: 'bot --seed 7 --json', what: 'let the autoplayer play, print the summary' },
    { args: 'scores --mode sprint', what: 'the best sprint times' },
    { args: 'help replay', what: 'the options of a command' },
  ]);
}
