/**
 * The one way inktris writes a file it means to keep: `--record`, `export
 * --cast`, scores.json, the kept replays, and a replay rescued into a new
 * file. A file is complete or absent: written under a temporary name, its
 * data flushed (fsync), then given its name, and the folder flushed too, so
 * that a power cut after the game's end line cannot take the game or its
 * score back. Two rules, checked here only:
 *
 * - The temporary file is new: created with O_EXCL and O_NOFOLLOW under a
 *   random name beside the target, so a symbolic link planted where it
 *   would go cannot make us write somewhere else.
 * - The target is absent or a regular file we may write. A FIFO, device,
 *   socket or folder is refused (renaming over /dev/null as root would
 *   replace the system's /dev/null); so is a read-only file (also for root,
 *   whom access() lets write anything). A symbolic link is written through,
 *   so it stays a link to the replaced file, as `cp` and editors do, but only
 *   when its owner is us, root or the owner of its folder (the rule of Linux's
 *   fs.protected_symlinks): a link another user planted in a shared folder
 *   is refused, never followed.
 *
 * Synchronous, because the recorder creates its file from a synchronous
 * call; each step is one short system call.
 */

import { basename, dirname, join, resolve } from 'node:path';
import { fileKind } from './bounded-read.js';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  type Stats,
  writeFileSync,
  writeSync,
} from './disk.js';
import { InputError, printable } from './errors.js';

/** Links followed from one path before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 8;

/** A new file being written that will replace its target on `commit`. */
export interface Replacement {
  /** The temporary file's descriptor, open for writing; after `commit` it is the target's. */
  readonly fd: number;
  /** The file that is replaced: the path given, or where its symbolic links lead. */
  readonly target: string;
  /** Flush the file to disk and rename it over the target. The descriptor stays open. */
  commit(): void;
  /** Flush what was written since to disk, and the folder that holds the target (a recording finished). */
  sync(): void;
  /** Close and remove the temporary file (after a failed write). */
  abort(): void;
}

/** 16 random hex digits: a name another user cannot guess to plant a link at. Web crypto: node:crypto costs every start that reads a file. */
function randomName(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

/** A new temporary file's flags: created here and now (O_EXCL), never through a link (O_NOFOLLOW is 0 on Windows, where the random name alone must do). */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** A temporary name beside `path`. */
const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${randomName()}.tmp`);

/**
 * Flush the folder holding `path`, so that a rename or link in it survives a
 * power cut. Where a folder cannot be opened or flushed (Windows, some
 * network file systems) the file's own flush is all there is.
 */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(dirname(path), constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EINVAL, EISDIR, EPERM: this file system does not flush folders.
  } finally {
    closeSync(fd);
  }
}

/** Refuse `path` with the one line the user sees. */
function refuse(path: string, problem: string): InputError {
  return new InputError(`${printable(path)}: ${problem}`);
}

/** Whether a symbolic link may be followed: owned by us, root or its folder's owner (fs.protected_symlinks). */
function trusted(link: string, owner: number): boolean {
  const me = process.getuid?.();
  // Windows has no uids, and only administrators make links there.
  if (me === undefined) return true;
  return owner === me || owner === 0 || owner === lstatSync(dirname(link)).uid;
}

/**
 * The file to replace for `path` and its permission bits (null when it does
 * not exist yet), or an InputError saying why it must not be replaced.
 */
export function replaceableTarget(path: string): { target: string; mode: number | null } {
  let current = path;
  for (let links = 0; links <= MAX_LINKS; links++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { target: current, mode: null };
      throw error;
    }
    if (stats.isSymbolicLink()) {
      if (!trusted(current, stats.uid)) throw refuse(path, 'is a symbolic link another user owns; it is not followed, choose another path');
      current = resolve(dirname(current), readlinkSync(current));
      continue;
    }
    if (!stats.isFile()) throw refuse(path, `not a regular file (${fileKind(stats)}); choose another path`);
    // No write bit at all is read-only for root too; access() covers the rest (owner, group, ACLs).
    const writable = (stats.mode & 0o222) !== 0 && canWrite(current);
    if (!writable) throw refuse(path, 'is read-only; choose another path or make it writable');
    return { target: current, mode: stats.mode & 0o7777 };
  }
  throw refuse(path, `more than ${MAX_LINKS} symbolic links in a row; choose another path`);
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Start replacing `path`: check the target (see the module's rules), then
 * create a new temporary file beside it, with the target's permissions or
 * `mode` (0o644 by default, less the umask) for a new file.
 */
export function openReplacement(path: string, mode = 0o644): Replacement {
  const { target, mode: kept } = replaceableTarget(path);
  const tmp = temporaryFor(target);
  const fd = openSync(tmp, NEW_FILE, kept ?? mode);
  const abort = () => {
    try {
      closeSync(fd);
    } catch {
      // Already closed; the file is removed below either way.
    }
    rmSync(tmp, { force: true });
  };
  try {
    // The umask applied to the new file; a replaced file keeps the bits it had.
    if (kept !== null) fchmodSync(fd, kept);
  } catch (error) {
    abort();
    throw error;
  }
  return {
    fd,
    target,
    commit() {
      fsyncSync(fd);
      renameSync(tmp, target);
    },
    sync() {
      fsyncSync(fd);
      syncFolder(target);
    },
    abort,
  };
}

/** Replace `path` with `text` (see the module's rules): complete or not at all. */
export function writeFileSafely(path: string, text: string | Iterable<string>, mode?: number): void {
  const file = openReplacement(path, mode);
  try {
    if (typeof text === 'string') writeAll(file.fd, text);
    else {
      const out = new ChunkedWrite(file.fd);
      for (const piece of text) out.add(piece);
      out.end();
    }
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
  closeSync(file.fd);
  syncFolder(file.target);
}

/**
 * `writeFileSafely` for pieces that come asynchronously: a long export
 * hands the event loop a turn now and then while it makes them, since
 * React's scheduler (Ink's) only drains its queue there.
 */
export async function writeFileSafelyFrom(path: string, pieces: AsyncIterable<string>, mode?: number): Promise<void> {
  const file = openReplacement(path, mode);
  try {
    const out = new ChunkedWrite(file.fd);
    for await (const piece of pieces) out.add(piece);
    out.end();
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
  closeSync(file.fd);
  syncFolder(file.target);
}

/** Codes of a file system that has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Write `text` into a new file at `path`, never replacing anything there:
 * complete under a temporary name, then a hard link under `path`, which
 * fails with EEXIST rather than replace a file (a copy that still refuses
 * to, where the file system has no links). Throws the file system's error.
 */
export function writeNewFileSafely(path: string, text: string): void {
  const tmp = temporaryFor(path);
  const fd = openSync(tmp, NEW_FILE, 0o644);
  try {
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch (error) {
      if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(tmp, path, constants.COPYFILE_EXCL);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  syncFolder(path);
}

/** Pieces (a long export's lines) gathered into chunks: few writes, and the whole text is never in memory. */
class ChunkedWrite {
  private pending = '';
  constructor(private readonly fd: number) {}

  add(piece: string): void {
    this.pending += piece;
    if (this.pending.length >= CHUNK_CHARS) {
      writeAll(this.fd, this.pending);
      this.pending = '';
    }
  }

  end(): void {
    writeAll(this.fd, this.pending);
    this.pending = '';
  }
}

/** Characters gathered before each write of a text given in pieces. */
const CHUNK_CHARS = 64 * 1024;

/** Write all of `text` at the file's position. */
function writeAll(fd: number, text: string): void {
  // The string itself, not a Buffer made of it: a Buffer per chunk was native memory that outlived its chunk.
  const written = writeSync(fd, text);
  if (written === Buffer.byteLength(text)) return;
  const rest = Buffer.from(text).subarray(written);
  for (let done = 0; done < rest.length; ) done += writeSync(fd, rest, done, rest.length - done);
}
