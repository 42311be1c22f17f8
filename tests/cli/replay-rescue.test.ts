/** The last place a replay goes: a new file in the current folder, never over one that is there. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rescueFileName, rescueReplay } from '../../src/cli/replay-rescue.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-rescue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DATE = new Date('2026-01-02T03:04:05.678Z');

describe('rescueReplay', () => {
  it('writes the whole text into a new file named by date and seed, leaving no temporary file', async () => {
    const path = await rescueReplay(dir, DATE, 7, 'the replay\n');
    expect(path).toBe(join(dir, 'inktris-replay-2026-01-02T03-04-05-678Z-seed7.json'));
    expect(readFileSync(path, 'utf8')).toBe('the replay\n');
    expect(readdirSync(dir)).toEqual([rescueFileName(DATE, 7)]);
  });

  it('never replaces a file there: the next free name takes it', async () => {
    writeFileSync(join(dir, rescueFileName(DATE, 7)), 'an older rescue\n');
    const path = await rescueReplay(dir, DATE, 7, 'the replay\n');
    expect(path).toBe(join(dir, rescueFileName(DATE, 7, 2)));
    expect(readFileSync(join(dir, rescueFileName(DATE, 7)), 'utf8')).toBe('an older rescue\n');
    expect(readFileSync(path, 'utf8')).toBe('the replay\n');
    expect(readdirSync(dir).sort()).toEqual([rescueFileName(DATE, 7), rescueFileName(DATE, 7, 2)].sort());
  });

  it("throws the file system's error where no file can be made", async () => {
    await expect(rescueReplay(join(dir, 'missing'), DATE, 7, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
