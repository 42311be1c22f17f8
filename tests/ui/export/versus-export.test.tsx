/**
 * A versus match file exported: the asciicast recording played back on a
 * terminal in memory shows both boards at every event, as the versus screen
 * draws them for the match at that moment, and ends on the result box; the
 * text of one frame is the versus screen at that tick.
 */
import { describe, expect, it } from 'vitest';
import { matchRunTo, matchStart } from '../../../src/core/index.js';
import { matchCastHeader, matchCastLines, matchFrameText, matchStateAt } from '../../../src/ui/export/versus-export.js';
import { fixtureMatch, versusFixture } from '../versus-helpers.js';
import { VtScreen } from '../vt-screen.js';

const REPLAY = versusFixture();
const NAMES = ['ANN', 'BOT'] as const;

describe('a versus match as text', () => {
  it('is the versus screen of the match once tick N is played: both boards, names, numbers', () => {
    const text = matchFrameText(matchStateAt(REPLAY, 400), NAMES);
    const lines = text.split('\n');
    expect(lines).toHaveLength(24);
    expect(lines[0]).toMatch(/^\s+ANN\s+BOT$/);
    expect(lines[4]).toMatch(/32992.*7024/);
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
    expect(matchStateAt(REPLAY, 400)).toEqual(fixtureMatch(400));
  });

  it('shows the result box, without keys, at the end', () => {
    const text = matchFrameText(matchStateAt(REPLAY, 10_000), NAMES);
    expect(text).toContain('ANN WINS');
    expect(text).toMatch(/SENT\s+14\s+0/);
    expect(text).not.toContain('quit');
  });
});

describe('a versus match as an asciicast recording', () => {
  const lines = [...matchCastLines(REPLAY, { title: 'versus.json', display: { ascii: true } })];
  const [header, ...events] = lines.map((line) => JSON.parse(line) as unknown);

  it("has the versus screen's size, and one event per change of the picture, in time order", () => {
    expect(header).toEqual(matchCastHeader({ title: 'versus.json' }));
    expect(header).toMatchObject({ version: 2, width: 108, height: 25 });
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    const times = (events as [number, string, string][]).map(([t]) => t);
    expect(times.length).toBeGreaterThan(100);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The match is 748 ticks: 12.47 s.
    expect(times.at(-1)).toBeCloseTo(748 / 60, 1);
  });

  it('played back, shows both boards at every event, the match as it was then (every tenth compared whole), and ends on the result', () => {
    const screen = new VtScreen(108, 25);
    let position = matchStart(REPLAY);
    for (const [i, [t, , data]] of (events as [number, string, string][]).entries()) {
      screen.write(data);
      const picture = screen.picture().map((row) => row.replace(/\u001B\[[\d;]*m/g, ''));
      // Both wells, side by side, on every row of the well.
      expect(picture.filter((row) => (row.match(/\|[^|]{20}\|/g) ?? []).length === 2).length).toBeGreaterThanOrEqual(12);
      position = matchRunTo(REPLAY, position, Math.round(t * 60) - 1);
      // Every tenth event and the last drawn again whole, to compare (each is a render of the whole screen).
      if (i % 10 !== 0 && i !== events.length - 1) continue;
      const expected = matchFrameText(position.state, NAMES, { ascii: true }).split('\n');
      expect(picture.slice(0, 24).map((row) => row.trimEnd())).toEqual(expected);
    }
    const last = screen.picture().join('\n');
    expect(last).toContain('ANN WINS');
  });
});
