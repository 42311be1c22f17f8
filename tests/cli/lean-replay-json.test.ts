/**
 * The plain `replay FILE --json` runs from a bundle of its own, without
 * commander (lean-replay-json.ts): what it prints, refuses and exits with
 * is what the full program gives for the same command line. Which command
 * lines bin/ sends there is checked on the build (tests/e2e/startup.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplayJson } from '../../src/cli/lean-replay-json.js';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps, type MemoryFile } from './memory-deps.js';

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

describe('the lean path and the full program agree', () => {
  const files: Record<string, MemoryFile> = {
    'game.json': fixture('replays/tetris.json'),
    'match.json': fixture('matches/versus.json'),
    'broken.json': '{"format": "inktris-replay", "version": 1, "seed": 1, "inputs": [[5, "left"], [3, "left"]]}',
    'not-json.json': '{"format": ',
    'no-players.json': '{"format": "inktris-replay", "version": 2, "seed": 1, "players": [{"inputs": []}]}',
    'folder.json': { code: 'EISDIR' },
  };

  /** Exit code and output of `runCli(argv)` (the full program), or of the lean bundle for its file (`argv` names it after `replay`, beside `--json`). */
  async function run(argv: string[], lean: boolean) {
    const deps = memoryDeps({ ...files });
    const file = argv.slice(1).find((word) => word !== '--json')!;
    const code = lean ? await runReplayJson(file, deps) : await runCli(argv, deps);
    return { code, out: deps.out.join(''), err: deps.err.join(''), quick: deps.quickCompiles.length };
  }

  it.each(Object.keys(files).concat('missing.json'))('%s: the same output, refusal and exit code', async (file) => {
    for (const argv of [
      ['replay', file, '--json'],
      ['replay', '--json', file],
    ]) {
      const lean = await run(argv, true);
      expect(lean).toEqual(await run(argv, false));
      expect(lean.out + lean.err).not.toBe('');
    }
  });

  it('prints the summary of a game and of a match, exit 0', async () => {
    const game = await run(['replay', 'game.json', '--json'], true);
    expect(game.code).toBe(0);
    expect(JSON.parse(game.out)).toMatchObject({ state: expect.any(String), pieces: expect.any(Number) });
    const match = await run(['replay', '--json', 'match.json'], true);
    expect(match.code).toBe(0);
    expect(JSON.parse(match.out)).toHaveProperty('players');
  });

  it('refuses a bad file in one line, exit 2', async () => {
    const broken = await run(['replay', 'broken.json', '--json'], true);
    expect(broken).toMatchObject({ code: 2, out: '' });
    expect(broken.err).toBe('inktris: broken.json: inputs[1]: tick 3 comes after tick 5\n');
  });
});
