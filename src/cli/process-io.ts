/**
 * The real disk behind `CliDeps` (main.ts), in a module of its own that
 * main.ts loads on first use.
 */
import { readBounded } from './bounded-read.js';
import type { FileText } from './deps.js';
import { pathStats, statSync } from './disk.js';
import { writeFileSafely, writeFileSafelyFrom } from './safe-write.js';

/** Replace `path` with `text` (one string, or pieces written as they come) through the one safe writer (safe-write.ts): never a half-written file, never a planted link followed. */
export async function atomicWrite(path: string, text: FileText): Promise<void> {
  if (typeof text !== 'string' && Symbol.asyncIterator in text) await writeFileSafelyFrom(path, text);
  else writeFileSafely(path, text);
}

/**
 * Read a UTF-8 file through the one bounded reader (bounded-read.ts): at
 * most MAX_REPLAY_BYTES, regular files only; `blocking`: with the disk's
 * blocking calls (BoundedReadOptions.blocking).
 */
export async function boundedRead(path: string, blocking = false): Promise<string> {
  return readBounded(path, { blocking });
}

/** Size of a file in bytes; `blocking` as for `boundedRead`. */
export async function fileSize(path: string, blocking = false): Promise<number> {
  return (blocking ? statSync(path) : await pathStats(path)).size;
}
