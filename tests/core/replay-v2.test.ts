import { describe, expect, it } from 'vitest';
import { createGame, inputAction, step, summarize, TICK, type GameState } from '../../src/core/index.js';
import { parsePackedReplay, parseReplay } from '../../src/core/replay-reader.js';
import {
  replayHead,
  replaySettingsOf,
  replayVersionFor,
  serializeReplay,
  type Replay,
  type ReplaySettings,
} from '../../src/core/replay.js';
import { runPackedReplay, runReplay } from '../../src/core/replay-cursor.js';

/** CLI.md's version 2 example, with some fields replaced or removed (`undefined`). */
function fileWith(overrides: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    format: 'inktris-replay',
    version: 2,
    seed: 12345,
    settings: { rules: 'guideline', startLevel: 1, mode: 'dig', digLines: 10, ...settings },
    inputs: [
      [0, 'left'],
      [12, 'cw'],
      [40, 'hardDrop'],
    ],
    endTick: 5000,
  };
  return JSON.stringify({ ...base, ...overrides });
}

function parsed(text: string): Replay {
  const result = parseReplay(text, 'game.json');
  if (!result.ok) throw new Error(result.error);
  return result.replay;
}

/** Every tick one by one: the reference for the runner. */
function naiveRun(replay: Replay): GameState {
  let s = createGame({ seed: replay.seed, ...replay.settings });
  let next = 0;
  for (let tick = 0; tick <= (replay.endTick ?? 0) && s.status !== 'over'; tick++) {
    while (next < replay.inputs.length && replay.inputs[next]![0] === tick) s = step(s, inputAction(replay.inputs[next++]![1]));
    s = step(s, TICK);
  }
  return s;
}

describe('replay file version 2', () => {
  it('reads the example file of CLI.md', () => {
    expect(parsed(fileWith())).toEqual({
      seed: 12345,
      settings: { rules: 'guideline', startLevel: 1, mode: 'dig', digLines: 10 },
      inputs: [
        [0, 'left'],
        [12, 'cw'],
        [40, 'hardDrop'],
      ],
      endTick: 5000,
    });
  });

  it.each([
    ['nes marathon', { mode: 'marathon' }, 1],
    ['nes sprint', { rules: 'nes', mode: 'sprint' }, 1],
    ['nes ultra', { mode: 'ultra' }, 2],
    ['nes dig', { mode: 'dig' }, 2],
    ['guideline marathon', { rules: 'guideline' }, 2],
    ['guideline sprint', { rules: 'guideline', mode: 'sprint' }, 2],
  ] as const)('is written for %s only when the game needs it (version %i)', (_name, settings, version) => {
    expect(replayVersionFor(settings as ReplaySettings)).toBe(version);
    expect(replayHead({ seed: 1, settings: replaySettingsOf(settings) })).toContain(`"version": ${version}`);
  });

  it('writes a nes marathon exactly as version 1 always did', () => {
    expect(replaySettingsOf({ rules: 'nes', startLevel: 3, mode: 'marathon', digLines: 10, queue: '' })).toEqual({
      startLevel: 3,
      mode: 'marathon',
    });
  });

  it.each([
    ['a guideline dig of 18', { rules: 'guideline', startLevel: 5, mode: 'dig', digLines: 18 }],
    ['a nes ultra', { rules: 'nes', startLevel: 0, mode: 'ultra' }],
    ['a guideline marathon with a queue', { rules: 'guideline', startLevel: 20, mode: 'marathon', queue: 'TTTT' }],
  ] as const)('round-trips %s: the file reads back to the same replay and the same game', (_name, game) => {
    const settings = replaySettingsOf(game);
    const replay: Replay = {
      seed: 99,
      settings,
      inputs: [
        [0, 'cw'],
        [0, 'hardDrop'],
        [30, 'left'],
        [31, 'hardDrop'],
        [200, 'pause'],
        [260, 'pause'],
      ],
      endTick: 900,
    };
    const text = serializeReplay(replay, { program: 'inktris test' });
    expect(JSON.parse(text).version).toBe(2);
    expect(parsed(text)).toEqual(replay);
    const packed = parsePackedReplay(text, 'game.json');
    expect(packed.ok && summarize(runPackedReplay(packed.replay))).toEqual(summarize(runReplay(replay)));
    expect(summarize(runReplay(replay))).toEqual(summarize(naiveRun(replay)));
    expect(runReplay(replay).settings).toMatchObject(game);
  });

  it('reads a guideline game without a start level at level 1', () => {
    expect(runReplay(parsed(fileWith({}, { startLevel: undefined, mode: 'marathon', digLines: undefined }))).settings.startLevel).toBe(1);
  });

  it('ignores rules and digLines in a version 1 file: version 1 means nes, forever', () => {
    const text = fileWith({ version: 1 }, { rules: 'guideline', startLevel: 0, mode: 'marathon', digLines: 18 });
    expect(parsed(text).settings).toEqual({ startLevel: 0, mode: 'marathon' });
  });

  it.each([
    ['an unknown rule set', fileWith({}, { rules: 'tgm' }), 'game.json: settings.rules: "tgm" is not a rule set (nes or guideline)'],
    ['a rule set that is not text', fileWith({}, { rules: 1 }), 'game.json: settings.rules: 1 is not a rule set (nes or guideline)'],
    ['guideline level 0', fileWith({}, { startLevel: 0 }), 'game.json: settings.startLevel: 0 is outside 1-20 (the guideline rules)'],
    ['guideline level 21', fileWith({}, { startLevel: 21 }), 'game.json: settings.startLevel: 21 is outside 1-20 (the guideline rules)'],
    ['nes level 20', fileWith({}, { rules: 'nes', startLevel: 20 }), 'game.json: settings.startLevel: 20 is outside 0-19 (the nes rules)'],
    [
      'a level that is no whole number',
      fileWith({}, { startLevel: 1.5 }),
      'game.json: settings.startLevel: 1.5 is not a whole number 1-20 (the guideline rules)',
    ],
    ['digLines 12', fileWith({}, { digLines: 12 }), 'game.json: settings.digLines: 12 is not 10, 18 or 100'],
    ['digLines as text', fileWith({}, { digLines: '10' }), 'game.json: settings.digLines: "10" is not 10, 18 or 100'],
    ['digLines without mode dig', fileWith({}, { mode: 'ultra' }), 'game.json: settings.digLines: 10 is given without mode "dig"'],
    ['digLines with no mode', fileWith({}, { mode: undefined }), 'game.json: settings.digLines: 10 is given without mode "dig"'],
    ['an unknown mode', fileWith({}, { mode: 'zen' }), 'game.json: settings.mode: "zen" is not a mode (marathon, sprint, ultra or dig)'],
    [
      'ultra in version 1',
      fileWith({ version: 1 }, { rules: undefined, startLevel: 0, mode: 'ultra', digLines: undefined }),
      'game.json: settings.mode: "ultra" is not a mode (marathon or sprint)',
    ],
    [
      'both inputs and players',
      fileWith({ players: [{ inputs: [] }, { inputs: [] }] }),
      'game.json: players: a list of 2 items is given together with inputs (a replay has one or the other)',
    ],
    ['neither inputs nor players', fileWith({ inputs: undefined }), 'game.json: inputs: missing (expected a list of [tick, action] pairs)'],
    [
      'a version it does not know',
      fileWith({ version: 3 }),
      'game.json: version: 3 is not a version this inktris reads (it reads 1 and 2)',
    ],
  ])('refuses %s with one line naming the file, the field and the value', (_name, text, error) => {
    expect(parseReplay(text, 'game.json')).toEqual({ ok: false, error });
    // The fast reader gives the same answer.
    expect(parsePackedReplay(text, 'game.json')).toEqual({ ok: false, error });
  });
});
