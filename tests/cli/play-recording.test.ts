/** Every game recorded: --record FILE, the archive in the data folder, the high scores. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, parseReplay, runReplay, step, summarize, type GameState, type InputName } from '../../src/core/index.js';
import { InputError } from '../../src/cli/errors.js';
import { createGameLog, openArchive } from '../../src/cli/play-recording.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-01-02T03:04:05.678Z');

/** Play `inputs` (one per tick from tick 1) through `log`, like the game does, and end the game. */
async function playThrough(log: ReturnType<typeof createGameLog>, seed: number, inputs: InputName[]): Promise<GameState> {
  let s = createGame({ seed });
  log.start(s.settings);
  for (const input of inputs) {
    s = advance(s, 1);
    log.input(s.tick, input);
    s = step(s, inputAction(input));
  }
  await log.end(s);
  return s;
}

describe('the recording of every game', () => {
  it('writes --record FILE and keeps the game in the archive, with its score in the table', async () => {
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
    const scores = JSON.parse(readFileSync(join(dir, 'data', 'scores.json'), 'utf8'));
    expect(scores.marathon).toEqual([expect.objectContaining({ score: end.score, pieces: 2, seed: 7, replay: kept[0] })]);
    expect(log.warnings).toEqual([]);
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
    expect(log.warnings).toEqual([`${join(dir, 'out', 'game.json')}: cannot write the replay (no such folder); the replay is in ${kept}`]);
    expect(replayed(kept)).toMatchObject({ score: end.score, board: summarize(end).board });
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
    expect(log.warnings[0]).toMatch(/cannot keep replays and high scores there \(part of the path is a file\); not in .*here either \(part of the path is a file\): the replay follows on stdout$/);
    expect(log.unsaved).toHaveLength(1);
    const read = parseReplay(log.unsaved[0]!, 'stdout');
    expect(read.ok && summarize(runReplay(read.replay))).toMatchObject({ score: end.score, pieces: 1 });
  });

  it('says so once, and keeps nothing, for games in which no piece locked', async () => {
    const log = createGameLog({ archive: await openArchive(blocked()), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['left']);
    await playThrough(log, 2, ['right']);
    expect(log.warnings).toEqual([`${join(dir, 'file', 'inktris')}: cannot keep replays and high scores there (part of the path is a file)`]);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('names the --record FILE, which holds the game, and writes nothing more', async () => {
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, archive: await openArchive(blocked()), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    expect(log.warnings).toEqual([`${join(dir, 'file', 'inktris')}: cannot keep replays and high scores there (part of the path is a file); the replay is in ${record}`]);
    expect(readdirSync(dir).sort()).toEqual(['file', 'game.json']);
  });

  it.skipIf(process.getuid?.() === 0)('plays on when the replays folder may not be written (as root, permissions do not stop writes)', async () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'replays'), { recursive: true });
    chmodSync(join(data, 'replays'), 0o500);
    const log = createGameLog({ archive: await openArchive(data), version: '1', now, rescueDir: dir });
    await playThrough(log, 1, ['hardDrop']);
    expect(log.warnings).toEqual([`${data}: cannot keep replays and high scores there (permission denied); the replay is in ${rescued(1)}`]);
  });
});
