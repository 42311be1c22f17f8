/**
 * Every versus match is kept like every game (CLI.md "Replay file, version
 * 2"): a match file with `players` in the data folder's `replays/`, named
 * and pruned as a game's replay is, so `inktris replay FILE --json` and the
 * newest-first lookup find it. A match enters no high-score table.
 *
 * A match file holds two input lists, so it cannot grow by appending as a
 * game's file does (recorder.ts). It is created whole (safe-write.ts) when
 * the match starts, and each input then rewrites it in place from its first
 * byte, through the descriptor it was created with: the text only grows (one
 * more input, then the `endTick`), so every write leaves a complete match
 * file, and a crash or `kill -9` mid-match still leaves the match so far
 * (as a game's file does; the bytes are the kernel's once written). The end
 * flushes it to disk. When the archive cannot be written, the match goes
 * where a game's would (a file in the current folder, else stdout) and one
 * line says so.
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
import { closeSync, ftruncateSync, removeFile, writeSync } from './disk.js';
import { archiveReplayName, pruneReplays, replaysDir } from './game-archive.js';
import type { ArchiveFolder } from './play-recording.js';
import { writeFailure } from './recorder.js';
import { rescueReplay } from './replay-rescue.js';
import { openReplacement, type Replacement } from './safe-write.js';

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
  /** The file, open since it was created; null once closed or when it could not be written. */
  file: Replacement | null;
  /** The text the file held after its last whole write, to put back over a write that fails half done. */
  written: string;
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

  const fail = (match: Current, error: unknown): false => {
    archiveProblem ??= `${match.path}: cannot write the match (${writeFailure(error)})`;
    if (match.file) close(match.file);
    match.file = null;
    return false;
  };

  /** Create the match's file whole (an empty match); false when it could not be. */
  const create = (match: Current): boolean => {
    if (!match.path) return false;
    let file: Replacement;
    try {
      file = openReplacement(match.path);
    } catch (error) {
      return fail(match, error);
    }
    try {
      match.written = text(match);
      writeAt(file.fd, match.written);
      file.commit();
    } catch (error) {
      file.abort();
      return fail(match, error);
    }
    match.file = file;
    return true;
  };

  /** Rewrite the open file with the match so far (and its end, once known); false when it could not be. */
  const write = (match: Current, endTick?: number): boolean => {
    if (!match.file) return false;
    const fd = match.file.fd;
    const next = text(match, endTick);
    try {
      const length = writeAt(fd, next);
      match.written = next;
      if (endTick !== undefined) {
        ftruncateSync(fd, length);
        match.file.sync();
      }
      return true;
    } catch (error) {
      try {
        // A full disk fails where the file grows: the last whole text fits where it was.
        ftruncateSync(fd, writeAt(fd, match.written));
      } catch {
        // Nothing more can be done; the match is rescued at its end.
      }
      return fail(match, error);
    }
  };

  const onExit = () => {
    if (!current) return;
    write(current, current.lastTick);
    if (current.file) close(current.file);
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
      current = { settings, names, date, inputs: [[], []], path, file: null, written: '', lastTick: 0 };
      create(current);
      process.once('exit', onExit);
    },
    input(side, tick, input) {
      if (!current) return;
      current.inputs[side].push([tick, input]);
      current.lastTick = Math.max(current.lastTick, tick);
      write(current);
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
        if (match.file) close(match.file);
        if (match.path) await removeFile(match.path).catch(() => {});
        return;
      }
      const written = write(match, endTick);
      if (match.file) close(match.file);
      if (written) {
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

/** Write all of `text` from the file's first byte; its length in bytes. */
function writeAt(fd: number, text: string): number {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, done);
  return bytes.length;
}

function close(file: Replacement): void {
  try {
    closeSync(file.fd);
  } catch {
    // The descriptor is gone either way; the file was complete after its last write.
  }
}
