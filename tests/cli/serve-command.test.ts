/**
 * `inktris serve`'s options on the command line, in-process: `--seed` is
 * parsed as `play --seed` is (an unsigned 32-bit integer), a bad value is
 * one line on stderr with exit 2 before anything listens or is written.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps } from './memory-deps.js';

describe('inktris serve --seed', () => {
  it.each([
    ['a word', 'x', "argument 'x' is invalid. seed must be a whole number from 0 to 4294967295"],
    ['a negative number', '-1', "argument '-1' is invalid. seed must be a whole number from 0 to 4294967295"],
    ['one past 32 bits', '4294967296', "argument '4294967296' is invalid. seed must be from 0 to 4294967295, not 4294967296"],
    ['a fraction', '1.5', "argument '1.5' is invalid. seed must be a whole number from 0 to 4294967295"],
  ])('refuses %s with one line and exit 2, as play does', async (_what, value, said) => {
    const d = memoryDeps();
    expect(await runCli(['serve', '--port', '0', '--data', 'srv', '--seed', value], d)).toBe(2);
    expect(d.err.join('')).toBe(`inktris: option '--seed <n>' ${said}; see 'inktris serve --help'\n`);
    expect(d.out.join('')).toBe('');
    // The same value is refused alike by play.
    const p = memoryDeps();
    expect(await runCli(['play', '--seed', value], p)).toBe(2);
    expect(p.err.join('')).toBe(`inktris: option '--seed <n>' ${said}; see 'inktris play --help'\n`);
  });

  it('lists --seed in --help with what happens without it', async () => {
    const d = memoryDeps();
    expect(await runCli(['serve', '--help'], d)).toBe(0);
    const help = d.out.join('').replace(/\s+/g, ' ');
    expect(help).toContain('--seed <n> seed of the piece sequence, 0-4294967295 (default: random for each session)');
    expect(help).toContain('inktris serve --seed 7');
  });
});
