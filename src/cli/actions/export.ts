/** What `inktris export` does: a replay rendered as a recording or as text. Loaded by the command when it runs. */
import { basename, resolve } from 'node:path';
import { runPackedReplay } from '../../core/replay-cursor.js';
import type { CastOptions } from '../../ui/export/asciicast.js';
import type { ExportOptions } from '../commands/export.js';
import type { CliDeps, FileText } from '../deps.js';
import { InputError, printable } from '../errors.js';
import { loadReplayOrMatch } from '../replay-file.js';

/**
 * Write the recording to `path` as its pieces are made. A failed write is
 * one line (exit 2); any other error came from making the pieces, and stays
 * an internal one.
 */
async function writeRecording(path: string, text: FileText, deps: CliDeps): Promise<void> {
  try {
    await deps.writeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw error;
    throw new InputError(`${printable(path)}: cannot write the recording (${code})`);
  }
}

/**
 * Cast lines made between two turns of the event loop. Ink draws through
 * React, whose scheduler queues a task for each commit with effects and
 * runs its queue only from the event loop (setImmediate): a cast made in
 * one synchronous run kept every task, about 50 bytes a line, 100 MB over
 * a 100,000-piece game (issue 15). A turn costs microseconds, and the
 * queue it drains holds at most a few hundred tasks.
 */
const LINES_PER_TURN = 1000;

/** `lines` as they come, with a turn of the event loop after every LINES_PER_TURN of them. */
async function* withTurns(lines: Iterable<string>): AsyncGenerator<string, void, void> {
  let count = 0;
  for (const line of lines) {
    yield line;
    if (++count % LINES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Render `file` as `--cast OUT` and/or `--text` ask. */
export async function exportAction(file: string, options: ExportOptions, deps: CliDeps): Promise<void> {
  if (!options.cast && !options.text) {
    throw new InputError('export: pass --cast OUT.cast for an asciicast recording or --text for the last frame');
  }
  if (options.idleLimit !== undefined && !options.cast) throw new InputError('export: --idle-limit applies to --cast only');
  if (options.cast && resolve(options.cast) === resolve(file)) {
    throw new InputError(`${printable(options.cast)}: is the replay itself; write the recording to another file`);
  }
  // The inputs in columns: a long game's stay a few megabytes (issue 15).
  const loaded = await loadReplayOrMatch(file, deps);
  const display = { ascii: options.ascii ?? false, ghost: options.ghost, preview: options.preview };
  // Loaded here, never at the top: Ink and React cost startup time the other commands must not pay.
  if (options.cast) {
    // Minutes of drawing for a long game, in constant memory (heap.ts).
    deps.holdYoungGeneration();
    const { castLines } = await import('../../ui/export/asciicast.js');
    const { PALETTE_256 } = await import('../../ui/frame/theme.js');
    // The players show 256 colours whatever terminal exports the file, and the file is the same whatever
    // machine exports it: only --no-color takes the colour out, never NO_COLOR of the exporting shell.
    const color = options.color ? PALETTE_256 : false;
    // Each line is written as it is made: the recording of a long game is hundreds of megabytes.
    const cast: CastOptions = {
      display: { ...display, color },
      title: `inktris replay ${basename(printable(file))}`,
      timestamp: Math.floor(deps.now().getTime() / 1000),
      idleLimit: options.idleLimit,
    };
    const lines =
      loaded.kind === 'match'
        ? (await import('../../ui/export/versus-export.js')).matchCastLines(loaded.replay, cast)
        : castLines(loaded.replay, cast);
    await writeRecording(options.cast, withTurns(lines), deps);
  }
  if (options.text) {
    if (loaded.kind === 'match') {
      const { matchFrameText } = await import('../../ui/export/versus-export.js');
      const { playerNames } = await import('../../ui/drivers/match-sides.js');
      const { indexMatch } = await import('../../core/match-cursor.js');
      const final = indexMatch(loaded.replay).final.state;
      deps.stdout.write(`${matchFrameText(final, playerNames(loaded.replay.players), { ...display, color: false })}\n`);
      return;
    }
    const { frameText } = await import('../../ui/export/frame-text.js');
    deps.stdout.write(`${frameText(runPackedReplay(loaded.replay), { ...display, color: false })}\n`);
  }
}
