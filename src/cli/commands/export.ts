/**
 * `inktris export FILE`: a replay rendered for sharing (CLI.md). `--cast
 * OUT` writes an asciicast v2 recording of the game as the terminal showed
 * it, colours included; `--text` prints the last frame as plain text.
 */
import { Option, type Command } from 'commander';
import { basename, resolve } from 'node:path';
import { runReplay } from '../../core/replay.js';
import type { CliDeps } from '../deps.js';
import { InputError } from '../errors.js';
import { parseIntIn, parseSeconds } from '../options.js';
import { loadReplay } from '../replay-file.js';

/** The options `export` parses. */
interface ExportOptions {
  readonly cast?: string;
  readonly text?: boolean;
  readonly idleLimit?: number;
  readonly preview: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly color: boolean;
}

/** A path as one printable line, for messages. */
const printable = (path: string): string => path.replace(/[\u0000-\u001f\u007f]/g, '?');

/** Add the `export` command to `program`. */
export function registerExport(program: Command, deps: CliDeps): Command {
  return program
    .command('export')
    .description('render a replay: an asciicast v2 recording (--cast OUT) or the last frame as text (--text)')
    .argument('<file>', 'a replay file (JSON, format version 1)')
    .option('--cast <out>', 'write an asciicast v2 recording to OUT (asciinema play, the asciinema web player)')
    .option('--text', 'print the last frame as plain text')
    .addOption(new Option('--idle-limit <seconds>', 'cut every pause in the recording to at most this many seconds').argParser(parseSeconds('idle limit')))
    .addOption(new Option('--preview <n>', 'pieces shown under NEXT, 1-6').argParser(parseIntIn('preview', 1, 6)).default(5))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .option('--no-color', 'a recording without colours (also: the NO_COLOR environment variable)')
    .action(async (file: string, options: ExportOptions) => {
      if (!options.cast && !options.text) {
        throw new InputError('export: pass --cast OUT.cast for an asciicast recording or --text for the last frame');
      }
      if (options.idleLimit !== undefined && !options.cast) throw new InputError('export: --idle-limit applies to --cast only');
      if (options.cast && resolve(options.cast) === resolve(file)) {
        throw new InputError(`${printable(options.cast)}: is the replay itself; write the recording to another file`);
      }
      const replay = await loadReplay(file, deps);
      const display = { ascii: options.ascii ?? false, ghost: options.ghost, preview: options.preview };
      // Loaded here, never at the top: Ink and React cost startup time the other commands must not pay.
      if (options.cast) {
        const { replayCast } = await import('../../ui/asciicast.js');
        const { PALETTE_256 } = await import('../../ui/theme.js');
        // The players show 256 colours whatever terminal exports the file.
        const color = options.color && !deps.env.NO_COLOR ? PALETTE_256 : false;
        const text = replayCast(replay, {
          display: { ...display, color },
          title: `inktris replay ${basename(printable(file))}`,
          timestamp: Math.floor(Date.now() / 1000),
          idleLimit: options.idleLimit,
        });
        try {
          await deps.writeFile(options.cast, text);
        } catch (error) {
          throw new InputError(`${printable(options.cast)}: cannot write the recording (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      }
      if (options.text) {
        const { frameText } = await import('../../ui/frame-text.js');
        deps.stdout.write(`${frameText(runReplay(replay), { ...display, color: false })}\n`);
      }
    });
}
