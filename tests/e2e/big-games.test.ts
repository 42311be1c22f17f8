/**
 * Long games on the real build (issue 15): what the bot records stays
 * within what the reader reads. The export of a long game in constant
 * memory is big-export.test.ts, a file of its own so that the two run side
 * by side, one in each worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPLAY_BYTES } from '../../src/core/limits.js';
import { buildApp } from './tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-big-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function inktris(args: string[]) {
  const result = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('long games on the real build', () => {
  it('records a bot game past 16 MiB only up to the limit, and the file reads back to the game played', () => {
    const bot = inktris(['bot', '--seed', '1', '--pieces', '300000', '--record', 'full.json', '--json']);
    expect(bot.code).toBe(0);
    expect(bot.err).toBe('inktris: full.json: the replay is full (a replay may have at most 16 MiB); the game stopped there\n');
    const size = statSync(join(work, 'full.json')).size;
    expect(size).toBeLessThanOrEqual(MAX_REPLAY_BYTES);
    expect(size).toBeGreaterThan(MAX_REPLAY_BYTES - 1000);
    const played = JSON.parse(bot.out);
    expect(played.pieces).toBeLessThan(300_000);
    const replay = inktris(['replay', 'full.json', '--json']);
    expect({ code: replay.code, err: replay.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(replay.out)).toEqual(played);
  }, 180_000);
});
