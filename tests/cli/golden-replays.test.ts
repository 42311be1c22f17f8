/**
 * The golden replays in tests/fixtures/replays, run through the real command
 * line with the real disk: their summaries are snapshot files in
 * tests/fixtures/expected, and the numbers that make each one what it is
 * are asserted here too, so a snapshot is never the only check.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDeps, runCli } from '../../src/cli/main.js';
import type { Summary } from '../../src/core/index.js';

const REPLAYS = join(import.meta.dirname, '..', 'fixtures', 'replays');
const EXPECTED = join(import.meta.dirname, '..', 'fixtures', 'expected');

async function replay(name: string, ...options: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const deps = { ...processDeps(), stdout: { write: (t: string) => void out.push(t) }, stderr: { write: (t: string) => void err.push(t) } };
  const code = await runCli(['replay', join(REPLAYS, `${name}.json`), ...options], deps);
  return { code, out: out.join(''), err: err.join('') };
}

async function summary(name: string): Promise<Summary> {
  const { code, out, err } = await replay(name, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Summary;
}

const EMPTY = '..........';
const filled = (board: readonly string[]) => board.filter((row) => row !== EMPTY);

describe('golden replays', () => {
  const names = readdirSync(REPLAYS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));

  it('cover every case the issue asks for', () => {
    expect(names.sort()).toEqual(['block-out', 'double', 'hold', 'level-up', 'lock-out', 'pause', 'single', 'sprint', 'tetris', 'triple']);
  });

  it.each(names)('%s: prints the summary in its snapshot file', async (name) => {
    const { code, out } = await replay(name, '--json');
    expect(code).toBe(0);
    await expect(out).toMatchFileSnapshot(join(EXPECTED, `${name}.summary.json`));
  });

  it.each(names)('%s: prints the last frame in its snapshot file', async (name) => {
    const { code, out, err } = await replay(name, '--frame', String(Number.MAX_SAFE_INTEGER));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    await expect(out).toMatchFileSnapshot(join(EXPECTED, `${name}.frame.txt`));
  });

  // Drop points: a horizontal I or an O from row 19 to row r scores 2 * (19 - r),
  // a vertical I (lowest cell in row 17) 2 * (17 - r). RULES.md: 40/100/300/1200 x (level + 1).
  it('single: one row, 40 points plus drops', async () => {
    const s = await summary('single');
    expect(s).toMatchObject({ lines: 1, level: 0, pieces: 3, score: 40 + 3 * 38, state: 'playing' });
    expect(filled(s.board)).toEqual(['........OO']);
  });

  it('double: two rows, 100 points plus drops', async () => {
    const s = await summary('double');
    expect(s).toMatchObject({ lines: 2, pieces: 5, score: 100 + 38 + 38 + 36 + 36 + 38 });
    expect(filled(s.board)).toEqual([]);
  });

  it('triple at level 3: three rows, 300 x 4 points plus drops', async () => {
    const s = await summary('triple');
    expect(s).toMatchObject({ lines: 3, level: 3, pieces: 8, score: 300 * 4 + 2 * (38 + 36 + 34) + 34 + 34 });
    expect(filled(s.board)).toEqual(['........II']);
  });

  it('tetris: four rows, 1200 points plus drops', async () => {
    const s = await summary('tetris');
    expect(s).toMatchObject({ lines: 4, level: 0, pieces: 10, score: 1200 + 2 * (38 + 36 + 34 + 32) + 34 + 34 });
    expect(filled(s.board)).toEqual([]);
  });

  it('hold: the held piece stays in the box and a second hold in a turn is ignored', async () => {
    const s = await summary('hold');
    expect(s).toMatchObject({ hold: 'O', pieces: 2, score: 38 + 38, current: 'J' });
    expect(filled(s.board)).toEqual(['.....T....', 'IIIITTT...']);
  });

  it('pause: a billion paused ticks count in the tick, not in the time, and block every input', async () => {
    const s = await summary('pause');
    expect(s).toMatchObject({ tick: 1_000_000_200, time: 30 + 70, state: 'paused', lines: 1, pieces: 3, score: 154 });
  });

  it('level-up: the clear that reaches 10 lines raises the level and scores at the new level', async () => {
    const s = await summary('level-up');
    expect(s).toMatchObject({ lines: 10, level: 1, pieces: 25, score: 4 * 100 + 100 * 2 + 5 * 186 });
  });

  it('sprint: 40 lines end the game without a top out', async () => {
    const s = await summary('sprint');
    expect(s).toMatchObject({
      mode: 'sprint',
      state: 'over',
      topOut: null,
      lines: 40,
      level: 4,
      pieces: 100,
      current: null,
      tick: 1000,
      time: 1001,
    });
    expect(s.score).toBe(1200 * (1 + 1 + 2 + 2 + 3 + 3 + 3 + 4 + 4 + 5) + 10 * 348);
  });

  it('block out: the game ends when the next piece cannot spawn', async () => {
    const s = await summary('block-out');
    expect(s).toMatchObject({ state: 'over', topOut: 'blockOut', pieces: 11, tick: 110, current: null });
  });

  it('lock out: the game ends when a piece locks above the field, 30 ticks after it comes to rest', async () => {
    const s = await summary('lock-out');
    expect(s).toMatchObject({ state: 'over', topOut: 'lockOut', pieces: 11, tick: 100 + 29, current: null });
    expect(s.board.every((row) => row === '....OO....')).toBe(true);
  });
});

describe('examples/sample-replay.json', () => {
  it('is a real game that clears lines', async () => {
    const out: string[] = [];
    const deps = { ...processDeps(), stdout: { write: (t: string) => void out.push(t) } };
    const code = await runCli(['replay', join(import.meta.dirname, '..', '..', 'examples', 'sample-replay.json'), '--json'], deps);
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ lines: 13, level: 1, pieces: 36, score: 1996, state: 'playing' });
  });
});
