/**
 * Text for stdout written straight to its file descriptor. `process.stdout`
 * is made on first use, and making it loads Node's streams (and `net`, for
 * a pipe): about 3 ms of a command that prints one summary or a version
 * number, a tenth of `node -e 0`.
 *
 * A write the descriptor does not take whole (a full pipe that another
 * process made non-blocking answers EAGAIN; a closed one EPIPE) hands what
 * is left of it, and every later write, to the stream, so the order of the
 * bytes is kept and a failure is the stream's own, as it was before.
 */
import type { Output } from './deps.js';

/** Where the bytes go when the descriptor refuses them. */
export interface ByteSink {
  write(bytes: Uint8Array): unknown;
}

/** `fs.writeSync(fd, bytes, offset)`: the number of bytes written, or it throws. */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number) => number;

/**
 * An Output that writes to `fd` with `writeBytes` until a write fails, then
 * to `fallback()` (asked for only then) from the first byte not written.
 */
export function descriptorOutput(fd: number, fallback: () => ByteSink, writeBytes: WriteBytes): Output {
  let sink: ByteSink | null = null;
  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      if (!sink) {
        try {
          for (let written = 1; offset < bytes.length && written > 0; offset += written) written = writeBytes(fd, bytes, offset);
        } catch {
          // The stream takes it from here.
        }
        if (offset === bytes.length) return;
        sink = fallback();
      }
      sink.write(bytes.subarray(offset));
    },
  };
}
