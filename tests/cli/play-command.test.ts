/** `inktris play` and bare `inktris` on the command line, without a terminal. */
import { describe, expect, it } from 'vitest';
import type { CliDeps } from '../../src/cli/deps.js';
import { runCli } from '../../src/cli/main.js';
import { MAX_QUEUE_LENGTH } from '../../src/core/limits.js';

function deps(isTTY = false): CliDeps & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
    env: { XDG_CONFIG_HOME: '/nonexistent-inktris-test', XDG_DATA_HOME: '/nonexistent-inktris-test' },
    isTTY,
    terminal: () => {
      throw new Error('no terminal in this test: play must stop before it needs one');
    },
    now: () => new Date(),
    signals: process,
    version: '0.1.0',
    readFile: async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    fileSize: async () => 0,
    writeFile: async () => {},
    randomSeed: () => 1,
    holdYoungGeneration: () => {},
    skipOptimizingCompiler: () => {},
    holdOldGeneration: () => {},
  };
}

describe('inktris play', () => {
  it.each([[['play']], [[]], [['play', '--seed', '5', '--ascii', '--no-color']]])(
    'refuses to start without a terminal: %j',
    async (argv) => {
      const d = deps();
      expect(await runCli(argv, d)).toBe(2);
      expect(d.err.join('')).toMatch(/^inktris: play: needs a terminal .*\n$/);
      expect(d.err.join('').split('\n')).toHaveLength(2);
    },
  );

  it.each([
    [['play', '--preview', '7'], /preview/],
    [['play', '--level', '20'], /level/],
    [['play', '--mode', 'zen'], /mode/],
    [['play', '--queue', 'IOX'], /queue/],
    [['play', '--seed', '-1'], /seed/],
    [['--preview', '0'], /preview/],
  ])('refuses a bad option with one line and exit 2: %j', async (argv, problem) => {
    const d = deps(true);
    expect(await runCli(argv, d)).toBe(2);
    expect(d.err.join('')).toMatch(problem);
  });

  it('refuses a queue longer than a replay may fix, so every game it records can be read back', async () => {
    const d = deps(true);
    expect(await runCli(['play', '--queue', 'i'.repeat(MAX_QUEUE_LENGTH + 1)], d)).toBe(2);
    expect(d.err.join('')).toBe(
      `inktris: option '--queue <letters>' argument '${'i'.repeat(40)}...' (10001 characters) is invalid. queue must be at most 10000 letters, not 10001; see 'inktris play --help'\n`,
    );
  });

  it('takes a queue of exactly the longest a replay may fix', async () => {
    const d = deps();
    // Past the options: only the missing terminal stops it.
    expect(await runCli(['play', '--queue', 'Z'.repeat(MAX_QUEUE_LENGTH)], d)).toBe(2);
    expect(d.err.join('')).toMatch(/^inktris: play: needs a terminal .*\n$/);
  });

  it('lists its options in --help', async () => {
    const d = deps();
    expect(await runCli(['play', '--help'], d)).toBe(0);
    const help = d.out.join('');
    for (const option of ['--seed', '--level', '--mode', '--queue', '--preview', '--no-ghost', '--record', '--ascii', '--no-color']) {
      expect(help).toContain(option);
    }
  });
});
