/**
 * Every versus match is kept like every game (CLI.md "Replay file, version
 * 2"): a match file with `players` in the data folder's `replays/`, named
 * and pruned as a game's replay is, so `inktris replay FILE --json` and the
 * newest-first lookup find it. A match enters no high-score table.
 *
 * A match file holds two input lists, so it cannot grow by appending as a
 * game's file does (recorder.ts): the inputs are kept in memory, and the
 * file is written whole (safe-write.ts) when the match starts, when it ends,
 * and when the process exits before that (Ctrl-C, a signal the program
 * handles). A `kill -9` mid-match loses that match's inputs. When the
 * archive cannot be written, the match goes where a game's would (a file in
 * the current folder, else stdout) and one line says so.
 */
import { join } from 'node:path';
import {
  matchFileSettings,
  serializeMatchReplay,
  summarizeMatch,
  type GameSettings,
  type InputName,
  type MatchState,
  type ReplayInput,
} from '../core/index.js';
import { removeFile } from './disk.js';
import { archiveReplayName, pruneReplays, replaysDir } from './game-archive.js';
import type { ArchiveFolder } from './play-recording.js';
import { writeFailure } from './recorder.js';
import { rescueReplay } from './replay-rescue.js';
import { writeFileSafely } from './safe-write.js';

/** Options of {@link createMatchLog}. */
export interface MatchLogOptions {
  readonly archive: ArchiveFolder | null;
  readonly version: string;
  readonly now: () => Date;
  /** Where a match goes when the archive cannot take it. @default process.cwd() */
  readonly rescueDir?: string;
}

/** The recording of every match of a session. */
export interface MatchLog {
  start(settings: GameSettings, names: readonly [string, string]): void;
  input(side: 0 | 1, tick: number, input: InputName): void;
  /** The match ended (a result, a rematch, quit): its file written whole. */
  end(state: MatchState): Promise<void>;
  /** The file of the last match that ended with something in it, or null. */
  readonly last: string | null;
  /** The last match's result, for the line after the screen; null before one ended. */
  readonly result: MatchState | null;
  /** Lines for after the screen. */
  readonly warnings: string[];
  /** Match files that could be written nowhere, for stdout. */
  readonly unsaved: string[];
}

interface Current {
  readonly settings: GameSettings;
  readonly names: readonly [string, string];
  readonly date: Date;
  readonly inputs: [ReplayInput[], ReplayInput[]];
  readonly path: string | null;
  lastTick: number;
}

/** Record the matches of one `versus` session (or the front door's). */
export function createMatchLog(options: MatchLogOptions, warnings: string[] = []): MatchLog {
  const unsaved: string[] = [];
  let current: Current | null = null;
  let last: string | null = null;
  let result: MatchState | null = null;
  let archiveProblem = options.archive?.problem ?? null;
  const extras = { program: `inktris ${options.version}` };

  const text = (match: Current, endTick?: number): string =>
    serializeMatchReplay(
      {
        seed: match.settings.seed,
        settings: matchFileSettings(match.settings),
        players: [
          { name: match.names[0], inputs: match.inputs[0] },
          { name: match.names[1], inputs: match.inputs[1] },
        ],
        ...(endTick === undefined ? {} : { endTick }),
      },
      extras,
    );

  /** Write the match's file; false when it could not be. */
  const write = (match: Current, endTick?: number): boolean => {
    if (!match.path) return false;
    try {
      writeFileSafely(match.path, text(match, endTick));
      return true;
    } catch (error) {
      archiveProblem ??= `${match.path}: cannot write the match (${writeFailure(error)})`;
      return false;
    }
  };

  const onExit = () => {
    if (current) write(current, current.lastTick);
  };

  return {
    warnings,
    unsaved,
    get last() {
      return last;
    },
    get result() {
      return result;
    },
    start(settings, names) {
      const date = options.now();
      let path: string | null = null;
      if (options.archive && archiveProblem === null) {
        path = join(replaysDir(options.archive.dir), archiveReplayName(options.archive.dir, date, settings.seed));
      }
      current = { settings, names, date, inputs: [[], []], path, lastTick: 0 };
      write(current);
      process.once('exit', onExit);
    },
    input(side, tick, input) {
      if (!current) return;
      current.inputs[side].push([tick, input]);
      current.lastTick = Math.max(current.lastTick, tick);
    },
    async end(state) {
      const match = current;
      current = null;
      process.off('exit', onExit);
      if (!match) return;
      result = state;
      const endTick = Math.max(summarizeMatch(state).tick, match.lastTick);
      const happened = match.inputs[0].length + match.inputs[1].length > 0;
      if (!happened) {
        // A match left before anyone pressed a key is no recording to keep.
        if (match.path) await removeFile(match.path).catch(() => {});
        return;
      }
      if (write(match, endTick)) {
        last = match.path;
        if (options.archive)
          await pruneReplays({ dir: options.archive.dir, now: options.now, warn: (l) => warnings.push(l) }).catch(() => {});
        return;
      }
      const body = text(match, endTick);
      const problem = archiveProblem ?? 'the data folder cannot keep replays';
      try {
        const file = await rescueReplay(options.rescueDir ?? process.cwd(), match.date, match.settings.seed, body);
        last = file;
        warnings.push(`${problem}; the match is in ${file}`);
      } catch (error) {
        unsaved.push(body);
        warnings.push(`${problem}; not in the current folder either (${writeFailure(error)}): the match follows on stdout`);
      }
    },
  };
}
