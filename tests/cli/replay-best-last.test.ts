import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addScore, ensureReplaysDir } from '../../src/cli/game-archive.js';
import { runCli } from '../../src/cli/main.js';
import { serializeReplay } from '../../src/core/replay.js';
import { memoryDeps } from './memory-deps.js';

/** A data folder with two kept games: an older one that holds the best score, and a newer one. */
async function dataFolder() {
  const home = await mkdtemp(join(tmpdir(), 'inktris-best-'));
  const dir = join(home, 'inktris');
  const folder = await ensureReplaysDir(dir);
  const replay = (seed: number, drops: number) =>
    serializeReplay({ seed, settings: {}, inputs: Array.from({ length: drops }, (_, i) => [i, 'hardDrop'] as const) });
  await writeFile(join(folder, '2026-11-01T10-00-00-000Z-seed1.json'), replay(1, 8));
  await writeFile(join(folder, '2026-11-02T10-00-00-000Z-seed2.json'), replay(2, 2));
  const ctx = { dir, now: () => new Date(), warn: () => undefined };
  const entry = { lines: 0, level: 0, startLevel: 0, time: 8, seed: 1, date: '2026-11-01T10:00:00.000Z' };
  await addScore(ctx, 'marathon', { ...entry, score: 300, pieces: 8, replay: '2026-11-01T10-00-00-000Z-seed1.json' });
  await addScore(ctx, 'marathon', { ...entry, score: 60, pieces: 2, seed: 2, replay: '2026-11-02T10-00-00-000Z-seed2.json' });
  return {
    ...memoryDeps(),
    env: { XDG_DATA_HOME: home },
    readFile: (p: string) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')),
    fileSize: async () => 0,
  };
}

describe('replay --best and --last', () => {
  it('replays the best game of the table with --best', async () => {
    const deps = await dataFolder();
    expect(await runCli(['replay', '--best', '--json'], deps)).toBe(0);
    expect(JSON.parse(deps.out.join(''))).toMatchObject({ pieces: 8 });
  });

  it('replays the newest kept game with --last', async () => {
    const deps = await dataFolder();
    expect(await runCli(['replay', '--last', '--json'], deps)).toBe(0);
    expect(JSON.parse(deps.out.join(''))).toMatchObject({ pieces: 2 });
  });

  it('says so when there is no best sprint yet', async () => {
    const deps = await dataFolder();
    expect(await runCli(['replay', '--best', '--mode', 'sprint', '--json'], deps)).toBe(2);
    expect(deps.err.join('')).toMatch(/^inktris: replay --best: no sprint game with a kept replay in .* yet\n$/);
  });

  it.each([[['replay', '--json']], [['replay', 'a.json', '--last', '--json']], [['replay', '--best', '--last', '--json']]])(
    'refuses %j: it needs exactly one of FILE, --best, --last',
    async (argv) => {
      const deps = memoryDeps();
      expect(await runCli(argv, deps)).toBe(2);
      expect(deps.err).toEqual(['inktris: replay: give one of FILE, --best or --last\n']);
    },
  );

  it('warns of a damaged table in a data folder named with escape codes without them', async () => {
    const home = await mkdtemp(join(tmpdir(), 'inktris-best-\u001b]2;PWNED\u0007-\u009b2J-'));
    await mkdir(join(home, 'inktris'), { recursive: true });
    await writeFile(join(home, 'inktris', 'scores.json'), 'not json');
    const deps = { ...memoryDeps(), env: { XDG_DATA_HOME: home } };
    expect(await runCli(['replay', '--best', '--json'], deps)).toBe(2);
    expect(deps.err[0]).toMatch(/^inktris: .*inktris-best-\?\]2;PWNED\?-\?2J-.*scores\.json: not valid JSON; kept as /);
    expect(deps.err.join('')).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});
