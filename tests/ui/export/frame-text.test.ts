/** frameText: the plain-text frame `replay --frame` prints, a pure function of the state. */
import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/core/index.js';
import { frameText } from '../../../src/ui/export/frame-text.js';
import { LAYOUT } from '../../../src/ui/frame/layout.js';
import { fresh, midGame, play } from '../helpers.js';

describe('frameText', () => {
  it('is the game screen as plain text, LAYOUT.width x LAYOUT.height, no escape codes', () => {
    const text = frameText(midGame());
    const rows = text.split('\n');
    expect(rows).toHaveLength(LAYOUT.height);
    for (const row of rows) {
      expect(row.length).toBeLessThanOrEqual(LAYOUT.width);
      expect(row).toBe(row.trimEnd());
    }
    expect(text).not.toMatch(/\u001B/);
    expect(text).toContain('HOLD');
    expect(text.endsWith('\n')).toBe(false);
  });

  it('is the same for the same state, every time', () => {
    const state = midGame();
    expect(frameText(state)).toBe(frameText(state));
    expect(frameText(state, { ascii: true, ghost: false, preview: 3 })).toBe(frameText(state, { ascii: true, ghost: false, preview: 3 }));
  });

  it('takes TIME from the state, not a clock', () => {
    expect(frameText(advance(fresh(), 60 * 75))).toMatch(/TIME\s*\n.*1:15/);
  });

  it('follows the display options', () => {
    const state = midGame();
    expect(frameText(state)).toContain('[]');
    expect(frameText(state, { ghost: false })).not.toContain('[]');
    expect(frameText(state, { ascii: true })).toContain('[]');
    expect(frameText(state, { ascii: true })).not.toContain('█');
  });

  it('shows PAUSED over a paused game', () => {
    expect(frameText(play(fresh(), 'pause'))).toContain('PAUSED');
  });

  it('matches the fresh-game snapshot', () => {
    expect(frameText(fresh())).toMatchSnapshot();
  });
});
