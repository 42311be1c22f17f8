import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { MAX_REPLAY_PIECES, parseReplay } from '../../src/core/index.js';
import { memoryDeps } from './memory-deps.js';

describe('inktris bot', () => {
  it('plays headless and prints a line saying how it went', async () => {
    const deps = memoryDeps();
    expect(await runCli(['bot', '--seed', '7', '--pieces', '100'], deps)).toBe(0);
    expect(deps.out.join('')).toMatch(/^seed 7: 100 pieces, (\d+) lines \(0\.\d{3} per piece\), score \d+, level \d+; stopped\n$/);
  });

  it('records a game that replays to the same summary', async () => {
    const files: Record<string, string> = {};
    const deps = memoryDeps(files);
    expect(await runCli(['bot', '--seed', '11', '--pieces', '60', '--pace', '30', '--json', '--record', 'bot.json'], deps)).toBe(0);
    const played = JSON.parse(deps.out.join(''));
    expect(played.pieces).toBe(60);
    expect(played.lines).toBeGreaterThan(15);
    const replayDeps = memoryDeps(files);
    expect(await runCli(['replay', 'bot.json', '--json'], replayDeps)).toBe(0);
    expect(JSON.parse(replayDeps.out.join(''))).toEqual(played);
  });

  it('holds the young generation for its long run; replay --json, a short batch, does not (heap.ts)', async () => {
    const files: Record<string, string> = {};
    const bot = memoryDeps(files);
    expect(await runCli(['bot', '--seed', '2', '--pieces', '5', '--record', 'b.json'], bot)).toBe(0);
    expect(bot.held).toHaveLength(1);
    const replay = memoryDeps(files);
    expect(await runCli(['replay', 'b.json', '--json'], replay)).toBe(0);
    expect(replay.held).toHaveLength(0);
  });

  it('writes the replay while it plays, a piece at a time, never as one string', async () => {
    const written: (string | string[])[] = [];
    const deps = memoryDeps();
    const record = {
      ...deps,
      writeFile: async (_path: string, text: string | Iterable<string>) => void written.push(typeof text === 'string' ? text : [...text]),
    };
    expect(await runCli(['bot', '--seed', '4', '--pieces', '30', '--record', 'b.json'], record)).toBe(0);
    expect(written).toHaveLength(1);
    const pieces = written[0]!;
    expect(Array.isArray(pieces)).toBe(true);
    // The head, a piece of text per piece played, the tail.
    expect(pieces).toHaveLength(32);
    expect(parseReplay((pieces as string[]).join(''), 'b.json').ok).toBe(true);
  });

  it('refuses up front to record more pieces than a replay file can hold, writing nothing', async () => {
    const files: Record<string, string> = {};
    const deps = memoryDeps(files);
    expect(await runCli(['bot', '--pieces', String(MAX_REPLAY_PIECES + 1), '--record', 'big.json'], deps)).toBe(2);
    expect(deps.err.join('')).toBe(
      `inktris: bot: --pieces ${MAX_REPLAY_PIECES + 1} cannot be recorded: a replay holds at most ${MAX_REPLAY_PIECES} pieces (16 MiB)\n`,
    );
    expect(files).toEqual({});
  });

  it('plays a sprint until the line total reaches 40', async () => {
    const deps = memoryDeps();
    expect(await runCli(['bot', '--seed', '3', '--pieces', '1000', '--mode', 'sprint', '--json'], deps)).toBe(0);
    const summary = JSON.parse(deps.out.join(''));
    expect(summary).toMatchObject({ state: 'over', topOut: null, mode: 'sprint' });
    // The clear that reaches 40 may take the total past it.
    expect(summary.lines).toBeGreaterThanOrEqual(40);
    expect(summary.lines).toBeLessThanOrEqual(43);
  });

  it.each([
    [['bot', '--pieces', '0'], "pieces must be from 1 to 10000000, not 0; see 'inktris bot --help'\n"],
    [['bot', '--seed', '-4'], "seed must be a whole number from 0 to 4294967295; see 'inktris bot --help'\n"],
    [['bot', '--pace', 'slow'], "pace must be a whole number from 0 to 3600; see 'inktris bot --help'\n"],
  ])('refuses %j with exit 2', async (argv, message) => {
    const deps = memoryDeps();
    expect(await runCli(argv, deps)).toBe(2);
    expect(deps.err.join('').endsWith(message)).toBe(true);
    expect(deps.err.join('').trim().split('\n')).toHaveLength(1);
  });
});
