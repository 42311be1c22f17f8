/**
 * The one bounded reader, both ways it reads (bounded-read.ts): through the
 * thread pool and with the disk's blocking calls (`blocking`, the lean
 * `replay FILE --json`). The same text, or the same refusal, for the same file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBounded } from '../../src/cli/bounded-read.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-bounded-'));
  writeFileSync(join(dir, 'game.json'), '{"format":"inktris-replay"} é');
  // Longer than the first buffer (64 KiB), so that the read grows it.
  writeFileSync(join(dir, 'long.txt'), 'x'.repeat(200_000));
  writeFileSync(join(dir, 'big.txt'), 'y'.repeat(2_000));
  mkdirSync(join(dir, 'folder'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  symlinkSync(join(dir, 'game.json'), join(dir, 'link.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a read gives: the text's length and its end, or the refusal's code and message. */
async function outcome(name: string, blocking: boolean, options: { limit?: number; noFollow?: boolean } = {}) {
  try {
    const text = await readBounded(join(dir, name), { ...options, blocking });
    return { length: text.length, end: text.slice(-3) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { code: e.code, message: e.message.replace(dir, 'DIR') };
  }
}

describe('readBounded, through the thread pool and blocking', () => {
  it.each([
    ['a UTF-8 file', 'game.json', {}, { length: 29, end: '} é' }],
    ['a file longer than the first buffer', 'long.txt', {}, { length: 200_000, end: 'xxx' }],
    ['a file over the limit', 'big.txt', { limit: 1_000 }, { code: 'EFBIG', message: 'larger than 1000 bytes' }],
    ['a folder', 'folder', {}, { code: 'EISDIR', message: 'is a folder' }],
    ['a FIFO, without waiting for a writer', 'fifo', {}, { code: 'ENOTREG', message: 'not a regular file (a FIFO)' }],
    ['a missing file', 'none.json', {}, { code: 'ENOENT' }],
    ['a link the player gave', 'link.json', {}, { length: 29, end: '} é' }],
    ['a link where none may be', 'link.json', { noFollow: true }, { code: 'ELOOP' }],
  ] as const)('%s: the same either way', async (_what, name, options, expected) => {
    const pooled = await outcome(name, false, options);
    expect(pooled).toMatchObject(expected);
    expect(await outcome(name, true, options)).toEqual(pooled);
  });
});
