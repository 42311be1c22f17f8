/**
 * The one set of limits on replay files, shared by every writer and the
 * reader: what inktris writes, inktris reads. The reader refuses past them
 * (replay-reader.ts, the CLI's file reading); the writers (the bot's
 * `--record`, `play --queue`, the recorders) stop or refuse before them.
 */
import { replayEntry, replayTail } from './replay.js';

/**
 * Largest replay file, 16 MiB: about 900,000 inputs, days of play. Larger
 * files are refused before they are read; writers never pass it.
 */
export const MAX_REPLAY_BYTES = 16 * 1024 * 1024;

/** `MAX_REPLAY_BYTES` as the one line a user sees says it: `16 MiB`. */
export const MAX_REPLAY_SIZE = `${MAX_REPLAY_BYTES / (1024 * 1024)} MiB`;

/**
 * Longest fixed queue (`settings.queue`, `--queue`). The core copies the
 * queue at every draw, so a queue of n letters costs about n^2/2 copies
 * over a game: 10,000 is instant.
 */
export const MAX_QUEUE_LENGTH = 10_000;

/** Fewest bytes a piece takes: every piece ends with its hard drop, and may need nothing else. */
const MIN_PIECE_BYTES = replayEntry([0, 'hardDrop'], false).length;

/**
 * Most pieces a replay file can hold: a bot game of more pieces can never
 * be recorded, so `bot --record` refuses it before playing.
 */
export const MAX_REPLAY_PIECES = Math.floor(MAX_REPLAY_BYTES / MIN_PIECE_BYTES);

/** The most bytes a replay's tail (after its inputs) takes, whatever its `endTick`. */
export const MAX_TAIL_BYTES = replayTail(Number.MAX_SAFE_INTEGER).length;

/**
 * Bytes of `text` in UTF-8, the encoding replay files are written in. A
 * string's `length` counts UTF-16 units, which is fewer for text outside
 * ASCII, so the byte limit is checked on this.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
