import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { createRecorder } from '../../src/cli/recorder.js';
import { createGame, INPUT_NAMES, inputAction, step, summarize, TICK, type InputName } from '../../src/core/index.js';
import { parseReplay } from '../../src/core/replay-reader.js';
import { serializeReplay, type Replay } from '../../src/core/replay.js';
import { runReplay } from '../../src/core/replay-cursor.js';

const dir = mkdtempSync(join(tmpdir(), 'inktris-recorder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(dir, `game-${files++}.json`);

function readReplay(path: string): Replay {
  const result = parseReplay(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.error);
  return result.replay;
}

describe('createRecorder', () => {
  it('stops at the last input that fits in the limit, leaving a whole replay that the reader takes', () => {
    const path = freshPath();
    const limit = 400;
    const recorder = createRecorder(path, { seed: 4, settings: {} }, { limit });
    for (let i = 1; i <= 100; i++) recorder.record(3 * i, 'left');
    expect(recorder.error).toBeNull();
    expect(recorder.cutAt).not.toBeNull();
    recorder.close(10_000);
    const text = readFileSync(path, 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit);
    const replay = readReplay(path);
    const last = replay.inputs.at(-1)![0];
    // Every input before the cut, none after, and the file ends at its last input, not at the game's end.
    expect(replay.inputs).toEqual(Array.from({ length: replay.inputs.length }, (_, i) => [3 * (i + 1), 'left']));
    expect(recorder.cutAt).toBe(last + 3);
    expect(replay.endTick).toBe(last);
  });

  it("holds the default limit: the reader's 16 MiB", () => {
    const recorder = createRecorder(freshPath(), { seed: 4, settings: {} });
    recorder.record(0, 'left');
    expect(recorder.cutAt).toBeNull();
    recorder.close(0);
  });

  it('leaves a valid replay file on disk before the first input', () => {
    const path = freshPath();
    createRecorder(path, { seed: 9, settings: { mode: 'sprint' } });
    expect(readReplay(path)).toEqual({ seed: 9, settings: { mode: 'sprint' }, inputs: [], endTick: 0 });
  });

  it('writes version 2 for a game version 1 cannot hold, and the file replays that game', () => {
    const path = freshPath();
    const settings = { rules: 'guideline', startLevel: 3, mode: 'dig', digLines: 18 } as const;
    const recorder = createRecorder(path, { seed: 6, settings });
    recorder.record(0, 'cw');
    recorder.record(0, 'hardDrop');
    recorder.record(40, 'hardDrop');
    recorder.close(100);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(2);
    const replay = readReplay(path);
    expect(replay.settings).toEqual(settings);
    let s = step(step(createGame({ seed: 6, ...settings }), inputAction('cw')), inputAction('hardDrop'));
    for (let t = 0; t < 40; t++) s = step(s, TICK);
    s = step(s, inputAction('hardDrop'));
    for (let t = 40; t <= 100; t++) s = step(s, TICK);
    expect(summarize(runReplay(replay))).toEqual(summarize(s));
  });

  it('leaves a valid replay file with every input so far after each record', () => {
    const path = freshPath();
    const recorder = createRecorder(path, { seed: 1, settings: { startLevel: 5, queue: 'TTI' } });
    const inputs: [number, InputName][] = [
      [0, 'left'],
      [0, 'cw'],
      [7, 'hardDrop'],
      [7, 'hold'],
      [1234567, 'pause'],
    ];
    inputs.forEach((input, i) => {
      recorder.record(...input);
      expect(readReplay(path)).toEqual({
        seed: 1,
        settings: { startLevel: 5, queue: 'TTI' },
        inputs: inputs.slice(0, i + 1),
        endTick: input[0],
      });
    });
  });

  it('writes on close exactly what serializeReplay writes, with the end tick', () => {
    const path = freshPath();
    const recorder = createRecorder(path, { seed: 3, settings: {} }, { extras: { program: 'inktris 0.1.0' } });
    recorder.record(2, 'left');
    recorder.record(100, 'hardDrop');
    recorder.close(250);
    const replay: Replay = {
      seed: 3,
      settings: {},
      inputs: [
        [2, 'left'],
        [100, 'hardDrop'],
      ],
      endTick: 250,
    };
    expect(readFileSync(path, 'utf8')).toBe(serializeReplay(replay, { program: 'inktris 0.1.0' }));
  });

  it('keeps the last input tick as the end tick when closed with an earlier one', () => {
    const path = freshPath();
    const recorder = createRecorder(path, { seed: 3, settings: {} });
    recorder.record(40, 'cw');
    recorder.close(10);
    expect(readReplay(path).endTick).toBe(40);
  });

  it('ignores a second close and records after close', () => {
    const path = freshPath();
    const recorder = createRecorder(path, { seed: 3, settings: {} });
    recorder.record(1, 'cw');
    recorder.close(5);
    recorder.close(99);
    recorder.record(6, 'left');
    expect(readReplay(path)).toEqual({ seed: 3, settings: {}, inputs: [[1, 'cw']], endTick: 5 });
    expect(recorder.error).toBeNull();
  });

  it('refuses a tick that goes back and an unknown input, which are bugs in the caller', () => {
    const recorder = createRecorder(freshPath(), { seed: 3, settings: {} });
    recorder.record(5, 'cw');
    expect(() => recorder.record(4, 'cw')).toThrow(RangeError);
    expect(() => recorder.record(6, 'jump' as InputName)).toThrow(RangeError);
    expect(() => recorder.record(1.5, 'cw')).toThrow(RangeError);
  });

  it('replaces a file that was there, and a longer one leaves nothing behind', () => {
    const path = freshPath();
    writeFileSync(path, 'x'.repeat(10_000));
    const recorder = createRecorder(path, { seed: 3, settings: {} });
    recorder.record(0, 'left');
    expect(readReplay(path).inputs).toEqual([[0, 'left']]);
  });

  it('refuses a file it cannot create with one line naming it', () => {
    const path = join(dir, 'no-such-folder', 'game.json');
    expect(() => createRecorder(path, { seed: 3, settings: {} })).toThrow(
      new InputError(`${path}: cannot write the replay (no such folder)`),
    );
  });
});

describe('record, save, replay', () => {
  it('gives the same summary as the game that was recorded', () => {
    const turn = fc.record({
      inputs: fc.array(fc.constantFrom<InputName>(...INPUT_NAMES, 'hardDrop', 'left', 'right', 'cw'), { maxLength: 3 }),
      wait: fc.nat({ max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 19 }),
        fc.array(turn, { maxLength: 80 }),
        fc.integer({ min: 1, max: 100 }),
        (seed, startLevel, turns, tail) => {
          const path = freshPath();
          const recorder = createRecorder(path, { seed, settings: { startLevel } });
          // The terminal game's loop: record each input as it applies, then the tick.
          let game = createGame({ seed, startLevel });
          let tick = 0;
          for (const { inputs, wait } of turns) {
            for (const name of inputs) {
              recorder.record(tick, name);
              game = step(game, inputAction(name));
            }
            for (let i = 0; i <= wait && game.status !== 'over'; i++) {
              game = step(game, TICK);
              tick++;
            }
            if (game.status === 'over') break;
          }
          for (let i = 0; i < tail && game.status !== 'over'; i++) {
            game = step(game, TICK);
            tick++;
          }
          // The last tick completed: the game's tick in progress, less one unless it is over.
          // (At least one tick has run: a replay always simulates tick 0.)
          recorder.close(game.status === 'over' ? game.tick : tick - 1);
          expect(summarize(runReplay(readReplay(path)))).toEqual(summarize(game));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a recording process killed with SIGKILL', () => {
  it('leaves a valid replay of the game so far', async () => {
    const work = join(dir, 'child');
    mkdirSync(work);
    const entry = join(work, 'child.ts');
    writeFileSync(
      entry,
      [
        `import { createRecorder } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'cli', 'recorder.ts'))};`,
        "const recorder = createRecorder(process.argv[2], { seed: 77, settings: { mode: 'marathon' } });",
        "const names = ['left', 'cw', 'right', 'hardDrop', 'softDrop'] as const;",
        'let tick = 0;',
        'for (let i = 0; ; i++) {',
        '  recorder.record(tick, names[i % names.length]);',
        '  if (i % 3 === 2) tick++;',
        "  if (i === 3000) process.stdout.write('recording\\n');",
        '}',
      ].join('\n'),
    );
    const bundle = join(work, 'child.mjs');
    await build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
    const path = join(work, 'killed.json');
    const child = spawn(process.execPath, [bundle, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('recording')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const replay = readReplay(path);
    expect(replay.seed).toBe(77);
    expect(replay.inputs.length).toBeGreaterThan(3000);
    expect(replay.endTick).toBe(replay.inputs.at(-1)![0]);
    expect(() => runReplay(replay)).not.toThrow();
  });
});
