import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addScore } from '../../src/cli/game-archive.js';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps } from './memory-deps.js';

async function setup() {
  const home = await mkdtemp(join(tmpdir(), 'inktris-xdg-'));
  const dir = join(home, 'inktris');
  const ctx = { dir, now: () => new Date('2026-11-23T12:00:00.000Z'), warn: () => undefined };
  const deps = { ...memoryDeps(), env: { XDG_DATA_HOME: home } };
  return { dir, ctx, deps };
}
const game = { lines: 12, level: 1, startLevel: 0, pieces: 40, seed: 7, date: '2026-11-23T12:00:00.000Z', replay: null };

describe('inktris scores', () => {
  it('says there are no games yet in a new data folder', async () => {
    const { deps } = await setup();
    expect(await runCli(['scores'], deps)).toBe(0);
    expect(deps.out.join('')).toBe('MARATHON\n  no games yet\n\nSPRINT (40 lines)\n  no games yet\n\n');
  });

  it('lists marathon games by score and sprints by time', async () => {
    const { ctx, deps } = await setup();
    await addScore(ctx, 'marathon', { ...game, score: 4200, time: 6000 });
    await addScore(ctx, 'marathon', { ...game, score: 9100, time: 9000 });
    await addScore(ctx, 'sprint', { ...game, lines: 40, score: 3000, time: 5430 });
    expect(await runCli(['scores'], deps)).toBe(0);
    expect(deps.out.join('')).toBe(
      [
        'MARATHON',
        '   #     SCORE  LINES  LEVEL  START  DATE',
        '   1      9100     12      1      0  2026-11-23 12:00',
        '   2      4200     12      1      0  2026-11-23 12:00',
        '',
        'SPRINT (40 lines)',
        '   #  TIME       PIECES  START  DATE',
        '   1  1:30.50        40      0  2026-11-23 12:00',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON for one mode with --json --mode', async () => {
    const { ctx, deps } = await setup();
    await addScore(ctx, 'sprint', { ...game, lines: 40, score: 3000, time: 5430 });
    expect(await runCli(['scores', '--json', '--mode', 'sprint'], deps)).toBe(0);
    const printed = JSON.parse(deps.out.join(''));
    expect(Object.keys(printed)).toEqual(['sprint']);
    expect(printed.sprint[0]).toMatchObject({ time: 5430, lines: 40 });
  });

  it('warns once and keeps the corrupt file aside when scores.json is damaged', async () => {
    const { dir, deps } = await setup();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'scores.json'), '\u0000garbage');
    expect(await runCli(['scores'], deps)).toBe(0);
    expect(deps.err).toHaveLength(1);
    expect(deps.err[0]).toMatch(/^inktris: .*scores\.json: not valid JSON; kept as .*scores\.json\.corrupt-.*, starting a new table\n$/);
    expect((await readdir(dir)).some((f) => f.startsWith('scores.json.corrupt-'))).toBe(true);
  });

  it('refuses an unknown mode with exit 2', async () => {
    const { deps } = await setup();
    expect(await runCli(['scores', '--mode', 'ultra'], deps)).toBe(2);
    expect(deps.err.join('')).toContain('mode must be marathon or sprint, not ultra');
  });
});
