/** The disk: the one module of src/ that imports node:fs, and its calls made promises. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeFile,
  constants,
  linkStats,
  listFolder,
  makeFolder,
  makeFolders,
  openFile,
  removeEmptyFolder,
  removeFile,
  renamePath,
  writeText,
} from '../../src/cli/disk.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-disk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the one way to the disk', () => {
  it('is the only module of src/ that imports node:fs or node:fs/promises', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const importers = files.filter((f) => /from\s+['"]node:fs(\/promises)?['"]/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(importers.map((f) => relative('.', f))).toEqual([join('cli', 'disk.ts')]);
  });
});

describe('the calls made promises', () => {
  it('makes folders, lists, renames and removes', async () => {
    await makeFolders(join(dir, 'a', 'b'));
    await expect(makeFolder(join(dir, 'a'))).rejects.toMatchObject({ code: 'EEXIST' });
    writeFileSync(join(dir, 'a', 'file'), 'x');
    expect((await listFolder(join(dir, 'a'))).sort()).toEqual(['b', 'file']);
    await renamePath(join(dir, 'a', 'file'), join(dir, 'a', 'moved'));
    expect((await linkStats(join(dir, 'a', 'moved'))).isFile()).toBe(true);
    await removeFile(join(dir, 'a', 'moved'));
    await removeFile(join(dir, 'a', 'never-there'));
    await removeEmptyFolder(join(dir, 'a', 'b'));
    expect(await listFolder(join(dir, 'a'))).toEqual([]);
  });

  it('writes all of a text through a descriptor it opened', async () => {
    const path = join(dir, 'lock');
    const fd = await openFile(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    await writeText(fd, 'é'.repeat(100_000));
    await closeFile(fd);
    expect(readFileSync(path, 'utf8')).toBe('é'.repeat(100_000));
    await expect(openFile(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
