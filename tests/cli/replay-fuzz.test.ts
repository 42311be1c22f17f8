/**
 * Malformed and hostile replay files through `inktris replay FILE --json`:
 * each one ends in a summary (exit 0) or one line on stderr (exit 2), never
 * a stack trace, an internal error or a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { INPUT_NAMES } from '../../src/core/index.js';
import { memoryDeps } from './memory-deps.js';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'sample-replay.json'), 'utf8');

async function endsCleanly(text: string): Promise<void> {
  const deps = memoryDeps({ 'game.json': text });
  const code = await runCli(['replay', 'game.json', '--json'], deps);
  const out = deps.out.join('');
  const err = deps.err.join('');
  if (code === 0) {
    expect(err).toBe('');
    expect(JSON.parse(out)).toHaveProperty('board');
  } else {
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^inktris: game\.json: [^\n]+\n$/);
    expect(err).not.toMatch(/internal error|\n\s+at /);
  }
}

/** Hostile values to splice into a replay. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(-1, 0.5, 1e300, -0, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER, '', '__proto__', 'IJLOSTZ', 'sprint'),
  fc.constantFrom(...INPUT_NAMES),
);

describe('inktris replay FILE --json on hostile files', () => {
  it('answers a valid replay cut short anywhere with a summary or exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAMPLE.length }), (cut) => endsCleanly(SAMPLE.slice(0, cut))),
      { numRuns: 300 },
    );
  });

  it('answers a valid replay with bytes changed, removed or added with a summary or exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAMPLE.length - 1 }), fc.nat({ max: 3 }), fc.string({ maxLength: 4 }), async (at, remove, insert) => {
        await endsCleanly(SAMPLE.slice(0, at) + insert + SAMPLE.slice(at + remove));
      }),
      { numRuns: 300 },
    );
  });

  it('answers a replay with any field replaced by a hostile value with a summary or exit 2', async () => {
    const valid = JSON.parse(SAMPLE) as Record<string, unknown>;
    const key = fc.constantFrom('format', 'version', 'seed', 'settings', 'inputs', 'endTick', '__proto__', 'constructor', 'toString');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, hostileValue), { maxLength: 3 }), async (changes) => {
        let text = JSON.stringify(valid);
        for (const [k, v] of changes) {
          // Written into the text, so that even `__proto__` arrives as a plain key.
          text = `{${JSON.stringify(k)}:${JSON.stringify(v)},${text.slice(1)}`;
        }
        await endsCleanly(text);
      }),
      { numRuns: 300 },
    );
  });

  it('answers replays with hostile settings, inputs and end ticks with a summary or exit 2', async () => {
    const input = fc.oneof(fc.tuple(fc.integer({ min: -2, max: 2_000_000_000 }), fc.constantFrom(...INPUT_NAMES)), hostileValue);
    const replay = fc.record({
      format: fc.constant('inktris-replay'),
      version: fc.constant(1),
      seed: fc.oneof(fc.nat({ max: 0xffffffff }), hostileValue),
      settings: fc.oneof(
        fc.record(
          {
            startLevel: fc.oneof(fc.nat({ max: 25 }), hostileValue),
            mode: fc.oneof(fc.constantFrom('marathon', 'sprint'), hostileValue),
            queue: fc.oneof(fc.string({ unit: fc.constantFrom(...'IJLOSTZx') }), hostileValue),
          },
          { requiredKeys: [] },
        ),
        hostileValue,
      ),
      inputs: fc
        .array(input, { maxLength: 60 })
        // Mostly in tick order; a hostile entry (an object with no prototype cannot become a number) keeps its place.
        .map((list) =>
          list.sort((a, b) =>
            Array.isArray(a) && Array.isArray(b) && typeof a[0] === 'number' && typeof b[0] === 'number' ? a[0] - b[0] : 0,
          ),
        ),
      endTick: fc.oneof(fc.constant(undefined), fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER), hostileValue),
    });
    await fc.assert(
      fc.asyncProperty(replay, (r) => endsCleanly(JSON.stringify(r))),
      { numRuns: 300 },
    );
  });

  it('answers files built to hurt the reader with exit 2', async () => {
    for (const text of [
      '['.repeat(5_000_000),
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      `{"format":"inktris-replay","version":1,"seed":1,"settings":{"queue":"${'I'.repeat(20_000)}"},"inputs":[]}`,
      `{"format":"inktris-replay","version":1,"seed":1,"inputs":[${'[0,"left"],'.repeat(100_000)}[0,"jump"]]}`,
      '\u0000\u0001\u0002',
      '\uFEFF',
    ]) {
      const deps = memoryDeps({ 'game.json': text });
      expect(await runCli(['replay', 'game.json', '--json'], deps)).toBe(2);
      expect(deps.err.join('')).toMatch(/^inktris: game\.json: [^\n]+\n$/);
    }
  });
});
