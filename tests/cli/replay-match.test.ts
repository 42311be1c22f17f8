/**
 * `replay FILE --json` of a versus match (CLI.md "Replay file, version 2":
 * `players` instead of `inputs`): the match summary, and each refusal of a
 * match file as one line and exit 2.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { runMatch, summarizeMatch, type ReplayInput } from '../../src/core/index.js';
import { memoryDeps, type MemoryFile } from './memory-deps.js';

// Player 1 lays eight I pieces flat in columns 0-3 and 5-8, fills column 4 upright, then 9: a tetris at the tenth
// drop sends player 2 four rows, which enter at player 2's next lock that clears nothing after 30 ticks.
const P1: ReplayInput[] = [
  [0, 'left'],
  [0, 'left'],
  [0, 'left'],
  [0, 'hardDrop'],
  [1, 'right'],
  [1, 'right'],
  [1, 'hardDrop'],
  [2, 'left'],
  [2, 'left'],
  [2, 'left'],
  [2, 'hardDrop'],
  [3, 'right'],
  [3, 'right'],
  [3, 'hardDrop'],
  [4, 'left'],
  [4, 'left'],
  [4, 'left'],
  [4, 'hardDrop'],
  [5, 'right'],
  [5, 'right'],
  [5, 'hardDrop'],
  [6, 'left'],
  [6, 'left'],
  [6, 'left'],
  [6, 'hardDrop'],
  [7, 'right'],
  [7, 'right'],
  [7, 'hardDrop'],
  [8, 'cw'],
  [8, 'left'],
  [8, 'hardDrop'],
  [9, 'cw'],
  [9, 'right'],
  [9, 'right'],
  [9, 'right'],
  [9, 'right'],
  [9, 'right'],
  [9, 'hardDrop'],
];
const P2: ReplayInput[] = [
  [10, 'hardDrop'],
  [50, 'hardDrop'],
];

const MATCH = {
  format: 'inktris-replay',
  version: 2,
  seed: 12345,
  settings: { rules: 'nes', queue: 'IIIIIIIIIIIIIIII' },
  players: [
    { name: 'ann', inputs: P1 },
    { name: 'bot', inputs: P2 },
  ],
  endTick: 60,
};

async function run(argv: string[], files: Record<string, MemoryFile> = {}) {
  const deps = memoryDeps(files);
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

const file = (value: unknown) => ({ 'match.json': JSON.stringify(value) });

describe('replay --json of a versus match', () => {
  it('prints the match summary: tick, both players with sent, received and pending, and the winner', async () => {
    const { code, out, err } = await run(['replay', 'match.json', '--json'], file(MATCH));
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toEqual(summarizeMatch(runMatch({ seed: 12345, rules: 'nes', queue: 'IIIIIIIIIIIIIIII' }, [P1, P2], 60)));
    expect(summary.tick).toBe(60);
    expect(summary.winner).toBeNull();
    const [ann, bot] = summary.players;
    expect(ann.lines).toBe(4);
    expect(ann.sent).toBe(4);
    // Player 2's lock at tick 10 came too early; the one at tick 50 took the four rows.
    expect(bot.received).toBe(4);
    expect(bot.pending).toBe(0);
    expect(bot.board.slice(-4).every((row: string) => /^G*\.G*$/.test(row) && row.length === 10)).toBe(true);
  });

  it('runs to the later of the two lists without endTick', async () => {
    const { endTick: _, ...open } = MATCH;
    const { out } = await run(['replay', 'match.json', '--json'], file(open));
    expect(JSON.parse(out).tick).toBe(50);
  });

  it.each([
    [
      'players not a list of two',
      { players: [{ inputs: [] }] },
      'match.json: players: expected a list of two players, not a list of 1 item',
    ],
    [
      'a mode other than marathon',
      { settings: { mode: 'sprint' } },
      'match.json: settings.mode: "sprint" is not "marathon" (a match is played in marathon)',
    ],
    [
      'a name longer than 32',
      { players: [{ name: 'a'.repeat(33), inputs: [] }, { inputs: [] }] },
      'match.json: players[0].name: 33 characters, more than 32',
    ],
    [
      'a name with control characters',
      { players: [{ inputs: [] }, { name: 'x\u001b]0;y\u0007', inputs: [] }] },
      'match.json: players[1].name: ',
    ],
    ['a bad input', { players: [{ inputs: [[0, 'jump']] }, { inputs: [] }] }, 'match.json: players[0].inputs[0]: "jump" is not an action'],
    ['version 1', { version: 1 }, 'match.json: players: a match needs version 2'],
  ])('refuses %s in one line, exit 2', async (_, fields, message) => {
    const { code, out, err } = await run(['replay', 'match.json', '--json'], file({ ...MATCH, ...fields }));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(message);
    expect(err).not.toContain('\u001b');
  });

  it("--frame N of a match file draws both boards at tick N: the garbage player 1 sent in player 2's well", async () => {
    const { code, out, err } = await run(['replay', 'match.json', '--frame', '60', '--ascii'], file(MATCH));
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+ann\s+bot$/);
    expect(lines.filter((line) => line.includes('SCORE'))).toHaveLength(1);
    expect(lines.find((line) => line.includes('SCORE'))?.match(/SCORE/g)).toHaveLength(2);
    // Player 2's well (the second one on each row) ends in four garbage rows, one hole each, in the same column.
    const wells = lines.map((line) => [...line.matchAll(/\|([^|]{20})\|/g)].map((m) => m[1]!));
    const bottom = wells
      .filter((w) => w.length === 2)
      .slice(-4)
      .map((w) => w[1]!);
    expect(bottom).toHaveLength(4);
    for (const row of bottom) expect(row.replaceAll('[]', '').length).toBe(2);
    expect(new Set(bottom.map((row) => row.indexOf('  '))).size).toBe(1);
  });
});
