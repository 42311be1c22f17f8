/**
 * The options of version 2 that start games (CLI.md "Commands and
 * options"): --rules, --mode ultra|dig, --dig-lines, and --level in the rule
 * set's range, on play, demo and bot alike.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps } from './memory-deps.js';

async function run(argv: string[], files: Record<string, string> = {}) {
  const deps = memoryDeps(files);
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

describe('bad game options', () => {
  it.each(['play', 'demo', 'bot'])('%s refuses each with one line and exit 2', async (command) => {
    const cases: [string[], string][] = [
      [['--rules', 'tgm'], "option '--rules <rules>' argument 'tgm' is invalid. rules must be nes or guideline, not tgm"],
      [['--mode', 'zen'], "option '--mode <mode>' argument 'zen' is invalid. mode must be marathon, sprint, ultra or dig, not zen"],
      [
        ['--mode', 'dig', '--dig-lines', '12'],
        "option '--dig-lines <n>' argument '12' is invalid. dig lines must be 10, 18 or 100, not 12",
      ],
      [['--dig-lines', '18'], "option '--dig-lines <n>' needs --mode dig, not --mode marathon"],
      [['--mode', 'ultra', '--dig-lines', '10'], "option '--dig-lines <n>' needs --mode dig, not --mode ultra"],
      [['--level', '20'], "option '--level <n>' argument '20' is invalid. level must be from 0 to 19, not 20"],
      [['--level', 'x'], "option '--level <n>' argument 'x' is invalid. level must be a whole number from 0 to 19"],
      [
        ['--rules', 'guideline', '--level', '0'],
        "option '--level <n>' argument '0' is invalid. level under the guideline rules must be from 1 to 20, not 0",
      ],
      [
        ['--level', '21', '--rules', 'guideline'],
        "option '--level <n>' argument '21' is invalid. level under the guideline rules must be from 1 to 20, not 21",
      ],
    ];
    for (const [argv, message] of cases) {
      expect(await run([command, ...argv]), argv.join(' ')).toEqual({
        code: 2,
        out: '',
        err: `inktris: ${message}; see 'inktris ${command} --help'\n`,
      });
    }
  });
});

describe('bot under the new options', () => {
  it.each([
    [['--rules', 'guideline'], { mode: 'marathon' }, 1],
    [['--rules', 'guideline', '--level', '20'], { mode: 'marathon' }, 20],
    [['--mode', 'ultra', '--pace', '60'], { mode: 'ultra', state: 'over', time: 7200, topOut: null }, 0],
    [['--rules', 'guideline', '--mode', 'dig', '--dig-lines', '18', '--pace', '20'], { mode: 'dig', state: 'over', garbageLeft: 0 }, 1],
    [['--mode', 'dig'], { mode: 'dig', state: 'over', garbageLeft: 0 }, 0],
  ])('%j plays, records version 2 where it must, and replays to the same summary', async (argv, expected, startLevel) => {
    const files: Record<string, string> = {};
    const played = await run(['bot', '--seed', '5', '--pieces', '400', '--json', '--record', 'bot.json', ...argv], files);
    expect(played.code).toBe(0);
    const summary = JSON.parse(played.out);
    expect(summary).toMatchObject(expected);
    const file = JSON.parse(files['bot.json']!);
    const v2 = argv.includes('guideline') || argv.includes('ultra') || argv.includes('dig');
    expect(file.version).toBe(v2 ? 2 : 1);
    if (argv.includes('guideline')) expect(file.settings.rules).toBe('guideline');
    expect(file.settings.startLevel).toBe(startLevel);
    if (argv.includes('18')) expect(file.settings.digLines).toBe(18);
    const replayed = await run(['replay', 'bot.json', '--json'], files);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.out)).toEqual(summary);
  });

  it('writes a nes marathon as version 1, exactly as before', async () => {
    const files: Record<string, string> = {};
    expect((await run(['bot', '--seed', '5', '--pieces', '3', '--record', 'bot.json'], files)).code).toBe(0);
    expect(files['bot.json']).toMatch(/"version": 1,[\s\S]*"settings": \{ "startLevel": 0, "mode": "marathon" \},/);
  });
});

describe('replay of a version 2 file', () => {
  it('refuses a bad rule set with one line naming the file, the field and the value', async () => {
    const file = JSON.stringify({ format: 'inktris-replay', version: 2, seed: 1, settings: { rules: 'x' }, inputs: [] });
    expect(await run(['replay', 'game.json', '--json'], { 'game.json': file })).toEqual({
      code: 2,
      out: '',
      err: 'inktris: game.json: settings.rules: "x" is not a rule set (nes or guideline)\n',
    });
  });
});
