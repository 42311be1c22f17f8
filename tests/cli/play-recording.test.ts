/** Every game recorded: --record FILE, the archive in the data folder, the high scores. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, runReplay, step, summarize, type GameState, type InputName } from '../../src/core/index.js';
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
    const data = await openArchive(join(dir, 'data'), []);
    const record = join(dir, 'game.json');
    const log = createGameLog({ record, dataDir: data, version: '9.9.9', now });
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
    const data = await openArchive(join(dir, 'data'), []);
    const log = createGameLog({ dataDir: data, version: '1', now });
    await playThrough(log, 1, ['left']);
    expect(readdirSync(join(dir, 'data', 'replays'))).toEqual([]);
  });

  it('refuses a --record FILE it cannot create with InputError (exit 2) before the game starts', () => {
    const log = createGameLog({ record: join(dir, 'no', 'such', 'folder', 'game.json'), dataDir: null, version: '1', now });
    expect(() => log.start(createGame({ seed: 1 }).settings)).toThrow(InputError);
  });

  it('plays on without the archive when the data folder cannot be made, and says so after', async () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    const warnings: string[] = [];
    const data = await openArchive(join(dir, 'file', 'data'), warnings);
    expect(data).toBeNull();
    expect(warnings).toHaveLength(1);
    const log = createGameLog({ dataDir: data, version: '1', now }, warnings);
    await playThrough(log, 1, ['hardDrop']);
    expect(warnings).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('plays on when the archive cannot be written', async () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'replays'), { recursive: true });
    chmodSync(join(data, 'replays'), 0o500);
    const log = createGameLog({ dataDir: data, version: '1', now });
    await playThrough(log, 1, ['hardDrop']);
    expect(log.warnings.join('\n')).toMatch(/not kept/);
  });
});
