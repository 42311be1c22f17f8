/**
 * `inktris replay FILE`: a recorded game, watched in the terminal (space,
 * left/right, +/-, g, q), or headless with `--json` (the summary) or
 * `--frame N` (the plain-text frame at tick N), CLI.md.
 *
 * Only the watching and `--frame` paths load the Ink components, with a
 * dynamic import, so `--json` starts about as fast as Node itself.
 */
import { Option, type Command } from 'commander';
import { replayStateAt, runReplay } from '../../core/replay.js';
import { summarize } from '../../core/views.js';
import type { CliDeps } from '../deps.js';
import { InputError } from '../errors.js';
import { parseIntIn, parseMode } from '../options.js';
import { findReplay } from '../game-archive.js';
import { pathsFor } from '../paths.js';
import type { Mode } from '../../core/index.js';
import { loadReplay } from '../replay-file.js';
import { formatSummary } from '../summary-json.js';
import { lookFor, runOnTerminal } from '../terminal-session.js';

/** The options `replay` parses. */
interface ReplayOptions {
  readonly json?: boolean;
  readonly frame?: number;
  readonly preview: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly color: boolean;
  readonly best?: boolean;
  readonly last?: boolean;
  readonly mode?: Mode;
}

/**
 * The file to replay: FILE, or with `--best` / `--last` the kept replay of
 * the best game of `--mode` (default marathon) or of the last game played.
 */
async function replayFile(file: string | undefined, options: ReplayOptions, deps: CliDeps): Promise<string> {
  const wanted = (options.best ? 1 : 0) + (options.last ? 1 : 0) + (file === undefined ? 0 : 1);
  if (wanted !== 1) throw new InputError('replay: give one of FILE, --best or --last');
  if (file !== undefined) return file;
  const which = options.best ? 'best' : 'last';
  const dir = pathsFor(deps.env).data;
  const found = await findReplay({ dir, now: () => new Date(), warn: (line) => deps.stderr.write(`inktris: ${line}\n`) }, which, options.mode);
  if (!found) {
    throw new InputError(
      which === 'best' ? `replay --best: no ${options.mode ?? 'marathon'} game with a kept replay in ${dir} yet` : `replay --last: no kept replay in ${dir} yet`,
    );
  }
  return found;
}

/** Add the `replay` command to `program`. */
export function registerReplay(program: Command, deps: CliDeps): Command {
  return program
    .command('replay')
    .description('watch a recorded game in the terminal; headless: --json for the summary, --frame N for one frame')
    .argument('[file]', 'a replay file (JSON, format version 1)')
    .option('--best', 'the best game of --mode kept in the data folder')
    .option('--last', 'the last game kept in the data folder')
    .addOption(new Option('--mode <mode>', 'with --best: marathon (by score) or sprint (by time)').argParser(parseMode))
    .addOption(new Option('--json', 'print the summary of the game as JSON').conflicts('frame'))
    .addOption(new Option('--frame <tick>', 'print the plain-text frame the terminal shows at tick N').argParser(parseIntIn('frame', 0, Number.MAX_SAFE_INTEGER)))
    .addOption(new Option('--preview <n>', 'pieces shown in the preview (1-6)').argParser(parseIntIn('preview', 1, 6)).default(5))
    .option('--no-ghost', 'hide the ghost piece')
    .option('--ascii', 'draw without Unicode block characters')
    .option('--no-color', 'no colours when watching (also: the NO_COLOR environment variable)')
    .version(deps.version, '-V, --version', 'print the version')
    .action(async (fileArgument: string | undefined, options: ReplayOptions, command: Command) => {
      const file = await replayFile(fileArgument, options, deps);
      if (!options.json && options.frame === undefined) {
        if (!deps.isTTY) {
          throw new InputError('replay: watching a replay needs a terminal (stdin and stdout must be a TTY); pass --json for the summary or --frame N for one frame');
        }
        const replay = await loadReplay(file, deps);
        const look = await lookFor(options, command, deps);
        const { indexReplay } = await import('../../ui/playback.js');
        const { WatchController } = await import('../../ui/watch-controller.js');
        const index = indexReplay(replay);
        await runOnTerminal(deps, look, (context) => new WatchController({ index, preview: context.display.preview, ...context }));
        return;
      }
      const replay = await loadReplay(file, deps);
      if (options.json) {
        deps.stdout.write(formatSummary(summarize(runReplay(replay))));
        return;
      }
      const state = replayStateAt(replay, options.frame!);
      // Loaded here, never at the top: Ink and React cost startup time that
      // `--version` and `--json` must not pay.
      const { frameText } = await import('../../ui/frame-text.js');
      const text = frameText(state, { ascii: options.ascii ?? false, ghost: options.ghost, preview: options.preview, color: false });
      deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
