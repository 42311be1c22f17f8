/**
 * Text for stdout straight to its descriptor, the stream only once the
 * descriptor refuses (src/cli/descriptor-output.ts): every byte arrives
 * once, in order, whatever the descriptor takes.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOutput, type WriteBytes } from '../../src/cli/descriptor-output.js';

/** A descriptor that takes at most `most` bytes a write and fails with `error` once `refuseAfter` bytes are in. */
function descriptor(
  most: number,
  refuseAfter = Number.POSITIVE_INFINITY,
  error: Error = Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' }),
) {
  const taken: number[] = [];
  const writeBytes: WriteBytes = (_fd, bytes, offset) => {
    if (taken.length >= refuseAfter) throw error;
    const n = Math.min(most, bytes.length - offset, refuseAfter - taken.length);
    taken.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  return { taken, writeBytes };
}

/** A stream that keeps what it is given, and how often it was asked for. */
function stream() {
  const got: number[] = [];
  let made = 0;
  return {
    got,
    made: () => made,
    fallback: () => {
      made++;
      return { write: (bytes: Uint8Array) => got.push(...bytes) };
    },
  };
}

const text = (bytes: number[]) => Buffer.from(bytes).toString('utf8');

describe('descriptorOutput', () => {
  it('writes to the descriptor, in as many writes as it takes, and never makes the stream', () => {
    const fd = descriptor(3);
    const s = stream();
    const out = descriptorOutput(1, s.fallback, fd.writeBytes);
    out.write('{ "score": 1 }\n');
    out.write('é and ▒\n');
    expect(text(fd.taken)).toBe('{ "score": 1 }\né and ▒\n');
    expect(s.made()).toBe(0);
  });

  it.each([
    ['EAGAIN (a full pipe another process made non-blocking)', Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' })],
    ['EPIPE (no reader)', Object.assign(new Error('EPIPE'), { code: 'EPIPE' })],
  ])('hands the rest to the stream at %s, and every later write, so no byte is lost or moved', (_, error) => {
    const fd = descriptor(4, 10, error);
    const s = stream();
    const out = descriptorOutput(1, s.fallback, fd.writeBytes);
    out.write('0123456');
    out.write('789abcdef');
    out.write('ghij');
    expect(text(fd.taken)).toBe('0123456789');
    expect(text(s.got)).toBe('abcdefghij');
    expect(s.made()).toBe(1);
  });

  it('cuts between bytes, not characters: a character split by the descriptor arrives whole', () => {
    // '▒' is three bytes; the descriptor takes the first two of them.
    const fd = descriptor(100, 3);
    const s = stream();
    descriptorOutput(1, s.fallback, fd.writeBytes).write('a▒b');
    expect(text([...fd.taken, ...s.got])).toBe('a▒b');
  });

  it('takes a descriptor that writes nothing as one that refuses', () => {
    const s = stream();
    descriptorOutput(1, s.fallback, () => 0).write('x');
    expect(text(s.got)).toBe('x');
  });

  it('writes a real file descriptor with fs.writeSync', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inktris-fd-'));
    try {
      const file = join(dir, 'out.txt');
      const fd = openSync(file, 'w');
      const s = stream();
      const out = descriptorOutput(fd, s.fallback, (d, bytes, offset) => writeSync(d, bytes, offset));
      out.write('one\n');
      out.write('two ▒\n');
      closeSync(fd);
      expect(readFileSync(file, 'utf8')).toBe('one\ntwo ▒\n');
      expect(s.made()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
