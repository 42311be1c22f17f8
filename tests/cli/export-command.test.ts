/**
 * `inktris export`, `inktris demo` and watching with `inktris replay FILE`
 * on the command line, in-process: the recording written atomically through
 * the deps, the last frame as text, and every refusal one line with exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileText } from '../../src/cli/deps.js';
import { runCli } from '../../src/cli/main.js';
import { parseReplay, runReplay, serializeReplay, type Replay } from '../../src/core/index.js';
import { playBot } from '../../src/bot/index.js';
import { frameText } from '../../src/ui/export/frame-text.js';
import { LAYOUT } from '../../src/ui/frame/layout.js';
import { memoryDeps, type MemoryFile } from './memory-deps.js';

const bot = playBot({ seed: 6, pieces: 15, pace: 20 });
const REPLAY: Replay = { seed: 6, settings: {}, inputs: bot.inputs, endTick: bot.inputs.at(-1)![0] + 10 };
const GAME = serializeReplay(REPLAY);

async function run(
  argv: string[],
  files: Record<string, MemoryFile> = { 'game.json': GAME },
  overrides: Partial<ReturnType<typeof memoryDeps>> = {},
) {
  const deps = { ...memoryDeps(files), ...overrides };
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join(''), files };
}

describe('inktris export FILE --cast OUT', () => {
  it('writes an asciicast v2 recording of the replay and prints nothing', async () => {
    const { code, out, err, files } = await run(['export', 'game.json', '--cast', 'game.cast']);
    expect({ code, out, err }).toEqual({ code: 0, out: '', err: '' });
    const [header, ...events] = (files['game.cast'] as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(header).toMatchObject({
      version: 2,
      width: LAYOUT.width,
      height: LAYOUT.height + 1,
      title: 'inktris replay game.json',
      env: { TERM: 'xterm-256color' },
    });
    expect(Number.isInteger(header.timestamp)).toBe(true);
    expect(events.length).toBeGreaterThan(10);
    expect(
      events.every(([t, kind, data]: [number, string, string]) => typeof t === 'number' && kind === 'o' && typeof data === 'string'),
    ).toBe(true);
    // Colour by default: the players show 256 colours.
    expect(events.map((e: unknown[]) => e[2]).join('')).toMatch(/\u001B\[3\dm/);
  });

  it('writes the recording a line at a time as it is made, never as one string', async () => {
    const written: (string | string[])[] = [];
    const writeFile = async (_path: string, text: FileText) => {
      if (typeof text === 'string') return void written.push(text);
      const pieces: string[] = [];
      for await (const piece of text) pieces.push(piece);
      written.push(pieces);
    };
    const { code } = await run(['export', 'game.json', '--cast', 'game.cast'], { 'game.json': GAME }, { writeFile });
    expect(code).toBe(0);
    expect(written).toHaveLength(1);
    const lines = written[0]!;
    expect(Array.isArray(lines)).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines as string[]) expect(line.indexOf('\n')).toBe(line.length - 1);
  });

  it('lets the event loop turn while it writes a long recording, as React drains its scheduled work there', async () => {
    const long = playBot({ seed: 1, pieces: 1500, pace: 30 });
    const game = serializeReplay({ seed: 1, settings: {}, inputs: long.inputs, endTick: long.inputs.at(-1)![0] + 10 });
    let lines = 0;
    const turnsAt: number[] = [];
    const writeFile = async (_path: string, text: FileText) => {
      if (typeof text === 'string') return;
      let writing = true;
      const turn = () => {
        if (!writing) return;
        turnsAt.push(lines);
        setImmediate(turn);
      };
      setImmediate(turn);
      for await (const _line of text) lines++;
      writing = false;
    };
    const { code } = await run(['export', 'game.json', '--cast', 'game.cast'], { 'game.json': game }, { writeFile });
    expect(code).toBe(0);
    expect(lines).toBeGreaterThan(2000);
    // Turns all along the recording, not only once it is all made.
    expect(turnsAt.filter((at) => at > 0 && at < lines).length).toBeGreaterThanOrEqual(2);
    // A 1,500-piece export takes 6-8 s alone; on a loaded 2-core machine (CI, the other test files) it took over 30.
  }, 120_000);

  it('writes no colour with --no-color', async () => {
    const flag = await run(['export', 'game.json', '--cast', 'a.cast', '--no-color']);
    expect(flag.code).toBe(0);
    expect(flag.files['a.cast']).toMatch(/\\u001b\[\?25l/);
    expect(flag.files['a.cast']).not.toMatch(/\\u001b\[(3\d|9\d|38;5;\d+)m/);
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
  ])('writes the same recording whatever the exporting shell says about colour: %s', async (_, env) => {
    const events = (cast: string) => cast.split('\n').slice(1).join('\n');
    const plain = await run(['export', 'game.json', '--cast', 'a.cast']);
    const other = await run(['export', 'game.json', '--cast', 'b.cast'], { 'game.json': GAME }, { env });
    expect(other.code).toBe(0);
    expect(events(other.files['b.cast'] as string)).toBe(events(plain.files['a.cast'] as string));
    expect(other.files['b.cast']).toMatch(/\\u001b\[38;5;208m/);
  });

  it('writes the idle limit into the header with --idle-limit', async () => {
    const { code, files } = await run(['export', 'game.json', '--cast', 'game.cast', '--idle-limit', '0.5']);
    expect(code).toBe(0);
    expect(JSON.parse((files['game.cast'] as string).split('\n')[0]!)).toMatchObject({ idle_time_limit: 0.5 });
  });
});

describe('inktris export FILE --text', () => {
  it('prints the last frame as plain text', async () => {
    const { code, out, err } = await run(['export', 'game.json', '--text']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`${frameText(runReplay(REPLAY))}\n`);
    expect(out).not.toMatch(/\u001B/);
  });

  it('draws with --ascii, --no-ghost and --preview', async () => {
    const { out } = await run(['export', 'game.json', '--text', '--ascii', '--no-ghost', '--preview', '2']);
    expect(out).toBe(`${frameText(runReplay(REPLAY), { ascii: true, ghost: false, preview: 2 })}\n`);
  });
});

describe('inktris export refusals', () => {
  it.each([
    [
      'neither --cast nor --text',
      ['export', 'game.json'],
      'inktris: export: pass --cast OUT.cast for an asciicast recording or --text for the last frame',
    ],
    [
      '--idle-limit without --cast',
      ['export', 'game.json', '--text', '--idle-limit', '2'],
      'inktris: export: --idle-limit applies to --cast only',
    ],
    [
      'an idle limit of 0',
      ['export', 'game.json', '--cast', 'o.cast', '--idle-limit', '0'],
      "inktris: option '--idle-limit <seconds>' argument '0' is invalid. idle limit must be a number of seconds greater than 0 and at most 3600, not 0; see 'inktris export --help'",
    ],
    [
      'an idle limit that is not a number',
      ['export', 'game.json', '--cast', 'o.cast', '--idle-limit', 'soon'],
      "inktris: option '--idle-limit <seconds>' argument 'soon' is invalid. idle limit must be a number of seconds greater than 0 and at most 3600, not soon; see 'inktris export --help'",
    ],
    [
      'a recording over the replay itself',
      ['export', 'game.json', '--cast', './game.json'],
      'inktris: ./game.json: is the replay itself; write the recording to another file',
    ],
    ['a missing replay', ['export', 'nope.json', '--text'], 'inktris: nope.json: no such file'],
    ['no file', ['export', '--text'], "inktris: missing required argument 'file'; see 'inktris export --help'"],
  ])('refuses %s with one line and exit 2', async (_name, argv, message) => {
    const { code, out, err } = await run(argv);
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `${message}\n` });
  });

  it('refuses a file that is not a replay, naming it', async () => {
    const { code, err } = await run(['export', 'bad.json', '--cast', 'o.cast'], { 'bad.json': '{"format": "something-else"}' });
    expect(code).toBe(2);
    expect(err).toMatch(/^inktris: bad\.json: .*\n$/);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('refuses an OUT that cannot be written, naming it, and leaves nothing behind', async () => {
    const files: Record<string, MemoryFile> = { 'game.json': GAME };
    const writeFile = async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    const { code, err } = await run(['export', 'game.json', '--cast', '/root/x.cast'], files, { writeFile });
    expect({ code, err }).toEqual({ code: 2, err: 'inktris: /root/x.cast: cannot write the recording (EACCES)\n' });
    expect(Object.keys(files)).toEqual(['game.json']);
  });

  it('reads the replay the recorder writes (program and date fields included)', async () => {
    const recorded = serializeReplay(REPLAY, { program: 'inktris 0.1.0', name: 'a game' });
    expect(parseReplay(recorded, 'r.json').ok).toBe(true);
    const { code } = await run(['export', 'r.json', '--text'], { 'r.json': recorded });
    expect(code).toBe(0);
  });
});

describe('watching on the command line without a terminal', () => {
  it('refuses replay FILE without --json or --frame: watching needs a terminal', async () => {
    const { code, out, err } = await run(['replay', 'game.json']);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe(
      'inktris: replay: watching a replay needs a terminal (stdin and stdout must be a TTY); pass --json for the summary or --frame N for one frame\n',
    );
  });

  it.each([
    [['demo']],
    [['demo', '--seed', '3', '--level', '5', '--mode', 'sprint', '--preview', '2', '--no-ghost', '--ascii', '--no-color']],
  ])('refuses the demo without a terminal: %j', async (argv) => {
    const { code, out, err } = await run(argv);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe('inktris: demo: needs a terminal (stdin and stdout must be a TTY); for a headless game see `inktris bot`\n');
  });

  it.each([
    [['demo', '--level', '20'], /level/],
    [['demo', '--mode', 'zen'], /mode/],
    [['demo', '--preview', '9'], /preview/],
    [['demo', '--seed', 'x'], /seed/],
  ])('refuses a bad demo option with one line and exit 2: %j', async (argv, problem) => {
    const { code, err } = await run(argv, {}, { isTTY: true });
    expect(code).toBe(2);
    expect(err).toMatch(problem);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('lists demo and export in the help, with their options', async () => {
    const { out } = await run(['--help']);
    expect(out).toMatch(/^ {2}demo \[options\]/m);
    expect(out).toMatch(/^ {2}export \[options\] <file>/m);
    const demo = (await run(['demo', '--help'])).out;
    for (const option of ['--seed', '--level', '--mode', '--preview', '--no-ghost', '--ascii', '--no-color'])
      expect(demo).toContain(option);
    const exporting = (await run(['export', '--help'])).out;
    for (const option of ['--cast <out>', '--text', '--idle-limit <seconds>', '--preview', '--no-ghost', '--ascii', '--no-color'])
      expect(exporting).toContain(option);
  });
});

describe('inktris export of a versus match file', () => {
  const match = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'matches', 'versus.json'), 'utf8');

  it('writes a recording of both boards, 108 columns wide, that ends on the result', async () => {
    const { code, out, err, files } = await run(['export', 'versus.json', '--cast', 'versus.cast', '--no-color'], { 'versus.json': match });
    expect({ code, out, err }).toEqual({ code: 0, out: '', err: '' });
    const [header, ...events] = (files['versus.cast'] as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(header).toMatchObject({ version: 2, width: 108, height: 25, title: 'inktris replay versus.json' });
    expect(events[0][2]).toMatch(/ANN.*BOT/);
    expect(events.at(-1)[2]).toContain('ANN WINS');
  });

  it('prints the last frame of both boards with --text', async () => {
    const { code, out, err } = await run(['export', 'versus.json', '--text'], { 'versus.json': match });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')[0]).toMatch(/^\s+ANN\s+BOT$/);
    expect(out).toMatch(/SCORE\s+54464\s+10524/);
  });
});
