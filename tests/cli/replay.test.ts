import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { QUICK_FOLD_BYTES } from '../../src/cli/heap.js';
import { formatSummary } from '../../src/cli/summary-json.js';
import { summarize } from '../../src/core/index.js';
import { MAX_REPLAY_BYTES } from '../../src/core/limits.js';
import { parseReplay } from '../../src/core/replay-reader.js';
import { replayStateAt, runReplay } from '../../src/core/replay-cursor.js';
import { frameText } from '../../src/ui/export/frame-text.js';
import { memoryDeps, type MemoryFile } from './memory-deps.js';

const GAME = JSON.stringify({
  format: 'inktris-replay',
  version: 1,
  seed: 12345,
  settings: { queue: 'IIO' },
  inputs: [
    [0, 'left'],
    [0, 'left'],
    [0, 'left'],
    [0, 'hardDrop'],
    [10, 'right'],
    [10, 'hardDrop'],
    [20, 'right'],
    [20, 'right'],
    [20, 'right'],
    [20, 'right'],
    [20, 'hardDrop'],
  ],
  endTick: 30,
});

/** A valid replay file with some fields replaced. */
const gameWith = (fields: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(GAME), ...fields });

async function run(argv: string[], files: Record<string, MemoryFile> = {}, sizes: Record<string, number> = {}) {
  const deps = memoryDeps(files, sizes);
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join(''), reads: deps.reads };
}

describe('inktris replay FILE --json', () => {
  it('prints the summary of the game as one JSON object and exits 0', async () => {
    const { code, out, err } = await run(['replay', 'game.json', '--json'], { 'game.json': GAME });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const replay = parseReplay(GAME, 'game.json');
    if (!replay.ok) throw new Error(replay.error);
    expect(out).toBe(formatSummary(summarize(runReplay(replay.replay))));
    expect(JSON.parse(out)).toMatchObject({ score: 154, lines: 1, level: 0, pieces: 3, tick: 30, state: 'playing', topOut: null });
  });

  it('prints the summary with every field of RULES.md', async () => {
    const { out } = await run(['replay', 'game.json', '--json'], { 'game.json': GAME });
    const summary = JSON.parse(out) as Record<string, unknown>;
    for (const key of [
      'score',
      'lines',
      'level',
      'pieces',
      'tick',
      'time',
      'mode',
      'state',
      'topOut',
      'current',
      'hold',
      'next',
      'board',
    ]) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary.board).toHaveLength(20);
    expect((summary.next as string[]).length).toBeGreaterThanOrEqual(6);
  });

  it('finishes a replay paused for a billion ticks', async () => {
    const file = gameWith({
      inputs: [
        [5, 'pause'],
        [1_000_000_005, 'pause'],
      ],
      endTick: 1_000_000_010,
    });
    const { code, out } = await run(['replay', 'p.json', '--json'], { 'p.json': file });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ tick: 1_000_000_010, time: 11, state: 'playing' });
  });

  it.each([
    ['a replay up to 2 MiB', QUICK_FOLD_BYTES, 1],
    ['a larger replay', QUICK_FOLD_BYTES + 1, 0],
  ])('leaves TurboFan out for %s, and gives the same summary', async (_, size, skips) => {
    const small = memoryDeps({ 'game.json': GAME });
    const sized = memoryDeps({ 'game.json': GAME }, { 'game.json': size });
    expect(await runCli(['replay', 'game.json', '--json'], small)).toBe(0);
    expect(await runCli(['replay', 'game.json', '--json'], sized)).toBe(0);
    expect(small.quickCompiles).toHaveLength(1);
    expect(sized.quickCompiles).toHaveLength(skips);
    expect(sized.out).toEqual(small.out);
  });

  it('leaves the compiler alone for --frame and for a file it cannot read', async () => {
    const frame = memoryDeps({ 'game.json': GAME });
    expect(await runCli(['replay', 'game.json', '--frame', '5'], frame)).toBe(0);
    expect(frame.quickCompiles).toHaveLength(0);
    const missing = memoryDeps();
    expect(await runCli(['replay', 'gone.json', '--json'], missing)).toBe(2);
    expect(missing.err.join('')).toBe('inktris: gone.json: no such file\n');
    expect(missing.quickCompiles).toHaveLength(0);
  });
});

describe('inktris replay refusals', () => {
  it.each([
    ['a missing file', 'game.json', {}, 'inktris: game.json: no such file'],
    ['a file it may not read', 'game.json', { 'game.json': { code: 'EACCES' } }, 'inktris: game.json: cannot read (permission denied)'],
    ['a folder', 'games', { games: { code: 'EISDIR' } }, 'inktris: games: is a folder, not a replay file'],
    [
      'a path through a file',
      'game.json/x',
      { 'game.json/x': { code: 'ENOTDIR' } },
      'inktris: game.json/x: no such file (a part of the path is not a folder)',
    ],
    ['another read error', 'game.json', { 'game.json': { code: 'EIO' } }, 'inktris: game.json: cannot read (EIO)'],
    ['text that is not JSON', 'game.json', { 'game.json': 'replay please' }, 'inktris: game.json: not JSON (unexpected "r")'],
    [
      'JSON that is not an object',
      'game.json',
      { 'game.json': '[]' },
      'inktris: game.json: not a replay: expected a JSON object, not an empty list',
    ],
    [
      'another format',
      'game.json',
      { 'game.json': gameWith({ format: 'tetr.io' }) },
      'inktris: game.json: format: expected "inktris-replay", not "tetr.io"',
    ],
    [
      'a version it does not know',
      'game.json',
      { 'game.json': gameWith({ version: 3 }) },
      'inktris: game.json: version: 3 is not a version this inktris reads (it reads 1 and 2)',
    ],
    [
      'inputs that are not a list',
      'game.json',
      { 'game.json': gameWith({ inputs: 'left' }) },
      'inktris: game.json: inputs: expected a list of [tick, action] pairs, not "left"',
    ],
    [
      'a tick that is not an integer',
      'game.json',
      { 'game.json': gameWith({ inputs: [[1.5, 'cw']] }) },
      'inktris: game.json: inputs[0]: tick 1.5 is not a whole number >= 0',
    ],
    [
      'a negative tick',
      'game.json',
      { 'game.json': gameWith({ inputs: [[-3, 'cw']] }) },
      'inktris: game.json: inputs[0]: tick -3 is not a whole number >= 0',
    ],
    [
      'a tick before the one above it',
      'game.json',
      {
        'game.json': gameWith({
          inputs: [
            [0, 'cw'],
            [1, 'cw'],
            [2, 'cw'],
            [10, 'cw'],
            [5, 'cw'],
          ],
        }),
      },
      'inktris: game.json: inputs[4]: tick 5 comes after tick 10',
    ],
    [
      'an unknown action',
      'game.json',
      { 'game.json': gameWith({ inputs: [[0, 'spin']] }) },
      'inktris: game.json: inputs[0]: "spin" is not an action (left, right, softDrop, hardDrop, cw, ccw, hold, pause)',
    ],
    [
      'a seed out of range',
      'game.json',
      { 'game.json': gameWith({ seed: 2 ** 32 }) },
      'inktris: game.json: seed: 4294967296 is out of range (0-4294967295)',
    ],
    [
      'a start level outside 0-19',
      'game.json',
      { 'game.json': gameWith({ settings: { startLevel: 25 } }) },
      'inktris: game.json: settings.startLevel: 25 is outside 0-19',
    ],
    [
      'an unknown mode',
      'game.json',
      { 'game.json': gameWith({ settings: { mode: 'ultra' } }) },
      'inktris: game.json: settings.mode: "ultra" is not a mode (marathon or sprint)',
    ],
    [
      'a queue letter outside IJLOSTZ',
      'game.json',
      { 'game.json': gameWith({ settings: { queue: 'IOQ' } }) },
      'inktris: game.json: settings.queue[2]: "Q" is not a piece letter (IJLOSTZ)',
    ],
    [
      'an end tick that is not a tick',
      'game.json',
      { 'game.json': gameWith({ endTick: 'end' }) },
      'inktris: game.json: endTick: "end" is not a whole number >= 0',
    ],
  ])('refuses %s with exit 2 and one line', async (_name, path, files, line) => {
    const { code, out, err } = await run(['replay', path, '--json'], files as Record<string, MemoryFile>);
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `${line}\n` });
  });

  it('refuses a file over 16 MiB without reading it', async () => {
    const { code, err, reads } = await run(['replay', 'huge.json', '--json'], { 'huge.json': GAME }, { 'huge.json': MAX_REPLAY_BYTES + 1 });
    expect({ code, err, reads }).toEqual({
      code: 2,
      err: 'inktris: huge.json: too large: 16777217 bytes (a replay may have at most 16 MiB)\n',
      reads: [],
    });
  });

  it('reads a file of exactly 16 MiB', async () => {
    const { code } = await run(['replay', 'game.json', '--json'], { 'game.json': GAME }, { 'game.json': MAX_REPLAY_BYTES });
    expect(code).toBe(0);
  });

  it('refuses the same files with --frame', async () => {
    const { code, err } = await run(['replay', 'game.json', '--frame', '3'], { 'game.json': gameWith({ version: 0 }) });
    expect({ code, err }).toEqual({
      code: 2,
      err: 'inktris: game.json: version: 0 is not a version this inktris reads (it reads 1 and 2)\n',
    });
  });

  it('turns an unexpected failure into exit 1 with one line and no stack', async () => {
    const deps = memoryDeps({ 'game.json': GAME });
    const code = await runCli(['replay', 'game.json', '--json'], {
      ...deps,
      readFile: () => Promise.reject(new TypeError('disk on fire')),
    });
    expect(code).toBe(1);
    expect(deps.err.join('')).toBe('inktris: internal error: disk on fire\n');
  });
});

describe('inktris replay usage', () => {
  it.each([
    ['no file', ['replay', '--json'], 'inktris: replay: give one of FILE, --best or --last'],
    [
      'both --json and --frame',
      ['replay', 'game.json', '--json', '--frame', '3'],
      "inktris: option '--json' cannot be used with option '--frame <tick>'; see 'inktris replay --help'",
    ],
    [
      'a frame that is not a tick',
      ['replay', 'game.json', '--frame', 'last'],
      "inktris: option '--frame <tick>' argument 'last' is invalid. frame must be a whole number from 0 to 9007199254740991; see 'inktris replay --help'",
    ],
    [
      'a negative frame',
      ['replay', 'game.json', '--frame', '-1'],
      "inktris: option '--frame <tick>' argument '-1' is invalid. frame must be a whole number from 0 to 9007199254740991; see 'inktris replay --help'",
    ],
    [
      'a preview of 7',
      ['replay', 'game.json', '--frame', '1', '--preview', '7'],
      "inktris: option '--preview <n>' argument '7' is invalid. preview must be from 1 to 6, not 7; see 'inktris replay --help'",
    ],
    [
      'an unknown option',
      ['replay', 'game.json', '--jsno'],
      "inktris: unknown option '--jsno' (did you mean --json?); see 'inktris replay --help'",
    ],
    [
      'neither --json nor --frame, without a terminal',
      ['replay', 'game.json'],
      'inktris: replay: watching a replay needs a terminal (stdin and stdout must be a TTY); pass --json for the summary or --frame N for one frame',
    ],
  ])('refuses %s with exit 2', async (_name, argv, message) => {
    const { code, out, err } = await run(argv, { 'game.json': GAME });
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `${message}\n` });
  });

  it.each([[['--help']], [['-h']], [['replay', '--help']], [['replay', '-h']], [['help', 'replay']]])(
    'prints help for %j on stdout and exits 0',
    async (argv) => {
      const { code, out, err } = await run(argv);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      expect(out).toMatch(/^Usage: inktris/);
    },
  );

  it('lists the replay command and its options in the help', async () => {
    expect((await run(['--help'])).out).toMatch(/^ {2}replay \[options\] \[file\]/m);
    const { out } = await run(['replay', '--help']);
    expect(out).toMatch(/^Usage: inktris replay \[options\] \[file\]$/m);
    for (const option of [
      '--json',
      '--best',
      '--last',
      '--mode <mode>',
      '--frame <tick>',
      '--preview <n>',
      '--no-ghost',
      '--ascii',
      '--version',
      '--help',
    ])
      expect(out).toContain(option);
  });

  it.each([[['--version']], [['-V']], [['replay', '--version']], [['replay', '-V']], [['replay', 'game.json', '--version']]])(
    'prints the version for %j and exits 0',
    async (argv) => {
      expect(await run(argv)).toMatchObject({ code: 0, out: '0.1.0\n', err: '' });
    },
  );
});

describe('inktris replay FILE --frame N', () => {
  const replay = (() => {
    const result = parseReplay(GAME, 'game.json');
    if (!result.ok) throw new Error(result.error);
    return result.replay;
  })();

  it('prints the frame the Ink components draw for the game once tick N is simulated', async () => {
    const { code, out, err } = await run(['replay', 'game.json', '--frame', '10'], { 'game.json': GAME });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`${frameText(replayStateAt(replay, 10), { ghost: true, preview: 5, ascii: false, color: false })}\n`);
  });

  it('shows the inputs of tick N in the frame of tick N', async () => {
    const before = await run(['replay', 'game.json', '--frame', '9'], { 'game.json': GAME });
    const at = await run(['replay', 'game.json', '--frame', '10'], { 'game.json': GAME });
    expect(before.out).toContain('SCORE');
    expect(before.out).not.toBe(at.out);
    expect(at.out).toBe(`${frameText(runReplay(replay, { untilTick: 10 }), {})}\n`);
  });

  it('prints plain text: no escape codes, even with colour in the environment', async () => {
    const deps = memoryDeps({ 'game.json': GAME });
    const code = await runCli(['replay', 'game.json', '--frame', '20'], { ...deps, env: { FORCE_COLOR: '3', COLORTERM: 'truecolor' } });
    expect(code).toBe(0);
    expect(deps.out.join('')).not.toMatch(/\u001b/);
  });

  it('passes --ascii, --no-ghost and --preview to the frame', async () => {
    const { code, out } = await run(['replay', 'game.json', '--frame', '20', '--ascii', '--no-ghost', '--preview', '2'], {
      'game.json': GAME,
    });
    expect(code).toBe(0);
    expect(out).toBe(`${frameText(replayStateAt(replay, 20), { ascii: true, ghost: false, preview: 2, color: false })}\n`);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('prints the last frame for a tick after the end of the replay', async () => {
    const end = await run(['replay', 'game.json', '--frame', '30'], { 'game.json': GAME });
    const later = await run(['replay', 'game.json', '--frame', '999999'], { 'game.json': GAME });
    expect(later).toEqual(end);
  });
});
