/**
 * Every game of `inktris play` goes through the replay recorder: into the
 * data folder's `replays/` (the archive behind `inktris scores`), and with
 * `--record FILE` into a file of its own too: the session's first game into
 * FILE, each later one (a restart, "play again") into FILE with `-2`, `-3`...
 * before the extension, never over a file that exists. Only a finished game
 * that is not practice enters the high-score table (the core's
 * `scoredResult`); the archive keeps every game in which a piece locked.
 *
 * Saving never stops a game and never loses it (CLI.md). The inputs are
 * kept in memory as well, so when a file cannot be written (a read-only
 * data folder, a disk that fills up mid-game) the game goes on, and at its
 * end one line says what failed and where the replay is: in a file that was
 * written, else a new file in the current folder, else on stdout. `--record`
 * is the player's request, so a FILE that cannot be created stops the
 * program before the first game starts.
 */
import { join, parse, resolve, sep } from 'node:path';
import {
  MAX_REPLAY_SIZE,
  replaySettingsOf,
  scoredResult,
  serializeReplay,
  tableKey,
  summarize,
  type GameSettings,
  type GameState,
  type InputName,
  type ReplayInput,
} from '../core/index.js';
import { closeSync, makeFolder, openSync, removeFile, rmSync } from './disk.js';
import { addScore, archiveReplayName, ensureReplaysDir, pruneReplays, replaysDir, type ArchiveContext } from './game-archive.js';
import { closeOnExit, createRecorder, writeFailure, type Recorder } from './recorder.js';
import { rescueReplay } from './replay-rescue.js';

/** The data folder as `openArchive` found it. */
export interface ArchiveFolder {
  /** The data folder. */
  readonly dir: string;
  /** Why replays and high scores cannot be kept there, or null when they can. */
  readonly problem: string | null;
}

/** Options of {@link createGameLog}. */
export interface GameLogOptions {
  /** `--record FILE`. */
  readonly record?: string;
  /** The data folder for the archive and the high scores (see `openArchive`), or null for none. */
  readonly archive: ArchiveFolder | null;
  /** The program's version, written into each replay. */
  readonly version: string;
  readonly now: () => Date;
  /** Where a replay goes when none of its files could be written. @default process.cwd() */
  readonly rescueDir?: string;
}

/** A game as it starts: its seed and settings (defaults left out where the game takes them: the rule set, dig lines). */
export type StartedGame = GameSettings;

/** A recorder of one game, with what to do once it is finished. */
interface Target {
  readonly recorder: Recorder;
  readonly stopWatching: () => void;
  /** The file name in the archive, for the archive's recorder. */
  readonly archived: string | null;
  /** The number a later game's `--record` file took (`-2`, `-3`...), or null. */
  readonly claimed: number | null;
}

/** The game in play. */
interface Game {
  readonly settings: StartedGame;
  /** When it started: the date in its file names. */
  readonly date: Date;
  /** Every input, also in memory: a copy to save elsewhere when the files fail. */
  readonly inputs: ReplayInput[];
  readonly targets: Target[];
  /** Whether the archive records it. */
  readonly archived: boolean;
  /** What could not be written, one phrase each, for the line after the game. */
  readonly problems: string[];
}

/** Where a game that has ended was kept, for the line printed when the player leaves. */
export interface EndedGame {
  /** The game as it ended (or as it was when the player left it). */
  readonly state: GameState;
  /** The `--record` file that holds it whole, or null (no `--record`, or its file failed). */
  readonly recordedIn: string | null;
  /** Whether the archive kept it whole, so that `inktris replay --last` plays it. */
  readonly archived: boolean;
  /** Its rank in the high-score table (1-10), or null when it did not enter it. */
  readonly rank: number | null;
  /** Whether the game counted and the table took it (into the top 10 or not); false when it did not count, or the table failed. */
  readonly tabled: boolean;
}

/** The recording of every game of a session. */
export interface GameLog {
  /** A game starts. Throws InputError if `--record FILE` cannot be created for the first game. */
  start(game: StartedGame): void;
  /** An input of the game in play. */
  input(tick: number, input: InputName): void;
  /**
   * The game ended: finish its files, enter a qualifying score in the table,
   * save it elsewhere if they failed. Resolves to the game's rank in the
   * high-score table (1-10), or null when it did not enter it.
   */
  end(state: GameState): Promise<number | null>;
  /**
   * The program ends before the game's screen came up (a signal while it
   * starts): the game's files are finished, and the archive's copy, which
   * holds no input, is removed, so no empty replay is left among the kept
   * ones (`--record FILE` stays, as asked). Synchronous, for a signal
   * handler; does nothing once an input was recorded.
   */
  abandon(): void;
  /** Lines to print once the game screen is gone: what could not be saved, and where it went. */
  readonly warnings: readonly string[];
  /** Replays that could be written nowhere: to print on stdout once the game screen is gone. */
  readonly unsaved: readonly string[];
  /** The last game that ended in which something happened (an input, a lock), once one has. */
  readonly last: EndedGame | null;
  /** Every `--record` file this session wrote a whole game into, in order. */
  readonly recorded: readonly string[];
}

/**
 * The `--record` file of a session's game `n` (1 for the first): FILE
 * itself, then FILE with `-n` before its extension (`game.json`,
 * `game-2.json`), as browsers name a second download of one file.
 */
export function recordPath(file: string, n: number): string {
  if (n === 1) return file;
  const { dir, name, ext } = parse(file);
  return join(dir, `${name}-${n}${ext}`);
}

/** Names tried for one game before giving up: a folder holding that many is not one to fill further. */
const MAX_RECORD_NAMES = 1000;

/**
 * Take the first free `--record` name from game `from` on, by creating it
 * with O_EXCL: two sessions recording to the same FILE never take the same
 * name. Returns the name and its number. Throws the file system's error.
 */
function claimRecordPath(file: string, from: number): { path: string; n: number } {
  for (let n = from; ; n++) {
    const path = recordPath(file, n);
    try {
      closeSync(openSync(path, 'wx'));
      return { path, n };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n - from >= MAX_RECORD_NAMES) throw error;
    }
  }
}

/** Prepare the archive folder, or find why it cannot be used. */
export async function openArchive(dataDir: string): Promise<ArchiveFolder> {
  try {
    await ensureReplaysDir(dataDir);
    return { dir: dataDir, problem: null };
  } catch (error) {
    return { dir: dataDir, problem: cannotKeep(dataDir, await realCause(join(dataDir, 'replays'), error)) };
  }
}

/**
 * Node's recursive mkdir reports ENOENT when it cannot make a folder on a
 * read-only file system; making the folders one by one gives the real
 * reason (EROFS, EACCES).
 */
async function realCause(dir: string, error: unknown): Promise<unknown> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  const parts = resolve(dir).split(sep);
  for (let i = 2; i <= parts.length; i++) {
    try {
      await makeFolder(parts.slice(0, i).join(sep));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') return cause;
    }
  }
  return error;
}

/** The line's words for a data folder that cannot be used. */
function cannotKeep(dir: string, error: unknown): string {
  return `${dir}: cannot keep replays and high scores there (${writeFailure(error)})`;
}

/** Record the games of one `play` session. */
export function createGameLog(options: GameLogOptions, warnings: string[] = []): GameLog {
  const unsaved: string[] = [];
  const recorded: string[] = [];
  let last: EndedGame | null = null;
  let current: Game | null = null;
  let games = 0;
  /** The number the next game's `--record` name tries first (names taken by other runs are skipped). */
  let nextRecord = 2;
  let lastTick = 0;
  /** Why the archive is out of use for the rest of the session. */
  let archiveProblem = options.archive?.problem ?? null;
  let archiveProblemTold = false;
  const extras = { program: `inktris ${options.version}` };
  // A table that cannot be read is reported where it is met (the bests at the start, the score at the end): once is enough.
  const context = (dir: string): ArchiveContext => ({
    dir,
    now: options.now,
    warn: (line) => void (warnings.includes(line) || warnings.push(line)),
  });
  const replaySettings = (game: StartedGame) => replaySettingsOf(game);

  const open = (path: string, game: StartedGame, archived: string | null): Target => {
    const recorder = createRecorder(path, { seed: game.seed, settings: replaySettings(game) }, { extras });
    // Should the process end some way the game does not see, the file is still finished.
    return { recorder, stopWatching: closeOnExit(recorder, () => lastTick), archived, claimed: null };
  };

  /** Save the game where it is not lost: a new file in the current folder, else stdout. Returns the end of the line to print. */
  const rescue = async (game: Game, endTick: number): Promise<string> => {
    const text = serializeReplay(
      { seed: game.settings.seed, settings: replaySettings(game.settings), inputs: game.inputs, endTick },
      extras,
    );
    let dir = 'the current folder';
    try {
      // Asked only now: a current folder that was deleted meanwhile makes process.cwd() throw.
      dir = options.rescueDir ?? process.cwd();
      return `the replay is in ${await rescueReplay(dir, game.date, game.settings.seed, text)}`;
    } catch (error) {
      unsaved.push(text);
      return `not in ${dir} either (${writeFailure(error)}): the replay follows on stdout`;
    }
  };

  /** The archive's part of a game's end: drop an empty game, or enter the score; returns the archive's copy if it is kept. */
  /** The rank the last archived game took in the high-score table, or null. */
  let rank: number | null = null;
  /** Whether the table took the last archived game's score. */
  let tabled = false;
  const archiveGame = async (game: Game, state: GameState, archive: Target | null, keep: boolean): Promise<string | null> => {
    const dir = options.archive!.dir;
    const copy = archive && !archive.recorder.error ? archive.recorder.path : null;
    try {
      // A game in which no piece locked is not worth a place among the kept
      // replays, unless it is the only copy of a --record that failed.
      if (state.pieces === 0) {
        if (keep) return copy;
        if (archive) await removeFile(archive.recorder.path);
        return null;
      }
      // An archived replay cut short by a failed write is not the game; the whole one is saved elsewhere.
      if (archive && !copy) await removeFile(archive.recorder.path);
      if (scoredResult(state) !== null) {
        rank = await addScore(context(dir), tableKey(state.settings), {
          score: state.score,
          lines: state.lines,
          level: state.level,
          startLevel: state.settings.startLevel,
          time: state.time,
          pieces: state.pieces,
          seed: state.settings.seed,
          date: options.now().toISOString(),
          replay: copy ? archive!.archived : null,
        });
        tabled = true;
      }
      await pruneReplays(context(dir));
    } catch (error) {
      game.problems.push(`${dir}: cannot update the high scores (${writeFailure(error)})`);
    }
    return copy;
  };

  /** The `--record` recorder of the session's next game: FILE for the first (replacing it, as asked), a new file for each later one. */
  const openRecord = (file: string, game: StartedGame): Target => {
    if (games === 0) return open(file, game, null);
    let claimed: { path: string; n: number };
    try {
      claimed = claimRecordPath(file, nextRecord);
    } catch (error) {
      throw new Error(`${recordPath(file, nextRecord)}: cannot write the replay (${writeFailure(error)})`, { cause: error });
    }
    nextRecord = claimed.n + 1;
    try {
      return { ...open(claimed.path, game, null), claimed: claimed.n };
    } catch (error) {
      // The name was taken for this game only: an empty file left there would be no replay.
      rmSync(claimed.path, { force: true });
      throw error;
    }
  };

  return {
    warnings,
    unsaved,
    get last() {
      return last;
    },
    recorded,
    start(game) {
      const date = options.now();
      const targets: Target[] = [];
      const problems: string[] = [];
      lastTick = 0;
      if (options.record) {
        try {
          targets.push(openRecord(options.record, game));
        } catch (error) {
          // The first game's file must exist before the screen changes (exit 2); a restart cannot stop the game for it.
          if (games === 0) throw error;
          problems.push((error as Error).message);
        }
      }
      games++;
      let archived = false;
      if (options.archive && archiveProblem === null) {
        const name = archiveReplayName(options.archive.dir, date, game.seed);
        try {
          targets.push(open(join(replaysDir(options.archive.dir), name), game, name));
          archived = true;
        } catch (error) {
          archiveProblem = cannotKeep(options.archive.dir, (error as Error).cause ?? error);
        }
      }
      current = { settings: game, date, inputs: [], targets, archived, problems };
    },
    input(tick, input) {
      lastTick = tick;
      if (!current) return;
      current.inputs.push([tick, input]);
      for (const target of current.targets) target.recorder.record(tick, input);
    },
    abandon() {
      const game = current;
      if (!game || game.inputs.length > 0) return;
      current = null;
      for (const target of game.targets) {
        target.stopWatching();
        target.recorder.close(0);
        if (target.archived !== null || target.claimed !== null) rmSync(target.recorder.path, { force: true });
      }
    },
    async end(state) {
      const game = current;
      current = null;
      rank = null;
      tabled = false;
      if (!game) return null;
      let recordedIn: string | null = null;
      let archivedCopy: string | null = null;
      // The last tick simulated: while playing, `state.tick` is the tick in
      // progress, whose gravity has not run (the recorder raises it to the
      // last input's tick, so inputs of that tick still replay).
      const simulated = summarize(state).tick;
      const endTick = Math.max(simulated, game.inputs.at(-1)?.[0] ?? 0);
      const saved: string[] = [];
      // Nothing happens in a game restarted at once (r pressed twice, "play again" then quit).
      const happened = state.pieces > 0 || game.inputs.length > 0;
      for (const target of game.targets) {
        target.stopWatching();
        target.recorder.close(simulated);
        const error = target.recorder.error;
        if (error) game.problems.push(`${target.recorder.path}: cannot write the replay (${writeFailure(error)})`);
        else if (target.recorder.cutAt !== null) {
          game.problems.push(
            `${target.recorder.path}: the replay is full (a replay may hold at most ${MAX_REPLAY_SIZE}): it ends at tick ${target.recorder.cutAt}, the game went on`,
          );
        }
        if (error) continue;
        if (target.archived !== null) continue;
        if (target.claimed !== null && !happened) {
          // Such a game is no recording to keep: its numbered file goes, and the number is free again (FILE itself stays, as asked).
          rmSync(target.recorder.path, { force: true });
          nextRecord = Math.min(nextRecord, target.claimed);
        } else {
          recordedIn = target.recorder.path;
          saved.push(recordedIn);
        }
      }
      // With --record the player wants this game whatever it holds; the archive only games in which a piece locked.
      const wanted = Boolean(options.record) || (options.archive !== null && state.pieces > 0);
      if (game.archived) {
        const archive = game.targets.find((t) => t.archived !== null) ?? null;
        archivedCopy = await archiveGame(game, state, archive, saved.length === 0 && Boolean(options.record));
        if (archivedCopy) saved.push(archivedCopy);
      } else if (options.archive && archiveProblem && (wanted || !archiveProblemTold)) {
        game.problems.unshift(archiveProblem);
        archiveProblemTold = true;
      }
      if (recordedIn) recorded.push(recordedIn);
      if (happened) last = { state, recordedIn, archived: archivedCopy !== null, rank, tabled };
      if (game.problems.length === 0) return rank;
      const where = !wanted ? null : saved.length > 0 ? `the replay is in ${saved[0]}` : await rescue(game, endTick);
      warnings.push([...game.problems, ...(where ? [where] : [])].join('; '));
      return rank;
    },
  };
}
