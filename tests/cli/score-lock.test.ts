/**
 * The lock on scores.json, with real processes: many games ending at once
 * with a stale lock present (an old empty one, one whose owner died, a
 * folder) all keep their entries; a lock held by a live process leaves the
 * table alone and says so; a lock is released only by its owner.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addScore, scoresPath } from '../../src/cli/game-archive.js';
import type { ScoreEntry } from '../../src/cli/high-scores.js';
import { LockBusyError, withFileLock } from '../../src/cli/file-lock.js';
import { bundleArchive, scoreEntry } from './archive-fixtures.js';

let work = '';
let bundle = '';
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'inktris-lock-'));
  // The children import a bundle of the archive module (plain Node cannot load the .ts sources).
  bundle = join(work, 'archive.mjs');
  await bundleArchive(bundle);
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entry = scoreEntry;

/** A pid no process has: one that just ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** `count` processes each add one score (100, 101, ...) at the same moment; resolves to each one's rank. */
async function race(dir: string, count: number): Promise<(number | null)[]> {
  const startAt = Date.now() + 1500;
  const script = (score: number) => `
    const { addScore } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const ctx = { dir: ${JSON.stringify(dir)}, now: () => new Date(), warn: (line) => process.stderr.write(line + '\\n') };
    while (Date.now() < ${startAt}) await new Promise((r) => setTimeout(r, 1));
    const rank = await addScore(ctx, 'marathon', ${JSON.stringify(entry(score))});
    process.stdout.write(JSON.stringify(rank));`;
  const run = (score: number) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script(score)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number | null) : reject(new Error(`child exited with ${code}`))));
    });
  return Promise.all(Array.from({ length: count }, (_, i) => run(100 + i)));
}

const scores = (dir: string) => (JSON.parse(readFileSync(scoresPath(dir), 'utf8')).marathon as ScoreEntry[]).map((e) => e.score).sort();

const stale: [string, (lock: string) => void][] = [
  [
    'an empty lock a minute old (left by an old inktris)',
    (lock) => {
      writeFileSync(lock, '');
      const old = new Date(Date.now() - 60_000);
      utimesSync(lock, old, old);
    },
  ],
  [
    'a fresh lock whose owner died',
    (lock) => writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'gone', time: Date.now() })),
  ],
  ['a folder', (lock) => mkdirSync(lock)],
];

describe('ten games ending at once', () => {
  it.each(stale)(
    'all keep their entries, three times over, with %s in the way',
    async (_what, plant) => {
      for (let round = 0; round < 3; round++) {
        const dir = join(work, `race-${stale.findIndex(([w]) => w === _what)}-${round}`);
        mkdirSync(dir, { recursive: true });
        plant(`${scoresPath(dir)}.lock`);
        const ranks = await race(dir, 10);
        expect(ranks.every((rank) => rank !== null)).toBe(true);
        expect(scores(dir)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i).sort());
        expect(existsSync(`${scoresPath(dir)}.lock`)).toBe(false);
      }
    },
    60_000,
  );
});

describe('a lock held by a live process', () => {
  it('leaves the table alone and says the score was not saved, and why', async () => {
    const dir = join(work, 'busy');
    mkdirSync(dir);
    // This process is alive: its fresh lock is no stale one.
    writeFileSync(`${scoresPath(dir)}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', time: Date.now() }));
    const warnings: string[] = [];
    expect(await addScore({ dir, now: () => new Date(), warn: (line) => warnings.push(line) }, 'marathon', entry(500))).toBeNull();
    expect(warnings).toEqual([
      `${scoresPath(dir)}: another inktris (pid ${process.pid}) kept the high-score table locked for 5 s; this game's score is not saved`,
    ]);
    expect(existsSync(scoresPath(dir))).toBe(false);
  }, 15_000);

  it('is never released by a process whose own lock was taken over', async () => {
    const lock = join(work, 'taken.lock');
    let second: Promise<string> | null = null;
    const first = withFileLock(
      lock,
      async () => {
        // Held past `staleMs`: another process takes it over meanwhile, and holds it when this one ends.
        await new Promise((r) => setTimeout(r, 150));
        second = withFileLock(
          lock,
          async () => {
            await new Promise((r) => setTimeout(r, 300));
            return readFileSync(lock, 'utf8');
          },
          { staleMs: 100 },
        );
        await new Promise((r) => setTimeout(r, 100));
        return 'first';
      },
      { staleMs: 100 },
    );
    expect(await first).toBe('first');
    // The first release left the second owner's lock where it was.
    expect(existsSync(lock)).toBe(true);
    expect(JSON.parse(await second!).pid).toBe(process.pid);
    expect(existsSync(lock)).toBe(false);
  });

  it('gives up after the wait with LockBusyError', async () => {
    const lock = join(work, 'held.lock');
    await withFileLock(lock, async () => {
      await expect(withFileLock(lock, async () => 'never', { waitMs: 200 })).rejects.toBeInstanceOf(LockBusyError);
    });
  });
});
