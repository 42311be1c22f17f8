/**
 * `inktris export FILE`: a replay rendered for sharing (CLI.md). `--cast
 * OUT` writes an asciicast v2 recording of the game as the terminal showed
 * it, colours included; `--text` prints the last frame as plain text. What
 * it does is in actions/export.ts, loaded when it runs.
 */
import { Option, type Command } from 'commander';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { parsePath, parseSeconds, previewOption } from '../options.js';

/** The options `export` parses. */
export interface ExportOptions {
  readonly cast?: string;
  readonly text?: boolean;
  readonly idleLimit?: number;
  readonly preview: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly color: boolean;
}

/** Add the `export` command to `program`. */
export function registerExport(program: Command, deps: CliDeps): Command {
  const exporting = program
    .command('export')
    .description('render a replay: an asciicast v2 recording (--cast OUT) or the last frame as text (--text)')
    .argument('<file>', 'a replay file (JSON, format version 1)', parsePath('FILE'))
    .option('--cast <out>', 'write an asciicast v2 recording to OUT (asciinema play, the asciinema web player)', parsePath('--cast'))
    .option('--text', 'print the last frame as plain text')
    .addOption(
      new Option('--idle-limit <seconds>', 'cut every pause in the recording to at most this many seconds').argParser(
        parseSeconds('idle limit'),
      ),
    )
    .addOption(previewOption(5))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .option('--no-color', 'a recording without colours (NO_COLOR is not read: the file is the same on every machine)')
    .action(async (file: string, options: ExportOptions) => (await import('../actions/export.js')).exportAction(file, options, deps));
  return addExamples(exporting, [
    { args: 'export game.json --cast game.cast --idle-limit 2', what: 'a recording for asciinema play, pauses cut to 2 s' },
    { args: 'export game.json --text --ascii', what: 'the last frame as plain text' },
  ]);
}
