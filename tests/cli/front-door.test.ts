import { describe, expect, it } from 'vitest';
import { replayLabel } from '../../src/cli/actions/front-door.js';

describe('the Watch list', () => {
  it.each([
    ['2026-12-02T07-05-11-123Z-seed12.json', '2026-12-02 07:05 UTC  seed 12'],
    ['not-an-archive-name.json', 'not-an-archive-name.json'],
  ])('labels the kept replay %s as %s', (name, label) => {
    expect(replayLabel(name)).toBe(label);
  });
});
