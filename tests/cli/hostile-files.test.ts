/**
 * Hostile config and high-score files, thousands of them, through the real
 * commands: each ends in a result or one line with exit 2 (config) or a
 * one-line warning and a fresh table (scores), never a stack.
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps } from './memory-deps.js';

const VALID_CONFIG = JSON.stringify({
  keys: { hardDrop: ['space'], hold: ['c', 'ctrl+h'] },
  das: 10,
  arr: 2,
  preview: 5,
  ghost: true,
  color: false,
});
const VALID_SCORES = JSON.stringify({
  format: 'inktris-scores',
  version: 1,
  marathon: [
    { score: 100, lines: 1, level: 0, startLevel: 0, time: 60, pieces: 3, seed: 1, date: '2026-11-23T12:00:00.000Z', replay: 'a.json' },
  ],
  sprint: [],
});

/** File contents: valid files cut, flipped and spliced; arbitrary JSON; deep nesting; huge values; proto keys; invalid UTF-8. */
function hostile(valid: string): fc.Arbitrary<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  return fc.oneof(
    fc.nat({ max: valid.length }).map((n) => text(valid.slice(0, n))),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
      const bytes = text(valid);
      bytes[i] = b;
      return bytes;
    }),
    fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 20 })).map(([i, s]) => text(valid.slice(0, i) + s + valid.slice(i))),
    fc.jsonValue({ maxDepth: 6 }).map((v) => text(JSON.stringify(v) ?? 'null')),
    fc
      .dictionary(
        fc.constantFrom(
          'keys',
          'das',
          'arr',
          'preview',
          'ghost',
          'color',
          'format',
          'version',
          'marathon',
          'sprint',
          '__proto__',
          'constructor',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map((o) => text(JSON.stringify(o))),
    fc.integer({ min: 1, max: 100_000 }).map((depth) => text('['.repeat(depth) + ']'.repeat(depth))),
    fc
      .constantFrom(
        '1e999',
        '-0',
        '123456789012345678901234567890',
        '{"das": 1e308}',
        '{"__proto__": {"das": 3}}',
        '{"preview": 5, "preview": 99}',
      )
      .map(text),
    fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0x7b, ...b, 0xff, 0xfe, 0x7d])),
  );
}

async function runMany(kind: 'config' | 'scores', runs: number) {
  const home = await mkdtemp(join(tmpdir(), `inktris-hostile-${kind}-`));
  const dir = join(home, 'inktris');
  await mkdir(dir, { recursive: true });
  const file = join(dir, kind === 'config' ? 'config.json' : 'scores.json');
  const outcomes = { ok: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(hostile(kind === 'config' ? VALID_CONFIG : VALID_SCORES), async (bytes) => {
      await writeFile(file, bytes);
      const deps = { ...memoryDeps(), env: kind === 'config' ? { XDG_CONFIG_HOME: home } : { XDG_DATA_HOME: home } };
      const code = await runCli(kind === 'config' ? ['config', '--print'] : ['scores', '--json'], deps);
      const err = deps.err.join('');
      // At most one line per problem, each a plain sentence: no stack frames.
      expect(err).not.toMatch(/\n\s+at |Error:|TypeError|RangeError/);
      if (kind === 'config') {
        expect([0, 2]).toContain(code);
        if (code === 2) expect(err.split('\n').filter(Boolean)).toHaveLength(1);
        else JSON.parse(deps.out.join(''));
      } else {
        expect(code).toBe(0);
        expect(err.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
        JSON.parse(deps.out.join(''));
      }
      outcomes[code === 0 && err === '' ? 'ok' : 'refused']++;
    }),
    { numRuns: runs },
  );
  return outcomes;
}

describe('hostile files', () => {
  it('answers 5,000 generated config files with settings or one line and exit 2', async () => {
    const outcomes = await runMany('config', 5_000);
    // Both kinds of outcome occur, so neither branch above went untested.
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  }, 120_000);

  it('answers 5,000 generated high-score files with a table, moving bad ones aside with one warning', async () => {
    const outcomes = await runMany('scores', 5_000);
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  }, 120_000);
});
