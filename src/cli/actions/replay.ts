/**
 * What `inktris replay` does: watch a recorded game on a terminal, or print
 * its summary (`--json`) or one frame (`--frame N`). Loaded by the command
 * when it runs. Only what `--json` needs is imported here: the data folder
 * (`--best`, `--last`), the terminal (watching) and the Ink components
 * (`--frame`) load with dynamic imports where they are used, so a headless
 * summary parses none of them.
 */
import type { Command } from 'commander';
import { indexMatch } from '../../core/match-cursor.js';
import { indexReplay, replayStateAt } from '../../core/replay-cursor.js';
import { tableKey, tableOf } from '../../core/results.js';
import type { ReplayOptions } from '../commands/replay.js';
import type { CliDeps } from '../deps.js';
import { InputError, warningLine } from '../errors.js';
import { loadReplayOrMatch } from '../replay-file.js';
import { requireScreen } from '../require-screen.js';
import { replayJson } from './replay-json.js';

/**
 * The file to replay: FILE, or with `--best` / `--last` the kept replay of
 * the best game of `--mode` (default marathon) or of the last game played.
 */
async function replayFile(file: string | undefined, options: ReplayOptions, deps: CliDeps): Promise<string> {
  const wanted = (options.best ? 1 : 0) + (options.last ? 1 : 0) + (file === undefined ? 0 : 1);
  if (wanted !== 1) throw new InputError('replay: give one of FILE, --best or --last');
  if (file !== undefined) return file;
  const which = options.best ? 'best' : 'last';
  const { findReplay } = await import('../game-archive.js');
  const { pathsFor } = await import('../paths.js');
  const dir = pathsFor(deps.env).data;
  const table = tableKey({ rules: options.rules, mode: options.mode ?? 'marathon', digLines: options.digLines });
  const found = await findReplay({ dir, now: deps.now, warn: (line) => deps.stderr.write(warningLine(line)) }, which, table);
  if (!found) {
    // The table in words: `sprint`, `guideline ultra`, `dig (18 lines)`.
    const { rules, mode, digLines } = tableOf(table);
    const named = `${rules === 'guideline' ? 'guideline ' : ''}${mode}${mode === 'dig' ? ` (${digLines} lines)` : ''}`;
    throw new InputError(
      which === 'best' ? `replay --best: no ${named} game with a kept replay in ${dir} yet` : `replay --last: no kept replay in ${dir} yet`,
    );
  }
  return found;
}

/** Replay FILE (or `--best` / `--last`) as the options ask. */
export async function replayAction(
  fileArgument: string | undefined,
  options: ReplayOptions,
  command: Command,
  deps: CliDeps,
): Promise<void> {
  const file = await replayFile(fileArgument, options, deps);
  if (!options.json && options.frame === undefined) {
    requireScreen(deps, 'replay: watching a replay', 'pass --json for the summary or --frame N for one frame');
    // The inputs in columns, never a pair each: 9 bytes an input while watching a long game (issue 15).
    const loaded = await loadReplayOrMatch(file, deps);
    const { lookFor, runOnTerminal } = await import('../terminal-session.js');
    const look = await lookFor(options, command, deps);
    if (loaded.kind === 'match') {
      const { MATCH_REPLAY, matchReplayModel } = await import('../../ui/drivers/match-replay.js');
      await runOnTerminal(deps, look, MATCH_REPLAY, matchReplayModel(indexMatch(loaded.replay)));
      return;
    }
    const { REPLAY, replayModel } = await import('../../ui/drivers/replay.js');
    await runOnTerminal(deps, look, REPLAY, replayModel(indexReplay(loaded.replay)));
    return;
  }
  if (options.json) {
    await replayJson(file, deps);
    return;
  }
  const loaded = await loadReplayOrMatch(file, deps);
  const look = { ascii: options.ascii ?? false, ghost: options.ghost, preview: options.preview, color: false } as const;
  // Loaded here, never at the top: Ink and React cost startup time that
  // `--version` and `--json` must not pay.
  let text: string;
  if (loaded.kind === 'match') {
    const { matchFrameText, matchStateAt } = await import('../../ui/export/versus-export.js');
    const { playerNames } = await import('../../ui/drivers/match-sides.js');
    text = matchFrameText(matchStateAt(loaded.replay, options.frame!), playerNames(loaded.replay.players), look);
  } else {
    const { frameText } = await import('../../ui/export/frame-text.js');
    text = frameText(replayStateAt(loaded.replay, options.frame!), look);
  }
  deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
