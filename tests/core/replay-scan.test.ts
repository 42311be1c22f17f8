/**
 * The replay scanner (src/core/replay-scan.ts) and `parsePackedReplay`:
 * what the scanner reads, it reads to the replay `parseReplay` reads; what
 * it declines goes to `parseReplay`, so the answer to every text is the
 * reader's answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/core/actions.js';
import { parsePackedReplay, parseReplay } from '../../src/core/replay-reader.js';
import { scanReplay } from '../../src/core/replay-scan.js';
import { packReplay, serializeReplay, type Replay, type ReplayInput } from '../../src/core/replay.js';

/** A valid replay: any seed, settings, sorted inputs, maybe an end tick. */
const replayArbitrary: fc.Arbitrary<Replay> = fc
  .record({
    seed: fc.nat({ max: 0xffffffff }),
    settings: fc.record(
      {
        startLevel: fc.nat({ max: 19 }),
        mode: fc.constantFrom('marathon' as const, 'sprint' as const),
        queue: fc.string({ unit: fc.constantFrom(...'IJLOSTZ'), maxLength: 12 }),
      },
      { requiredKeys: [] },
    ),
    inputs: fc.array(fc.tuple(fc.oneof(fc.nat({ max: 5000 }), fc.constant(999_999_999_999_999)), fc.constantFrom(...INPUT_NAMES)), {
      maxLength: 40,
    }),
    endTick: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ seed, settings, inputs, endTick }) => {
    const sorted = inputs.sort((a, b) => a[0] - b[0]) as ReplayInput[];
    return endTick === undefined ? { seed, settings, inputs: sorted } : { seed, settings, inputs: sorted, endTick };
  });

/** The answer `parsePackedReplay` must give: `parseReplay`'s, with the inputs packed. */
function expected(text: string) {
  const parsed = parseReplay(text, 'game.json');
  return parsed.ok ? { ok: true, replay: packReplay(parsed.replay) } : parsed;
}

/** A replay as JSON with the fields in another order and other spacing. */
function reshaped(replay: Replay, order: readonly string[], indent: number | string): string {
  const object: Record<string, unknown> = { format: 'inktris-replay', version: 1, ...replay, name: 'a game', program: 'inktris 0.1.0' };
  const keys = [...order.filter((key) => key in object), ...Object.keys(object).filter((key) => !order.includes(key))];
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, object[key]])), null, indent);
}

describe('scanReplay', () => {
  it('reads what inktris writes, to the replay parseReplay reads', () => {
    fc.assert(
      fc.property(replayArbitrary, (replay) => {
        const text = serializeReplay(replay, { name: 'a game', date: '2026-11-24T05:00:00.000Z' });
        expect(scanReplay(text)).not.toBeNull();
        expect(parsePackedReplay(text, 'game.json')).toEqual({ ok: true, replay: packReplay(replay) });
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same replay however its fields are ordered and spaced', () => {
    const order = fc.shuffledSubarray(['format', 'version', 'seed', 'settings', 'inputs', 'endTick', 'name', 'program']);
    fc.assert(
      fc.property(replayArbitrary, order, fc.constantFrom(0, 1, 2, '\t', ' \r\n '), (replay, keys, indent) => {
        const text = reshaped(replay, keys, indent);
        expect(scanReplay(text)).not.toBeNull();
        expect(parsePackedReplay(text, 'game.json')).toEqual({ ok: true, replay: packReplay(replay) });
      }),
      { numRuns: 300 },
    );
  });

  const valid = serializeReplay({
    seed: 7,
    settings: { mode: 'sprint' },
    inputs: [
      [3, 'left'],
      [3, 'hardDrop'],
      [40, 'hold'],
    ],
  });

  it.each([
    ['an escape in a string', valid.replace('"sprint"', '"spr\\u0069nt"')],
    ['true, false or null', valid.replace('"seed": 7', '"seed": 7, "extra": true')],
    ['a list outside inputs', valid.replace('"seed": 7', '"seed": 7, "extra": [1]')],
    ['an object nested in settings', valid.replace('{ "mode": "sprint" }', '{ "mode": { "x": 1 } }')],
    ['a key given twice', valid.replace('"seed": 7', '"seed": 7, "seed": 8')],
    ['a __proto__ key', valid.replace('"seed": 7', '"seed": 7, "__proto__": 1')],
    ['ticks out of order', valid.replace('[40, "hold"]', '[2, "hold"]')],
    ['an unknown action', valid.replace('"hold"', '"holdd"')],
    ['an action cut short', valid.replace('"hold"', '"hol"')],
    ['an action of the right length and first letter', valid.replace('"hold"', '"hole"')],
    ['an action in other case', valid.replace('"hold"', '"Hold"')],
    ['an action with an escaped quote', valid.replace('"hold"', '"hold\\""')],
    ['an action with no closing quote', valid.slice(0, valid.indexOf('"hold"') + 5)],
    ['a tick with a leading zero', valid.replace('[40,', '[040,')],
    ['a tick with a fraction', valid.replace('[40,', '[40.0,')],
    ['a tick of 16 digits', valid.replace('[40,', '[1000000000000000,')],
    ['a negative tick', valid.replace('[3, "left"]', '[-3, "left"]')],
    ['a trailing comma', valid.replace('[40, "hold"]', '[40, "hold"],')],
    ['text after the object', `${valid}x`],
    ['no inputs field', '{"format": "inktris-replay", "version": 1, "seed": 7}'],
  ])('declines %s, and parsePackedReplay gives the reader answer', (_, text) => {
    expect(scanReplay(text)).toBeNull();
    expect(parsePackedReplay(text, 'game.json')).toEqual(expected(text));
  });

  it('gives parseReplay answer to files cut, changed or spliced anywhere', () => {
    let scanned = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: valid.length }).map((cut) => valid.slice(0, cut)),
          fc
            .tuple(
              fc.nat({ max: valid.length - 1 }),
              fc.nat({ max: 3 }),
              fc.string({ maxLength: 4, unit: fc.constantFrom(...'[]{},:"\\ 0123456789-.eE+aZ\n') }),
            )
            .map(([at, remove, insert]) => valid.slice(0, at) + insert + valid.slice(at + remove)),
        ),
        (text) => {
          expect(parsePackedReplay(text, 'game.json')).toEqual(expected(text));
          if (scanReplay(text)) scanned++;
        },
      ),
      { numRuns: 2000 },
    );
    // Both paths were taken: some of these texts the scanner read (changed spacing, a seed or tick changed), most it declined.
    expect(scanned).toBeGreaterThan(50);
  });

  it('refuses with the reader messages, the first refusal first', () => {
    const text = valid.replace('"seed": 7', '"seed": -1');
    expect(parsePackedReplay(text, 'game.json')).toEqual({ ok: false, error: 'game.json: seed: -1 is out of range (0-4294967295)' });
    expect(parsePackedReplay(valid.replace('[40, "hold"]', '[2, "hold"]'), 'game.json')).toEqual({
      ok: false,
      error: 'game.json: inputs[2]: tick 2 comes after tick 3',
    });
  });

  it('packs a long game in columns, growing past its first thousand inputs', () => {
    const inputs: ReplayInput[] = Array.from({ length: 5000 }, (_, i) => [i * 3, INPUT_NAMES[i % INPUT_NAMES.length]!]);
    const scanned = scanReplay(serializeReplay({ seed: 1, settings: {}, inputs }));
    expect(scanned?.inputs.count).toBe(5000);
    expect(scanned?.inputs.ticks[4999]).toBe(14997);
    expect(INPUT_NAMES[scanned!.inputs.actions[4999]!]).toBe(INPUT_NAMES[4999 % INPUT_NAMES.length]);
  });

  it('grows its columns past the first guess at their length: a file written without spaces, every input the shortest', () => {
    const inputs: ReplayInput[] = Array.from({ length: 20_000 }, (_, i) => [i, i % 2 === 0 ? 'cw' : 'ccw']);
    const text = JSON.stringify({ format: 'inktris-replay', version: 1, seed: 1, inputs });
    const scanned = scanReplay(text);
    expect(scanned?.inputs.count).toBe(20_000);
    expect(parsePackedReplay(text, 'game.json')).toEqual({ ok: true, replay: packReplay({ seed: 1, settings: {}, inputs }) });
  });
});
