/**
 * What the data folder promises: a table that cannot be read is never
 * written over, a table moved aside keeps its replays, and the game just
 * played is never pruned, whatever the clock says.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, step, type InputName } from '../../src/core/index.js';
import { addScore, findReplay, KEPT_REPLAYS, pruneReplays, replayFileName, replaysDir, scoresPath } from '../../src/cli/game-archive.js';
import { createGameLog, openArchive } from '../../src/cli/play-recording.js';
import { bundleArchive, scoreEntry } from './archive-fixtures.js';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-keeps-'));
  // Readable by the user `nobody`, who runs some of the tests below.
  chmodSync(work, 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
const fresh = () => {
  const dir = join(work, `data-${n++}`);
  mkdirSync(join(dir, 'replays'), { recursive: true });
  return dir;
};
const entry = scoreEntry;
const TEN = JSON.stringify({
  format: 'inktris-scores',
  version: 1,
  marathon: Array.from({ length: 10 }, (_, i) => entry(1000 - i)),
  sprint: [],
});
const root = process.getuid?.() === 0;
const NOBODY = 65534;

/** Play one game to its top out (so that it is scored) through a session's log, as `play` does. */
async function playOne(dir: string, now: Date): Promise<string[]> {
  const log = createGameLog({ archive: await openArchive(dir), version: '1', now: () => now, rescueDir: work });
  let s = createGame({ seed: 9 });
  log.start(s.settings);
  const inputs: InputName[] = ['hardDrop', 'left', ...Array.from({ length: 200 }, (): InputName => 'hardDrop')];
  for (const input of inputs) {
    if (s.status === 'over') break;
    s = advance(s, 1);
    log.input(s.tick, input);
    s = step(s, inputAction(input));
  }
  expect(s.status).toBe('over');
  await log.end(s);
  return [...log.warnings];
}

describe('a table that cannot be read or written', () => {
  let bundle = '';
  /** A Node the user nobody can run: the one running the tests may sit in a folder only its owner enters (a CI clone in a mktemp -d). */
  let node = '';
  beforeAll(async () => {
    bundle = join(work, 'archive.mjs');
    await bundleArchive(bundle);
    chmodSync(bundle, 0o644);
    node = join(work, 'node');
    if (root) {
      copyFileSync(process.execPath, node);
      chmodSync(node, 0o755);
    }
  }, 30_000);

  /** addScore as the user nobody (root reads any file: an unreadable one needs another user). */
  const addAsNobody = (dir: string) => {
    const script = `
      const { addScore } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const warnings = [];
      const rank = await addScore({ dir: ${JSON.stringify(dir)}, now: () => new Date('2026-11-23T12:00:00.000Z'), warn: (l) => warnings.push(l) }, 'marathon', ${JSON.stringify(entry(5000))});
      process.stdout.write(JSON.stringify({ rank, warnings }));`;
    const run = spawnSync(node, ['--input-type=module', '-e', script], {
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
      timeout: 20_000,
    });
    if (run.status !== 0) throw new Error(run.error ? String(run.error) : run.stderr);
    return JSON.parse(run.stdout) as { rank: number | null; warnings: string[] };
  };

  it.skipIf(!root)('is moved aside whole (mode 000, EACCES) and a new table starts', () => {
    const dir = fresh();
    chownSync(dir, NOBODY, NOBODY);
    writeFileSync(scoresPath(dir), TEN, { mode: 0o000 });
    chmodSync(scoresPath(dir), 0o000);
    const { rank, warnings } = addAsNobody(dir);
    expect(rank).toBe(1);
    const aside = readdirSync(dir).find((name) => name.startsWith('scores.json.unreadable-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(TEN);
    expect(warnings).toEqual([`${scoresPath(dir)}: cannot read it (permission denied); kept as ${join(dir, aside)}, starting a new table`]);
  });

  it.skipIf(!root)('is left as it is when it cannot be moved, and the score is not saved, with one line', () => {
    // A sticky shared folder: nobody may add files, but not rename root's.
    const dir = fresh();
    chmodSync(dir, 0o1777);
    writeFileSync(scoresPath(dir), TEN);
    chmodSync(scoresPath(dir), 0o000);
    const { rank, warnings } = addAsNobody(dir);
    expect(rank).toBeNull();
    expect(readFileSync(scoresPath(dir), 'utf8')).toBe(TEN);
    expect(warnings).toEqual([
      `${scoresPath(dir)}: cannot read it (permission denied), and it cannot be moved aside; it is left as it is and no score is saved until it is fixed`,
    ]);
  });

  it('that is read-only is left as it is, even for root, and the score is not saved, with one line', async () => {
    const dir = fresh();
    writeFileSync(scoresPath(dir), TEN);
    chmodSync(scoresPath(dir), 0o444);
    const warnings: string[] = [];
    expect(await addScore({ dir, now: () => new Date(), warn: (line) => warnings.push(line) }, 'marathon', entry(5000))).toBeNull();
    expect(readFileSync(scoresPath(dir), 'utf8')).toBe(TEN);
    expect(warnings).toEqual([`${scoresPath(dir)}: is read-only; choose another path or make it writable; this game's score is not saved`]);
  });

  it('that is a folder is moved aside with one warning in a whole game, and the score goes to a new table', async () => {
    const dir = fresh();
    mkdirSync(scoresPath(dir));
    const warnings = await playOne(dir, new Date('2026-11-23T12:00:00.000Z'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /scores\.json: is a folder; kept as .*scores\.json\.unreadable-2026-11-23T12-00-00-000Z, starting a new table$/,
    );
    expect(JSON.parse(readFileSync(scoresPath(dir), 'utf8')).marathon).toHaveLength(1);
  });
});

describe('pruning', () => {
  /** `count` archive replays, a second apart from `from`; returns their names, oldest first. */
  const replays = (dir: string, count: number, from: string) =>
    Array.from({ length: count }, (_, i) => {
      const name = replayFileName(new Date(Date.parse(from) + i * 1000), i);
      writeFileSync(join(replaysDir(dir), name), '{}');
      return name;
    });

  it('keeps the replays a table moved aside points to', async () => {
    const dir = fresh();
    const names = replays(dir, KEPT_REPLAYS + 5, '2026-01-01T00:00:00.000Z');
    // A table of a later inktris: refused, moved aside, and its best game is the oldest replay.
    writeFileSync(
      scoresPath(dir),
      JSON.stringify({ format: 'inktris-scores', version: 2, marathon: [entry(9000, names[0]!)], sprint: [] }),
    );
    const ctx = { dir, now: () => new Date('2026-11-23T12:00:00.000Z'), warn: () => undefined };
    expect(await addScore(ctx, 'marathon', entry(10))).toBe(1);
    await pruneReplays(ctx);
    const left = readdirSync(replaysDir(dir));
    expect(left).toContain(names[0]);
    expect(left).not.toContain(names[1]);
    expect(left).toHaveLength(KEPT_REPLAYS + 1);
  });

  it('never deletes a file the archive did not name', async () => {
    const dir = fresh();
    writeFileSync(join(replaysDir(dir), '1st-tetris.json'), '{}');
    replays(dir, KEPT_REPLAYS + 1, '2026-01-01T00:00:00.000Z');
    await pruneReplays({ dir, now: () => new Date(), warn: () => undefined });
    expect(existsSync(join(replaysDir(dir), '1st-tetris.json'))).toBe(true);
  });

  it.each([
    ['the clock set back ten years', '2016-11-23T12:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['a replay named ten years ahead', '2026-11-23T12:00:00.000Z', '2036-01-01T00:00:00.000Z'],
  ])('keeps the game just played with %s, and --last finds it', async (_what, now, others) => {
    const dir = fresh();
    replays(dir, KEPT_REPLAYS, others);
    expect(await playOne(dir, new Date(now))).toEqual([]);
    const table = JSON.parse(readFileSync(scoresPath(dir), 'utf8'));
    const played = table.marathon[0].replay as string;
    expect(readdirSync(replaysDir(dir))).toContain(played);
    const ctx = { dir, now: () => new Date(now), warn: () => undefined };
    expect(await findReplay(ctx, 'last')).toBe(join(replaysDir(dir), played));
    expect(JSON.parse(readFileSync(join(replaysDir(dir), played), 'utf8')).seed).toBe(9);
  });
});
