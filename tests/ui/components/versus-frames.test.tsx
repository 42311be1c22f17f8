/**
 * The versus screen as text (colour off, the fixture match of two bots):
 * both boards with their pieces, HOLD over NEXT, the numbers and the names,
 * the garbage meter beside each well, the panels over the wells, the result
 * box over both, the big scale, and the message of a terminal too small.
 */
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { Screen } from '../../../src/ui/components/Screen.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { resolveDisplay, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import { VERSUS_MIN, versusLayout } from '../../../src/ui/frame/versus-layout.js';
import { DEFAULT_KEYMAP } from '../../../src/ui/input/keymap.js';
import { fixtureMatch, versusViewOf } from '../versus-helpers.js';

/** The screen for `view` in a terminal of `columns` x `rows`, as lines. */
function draw(view: VersusView, columns = VERSUS_MIN.columns, rows = VERSUS_MIN.rows, options: DisplayOptions = {}): string[] {
  const display = resolveDisplay(options);
  const text = renderToString(<Screen frame={frameOf(view, display, { columns, rows })} display={display} />, { columns });
  const lines = text.split('\n').map((line) => line.trimEnd());
  expect(lines.join('').trim()).not.toBe('');
  return lines;
}

const layout = versusLayout(1);
/** The meter's column of side `side` (0 or 1) at the normal size, in a terminal of the screen's own size. */
const meterColumn = (side: 0 | 1) => side * layout.rightLeft + layout.meterLeft;
/** The meter's characters, top first, of side `side`. */
const meterOf = (lines: string[], side: 0 | 1) =>
  lines.slice(layout.sideTop, layout.sideTop + 20).map((line) => [...line][meterColumn(side)] ?? ' ');

describe('the versus screen', () => {
  it("draws both boards mid-match: pieces, garbage rows in player 2's well, HOLD, NEXT, names and numbers", () => {
    const lines = draw(versusViewOf(fixtureMatch(400)));
    expect(lines).toMatchSnapshot();
    expect(lines[0]).toMatch(/^\s+ANN\s+BOT$/);
    expect(lines.filter((line) => /HOLD.*HOLD/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /NEXT.*NEXT/.test(line))).toHaveLength(1);
    for (const label of ['SCORE', 'LEVEL', 'LINES', 'TIME', 'SENT'])
      expect(lines.some((line) => line.match(new RegExp(label, 'g'))?.length === 2)).toBe(true);
    // Two wells of 20 rows, side by side.
    expect(lines.filter((line) => (line.match(/│[^│]{20}│/g) ?? []).length === 2)).toHaveLength(20);
  });

  it('draws the meter beside the receiving well: waiting rows as shades, ready rows as blocks, from the bottom', () => {
    const waiting = meterOf(draw(versusViewOf(fixtureMatch(310))), 1);
    expect(waiting.join('')).toBe(`${' '.repeat(10)}${'▒'.repeat(10)}`);
    const ready = meterOf(draw(versusViewOf(fixtureMatch(340))), 1);
    expect(ready.join('')).toBe(`${' '.repeat(10)}${'█'.repeat(10)}`);
    // Nothing pending for player 1: its meter is blank.
    expect(
      meterOf(draw(versusViewOf(fixtureMatch(340))), 0)
        .join('')
        .trim(),
    ).toBe('');
    // In ASCII: # ready, : waiting.
    const ascii = meterOf(draw(versusViewOf(fixtureMatch(310)), VERSUS_MIN.columns, VERSUS_MIN.rows, { ascii: true }), 1);
    expect(ascii.join('')).toBe(`${' '.repeat(10)}${':'.repeat(10)}`);
  });

  it('shows attack feedback under the numbers', () => {
    const m = fixtureMatch(310);
    const base = versusViewOf(m);
    const view: VersusView = { ...base, sides: [{ ...base.sides[0], feedback: ['+10 sent', 'PERFECT CLEAR'] }, base.sides[1]] };
    const lines = draw(view);
    const at = lines.findIndex((line) => line.includes('+10 sent'));
    expect(at).toBeGreaterThan(layout.sideTop + 14);
    expect(lines[at + 1]).toContain('PERFECT CLEAR');
  });

  it("draws the result box over both boards at the end: the winner, each side's score, lines and sent, the keys offered", () => {
    const end = fixtureMatch();
    const lines = draw(versusViewOf(end, { rematch: true, menu: true, watch: true }));
    expect(lines).toMatchSnapshot();
    const title = lines.findIndex((line) => line.includes('ANN WINS'));
    expect(title).toBeGreaterThan(0);
    const box = lines.slice(title, title + 12).join('\n');
    expect(box).toMatch(/ANN\s+BOT/);
    expect(box).toMatch(/SCORE\s+54464\s+10524/);
    expect(box).toMatch(/LINES\s+19\s+6/);
    expect(box).toMatch(/SENT\s+14\s+0/);
    for (const key of ['r     rematch', 'm     menu', 'w     watch it', 'q ^C  quit']) expect(box).toContain(key);
    // Without the offers only quit is there.
    const plain = draw(versusViewOf(end)).join('\n');
    expect(plain).not.toContain('rematch');
    expect(plain).toContain('q ^C  quit');
  });

  it('says DRAW when both topped out in the same tick', () => {
    const end = fixtureMatch();
    expect(draw(versusViewOf(end, { winner: null })).join('\n')).toMatch(/│\s+DRAW\s+│/);
  });

  it("draws the countdown over both wells, PAUSED in both, and each keymap's keys as help", () => {
    const m = fixtureMatch(100);
    const counting = draw(versusViewOf(m, { countdown: '2' }));
    expect(counting.filter((line) => (line.match(/│ READY {2}│/g) ?? []).length === 2)).toHaveLength(1);
    const paused = draw(versusViewOf(m, { paused: true }));
    expect(paused.filter((line) => (line.match(/PAUSED/g) ?? []).length === 2)).toHaveLength(1);
    expect(paused.join('\n')).not.toContain('HOLD        │      ██');
    const p2 = { ...DEFAULT_KEYMAP, hardDrop: [{ name: 'w' }] };
    const help = draw(versusViewOf(m, { help: true, keymaps: [DEFAULT_KEYMAP, p2] }));
    expect(help.filter((line) => (line.match(/KEYS/g) ?? []).length === 2)).toHaveLength(1);
    expect(help.some((line) => /space\s+hard drop.*w\s+hard drop/.test(line))).toBe(true);
    // Both players' pause and quit are there; r, which does nothing until the result, is not.
    expect(help.filter((line) => (line.match(/pause/g) ?? []).length === 2)).toHaveLength(1);
    expect(help.join('\n')).not.toContain('restart');
  });

  it("shows the watch keys as help, and a watched match's place, when the view has a status", () => {
    const m = fixtureMatch(100);
    const status = { speed: 2, paused: true, ended: false, tick: 101, endTick: 748, pieces: 12, totalPieces: 74 };
    const lines = draw(versusViewOf(m, { keymaps: [], status }));
    const text = lines.join('\n');
    expect(text).toContain('REPLAY');
    expect(text).toMatch(/x2 \|\|/);
    expect(text).toContain('0:01/0:12');
    const help = draw(versusViewOf(m, { keymaps: [], status, help: true })).join('\n');
    expect(help.match(/pause\/play/g)).toHaveLength(2);
    expect(help).toContain('back a piece');
  });

  it('says the terminal is too small under 108 x 24, and draws big cells where twice the screen fits', () => {
    const view = versusViewOf(fixtureMatch(400));
    expect(draw(view, 80, 24).slice(0, 2)).toEqual(['Terminal too small: need 108 x 24', '(now 80 x 24; q quits)']);
    expect(draw(view, 107, 30)[0]).toBe('Terminal too small: need 108 x 24');
    expect(draw(view, 120, 23)[0]).toBe('Terminal too small: need 108 x 24');
    const normal = draw(view, 160, 40, { big: true });
    expect(normal.filter((line) => (line.match(/│[^│]{20}│/g) ?? []).length === 2)).toHaveLength(20);
    const big = draw(view, versusLayout(2).width, versusLayout(2).height, { big: true });
    expect(big.filter((line) => (line.match(/│[^│]{40}│/g) ?? []).length === 2)).toHaveLength(40);
  });
});
