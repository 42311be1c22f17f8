/**
 * Every game of `inktris play` goes through the replay recorder: into the
 * data folder's `replays/` (the archive behind `inktris scores`), and with
 * `--record FILE` into FILE too (which then holds the latest game). A game
 * that ends with a score that qualifies enters the high-score table.
 *
 * The archive never stops a game: when it cannot be written, the game goes
 * on and one line says so afterwards. `--record` is the player's request, so
 * a FILE that cannot be created stops the program before the game starts.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summarize, type GameSettings, type GameState, type InputName } from '../core/index.js';
import { addScore, ensureReplaysDir, pruneReplays, replayFileName, replaysDir, type ArchiveContext } from './game-archive.js';
import { qualifies } from './high-scores.js';
import { closeOnExit, createRecorder, type Recorder } from './recorder.js';

/** Options of {@link createGameLog}. */
export interface GameLogOptions {
  /** `--record FILE`. */
  readonly record?: string;
  /** The data folder for the archive and the high scores, or null for none. */
  readonly dataDir: string | null;
  /** The program's version, written into each replay. */
  readonly version: string;
  readonly now: () => Date;
}

/** A recorder of one game, with what to do once it is finished. */
interface Target {
  readonly recorder: Recorder;
  readonly stopWatching: () => void;
  /** The file name in the archive, for the archive's recorder. */
  readonly archived: string | null;
}

/** The recording of every game of a session. */
export interface GameLog {
  /** A game starts. Throws InputError if `--record FILE` cannot be created. */
  start(game: Required<GameSettings>): void;
  /** An input of the game in play. */
  input(tick: number, input: InputName): void;
  /** The game ended: finish its files, enter a qualifying score in the table. */
  end(state: GameState): Promise<void>;
  /** Lines to print once the game screen is gone: what could not be saved. */
  readonly warnings: readonly string[];
}

/** Prepare the archive folder; null (and a warning) when it cannot be made. */
export async function openArchive(dataDir: string, warnings: string[]): Promise<string | null> {
  try {
    await ensureReplaysDir(dataDir);
    return dataDir;
  } catch (error) {
    warnings.push(`${dataDir}: cannot keep replays and high scores there (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return null;
  }
}

/** Record the games of one `play` session. */
export function createGameLog(options: GameLogOptions, warnings: string[] = []): GameLog {
  let targets: Target[] = [];
  let lastTick = 0;
  let archiveBroken = options.dataDir === null;
  const extras = { program: `inktris ${options.version}` };
  const context = (dir: string): ArchiveContext => ({ dir, now: options.now, warn: (line) => warnings.push(line) });

  const open = (path: string, game: Required<GameSettings>, archived: string | null): Target => {
    const settings = { startLevel: game.startLevel, mode: game.mode, ...(game.queue ? { queue: game.queue } : {}) };
    const recorder = createRecorder(path, { seed: game.seed, settings }, { extras });
    // Should the process end some way the game does not see, the file is still finished.
    return { recorder, stopWatching: closeOnExit(recorder, () => lastTick), archived };
  };

  return {
    warnings,
    start(game) {
      targets = [];
      lastTick = 0;
      if (options.record) targets.push(open(options.record, game, null));
      if (!archiveBroken && options.dataDir) {
        const name = replayFileName(options.now(), game.seed);
        try {
          targets.push(open(join(replaysDir(options.dataDir), name), game, name));
        } catch (error) {
          archiveBroken = true;
          warnings.push(`${(error as Error).message}; this session's games are not kept`);
        }
      }
    },
    input(tick, input) {
      lastTick = tick;
      for (const target of targets) target.recorder.record(tick, input);
    },
    async end(state) {
      const finished = targets;
      targets = [];
      for (const target of finished) {
        target.stopWatching();
        // The last tick simulated: while playing, `state.tick` is the tick in
        // progress, whose gravity has not run (the recorder raises it to the
        // last input's tick, so inputs of that tick still replay).
        target.recorder.close(summarize(state).tick);
        if (target.recorder.error) warnings.push(`${target.recorder.path}: the replay is incomplete (${target.recorder.error.message})`);
      }
      const archive = finished.find((t) => t.archived !== null);
      if (!archive || !options.dataDir) return;
      const ctx = context(options.dataDir);
      try {
        // A game in which no piece locked is not worth a place among the kept replays.
        if (state.pieces === 0) {
          await rm(archive.recorder.path, { force: true });
          return;
        }
        const mode = state.settings.mode;
        if (qualifies(mode, state)) {
          await addScore(ctx, mode, {
            score: state.score,
            lines: state.lines,
            level: state.level,
            startLevel: state.settings.startLevel,
            time: state.time,
            pieces: state.pieces,
            seed: state.settings.seed,
            date: options.now().toISOString(),
            replay: archive.archived,
          });
        }
        await pruneReplays(ctx);
      } catch (error) {
        warnings.push(`${options.dataDir}: cannot update the high scores (${(error as Error).message})`);
      }
    },
  };
}
