/**
 * Where `--record` and `export --cast` write, through the real disk
 * (process-io.ts) and the recorder of `play --record`: the one safe writer
 * never follows a link another user planted, never replaces what is not a
 * regular file, and respects a read-only file.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { atomicWrite, boundedRead, fileSize } from '../../src/cli/process-io.js';
import { createRecorder } from '../../src/cli/recorder.js';
import { memoryDeps } from './memory-deps.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real disk, captured output. */
const realDeps = () => ({ ...memoryDeps(), readFile: boundedRead, fileSize, writeFile: atomicWrite });
const VICTIM = 'the victim file: must stay as it is\n';
const root = process.getuid?.() === 0;
/** Someone else: the user `nobody`. */
const OTHER = 65534;

async function bot(record: string) {
  const deps = realDeps();
  const code = await runCli(['bot', '--seed', '3', '--pieces', '5', '--record', record], deps);
  return { code, err: deps.err.join('') };
}

async function exportCast(out: string) {
  const replay = join(dir, 'in.json');
  writeFileSync(replay, JSON.stringify({ format: 'inktris-replay', version: 1, seed: 1, inputs: [[0, 'hardDrop']] }));
  const deps = realDeps();
  const code = await runCli(['export', replay, '--cast', out], deps);
  return { code, err: deps.err.join('') };
}

describe('the temporary file', () => {
  it('is never a link planted at a name it could have had (bot --record)', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, VICTIM);
    // Every name the old writers used: `.<name>.<pid>.tmp` beside the target.
    symlinkSync(victim, join(dir, `.game.json.${process.pid}.tmp`));
    expect(await bot(join(dir, 'game.json'))).toEqual({ code: 0, err: '' });
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(lstatSync(join(dir, 'game.json')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'game.json'), 'utf8')).format).toBe('inktris-replay');
  });

  it('is never a link planted at a name it could have had (play --record)', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, VICTIM);
    symlinkSync(victim, join(dir, `.game.json.${process.pid}.tmp`));
    const recorder = createRecorder(join(dir, 'game.json'), { seed: 1, settings: {} });
    recorder.record(3, 'left');
    recorder.close(10);
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(JSON.parse(readFileSync(join(dir, 'game.json'), 'utf8'))).toMatchObject({ inputs: [[3, 'left']], endTick: 10 });
  });
});

describe('the target', () => {
  it.each([
    ['bot --record', bot],
    ['export --cast', exportCast],
  ])('%s refuses a FIFO with one line and leaves it a FIFO', async (_name, command) => {
    const path = join(dir, 'out.fifo');
    execFileSync('mkfifo', [path]);
    expect(await command(path)).toEqual({ code: 2, err: `inktris: ${path}: not a regular file (a FIFO); choose another path\n` });
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('play --record refuses a FIFO, which stays a FIFO', () => {
    const path = join(dir, 'out.fifo');
    execFileSync('mkfifo', [path]);
    expect(() => createRecorder(path, { seed: 1, settings: {} })).toThrow(`${path}: not a regular file (a FIFO); choose another path`);
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('refuses a folder with one line', async () => {
    const path = join(dir, 'folder');
    mkdirSync(path);
    expect(await bot(path)).toEqual({ code: 2, err: `inktris: ${path}: not a regular file (a folder); choose another path\n` });
  });

  it.each([
    ['bot --record', bot],
    ['export --cast', exportCast],
  ])('%s refuses a read-only file, even for root, and leaves it as it was', async (_name, command) => {
    const path = join(dir, 'kept.json');
    writeFileSync(path, VICTIM);
    chmodSync(path, 0o444);
    expect(await command(path)).toEqual({ code: 2, err: `inktris: ${path}: is read-only; choose another path or make it writable\n` });
    expect(readFileSync(path, 'utf8')).toBe(VICTIM);
  });

  /** Two lines, then the failure of whatever was making them (a bug, a full disk halfway through a cast). */
  function* failingLines(): Generator<string> {
    yield 'line 1\n';
    yield 'line 2\n';
    throw new Error('making the lines failed');
  }
  async function* failingLinesWithTurns(): AsyncGenerator<string> {
    for (const line of failingLines()) {
      yield line;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it.each([
    ['made at once', failingLines],
    ['made with turns of the event loop', failingLinesWithTurns],
  ])('leaves the file it replaces as it was, and no temporary file, when lines %s fail', async (_name, lines) => {
    const path = join(dir, 'kept.cast');
    writeFileSync(path, VICTIM);
    await expect(atomicWrite(path, lines())).rejects.toThrow('making the lines failed');
    expect(readFileSync(path, 'utf8')).toBe(VICTIM);
    expect(readdirSync(dir)).toEqual(['kept.cast']);
  });

  it('writes every line made with turns of the event loop, in order', async () => {
    const path = join(dir, 'new.cast');
    async function* lines(): AsyncGenerator<string> {
      for (let i = 0; i < 20_000; i++) {
        yield `[${i}, "o", "\u2588"]\n`;
        if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await atomicWrite(path, lines());
    const written = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(written).toHaveLength(20_000);
    expect(written.every((line, i) => line === `[${i}, "o", "\u2588"]`)).toBe(true);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'private.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    expect((await bot(path)).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("writes through a link of the player's own, which stays a link", async () => {
    mkdirSync(join(dir, 'games'));
    const real = join(dir, 'games', 'latest.json');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'game.json'));
    expect(await bot(join(dir, 'game.json'))).toEqual({ code: 0, err: '' });
    expect(readlinkSync(join(dir, 'game.json'))).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).format).toBe('inktris-replay');
  });

  it.skipIf(!root)('refuses a link another user planted in a shared folder, and never writes where it points', async () => {
    // A shared folder like /tmp: world-writable, sticky, owned by root; the link is nobody's.
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, VICTIM);
    const planted = join(shared, 'game.json');
    symlinkSync(victim, planted);
    lchownSync(planted, OTHER, OTHER);
    expect(await bot(planted)).toEqual({
      code: 2,
      err: `inktris: ${planted}: is a symbolic link another user owns; it is not followed, choose another path\n`,
    });
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });
});
