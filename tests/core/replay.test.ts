import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/core/index.js';
import { MAX_QUEUE_LENGTH, MAX_REPLAY_BYTES } from '../../src/core/limits.js';
import { parseReplay } from '../../src/core/replay-reader.js';
import { serializeReplay, type Replay, type ReplayInput } from '../../src/core/replay.js';

/** A valid replay file's fields, with some replaced or removed (`undefined`). */
function fileWith(overrides: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    format: 'inktris-replay',
    version: 1,
    seed: 12345,
    settings: { startLevel: 0, mode: 'marathon', queue: 'OOOOO' },
    inputs: [
      [0, 'left'],
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

describe('parseReplay', () => {
  it('reads the example file of CLI.md', () => {
    expect(parsed(fileWith())).toEqual({
      seed: 12345,
      settings: { startLevel: 0, mode: 'marathon', queue: 'OOOOO' },
      inputs: [
        [0, 'left'],
        [0, 'left'],
        [12, 'cw'],
        [40, 'hardDrop'],
      ],
      endTick: 5000,
    });
  });

  it('fills nothing in for optional fields that are absent', () => {
    expect(parsed(fileWith({ settings: undefined, endTick: undefined, inputs: [] }))).toEqual({ seed: 12345, settings: {}, inputs: [] });
    expect(parsed(fileWith({ settings: {} })).settings).toEqual({});
  });

  it('ignores fields it does not know, at the top and in settings', () => {
    const text = fileWith({ name: 'my game', date: '2025-01-01', program: 'inktris 9.9.9', settings: { mode: 'sprint', colour: 'blue' } });
    expect(parsed(text)).toEqual({ ...parsed(fileWith()), settings: { mode: 'sprint' } });
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const text =
      '{"__proto__":{"seed":7},"constructor":1,"format":"inktris-replay","version":1,"seed":3,"inputs":[],"settings":{"__proto__":{"mode":"zen"}}}';
    const replay = parsed(text);
    expect(replay).toEqual({ seed: 3, settings: {}, inputs: [] });
    expect(Object.getPrototypeOf(replay)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
  });

  it('does not take the seed from a __proto__ key when the seed is missing', () => {
    const text = '{"format":"inktris-replay","version":1,"__proto__":{"seed":7},"inputs":[]}';
    expect(parseReplay(text, 'game.json')).toEqual({ ok: false, error: 'game.json: seed: missing (expected an unsigned 32-bit integer)' });
  });

  it('skips a byte order mark at the start', () => {
    expect(parsed(`\uFEFF${fileWith()}`)).toEqual(parsed(fileWith()));
  });

  it('accepts the extreme values of every range', () => {
    const replay = parsed(
      fileWith({
        seed: 4294967295,
        settings: { startLevel: 19, queue: 'IJLOSTZ' },
        inputs: [[Number.MAX_SAFE_INTEGER, 'pause']],
        endTick: 0,
      }),
    );
    expect(replay.seed).toBe(4294967295);
    expect(replay.settings.startLevel).toBe(19);
    expect(replay.inputs[0]![0]).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('accepts several inputs on one tick, in file order', () => {
    const replay = parsed(
      fileWith({
        inputs: [
          [3, 'cw'],
          [3, 'left'],
          [3, 'cw'],
        ],
      }),
    );
    expect(replay.inputs.map(([, action]) => action)).toEqual(['cw', 'left', 'cw']);
  });

  const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
  it.each([
    ['not JSON: garbage', 'hello', 'game.json: not JSON (unexpected "h")'],
    ['not JSON: a trailing comma', '{"format": "inktris-replay",}', 'game.json: not JSON (line 1, column 29)'],
    ['not JSON: on a later line', '{\n"format":\n"x" "y"}', 'game.json: not JSON (line 3, column 5)'],
    ['not JSON: cut short', '{"format": "inktris-replay", "inputs": [[0, ', 'game.json: not JSON: the text ends too early'],
    ['not JSON: empty', '', 'game.json: not JSON: the file is empty'],
    ['not JSON: only spaces', '  \n ', 'game.json: not JSON: the file is empty'],
    ['nested too deeply', `{"extra": ${deep}}`, 'game.json: not a replay: JSON nested more than 32 levels deep'],
    ['not an object: a list', '[1, 2]', 'game.json: not a replay: expected a JSON object, not a list of 2 items'],
    ['not an object: null', 'null', 'game.json: not a replay: expected a JSON object, not null'],
    ['not an object: a string', '"inktris-replay"', 'game.json: not a replay: expected a JSON object, not "inktris-replay"'],
    ['format missing', fileWith({ format: undefined }), 'game.json: format: missing (expected "inktris-replay")'],
    ['another format', fileWith({ format: 'tetris-replay' }), 'game.json: format: expected "inktris-replay", not "tetris-replay"'],
    ['version missing', fileWith({ version: undefined }), 'game.json: version: missing (expected 1 or 2)'],
    ['an unknown version', fileWith({ version: 3 }), 'game.json: version: 3 is not a version this inktris reads (it reads 1 and 2)'],
    ['a version as text', fileWith({ version: '1' }), 'game.json: version: "1" is not a version this inktris reads (it reads 1 and 2)'],
    ['seed missing', fileWith({ seed: undefined }), 'game.json: seed: missing (expected an unsigned 32-bit integer)'],
    ['seed above 32 bits', fileWith({ seed: 4294967296 }), 'game.json: seed: 4294967296 is out of range (0-4294967295)'],
    ['seed negative', fileWith({ seed: -1 }), 'game.json: seed: -1 is out of range (0-4294967295)'],
    ['seed not whole', fileWith({ seed: 1.5 }), 'game.json: seed: 1.5 is not an unsigned 32-bit integer'],
    ['seed as text', fileWith({ seed: '42' }), 'game.json: seed: "42" is not an unsigned 32-bit integer'],
    ['settings not an object', fileWith({ settings: [] }), 'game.json: settings: expected an object, not an empty list'],
    ['start level above 19', fileWith({ settings: { startLevel: 20 } }), 'game.json: settings.startLevel: 20 is outside 0-19'],
    ['start level negative', fileWith({ settings: { startLevel: -1 } }), 'game.json: settings.startLevel: -1 is outside 0-19'],
    [
      'start level not whole',
      fileWith({ settings: { startLevel: 2.5 } }),
      'game.json: settings.startLevel: 2.5 is not a whole number 0-19',
    ],
    ['start level null', fileWith({ settings: { startLevel: null } }), 'game.json: settings.startLevel: null is not a whole number 0-19'],
    ['an unknown mode', fileWith({ settings: { mode: 'zen' } }), 'game.json: settings.mode: "zen" is not a mode (marathon or sprint)'],
    [
      'queue not text',
      fileWith({ settings: { queue: ['I'] } }),
      'game.json: settings.queue: expected a string of piece letters (IJLOSTZ), not a list of 1 item',
    ],
    [
      'a queue letter outside IJLOSTZ',
      fileWith({ settings: { queue: 'IOTX' } }),
      'game.json: settings.queue[3]: "X" is not a piece letter (IJLOSTZ)',
    ],
    [
      'a lower-case queue letter',
      fileWith({ settings: { queue: 'i' } }),
      'game.json: settings.queue[0]: "i" is not a piece letter (IJLOSTZ)',
    ],
    [
      'a queue too long',
      fileWith({ settings: { queue: 'I'.repeat(MAX_QUEUE_LENGTH + 1) } }),
      'game.json: settings.queue: 10001 letters, more than the 10000 a replay may fix',
    ],
    ['inputs missing', fileWith({ inputs: undefined }), 'game.json: inputs: missing (expected a list of [tick, action] pairs)'],
    ['inputs not a list', fileWith({ inputs: { 0: 'left' } }), 'game.json: inputs: expected a list of [tick, action] pairs, not an object'],
    ['an input not a pair', fileWith({ inputs: [[0, 'left'], 'cw'] }), 'game.json: inputs[1]: expected a [tick, action] pair, not "cw"'],
    [
      'an input of three items',
      fileWith({ inputs: [[0, 'left', 1]] }),
      'game.json: inputs[0]: expected a [tick, action] pair, not a list of 3 items',
    ],
    [
      'an input as an object',
      fileWith({ inputs: [{ tick: 0, action: 'left' }] }),
      'game.json: inputs[0]: expected a [tick, action] pair, not an object',
    ],
    ['a negative tick', fileWith({ inputs: [[-1, 'left']] }), 'game.json: inputs[0]: tick -1 is not a whole number >= 0'],
    ['a tick not whole', fileWith({ inputs: [[0.5, 'left']] }), 'game.json: inputs[0]: tick 0.5 is not a whole number >= 0'],
    ['a tick as text', fileWith({ inputs: [['5', 'left']] }), 'game.json: inputs[0]: tick "5" is not a whole number >= 0'],
    [
      'a tick too large',
      fileWith({ inputs: [[1e300, 'left']] }),
      'game.json: inputs[0]: tick 1e+300 is too large (at most 9007199254740991)',
    ],
    [
      'a tick before the one above it',
      fileWith({
        inputs: [
          [0, 'left'],
          [1, 'left'],
          [2, 'cw'],
          [10, 'cw'],
          [5, 'hold'],
        ],
      }),
      'game.json: inputs[4]: tick 5 comes after tick 10',
    ],
    [
      'an unknown action',
      fileWith({ inputs: [[0, 'jump']] }),
      'game.json: inputs[0]: "jump" is not an action (left, right, softDrop, hardDrop, cw, ccw, hold, pause)',
    ],
    [
      'the tick action',
      fileWith({ inputs: [[0, 'tick']] }),
      'game.json: inputs[0]: "tick" is not an action (left, right, softDrop, hardDrop, cw, ccw, hold, pause)',
    ],
    [
      'an action of another case',
      fileWith({ inputs: [[0, 'harddrop']] }),
      'game.json: inputs[0]: "harddrop" is not an action (left, right, softDrop, hardDrop, cw, ccw, hold, pause)',
    ],
    ['a negative end tick', fileWith({ endTick: -1 }), 'game.json: endTick: -1 is not a whole number >= 0'],
    ['an end tick as text', fileWith({ endTick: 'never' }), 'game.json: endTick: "never" is not a whole number >= 0'],
    ['an end tick null', fileWith({ endTick: null }), 'game.json: endTick: null is not a whole number >= 0'],
  ])('refuses %s with one line naming the file and the field', (_name, text, message) => {
    expect(parseReplay(text, 'game.json')).toEqual({ ok: false, error: message });
  });

  it('refuses text over 16 MiB before parsing it', () => {
    const text = `{"format":"inktris-replay","pad":"${'x'.repeat(MAX_REPLAY_BYTES)}"}`;
    expect(parseReplay(text, 'big.json')).toEqual({
      ok: false,
      error: `big.json: too large: ${text.length} characters (a replay may have at most 16 MiB)`,
    });
  });

  it('keeps a refusal on one line when the file name holds control characters', () => {
    expect(parseReplay('[]', 'a\nb.json')).toEqual({
      ok: false,
      error: 'a?b.json: not a replay: expected a JSON object, not an empty list',
    });
  });

  it('cuts long strings short in messages', () => {
    const result = parseReplay(fileWith({ format: 'x'.repeat(1000) }), 'game.json');
    expect(result).toEqual({ ok: false, error: `game.json: format: expected "inktris-replay", not "${'x'.repeat(40)}..."` });
  });
});

describe('parseReplay on malformed and hostile files', () => {
  const check = (text: string) => {
    const result = parseReplay(text, 'fuzz.json');
    if (result.ok) {
      expect(typeof result.replay.seed).toBe('number');
    } else {
      expect(result.error.startsWith('fuzz.json: ')).toBe(true);
      expect(result.error).not.toMatch(/[\n\r]/);
      expect(result.error).not.toMatch(/\bat .*:\d+:\d+/);
      // The reader's catch-all line: only an unexpected exception ends there.
      expect(result.error).not.toBe('fuzz.json: not a replay');
    }
  };

  it('answers any JSON value with a replay or one line', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => check(JSON.stringify(value))),
      { numRuns: 500 },
    );
  });

  it('answers objects shaped like replays with a replay or one line', () => {
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.integer(), fc.constantFrom(...INPUT_NAMES), fc.constant('inktris-replay'));
    const shaped = fc.record(
      {
        format: fc.oneof(fc.constant('inktris-replay'), anyValue),
        version: fc.oneof(fc.constant(1), anyValue),
        seed: fc.oneof(fc.nat(), fc.integer(), fc.double(), anyValue),
        settings: fc.oneof(
          fc.record({ startLevel: anyValue, mode: anyValue, queue: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] }),
          anyValue,
        ),
        inputs: fc.oneof(
          fc.array(fc.oneof(fc.tuple(fc.integer({ min: -3, max: 50 }), fc.constantFrom(...INPUT_NAMES)), anyValue)),
          anyValue,
        ),
        endTick: anyValue,
      },
      { requiredKeys: [] },
    );
    // A `__proto__` key written into the text: an object literal cannot hold one as data.
    const withProto = (text: string, proto: unknown) => `{"__proto__":${JSON.stringify(proto)}${text === '{}' ? '' : ','}${text.slice(1)}`;
    fc.assert(
      fc.property(shaped, fc.option(anyValue), (value, proto) =>
        check(proto === null ? JSON.stringify(value) : withProto(JSON.stringify(value), proto)),
      ),
      { numRuns: 500 },
    );
  });

  it('answers valid files cut short or with characters changed with a replay or one line', () => {
    const valid = serializeReplay(parsed(fileWith()));
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length }),
        fc.nat({ max: valid.length - 1 }),
        fc.string({ minLength: 0, maxLength: 3 }),
        (cut, at, insert) => {
          check(valid.slice(0, cut));
          check(valid.slice(0, at) + insert + valid.slice(at + 1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers arbitrary text with a replay or one line', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789-.eE tfnulr\\\n'), maxLength: 200 }), check), {
      numRuns: 500,
    });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
  });

  it('answers deep nesting, long lists and long strings without throwing', () => {
    check('['.repeat(1_000_000));
    check(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    check(`{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    check(`{"s":"${'\\"['.repeat(10_000)}"}`);
    check(fileWith({ inputs: Array.from({ length: 200_000 }, () => [0, 'left']) }));
    check(fileWith({ format: 'x'.repeat(1_000_000) }));
  });
});

describe('parseReplay names a number as the file writes it', () => {
  /** A valid file with `field` replaced by raw JSON text (a number JSON.parse cannot keep as written). */
  const raw = (field: string, text: string) => fileWith({ [field]: '@@' }).replace('"@@"', text);
  it.each([
    ['a seed too large for a double', raw('seed', '1e309'), 'game.json: seed: 1e309 is not an unsigned 32-bit integer'],
    ['a seed past 2^53', raw('seed', '9007199254740993'), 'game.json: seed: 9007199254740993 is out of range (0-4294967295)'],
    [
      'a version past 2^53',
      raw('version', '9007199254740993'),
      'game.json: version: 9007199254740993 is not a version this inktris reads (it reads 1 and 2)',
    ],
    ['an endTick too large for a double', raw('endTick', '-1e400'), 'game.json: endTick: -1e400 is not a whole number >= 0'],
    [
      'a start level too large for a double',
      fileWith({ settings: { startLevel: '@@' } }).replace('"@@"', '1E999'),
      'game.json: settings.startLevel: 1E999 is not a whole number 0-19',
    ],
    [
      'a tick too large for a double',
      fileWith({ inputs: [['@@', 'left']] }).replace('"@@"', '1e309'),
      'game.json: inputs[0]: tick 1e309 is not a whole number >= 0',
    ],
    [
      'a tick past 2^53',
      fileWith({ inputs: [['@@', 'left']] }).replace('"@@"', '9007199254740993'),
      'game.json: inputs[0]: tick 9007199254740993 is too large (at most 9007199254740991)',
    ],
  ])('%s', (_what, text, message) => {
    expect(parseReplay(text, 'game.json')).toEqual({ ok: false, error: message });
  });
});

describe('serializeReplay', () => {
  it('writes what parseReplay reads back unchanged', () => {
    const input = fc.tuple(fc.nat({ max: 100_000 }), fc.constantFrom(...INPUT_NAMES));
    const replayArb = fc.record(
      {
        seed: fc.nat({ max: 0xffffffff }),
        settings: fc.record(
          {
            startLevel: fc.nat({ max: 19 }),
            mode: fc.constantFrom('marathon', 'sprint'),
            queue: fc.string({ unit: fc.constantFrom(...'IJLOSTZ') }),
          },
          { requiredKeys: [] },
        ),
        inputs: fc.array(input).map((list) => list.sort((a, b) => a[0] - b[0]) as ReplayInput[]),
        endTick: fc.nat(),
      },
      { requiredKeys: ['seed', 'settings', 'inputs'] },
    );
    fc.assert(
      fc.property(
        replayArb,
        fc.dictionary(
          fc.string().filter((k) => k !== '__proto__'),
          fc.string(),
          { maxKeys: 3 },
        ),
        (replay, extras) => {
          expect(parsed(serializeReplay(replay as Replay, extras))).toEqual(replay);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes two-space JSON with one input per line', () => {
    const replay: Replay = {
      seed: 7,
      settings: { mode: 'sprint' },
      inputs: [
        [0, 'left'],
        [3, 'hardDrop'],
      ],
      endTick: 9,
    };
    expect(serializeReplay(replay, { program: 'inktris 0.1.0' })).toBe(
      [
        '{',
        '  "format": "inktris-replay",',
        '  "version": 1,',
        '  "program": "inktris 0.1.0",',
        '  "seed": 7,',
        '  "settings": { "mode": "sprint" },',
        '  "inputs": [',
        '    [0, "left"],',
        '    [3, "hardDrop"]',
        '  ],',
        '  "endTick": 9',
        '}',
        '',
      ].join('\n'),
    );
  });
});
