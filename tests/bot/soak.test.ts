/**
 * Soak (issue 6): the autoplayer plays 100,000 pieces while a shadow game
 * replays its every input through the core, checking the invariants after
 * every single step (soak-game.ts). The game runs bundled (tests/bundled.ts):
 * about 8 s, where Vitest's module runner took 35-40 s.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bundled, importBundled } from '../bundled.js';

const PIECES = 100_000;

let bundled: Bundled<typeof import('./soak-game.js')>;

beforeAll(async () => {
  bundled = await importBundled(join(import.meta.dirname, 'soak-game.ts'));
});

afterAll(() => bundled.dispose());

describe('soak', () => {
  it(`plays ${PIECES.toLocaleString('en')} bot pieces with every invariant holding after every step`, () => {
    const shadow = bundled.module.soak(20261123, PIECES);
    expect(shadow.pieces).toBe(PIECES);
    expect(shadow.status).toBe('playing');
    expect(shadow.lines).toBeGreaterThan(0.39 * PIECES);
    expect(shadow.steps).toBeGreaterThan(4 * PIECES);
    expect(shadow.rows).toBe(20);
  }, 180_000);
});
