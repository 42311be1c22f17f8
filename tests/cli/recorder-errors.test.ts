import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRecorder } from '../../src/cli/recorder.js';
import { parseReplay } from '../../src/core/replay-reader.js';

/** When true, the disk is full: a write may overwrite the file's bytes but not grow it. */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
    const size = fs.fstatSync(fd).size;
    if (!disk.full || position + length <= size) return fs.writeSync(fd, buffer, offset, length, position);
    // Half done: what fits over the old bytes is written, then the disk says no.
    if (position < size) fs.writeSync(fd, buffer, offset, size - position, position);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const dir = mkdtempSync(join(tmpdir(), 'inktris-recorder-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a recorder on a full disk', () => {
  it('stops writing, reports the error and never throws, leaving the file valid up to the failed write', () => {
    const path = join(dir, 'game.json');
    const recorder = createRecorder(path, { seed: 3, settings: {} });
    recorder.record(0, 'left');
    recorder.record(1, 'right');
    disk.full = true;
    expect(() => recorder.record(5, 'cw')).not.toThrow();
    expect(recorder.error?.message).toMatch(/ENOSPC/);
    disk.full = false;
    recorder.record(6, 'cw');
    expect(() => recorder.close(10)).not.toThrow();
    const result = parseReplay(readFileSync(path, 'utf8'), path);
    expect(result).toEqual({
      ok: true,
      replay: {
        seed: 3,
        settings: {},
        inputs: [
          [0, 'left'],
          [1, 'right'],
        ],
        endTick: 1,
      },
    });
  });
});
