/** A disk that fills up in the middle of a game: the game is not lost. */
import { existsSync, fstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  advance,
  createGame,
  inputAction,
  parseReplay,
  runReplay,
  step,
  summarize,
  type GameState,
  type InputName,
} from '../../src/core/index.js';
import { createGameLog, openArchive } from '../../src/cli/play-recording.js';

/** When `full` holds for a file's descriptor, its disk is full: a write may overwrite the file's bytes but not grow it. */
const disk = vi.hoisted(() => ({ full: (_fd: number): boolean => false }));

// The recorder appends with positioned writeSync calls, and the one safe writer (safe-write.ts) writes with writeSync; a rescue into a new file writes with writeFileSync, the disk of the current folder.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
    if (!disk.full(fd) || position + length <= fs.fstatSync(fd).size) return fs.writeSync(fd, buffer, offset, length, position);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-full-'));
  disk.full = () => false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-01-02T03:04:05.678Z');

/**
 * Play `inputs` one per tick through `log` (until the game is over); before
 * input number `fullAt`, the disk of the files `full` picks fills up.
 */
async function playThrough(
  log: ReturnType<typeof createGameLog>,
  seed: number,
  inputs: InputName[],
  fullAt: number,
  full = (_fd: number) => true,
): Promise<GameState> {
  let s = createGame({ seed });
  log.start(s.settings);
  inputs.forEach((input, i) => {
    if (s.status === 'over') return;
    if (i === fullAt) disk.full = full;
    s = advance(s, 1);
    log.input(s.tick, input);
    s = step(s, inputAction(input));
  });
  await log.end(s);
  return s;
}

function replayed(text: string) {
  const read = parseReplay(text, 'replay');
  if (!read.ok) throw new Error(read.error);
  return { replay: read.replay, end: summarize(runReplay(read.replay)) };
}

const INPUTS: InputName[] = ['left', 'hardDrop', 'cw', 'right', 'hardDrop', 'hardDrop'];

describe('a disk that fills up mid-game', () => {
  it('plays on; at the end one line names both files that failed and the whole replay saved in the current folder', async () => {
    const record = join(dir, 'game.json');
    const archive = await openArchive(join(dir, 'data'));
    mkdirSync(join(dir, 'cwd'));
    const log = createGameLog({ record, archive, version: '1', now, rescueDir: join(dir, 'cwd') }, []);
    const rescued = join(dir, 'cwd', 'inktris-replay-2026-01-02T03-04-05-678Z-seed5.json');
    const archived = join(dir, 'data', 'replays', '2026-01-02T03-04-05-678Z-seed5.json');
    // The disk of both replay files fills up; the high scores, a few bytes written once at the end, still fit.
    const replayFile = (fd: number) => [record, archived].some((path) => existsSync(path) && fstatSync(fd).ino === statSync(path).ino);
    // Played to its top out, so that its score enters the table.
    const end = await playThrough(log, 5, [...INPUTS, ...Array.from({ length: 200 }, (): InputName => 'hardDrop')], 2, replayFile);
    expect(end.status).toBe('over');

    expect(log.warnings).toEqual([
      `${record}: cannot write the replay (no space left on the disk); ${archived}: cannot write the replay (no space left on the disk); the replay is in ${rescued}`,
    ]);
    // The rescued file holds every input and plays to the game as it ended.
    const { replay, end: again } = replayed(readFileSync(rescued, 'utf8'));
    expect(replay.inputs).toHaveLength(INPUTS.length + end.pieces - 3);
    expect(again).toMatchObject({ score: end.score, pieces: end.pieces, board: summarize(end).board, state: 'over' });
    // --record FILE stays a valid replay of the game up to the failed write.
    expect(replayed(readFileSync(record, 'utf8')).replay.inputs).toHaveLength(2);
    // The archive's copy, cut short, is not kept; the score is, pointing at no replay.
    expect(existsSync(archived)).toBe(false);
    const scores = JSON.parse(readFileSync(join(dir, 'data', 'scores.json'), 'utf8'));
    expect(scores.marathon).toEqual([expect.objectContaining({ score: end.score, replay: null })]);
  });

  it('names the archive copy when only --record FILE fills up', async () => {
    const record = join(dir, 'game.json');
    const archive = await openArchive(join(dir, 'data'));
    const log = createGameLog({ record, archive, version: '1', now, rescueDir: dir }, []);
    // Only FILE's disk is full: the archive is elsewhere.
    const full = (fd: number) => fstatSync(fd).ino === statSync(record).ino;
    const end = await playThrough(log, 6, INPUTS, 3, full);
    const archived = join(dir, 'data', 'replays', '2026-01-02T03-04-05-678Z-seed6.json');
    expect(log.warnings).toEqual([`${record}: cannot write the replay (no space left on the disk); the replay is in ${archived}`]);
    expect(replayed(readFileSync(archived, 'utf8')).end).toMatchObject({ score: end.score, board: summarize(end).board });
    expect(replayed(readFileSync(record, 'utf8')).replay.inputs).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.startsWith('inktris-replay-'))).toEqual([]);
  });
});
