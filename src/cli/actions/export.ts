/** What `inktris export` does: a replay rendered as a recording or as text. Loaded by the command when it runs. */
import { basename, resolve } from 'node:path';
import { runReplay } from '../../core/replay.js';
import type { ExportOptions } from '../commands/export.js';
import type { CliDeps } from '../deps.js';
import { InputError, printable } from '../errors.js';
import { loadReplay } from '../replay-file.js';


/** Render `file` as `--cast OUT` and/or `--text` ask. */
export async function exportAction(file: string, options: ExportOptions, deps: CliDeps): Promise<void> {
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
    // The players show 256 colours whatever terminal exports the file, and the file is the same whatever
    // machine exports it: only --no-color takes the colour out, never NO_COLOR of the exporting shell.
    const color = options.color ? PALETTE_256 : false;
    const text = replayCast(replay, {
      display: { ...display, color },
      title: `inktris replay ${basename(printable(file))}`,
      timestamp: Math.floor(Date.now() / 1000),
      idleLimit: options.idleLimit,
    });
    try {
      await deps.writeFile(options.cast, text);
    } catch (error) {
      // A path refused for what it is (a FIFO, a read-only file) has its own line.
      if (error instanceof InputError) throw error;
      throw new InputError(`${printable(options.cast)}: cannot write the recording (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (options.text) {
    const { frameText } = await import('../../ui/frame-text.js');
    deps.stdout.write(`${frameText(runReplay(replay), { ...display, color: false })}\n`);
  }
}
