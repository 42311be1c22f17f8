/**
 * The bundle changes how Ink measures, splits and lays out text, for speed
 * (scripts/bundle-options.mjs: string-width's shortcuts, and the caches and
 * the frozen blank cell all of Ink's Outputs share). Every other test runs Ink as installed, so this one checks that
 * the built program draws the very same bytes: the asciicast recording of
 * a bot game, exported by the build, against the one exported in-process.
 * A recording is hundreds of frames drawn by one Ink instance, so a cache
 * that kept anything wrong from one frame to the next would show.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import { runCli } from '../../src/cli/main.js';
import { serializeReplay } from '../../src/core/index.js';
import { memoryDeps, type MemoryFile } from '../cli/memory-deps.js';
import { buildApp } from './tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-bundle-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A recording's events, without the header (which holds the time it was made). */
function events(cast: string): string[] {
  return cast.trimEnd().split('\n').slice(1);
}

describe('the built program draws what the tests draw', () => {
  it('exports the same asciicast of a bot game, byte for byte, in colour and in ASCII', async () => {
    const bot = playBot({ seed: 11, pieces: 250, pace: 12 });
    // Line clears, holds and a level change are all in the game.
    expect(bot.state.lines).toBeGreaterThan(80);
    const game = serializeReplay({ seed: 11, settings: {}, inputs: bot.inputs, endTick: bot.inputs.at(-1)![0] + 30 });
    writeFileSync(join(work, 'game.json'), game);
    for (const extra of [[], ['--ascii', '--no-color']]) {
      const built = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'export', 'game.json', '--cast', 'built.cast', ...extra], {
        cwd: work,
        encoding: 'utf8',
      });
      expect(built.status, built.stderr).toBe(0);
      const files: Record<string, MemoryFile> = { 'game.json': game };
      expect(await runCli(['export', 'game.json', '--cast', 'tests.cast', ...extra], memoryDeps(files))).toBe(0);
      const expected = events(files['tests.cast'] as string);
      expect(expected.length).toBeGreaterThan(250);
      expect(events(readFileSync(join(work, 'built.cast'), 'utf8'))).toEqual(expected);
    }
  }, 60_000);
});
