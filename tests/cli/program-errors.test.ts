/**
 * What the command line says about a bad argument (issue 14, issue 15 items
 * 13 and 15): a mistyped command is an unknown command, not an argument of
 * play; every message commander prints is one line, through the one
 * sanitizer, ending with the help to read; an empty path is refused.
 */
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/errors.js';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps, type MemoryFile } from './memory-deps.js';

const GAME = JSON.stringify({ format: 'inktris-replay', version: 1, seed: 1, inputs: [] });

async function run(argv: string[], files: Record<string, MemoryFile> = { 'game.json': GAME }) {
  const deps = memoryDeps(files);
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

describe('a mistyped command', () => {
  it.each([
    [['replat'], "inktris: unknown command 'replat' (did you mean replay?); see 'inktris --help'"],
    [['score'], "inktris: unknown command 'score' (did you mean scores?); see 'inktris --help'"],
    [['bto', '--json'], "inktris: unknown command 'bto' (did you mean bot?); see 'inktris --help'"],
    [['replat', 'game.json', '--jsno'], "inktris: unknown command 'replat' (did you mean replay?); see 'inktris --help'"],
    [['tetris'], "inktris: unknown command 'tetris'; see 'inktris --help'"],
    [['--', 'replat'], "inktris: unknown command 'replat' (did you mean replay?); see 'inktris --help'"],
    [['help', 'replat'], "inktris: unknown command 'replat' (did you mean replay?); see 'inktris --help'"],
  ])('%j is an unknown command, one line and exit 2', async (argv, line) => {
    expect(await run(argv)).toEqual({ code: 2, out: '', err: `${line}\n` });
  });

  it.each([[['--seed', '4']], [['--seed', '4', '--ascii']], [[]]])('options without a command still mean play: %j', async (argv) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(/^inktris: play: needs a terminal /);
  });
});

describe('a bad option or argument', () => {
  it.each([
    [
      'an unknown option without a command',
      ['--sed', '4'],
      "inktris: unknown option '--sed' (did you mean --seed?); see 'inktris play --help'",
    ],
    [
      'an unknown option of play',
      ['play', '--sed', '4'],
      "inktris: unknown option '--sed' (did you mean --seed?); see 'inktris play --help'",
    ],
    [
      'an unknown option of replay',
      ['replay', 'game.json', '--jsno'],
      "inktris: unknown option '--jsno' (did you mean --json?); see 'inktris replay --help'",
    ],
    ['an unknown option like no other', ['bot', '--frobnicate'], "inktris: unknown option '--frobnicate'; see 'inktris bot --help'"],
    [
      'a value a parser refuses',
      ['play', '--level', '99'],
      "inktris: option '--level <n>' argument '99' is invalid. level must be from 0 to 19, not 99; see 'inktris play --help'",
    ],
    [
      'a missing value',
      ['replay', 'game.json', '--frame'],
      "inktris: option '--frame <tick>' argument missing; see 'inktris replay --help'",
    ],
    ['a missing argument', ['export', '--text'], "inktris: missing required argument 'file'; see 'inktris export --help'"],
    [
      'too many arguments',
      ['replay', 'a.json', 'b.json'],
      "inktris: too many arguments for 'replay'. Expected 1 argument but got 2: a.json, b.json; see 'inktris replay --help'",
    ],
    [
      'an argument play does not take',
      ['play', 'extra'],
      "inktris: too many arguments for 'play'. Expected 0 arguments but got 1: extra; see 'inktris play --help'",
    ],
    [
      'options that exclude each other',
      ['replay', 'game.json', '--json', '--frame', '1'],
      "inktris: option '--json' cannot be used with option '--frame <tick>'; see 'inktris replay --help'",
    ],
  ])('refuses %s with one line naming the help, exit 2', async (_name, argv, line) => {
    expect(await run(argv)).toEqual({ code: 2, out: '', err: `${line}\n` });
  });
});

describe('control characters in arguments', () => {
  // An OSC title sequence (ESC ] 2 ; ... BEL), a colour, a carriage return and newlines: what a pasted or hostile argument holds.
  const word = 'rep\u001b]2;X\u0007lay';
  const value = '9\u001b[31m\r\nlevel 0';

  it.each([
    ['an unknown command', [word], `inktris: unknown command '${printable(word)}'; see 'inktris --help'`],
    ['an unknown option', [`--se\u001b[2Jd`], `inktris: unknown option '${printable('--se\u001b[2Jd')}'; see 'inktris play --help'`],
    [
      'a refused value',
      ['play', '--level', value],
      `inktris: option '--level <n>' argument '${printable(value)}' is invalid. level must be a whole number from 0 to 19; see 'inktris play --help'`,
    ],
    [
      'extra arguments',
      ['replay', 'a\n.json', 'b\u0007.json'],
      `inktris: too many arguments for 'replay'. Expected 1 argument but got 2: ${printable('a\n.json')}, ${printable('b\u0007.json')}; see 'inktris replay --help'`,
    ],
  ])('prints %s through printable(), on one line without control characters', async (_name, argv, line) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toBe(`${line}\n`);
    expect(err.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe('an empty path', () => {
  it.each([
    [
      'bot --record',
      ['bot', '--record', ''],
      "inktris: option '--record <file>' argument '' is invalid. --record must name a file, not be empty; see 'inktris bot --help'",
    ],
    [
      'play --record=',
      ['play', '--record='],
      "inktris: option '--record <file>' argument '' is invalid. --record must name a file, not be empty; see 'inktris play --help'",
    ],
    [
      'export --cast',
      ['export', 'game.json', '--cast', ''],
      "inktris: option '--cast <out>' argument '' is invalid. --cast must name a file, not be empty; see 'inktris export --help'",
    ],
    [
      'export FILE',
      ['export', '', '--text'],
      "inktris: command-argument value '' is invalid for argument 'file'. FILE must name a file, not be empty; see 'inktris export --help'",
    ],
    [
      'replay FILE',
      ['replay', '', '--json'],
      "inktris: command-argument value '' is invalid for argument 'file'. FILE must name a file, not be empty; see 'inktris replay --help'",
    ],
  ])('refuses an empty value of %s with one line and exit 2, writing nothing', async (_name, argv, line) => {
    const files: Record<string, MemoryFile> = { 'game.json': GAME };
    expect(await run(argv, files)).toEqual({ code: 2, out: '', err: `${line}\n` });
    expect(Object.keys(files)).toEqual(['game.json']);
  });
});
