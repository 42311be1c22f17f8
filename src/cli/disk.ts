/**
 * The disk: the one module that imports `node:fs`. Every file inktris
 * touches goes through what is here, so the whole of its disk access is one
 * list: the bounded reader (bounded-read.ts), the safe writer
 * (safe-write.ts), the recorder's appends (recorder.ts), the lock
 * (file-lock.ts), the folders of the data store, and the server's host key
 * and database folder (src/server).
 *
 * The synchronous calls are Node's own, for the writer and the recorder,
 * which run inside signal and exit handlers. The asynchronous ones are
 * Node's callbacks made promises here, never `node:fs/promises`, which
 * loads streams and readline with it (about 4 ms of every start that
 * touches a file).
 */
import { close, fstat, lstat, mkdir, open, read, readdir, rename, rm, rmdir, stat, type Stats, writeFile } from 'node:fs';

export {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
  writeFileSync,
  writeSync,
} from 'node:fs';

/** A callback-style fs call as a promise. */
function call<T>(start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}

/** A callback-style fs call that gives nothing back, as a promise. */
function run(start: (done: (error: NodeJS.ErrnoException | null) => void) => void): Promise<void> {
  return call<void>((done) => start((error) => done(error, undefined)));
}

/** Open `path` with `flags` (`constants.O_*`), a new file getting `mode`; resolves to its descriptor. */
export const openFile = (path: string, flags: number, mode?: number): Promise<number> => call((done) => open(path, flags, mode, done));

/** Close a descriptor. */
export const closeFile = (fd: number): Promise<void> => run((done) => close(fd, done));

/** What a descriptor is (a regular file, a FIFO...) and its size. */
export const fileStats = (fd: number): Promise<Stats> => call((done) => fstat(fd, done));

/** Read up to `length` bytes at the file's position into `buffer` from `offset`; resolves to the bytes read, 0 at the end. */
export const readInto = (fd: number, buffer: Buffer, offset: number, length: number): Promise<number> =>
  call((done) => read(fd, buffer, offset, length, null, done));

/** Write all of `text` to a descriptor. */
export const writeText = (fd: number, text: string): Promise<void> => run((done) => writeFile(fd, text, done));

/** What is at `path`, links followed. */
export const pathStats = (path: string): Promise<Stats> => call((done) => stat(path, done));

/** What is at `path` itself (a link is a link). */
export const linkStats = (path: string): Promise<Stats> => call((done) => lstat(path, done));

/** Make a folder and the folders above it that are missing. */
export const makeFolders = (path: string): Promise<void> => run((done) => mkdir(path, { recursive: true }, done));

/** Make one folder; EEXIST if something is there. */
export const makeFolder = (path: string): Promise<void> => run((done) => mkdir(path, done));

/** The names in a folder. */
export const listFolder = (path: string): Promise<string[]> => call((done) => readdir(path, done));

/** Remove a file, if there is one. */
export const removeFile = (path: string): Promise<void> => run((done) => rm(path, { force: true }, done));

/** Remove an empty folder. */
export const removeEmptyFolder = (path: string): Promise<void> => run((done) => rmdir(path, done));

/** Give `from` the name `to`, replacing what is there. */
export const renamePath = (from: string, to: string): Promise<void> => run((done) => rename(from, to, done));
