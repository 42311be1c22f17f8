/**
 * The command line, built by a function so that tests run it in-process with
 * `exitOverride()` and captured output (CLI.md "Commands").
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
      outputError: (text, write) => write(text.replace(/^error: /, 'inktris: ')),
    });
  registerPlay(program, deps);
  registerReplay(program, deps);
  registerScores(program, deps);
  registerConfig(program, deps);
  registerBot(program, deps);
  registerDemo(program, deps);
  registerExport(program, deps);
  return program;
}
