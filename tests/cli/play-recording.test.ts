/** Every game recorded: --record FILE, the archive in the data folder, the high scores. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advance,
  createGame,
  inputAction,
  parseReplay,
  runReplay,
  step,
  summarize,
  type GameSettings,
  type GameState,
  type InputName,
} from '../../src/core/index.js';
import { InputError } from '../../src/cli/errors.js';
import { createGameLog, openArchive, recordPath } from '../../src/cli/play-recording.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-01-02T03:04:05.678Z');

/**
 * Play `inputs` (one per tick from tick 1) through `log`, like the game
 * does, and end the game: quit mid-way, or over once it tops out.
 */
async function playThrough(
  log: ReturnType<typeof createGameLog>,
  seed: number,
  inputs: InputName[],
  settings: Partial<GameSettings> = {},
): Promise<GameState> {
  let s = createGame({ ...settings, seed });
  log.start(s.settings);
  for (const input of inputs) {
    if (s.status === 'over') break;
    s = advance(s, 1);
    log.input(s.tick, input);
    s = step(s, inputAction(input));
  }
  await log.end(s);
  return s;
}

/** Enough hard drops to top out any game. */
const TOP_OUT: InputName[] = Array.from({ length: 200 }, () => 'hardDrop');

/** The high-score table's entries of `mode`, or none when there is no table. */
function tableOf(data: string, mode: 'marathon' | 'sprint' = 'marathon'): { score: number; replay: string | null }[] {
  const path = join(data, 'scores.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8'))[mode] : [];
}

describe('the recording of every game', () => {
  it('writes --record FILE and keeps a game quit mid-way in the archive, but not in the high-score table', async () => {
    const archive = await openArchive(join(dir, 'data'));
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, archive, version: '9.9.9', now, rescueDir: dir });
    const end = await playThrough(log, 7, ['left', 'hardDrop', 'right', 'hardDrop']);
    const file = JSON.parse(readFileSync(record, 'utf8'));
    expect(file).toMatchObject({ format: 'inktris-replay', seed: 7, program: 'inktris 9.9.9', endTick: end.tick });
    expect(file.inputs).toEqual([
      [1, 'left'],
      [2, 'hardDrop'],
      [3, 'right'],
      [4, 'hardDrop'],
    ]);
    // The file replays to the game as it was: same board, score and pieces.
    const replayed = summarize(runReplay(file));
    expect(replayed).toMatchObject({ score: end.score, pieces: end.pieces, lines: end.lines, board: summarize(end).board });
    const kept = readdirSync(join(dir, 'data', 'replays'));
    expect(kept).toEqual(['2026-01-02T03-04-05-678Z-seed7.json']);
    // Two hard drops scored, but the game was left before its end: it is no result.
    expect(end.score).toBeGreaterThan(0);
    expect(tableOf(join(dir, 'data'))).toEqual([]);
    expect(log.last).toEqual({ state: end, recordedIn: record, archived: true, rank: null, tabled: false });
    expect(log.warnings).toEqual([]);
  });

  it('enters a game that topped out in the table, pointing at its kept replay', async () => {
    const archive = await openArchive(join(dir, 'data'));
    const log = createGameLog({ archive, version: '1', now, rescueDir: dir });
    const end = await playThrough(log, 7, TOP_OUT);
    expect(end.status).toBe('over');
    const kept = readdirSync(join(dir, 'data', 'replays'));
    expect(tableOf(join(dir, 'data'))).toEqual([
      expect.objectContaining({ score: end.score, pieces: end.pieces, seed: 7, replay: kept[0] }),
    ]);
    expect(log.last).toMatchObject({ recordedIn: null, archived: true, rank: 1, tabled: true });
  });

  it('keeps a practice game (--queue) in the archive, but never in the table, even when it topped out', async () => {
    const archive = await openArchive(join(dir, 'data'));
    const log = createGameLog({ archive, version: '1', now, rescueDir: dir });
    const end = await playThrough(log, 7, TOP_OUT, { queue: 'O'.repeat(100) });
    expect(end).toMatchObject({ status: 'over', settings: { queue: 'O'.repeat(100) } });
    expect(end.score).toBeGreaterThan(0);
    const [kept] = readdirSync(join(dir, 'data', 'replays'));
    expect(replayed(join(dir, 'data', 'replays', kept!))).toMatchObject({ score: end.score, state: 'over' });
    expect(tableOf(join(dir, 'data'))).toEqual([]);
    expect(log.last).toMatchObject({ archived: true, rank: null, tabled: false });
  });

  it('keeps nothing of a game in which no piece locked', async () => {
    const archive = await openArchive(join(dir, 'data'));
    const log = createGameLog({ archive, version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['left']);
    expect(readdirSync(join(dir, 'data', 'replays'))).toEqual([]);
  });

  it('refuses a --record FILE it cannot create with InputError (exit 2) before the game starts', () => {
    const log = createGameLog({ record: join(dir, 'no', 'such', 'folder', 'game.json'), archive: null, version: '1', now });
    expect(() => log.start(createGame({ seed: 1 }).settings)).toThrow(InputError);
  });

  it('goes on with a later game whose --record FILE cannot be created, and says where that game went', async () => {
    const archive = await openArchive(join(dir, 'data'));
    mkdirSync(join(dir, 'out'));
    const log = createGameLog({ record: join(dir, 'out', 'game.json'), archive, version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    // Between the games the folder of FILE is gone: the restart cannot stop the game for it.
    rmSync(join(dir, 'out'), { recursive: true });
    const end = await playThrough(log, 2, ['left', 'hardDrop']);
    // The clock stands still, so the second game is named 1 ms after the first: names keep the order of play.
    const kept = join(dir, 'data', 'replays', '2026-01-02T03-04-05-679Z-seed2.json');
    expect(log.warnings).toEqual([
      `${join(dir, 'out', 'game-2.json')}: cannot write the replay (no such folder); the replay is in ${kept}`,
    ]);
    expect(replayed(kept)).toMatchObject({ score: end.score, board: summarize(end).board });
  });
});

describe('--record FILE over several games of one session', () => {
  it('records each game into a file of its own: FILE, then FILE-2, FILE-3, each replaying to its game', async () => {
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, archive: null, version: '1', now, rescueDir: dir });
    const first = await playThrough(log, 1, ['hardDrop']);
    // Restart (r, or "play again"): a new game with a new seed.
    const second = await playThrough(log, 2, ['left', 'hardDrop', 'hardDrop']);
    const third = await playThrough(log, 3, TOP_OUT);
    const files = [record, join(dir, 'game-2.json'), join(dir, 'game-3.json')];
    expect(readdirSync(dir).sort()).toEqual(['game-2.json', 'game-3.json', 'game.json']);
    for (const [i, end] of [first, second, third].entries()) {
      expect(replayed(files[i]!)).toMatchObject({ score: end.score, pieces: end.pieces, state: end.status, board: summarize(end).board });
    }
    expect(log.recorded).toEqual(files);
    expect(log.last).toMatchObject({ state: third, recordedIn: files[2], archived: false });
    expect(log.warnings).toEqual([]);
  });

  it('keeps no file for a restart in which nothing happened, and tells of the last game that had something', async () => {
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, archive: await openArchive(join(dir, 'data')), version: '1', now, rescueDir: dir });
    const first = await playThrough(log, 1, ['hardDrop']);
    // r, r again at once, then a game with a drop, then "play again" and quit.
    await playThrough(log, 2, []);
    await playThrough(log, 3, []);
    const fourth = await playThrough(log, 4, ['hardDrop', 'hardDrop']);
    await playThrough(log, 5, []);
    expect(
      readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort(),
    ).toEqual(['game-2.json', 'game.json']);
    expect(replayed(join(dir, 'game-2.json'))).toMatchObject({ score: fourth.score, pieces: 2 });
    expect(replayed(record)).toMatchObject({ score: first.score, pieces: 1 });
    expect(log.recorded).toEqual([record, join(dir, 'game-2.json')]);
    expect(log.last).toMatchObject({ state: fourth, recordedIn: join(dir, 'game-2.json'), archived: true });
  });

  it('never writes over a file that exists: a later game takes the next free number', async () => {
    const record = join(dir, 'game.json');
    writeFileSync(join(dir, 'game-2.json'), 'an earlier run');
    writeFileSync(join(dir, 'game-3.json'), 'another');
    const log = createGameLog({ record, archive: null, version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    const second = await playThrough(log, 2, ['hardDrop', 'hardDrop']);
    const third = await playThrough(log, 3, ['hardDrop', 'hardDrop', 'hardDrop']);
    expect(readFileSync(join(dir, 'game-2.json'), 'utf8')).toBe('an earlier run');
    expect(readFileSync(join(dir, 'game-3.json'), 'utf8')).toBe('another');
    expect(replayed(join(dir, 'game-4.json'))).toMatchObject({ pieces: second.pieces, score: second.score });
    expect(replayed(join(dir, 'game-5.json'))).toMatchObject({ pieces: third.pieces, score: third.score });
    expect(log.recorded).toEqual([record, join(dir, 'game-4.json'), join(dir, 'game-5.json')]);
  });

  it('gives two sessions recording to the same FILE at once different files for their later games', async () => {
    const record = join(dir, 'game.json');
    const a = createGameLog({ record, archive: null, version: '1', now, rescueDir: dir });
    const b = createGameLog({ record, archive: null, version: '1', now, rescueDir: dir });
    await playThrough(a, 1, ['hardDrop']);
    await playThrough(b, 1, ['hardDrop']);
    // Both sessions restart before either of those games ends: each claims a name of its own.
    a.start(createGame({ seed: 2 }).settings);
    b.start(createGame({ seed: 3 }).settings);
    a.input(1, 'left');
    b.input(1, 'right');
    await a.end(createGame({ seed: 2 }));
    await b.end(createGame({ seed: 3 }));
    expect(a.recorded.at(-1)).toBe(join(dir, 'game-2.json'));
    expect(b.recorded.at(-1)).toBe(join(dir, 'game-3.json'));
    expect(JSON.parse(readFileSync(join(dir, 'game-2.json'), 'utf8')).seed).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'game-3.json'), 'utf8')).seed).toBe(3);
  });

  it.each([
    ['game.json', 2, 'game-2.json'],
    ['game.json', 1, 'game.json'],
    ['replays/monday.v1.json', 3, join('replays', 'monday.v1-3.json')],
    ['game', 2, 'game-2'],
    ['/tmp/x/.hidden', 2, '/tmp/x/.hidden-2'],
  ])('--record %s: game %i of the session goes into %s', (file, n, expected) => {
    expect(recordPath(file, n)).toBe(expected);
  });
});

/** The game a replay file plays to. */
function replayed(path: string) {
  const read = parseReplay(readFileSync(path, 'utf8'), path);
  if (!read.ok) throw new Error(read.error);
  return summarize(runReplay(read.replay));
}

describe('a data folder that cannot be written', () => {
  /** A data folder below a regular file: every write into it fails with ENOTDIR, even for root. */
  const blocked = () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    return join(dir, 'file', 'inktris');
  };
  const rescued = (seed: number, suffix = '') => join(dir, `inktris-replay-2026-01-02T03-04-05-678Z-seed${seed}${suffix}.json`);

  it('plays on, saves the replay in the current folder instead, and says both in one line', async () => {
    const archive = await openArchive(blocked());
    expect(archive.problem).toBe(`${join(dir, 'file', 'inktris')}: cannot keep replays and high scores there (part of the path is a file)`);
    const log = createGameLog({ archive, version: '1', now, rescueDir: dir });
    const end = await playThrough(log, 1, ['left', 'hardDrop', 'cw', 'hardDrop']);
    expect(log.warnings).toEqual([`${archive.problem}; the replay is in ${rescued(1)}`]);
    expect(replayed(rescued(1))).toMatchObject({ score: end.score, lines: end.lines, pieces: 2, board: summarize(end).board });
    expect(log.unsaved).toEqual([]);
  });

  it('never overwrites a file in the current folder', async () => {
    writeFileSync(rescued(1), 'mine');
    const log = createGameLog({ archive: await openArchive(blocked()), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    expect(readFileSync(rescued(1), 'utf8')).toBe('mine');
    expect(log.warnings[0]).toMatch(new RegExp(`the replay is in ${rescued(1, '-2').replace(/[.]/g, '\\.')}$`));
    expect(replayed(rescued(1, '-2')).pieces).toBe(1);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('prints the replay on stdout when the current folder cannot take it either', async () => {
    const log = createGameLog({ archive: await openArchive(blocked()), version: '1', now, rescueDir: join(dir, 'file', 'here') });
    const end = await playThrough(log, 3, ['hardDrop']);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(
      /cannot keep replays and high scores there \(part of the path is a file\); not in .*here either \(part of the path is a file\): the replay follows on stdout$/,
    );
    expect(log.unsaved).toHaveLength(1);
    const read = parseReplay(log.unsaved[0]!, 'stdout');
    expect(read.ok && summarize(runReplay(read.replay))).toMatchObject({ score: end.score, pieces: 1 });
  });

  it('says so once, and keeps nothing, for games in which no piece locked', async () => {
    const log = createGameLog({ archive: await openArchive(blocked()), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['left']);
    await playThrough(log, 2, ['right']);
    expect(log.warnings).toEqual([
      `${join(dir, 'file', 'inktris')}: cannot keep replays and high scores there (part of the path is a file)`,
    ]);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('names the --record FILE, which holds the game, and writes nothing more', async () => {
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, archive: await openArchive(blocked()), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    expect(log.warnings).toEqual([
      `${join(dir, 'file', 'inktris')}: cannot keep replays and high scores there (part of the path is a file); the replay is in ${record}`,
    ]);
    expect(readdirSync(dir).sort()).toEqual(['file', 'game.json']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'plays on when the replays folder may not be written (as root, permissions do not stop writes)',
    async () => {
      const data = join(dir, 'data');
      mkdirSync(join(data, 'replays'), { recursive: true });
      chmodSync(join(data, 'replays'), 0o500);
      const log = createGameLog({ archive: await openArchive(data), version: '1', now, rescueDir: dir });
      await playThrough(log, 1, ['hardDrop']);
      expect(log.warnings).toEqual([
        `${data}: cannot keep replays and high scores there (permission denied); the replay is in ${rescued(1)}`,
      ]);
    },
  );
});
