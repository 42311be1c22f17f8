import { describe, expect, it } from 'vitest';
import { clockText, sidebarNumbers } from '../../../src/ui/frame/layout.js';

const HOUR = 60 * 3600;

describe('clockText', () => {
  it.each([
    [0, '0:00'],
    [(59 * 60 + 59) * 60, '59:59'],
    [HOUR, '1:00:00'],
    [9999 * HOUR + 59 * 3600 + 59 * 60, '9999:59:59'],
    [10000 * HOUR, '10000h'],
    [999_999_999 * HOUR, '999999999h'],
    [1e15, '192901234d'],
    [Number.MAX_SAFE_INTEGER, '4760273y'],
  ])('shows %d ticks in ten columns as %s', (ticks, text) => {
    expect(clockText(ticks, 10)).toBe(text);
  });

  it('never gives more characters than its width, for any tick up to the largest safe integer', () => {
    for (let ticks = 1; ticks < Number.MAX_SAFE_INTEGER; ticks *= 7) expect(clockText(ticks, 10).length).toBeLessThanOrEqual(10);
  });
});

describe('sidebarNumbers', () => {
  it('shows a TIME of 1e15 ticks in days, not cut to its first ten digits', () => {
    expect(sidebarNumbers(0, 0, 0, 1e15, 'marathon')[3]).toBe('192901234d');
  });
});
