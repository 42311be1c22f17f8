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

  it.each([
    ['text', []],
    ['JSON', ['--json']],
  ])('moves a table aside whose date carries escape codes, and prints no control character (%s)', async (_name, flags) => {
    const { dir, deps } = await setup();
    await mkdir(dir, { recursive: true });
    const date = '(\u001b]2;PWNED\u0007\u001b[2J) 2020-01-01';
    const hostile = { ...game, score: 100, time: 600, date };
    await writeFile(join(dir, 'scores.json'), JSON.stringify({ format: 'inktris-scores', version: 1, marathon: [hostile] }));
    expect(await runCli(['scores', ...flags], deps)).toBe(0);
    const printed = deps.out.join('') + deps.err.join('');
    // Nothing a terminal acts on: no ESC, no BEL, no C1 control; newlines end lines only.
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(printed).not.toContain('PWNED');
    expect(deps.err).toEqual([
      expect.stringMatching(
        /^inktris: .*scores\.json: marathon\[0\]: date is not an ISO 8601 UTC date .*; kept as .*scores\.json\.corrupt-/,
      ),
    ]);
    expect((await readdir(dir)).some((f) => f.startsWith('scores.json.corrupt-'))).toBe(true);
  });

  it('prints the data folder in a warning without its control characters', async () => {
    const home = await mkdtemp(join(tmpdir(), 'inktris-xdg-\u001b[2J\u009b'));
    const dir = join(home, 'inktris');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'scores.json'), 'garbage');
    const deps = { ...memoryDeps(), env: { XDG_DATA_HOME: home } };
    expect(await runCli(['scores'], deps)).toBe(0);
    expect(deps.err.join('')).toContain('inktris-xdg-?[2J?');
    expect(deps.err.join('')).not.toMatch(/[\u001b\u009b]/);
  });

  it('refuses an unknown mode with exit 2', async () => {
    const { deps } = await setup();
    expect(await runCli(['scores', '--mode', 'zen'], deps)).toBe(2);
    expect(deps.err.join('')).toContain('mode must be marathon, sprint, ultra or dig, not zen');
  });
});

describe('inktris scores per rule set and mode', () => {
  it('lists the tables a game was kept in beside the nes two, and one rule set with --rules', async () => {
    const { ctx, deps } = await setup();
    await addScore(ctx, 'guideline-ultra', { ...game, score: 12_345, time: 7200 });
    expect(await runCli(['scores'], deps)).toBe(0);
    const text = deps.out.join('');
    expect(text).toMatch(
      /^MARATHON\n {2}no games yet\n\nSPRINT \(40 lines\)\n {2}no games yet\n\nGUIDELINE ULTRA \(2 minutes\)\n {3}# +SCORE/,
    );
    expect(text).toContain('12345');
    const json = { ...memoryDeps(), env: deps.env };
    expect(await runCli(['scores', '--json', '--rules', 'guideline', '--mode', 'ultra'], json)).toBe(0);
    expect(Object.keys(JSON.parse(json.out.join('')))).toEqual(['guideline-ultra']);
    const digs = { ...memoryDeps(), env: deps.env };
    expect(await runCli(['scores', '--json', '--mode', 'dig'], digs)).toBe(0);
    expect(Object.keys(JSON.parse(digs.out.join('')))).toEqual(['dig-10', 'dig-18', 'dig-100']);
  });
});
