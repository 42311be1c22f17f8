import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addScore,
  findReplay,
  KEPT_REPLAYS,
  loadScores,
  pruneReplays,
  replayFileName,
  replaysDir,
  scoresPath,
  ensureReplaysDir,
} from '../../src/cli/game-archive.js';
import type { ScoreEntry } from '../../src/cli/high-scores.js';
import { appPaths } from '../../src/cli/paths.js';
import { bundleArchive, scoreEntry } from './archive-fixtures.js';

const now = () => new Date('2026-11-23T12:00:00.000Z');
const entry = scoreEntry;
async function context() {
  const dir = await mkdtemp(join(tmpdir(), 'inktris-data-'));
  const warnings: string[] = [];
  return { ctx: { dir, now, warn: (line: string) => warnings.push(line) }, warnings, dir };
}

describe('data and config folders', () => {
  it.each([
    ['linux', {}, '/home/ann/.local/share/inktris', '/home/ann/.config/inktris'],
    ['linux', { XDG_DATA_HOME: '/x/data', XDG_CONFIG_HOME: '/x/config' }, '/x/data/inktris', '/x/config/inktris'],
    ['linux', { XDG_DATA_HOME: 'relative' }, '/home/ann/.local/share/inktris', '/home/ann/.config/inktris'],
    ['darwin', {}, '/home/ann/Library/Application Support/inktris', '/home/ann/Library/Preferences/inktris'],
  ])('on %s with %j uses %s and %s', (platform, env, data, config) => {
    expect(appPaths(env, platform, '/home/ann')).toEqual({ data, config });
  });
});

describe('the high-score file', () => {
  it('starts empty when there is no file, and keeps what it adds', async () => {
    const { ctx } = await context();
    expect((await loadScores(ctx)).marathon).toEqual([]);
    expect(await addScore(ctx, 'marathon', entry(100))).toBe(1);
    expect(await addScore(ctx, 'marathon', entry(300))).toBe(1);
    expect((await loadScores(ctx)).marathon.map((e) => e.score)).toEqual([300, 100]);
  });

  it('moves a corrupt file aside, keeps it, warns once and starts afresh', async () => {
    const { ctx, warnings, dir } = await context();
    await writeFile(scoresPath(dir), '{"format": "inktris-scores", "version": 1, "marathon": [');
    expect(await addScore(ctx, 'marathon', entry(100))).toBe(1);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith('scores.json.corrupt-'))!;
    expect(await readFile(join(dir, aside), 'utf8')).toContain('"marathon": [');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/scores\.json: not valid JSON; kept as .*scores\.json\.corrupt-/);
    expect((await loadScores(ctx)).marathon).toHaveLength(1);
  });

  it('keeps both entries when two processes add a score at the same moment', async () => {
    const { dir } = await context();
    // Two real processes, each adding 10 scores as fast as it can.
    // The children import a bundle of the archive module (plain Node cannot load the .ts sources).
    const bundle = join(dir, 'archive.mjs');
    await bundleArchive(bundle);
    // Both start writing at the same moment, once both have loaded.
    const startAt = Date.now() + 1500;
    const script = (base: number) => `
      const { addScore } = await import(${JSON.stringify(pathToFileURL(join(dir, 'archive.mjs')).href)});
      const ctx = { dir: ${JSON.stringify(dir)}, now: () => new Date(), warn: () => {} };
      while (Date.now() < ${startAt}) await new Promise((r) => setTimeout(r, 1));
      for (let i = 0; i < 5; i++) await addScore(ctx, 'marathon', { score: ${base} + i, lines: 1, level: 0, startLevel: 0, time: 1, pieces: 1, seed: 1, date: new Date().toISOString(), replay: null });`;
    const run = (base: number) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script(base)], { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(100), run(200)])).toEqual([0, 0]);
    const table = JSON.parse(await readFile(scoresPath(dir), 'utf8'));
    expect(table.marathon.map((e: ScoreEntry) => e.score).sort()).toEqual([100, 101, 102, 103, 104, 200, 201, 202, 203, 204].sort());
  });
});

describe('kept replays', () => {
  it('keeps the newest 100 and every replay a high score points to', async () => {
    const { ctx, dir } = await context();
    const folder = await ensureReplaysDir(dir);
    const names = Array.from({ length: KEPT_REPLAYS + 5 }, (_, i) =>
      replayFileName(new Date(Date.parse('2026-11-23T10:00:00.000Z') + i * 1000), i),
    );
    await Promise.all(names.map((n) => writeFile(join(folder, n), '{}')));
    await addScore(ctx, 'marathon', entry(500, names[0]!));
    await pruneReplays(ctx);
    const left = (await readdir(replaysDir(dir))).sort();
    expect(left).toHaveLength(KEPT_REPLAYS + 1);
    expect(left).toContain(names[0]);
    expect(left).not.toContain(names[1]);
    expect(await findReplay(ctx, 'best')).toBe(join(folder, names[0]!));
    expect(await findReplay(ctx, 'last')).toBe(join(folder, names.at(-1)!));
  });

  it('finds nothing in an empty data folder', async () => {
    const { ctx } = await context();
    expect(await findReplay(ctx, 'last')).toBeNull();
    expect(await findReplay(ctx, 'best', 'sprint')).toBeNull();
  });
});
