/**
 * The replay recorder the terminal game writes through: every input with its
 * tick, kept on disk as a valid replay file at every moment, so that a
 * crash, Ctrl-C or `kill -9` still leaves the game so far.
 *
 * How: the file is created whole (a new temporary file, then rename, by
 * safe-write.ts, which also refuses a FIFO, device or read-only file). Each input
 * then costs one positioned write that replaces the file's tail: the new
 * input, `]`, `"endTick"` and `}`. The file only grows, each write leaves
 * complete JSON behind it, and an append costs the same at the millionth
 * input as at the first.
 */
import { isInputName, type InputName } from '../core/actions.js';
import { MAX_REPLAY_BYTES, MAX_TAIL_BYTES } from '../core/limits.js';
import { replayEntry, replayHead, replayTail, type ReplayExtras, type ReplaySettings } from '../core/replay.js';
import { closeSync, ftruncateSync, writeFileSync, writeSync } from './disk.js';
import { InputError } from './errors.js';
import { openReplacement, type Replacement } from './safe-write.js';

/** Records one game into one replay file. */
export interface Recorder {
  /** The replay file being written. */
  readonly path: string;
  /** The first write error, after which the recorder stops writing; null while all is well. */
  readonly error: Error | null;
  /**
   * The tick of the first input the file could not take because a replay
   * holds at most 16 MiB (core/limits.ts: what inktris writes, inktris
   * reads), or null. The file stays a whole, readable replay of the game up
   * to there; later inputs are not written.
   */
  readonly cutAt: number | null;
  /**
   * Append an input. Ticks must not decrease; inputs of one tick replay in
   * the order recorded. Returns once the file on disk holds the input. Does
   * nothing after `close`. Never throws for a failed write (see `error`), so
   * a full disk cannot stop a game; throws RangeError on a tick that goes
   * back or an unknown input, which are bugs in the caller.
   */
  record(tick: number, action: InputName): void;
  /**
   * Finish the file with `endTick` (raised to the last input's tick if
   * lower), flush it and its folder to disk (safe-write.ts) and close it. Synchronous, so signal and exit handlers can call
   * it; a second call does nothing.
   */
  close(endTick: number): void;
}

/** The game a recorder records: what `createGame` was given. */
export interface RecordedGame {
  readonly seed: number;
  readonly settings: ReplaySettings;
}

/** Options of `createRecorder`. */
export interface RecorderOptions {
  /** Extra fields for the file's head, e.g. `{ program: 'inktris 0.1.0' }`. @default {} */
  readonly extras?: ReplayExtras;
  /** Most bytes the file may have (tests give a small one). @default MAX_REPLAY_BYTES */
  readonly limit?: number;
}

/** Plain words for the errno codes a full or read-only disk gives. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'part of the path is a file',
};

/** Why a write failed, in a few words for the one line the user sees, e.g. `no space left on the disk`. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? (REASONS[code] ?? code) : 'write failed';
}

/** An errno-style error's message for the one line the user sees. */
function cannotWrite(path: string, error: unknown): InputError {
  return new InputError(`${path}: cannot write the replay (${writeFailure(error)})`, { cause: error });
}

/**
 * Start recording into `path`, replacing a regular file there (safe-write.ts
 * says which paths are refused). The file is a valid replay (no inputs,
 * endTick 0) when this returns. Throws InputError (exit 2) when the file
 * cannot be created.
 */
export function createRecorder(path: string, game: RecordedGame, options: RecorderOptions = {}): Recorder {
  const head = replayHead(game, options.extras);
  let file: Replacement;
  try {
    file = openReplacement(path);
  } catch (error) {
    // A path refused by its kind (a FIFO, a read-only file) says so itself.
    throw error instanceof InputError ? error : cannotWrite(path, error);
  }
  // The new file's descriptor stays the recorder's after the rename: the
  // path is never opened again, so nothing put there meanwhile is written.
  const fd = file.fd;
  try {
    writeFileSync(fd, head + replayTail(0));
    file.commit();
  } catch (error) {
    file.abort();
    throw cannotWrite(path, error);
  }
  // Byte offset where the next entry goes: just after the last input.
  let end = Buffer.byteLength(head);
  // The tail now on disk after the inputs, to put back if a write fails half done.
  let tail = replayTail(0);
  let count = 0;
  let lastTick = 0;
  let closed = false;
  let error: Error | null = null;
  let cutAt: number | null = null;
  // Room is judged with the longest tail any endTick can make, so that closing never passes the limit.
  const limit = options.limit ?? MAX_REPLAY_BYTES;

  const writeAt = (text: string, at: number): void => {
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
  };

  /** Note the first failure, and put the last good tail back over a half-done write. */
  const failed = (caught: unknown): void => {
    error = caught instanceof Error ? caught : new Error(String(caught));
    try {
      // These bytes were on disk already, so even a full disk takes them back.
      writeAt(tail, end);
      ftruncateSync(fd, end + Buffer.byteLength(tail));
    } catch {
      // Nothing more can be done; `error` says what went wrong.
    }
  };

  return {
    path,
    get error() {
      return error;
    },
    get cutAt() {
      return cutAt;
    },
    record(tick, action) {
      if (closed || error || cutAt !== null) return;
      if (!Number.isSafeInteger(tick) || tick < lastTick) throw new RangeError(`tick ${tick} comes after tick ${lastTick}`);
      if (!isInputName(action)) throw new RangeError(`${String(action)} is not an input`);
      const entry = replayEntry([tick, action], count === 0);
      if (end + Buffer.byteLength(entry) + MAX_TAIL_BYTES > limit) {
        cutAt = tick;
        return;
      }
      const nextTail = replayTail(tick);
      try {
        // One write: the entry and a new tail, which is never shorter than the
        // old one (ticks do not decrease), so nothing stale is left behind it.
        writeAt(entry + nextTail, end);
      } catch (caught) {
        failed(caught);
        return;
      }
      end += Buffer.byteLength(entry);
      tail = nextTail;
      count++;
      lastTick = tick;
    },
    close(endTick) {
      if (closed) return;
      closed = true;
      if (!error) {
        // A file cut short ends at its last input: simulating on past it would be another game.
        const last = cutAt !== null ? lastTick : Math.max(Number.isSafeInteger(endTick) ? endTick : 0, lastTick);
        const finalTail = replayTail(last);
        try {
          writeAt(finalTail, end);
          ftruncateSync(fd, end + Buffer.byteLength(finalTail));
          // A finished game is on disk, name and all, before the game's end line says where it is.
          file.sync();
        } catch (caught) {
          failed(caught);
        }
      }
      try {
        closeSync(fd);
      } catch {
        // The descriptor is gone either way; the file was complete after the last write.
      }
    },
  };
}

/**
 * Close `recorder` with the tick `currentTick()` reports when the process
 * exits for any reason Node still runs handlers for (normal end, Ctrl-C
 * handled by the app, `process.exit`). Returns a function that removes the
 * handler. A `kill -9` runs no handler, and needs none: the file already
 * holds every input recorded.
 */
export function closeOnExit(recorder: Recorder, currentTick: () => number): () => void {
  const onExit = () => recorder.close(currentTick());
  process.once('exit', onExit);
  return () => {
    process.off('exit', onExit);
  };
}
