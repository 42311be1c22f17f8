/**
 * The one way inktris reads a file: never more than a bound, and never a
 * file that is not a regular one. A FIFO would block the open (and then the
 * read) forever; /dev/urandom never ends; a 100 MB "config" is not one.
 * Every reader (replays, config.json, scores.json, the lock) comes here.
 */
import { closeFile, closeSync, constants, fileStats, fstatSync, openFile, openSync, readInto, readSync, type Stats } from './disk.js';
import { MAX_REPLAY_BYTES } from '../core/limits.js';

/** What a file that is not a regular one is, in the words of the one line the user sees: `a FIFO`. */
export function fileKind(
  stats: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>,
): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * An errno-style refusal: `code` is EISDIR for a folder (as fs says), ENOTREG
 * for any other file that is not a regular one, EFBIG for one over the
 * bound; `message` is the phrase for the user's line (`not a regular file (a FIFO)`).
 */
export class ReadRefusal extends Error {
  override readonly name = 'ReadRefusal';
  constructor(
    readonly code: 'EISDIR' | 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link readBounded}. */
export interface BoundedReadOptions {
  /** Refuse a file longer than this many bytes. @default MAX_REPLAY_BYTES, the largest file inktris writes (core/limits.ts) */
  readonly limit?: number;
  /**
   * Do not follow a symbolic link at the path itself (O_NOFOLLOW): for files
   * inktris names itself, like its lock, where a link is never its own. A
   * path the player gave, or config.json kept in a dotfiles repository, may
   * well be a link they meant. @default false
   */
  readonly noFollow?: boolean;
  /**
   * Read with the disk's blocking calls instead of the thread pool's: for a
   * short command that reads one file and has nothing else to do meanwhile
   * (`replay FILE --json`), which then makes no thread-pool round trips
   * (their start and their hops were 2-5 ms of its 60). Never in the
   * server or a screen, whose event loop must not wait on a disk. @default false
   */
  readonly blocking?: boolean;
}

/** The calls a read makes: the thread pool's, or the blocking ones; `await` takes either. */
interface ReadCalls {
  open(path: string, flags: number): number | Promise<number>;
  stats(fd: number): Stats | Promise<Stats>;
  read(fd: number, buffer: Buffer, offset: number, length: number): number | Promise<number>;
  close(fd: number): void | Promise<void>;
}

const THREAD_POOL: ReadCalls = { open: openFile, stats: fileStats, read: readInto, close: closeFile };

const BLOCKING: ReadCalls = {
  open: (path, flags) => openSync(path, flags),
  stats: (fd) => fstatSync(fd),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
};

/**
 * The UTF-8 text of `path`. Opened non-blocking (so a FIFO cannot hold the
 * open), then the descriptor is checked: anything but a regular file is
 * refused (ReadRefusal), as is one whose size is over the limit; and at most
 * limit + 1 bytes are read, since a file may grow or lie about its size.
 * Other failures are fs's own errors (ENOENT, EACCES...).
 */
export async function readBounded(path: string, options: BoundedReadOptions = {}): Promise<string> {
  const limit = options.limit ?? MAX_REPLAY_BYTES;
  // Both flags are 0 where the platform has none (Windows has no FIFOs to block on).
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  const calls = options.blocking ? BLOCKING : THREAD_POOL;
  const fd = await calls.open(path, flags);
  try {
    const stats = await calls.stats(fd);
    if (stats.isDirectory()) throw new ReadRefusal('EISDIR', 'is a folder');
    if (!stats.isFile()) throw new ReadRefusal('ENOTREG', `not a regular file (${fileKind(stats)})`);
    if (stats.size > limit) throw new ReadRefusal('EFBIG', `larger than ${limit} bytes`);
    let chunk = Buffer.alloc(Math.min(limit + 1, Math.max(64 * 1024, stats.size + 1)));
    let length = 0;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > limit) throw new ReadRefusal('EFBIG', `larger than ${limit} bytes`);
        const bigger = Buffer.alloc(Math.min(limit + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const bytesRead = await calls.read(fd, chunk, length, chunk.length - length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return chunk.toString('utf8', 0, length);
  } finally {
    await calls.close(fd);
  }
}
