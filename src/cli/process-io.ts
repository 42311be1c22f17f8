/**
 * The real disk behind `CliDeps` (main.ts), in a module of its own that
 * main.ts loads on first use.
 */
import { readBounded } from './bounded-read.js';
import type { FileText } from './deps.js';
import { pathStats } from './disk.js';
import { writeFileSafely, writeFileSafelyFrom } from './safe-write.js';

/** Replace `path` with `text` (one string, or pieces written as they come) through the one safe writer (safe-write.ts): never a half-written file, never a planted link followed. */
export async function atomicWrite(path: string, text: FileText): Promise<void> {
  if (typeof text !== 'string' && Symbol.asyncIterator in text) await writeFileSafelyFrom(path, text);
  else writeFileSafely(path, text);
}

/** Read a UTF-8 file through the one bounded reader (bounded-read.ts): at most MAX_REPLAY_BYTES, regular files only. */
export async function boundedRead(path: string): Promise<string> {
  return readBounded(path);
}

/** Size of a file in bytes. */
export async function fileSize(path: string): Promise<number> {
  return (await pathStats(path)).size;
}
