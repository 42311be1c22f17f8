/**
 * Every game of `inktris play` goes through the replay recorder: into the
 * data folder's `replays/` (the archive behind `inktris scores`), and with
 * `--record FILE` into FILE too (which then holds the latest game). A game
 * that ends with a score that qualifies enters the high-score table.
 *
 * Saving never stops a game and never loses it (CLI.md). The inputs are
 * kept in memory as well, so when a file cannot be written (a read-only
 * data folder, a disk that fills up mid-game) the game goes on, and at its
 * end one line says what failed and where the replay is: in a file that was
 * written, else a new file in the current folder, else on stdout. `--record`
 * is the player's request, so a FILE that cannot be created stops the
 * program before the first game starts.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { serializeReplay, summarize, type GameSettings, type GameState, type InputName, type ReplayInput } from '../core/index.js';
import { addScore, archiveReplayName, ensureReplaysDir, pruneReplays, replaysDir, type ArchiveContext } from './game-archive.js';
import { qualifies } from './high-scores.js';
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

/** A recorder of one game, with what to do once it is finished. */
interface Target {
  readonly recorder: Recorder;
  readonly stopWatching: () => void;
  /** The file name in the archive, for the archive's recorder. */
  readonly archived: string | null;
}

/** The game in play. */
interface Game {
  readonly settings: Required<GameSettings>;
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

/** The recording of every game of a session. */
export interface GameLog {
  /** A game starts. Throws InputError if `--record FILE` cannot be created for the first game. */
  start(game: Required<GameSettings>): void;
  /** An input of the game in play. */
  input(tick: number, input: InputName): void;
  /**
   * The game ended: finish its files, enter a qualifying score in the table,
   * save it elsewhere if they failed. Resolves to the game's rank in the
   * high-score table (1-10), or null when it did not enter it.
   */
  end(state: GameState): Promise<number | null>;
  /** Lines to print once the game screen is gone: what could not be saved, and where it went. */
  readonly warnings: readonly string[];
  /** Replays that could be written nowhere: to print on stdout once the game screen is gone. */
  readonly unsaved: readonly string[];
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
      await mkdir(parts.slice(0, i).join(sep));
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
  let current: Game | null = null;
  let games = 0;
  let lastTick = 0;
  /** Why the archive is out of use for the rest of the session. */
  let archiveProblem = options.archive?.problem ?? null;
  let archiveProblemTold = false;
  const extras = { program: `inktris ${options.version}` };
  // A table that cannot be read is reported where it is met (the bests at the start, the score at the end): once is enough.
  const context = (dir: string): ArchiveContext => ({ dir, now: options.now, warn: (line) => void (warnings.includes(line) || warnings.push(line)) });
  const replaySettings = (game: Required<GameSettings>) => ({ startLevel: game.startLevel, mode: game.mode, ...(game.queue ? { queue: game.queue } : {}) });

  const open = (path: string, game: Required<GameSettings>, archived: string | null): Target => {
    const recorder = createRecorder(path, { seed: game.seed, settings: replaySettings(game) }, { extras });
    // Should the process end some way the game does not see, the file is still finished.
    return { recorder, stopWatching: closeOnExit(recorder, () => lastTick), archived };
  };

  /** Save the game where it is not lost: a new file in the current folder, else stdout. Returns the end of the line to print. */
  const rescue = async (game: Game, endTick: number): Promise<string> => {
    const text = serializeReplay({ seed: game.settings.seed, settings: replaySettings(game.settings), inputs: game.inputs, endTick }, extras);
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
  const archiveGame = async (game: Game, state: GameState, archive: Target | null, keep: boolean): Promise<string | null> => {
    const dir = options.archive!.dir;
    const copy = archive && !archive.recorder.error ? archive.recorder.path : null;
    try {
      // A game in which no piece locked is not worth a place among the kept
      // replays, unless it is the only copy of a --record that failed.
      if (state.pieces === 0) {
        if (keep) return copy;
        if (archive) await rm(archive.recorder.path, { force: true });
        return null;
      }
      // An archived replay cut short by a failed write is not the game; the whole one is saved elsewhere.
      if (archive && !copy) await rm(archive.recorder.path, { force: true });
      const mode = state.settings.mode;
      if (qualifies(mode, state)) {
        rank = await addScore(context(dir), mode, {
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
      }
      await pruneReplays(context(dir));
    } catch (error) {
      game.problems.push(`${dir}: cannot update the high scores (${writeFailure(error)})`);
    }
    return copy;
  };

  return {
    warnings,
    unsaved,
    start(game) {
      const date = options.now();
      const targets: Target[] = [];
      const problems: string[] = [];
      lastTick = 0;
      if (options.record) {
        try {
          targets.push(open(options.record, game, null));
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
    async end(state) {
      const game = current;
      current = null;
      rank = null;
      if (!game) return null;
      // The last tick simulated: while playing, `state.tick` is the tick in
      // progress, whose gravity has not run (the recorder raises it to the
      // last input's tick, so inputs of that tick still replay).
      const simulated = summarize(state).tick;
      const endTick = Math.max(simulated, game.inputs.at(-1)?.[0] ?? 0);
      const saved: string[] = [];
      for (const target of game.targets) {
        target.stopWatching();
        target.recorder.close(simulated);
        const error = target.recorder.error;
        if (error) game.problems.push(`${target.recorder.path}: cannot write the replay (${writeFailure(error)})`);
        else if (target.archived === null) saved.push(target.recorder.path);
      }
      // With --record the player wants this game whatever it holds; the archive only games in which a piece locked.
      const wanted = Boolean(options.record) || (options.archive !== null && state.pieces > 0);
      if (game.archived) {
        const archive = game.targets.find((t) => t.archived !== null) ?? null;
        const copy = await archiveGame(game, state, archive, saved.length === 0 && Boolean(options.record));
        if (copy) saved.push(copy);
      } else if (options.archive && archiveProblem && (wanted || !archiveProblemTold)) {
        game.problems.unshift(archiveProblem);
        archiveProblemTold = true;
      }
      if (game.problems.length === 0) return rank;
      const where = !wanted ? null : saved.length > 0 ? `the replay is in ${saved[0]}` : await rescue(game, endTick);
      warnings.push([...game.problems, ...(where ? [where] : [])].join('; '));
      return rank;
    },
  };
}
