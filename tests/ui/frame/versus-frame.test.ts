/**
 * The versus frame model: what each side shows as values (the meter, the
 * fields, the covers, the result), and which changes are fields only (a
 * fall, a move, a second of the clock) and which are structure (a lock, the
 * meter, a pause), for the painter.
 */
import { describe, expect, it } from 'vitest';
import { advanceMatch, inputAction, matchInput } from '../../../src/core/index.js';
import { frameOf, sameFrame, sameStructure, type Frame } from '../../../src/ui/frame/frame-model.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import type { VersusFrame } from '../../../src/ui/frame/versus-frame.js';
import { VERSUS_MIN } from '../../../src/ui/frame/versus-layout.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import { fixtureMatch, versusViewOf } from '../versus-helpers.js';

const DISPLAY = resolveDisplay();
const frame = (view: VersusView, size = VERSUS_MIN): Frame => frameOf(view, DISPLAY, size);
const versus = (view: VersusView): VersusFrame => {
  const f = frame(view);
  if (f.kind !== 'versus') throw new Error(`a ${f.kind} frame, not a versus one`);
  return f;
};

describe('the versus frame', () => {
  it('has both boards as fields: the spawn rows and the well, garbage as G; five numbers each, the match clock as TIME', () => {
    const f = versus(versusViewOf(fixtureMatch(400)));
    for (const side of f.sides) expect(side.board).toHaveLength(22);
    expect(f.sides[1].board!.filter((row) => row.includes('G')).length).toBeGreaterThanOrEqual(10);
    expect(f.sides[0].board!.some((row) => row.includes('G'))).toBe(false);
    expect(f.sides[0].numbers).toEqual(['32992', '14', '9', '0:06', '10']);
    expect(f.sides[1].numbers).toEqual(['7024', '14', '4', '0:06', '0']);
    expect(f.sides.map((side) => side.name)).toEqual(['ANN', 'BOT']);
  });

  it("fills the meter from the bottom: waiting rows w over ready rows r, at most the well's 20", () => {
    const base = versusViewOf(fixtureMatch(310));
    const meter = (pending: number, ready: number) =>
      versus({ ...base, sides: [base.sides[0], { ...base.sides[1], pending, ready }] }).sides[1].meter;
    expect(meter(10, 0)).toBe(`${' '.repeat(10)}${'w'.repeat(10)}`);
    expect(meter(5, 2)).toBe(`${' '.repeat(15)}www${'rr'}`);
    expect(meter(30, 25)).toBe('r'.repeat(20));
    expect(versus(base).sides[1].meter).toBe(`${' '.repeat(10)}${'w'.repeat(10)}`);
    expect(versus(versusViewOf(fixtureMatch(340))).sides[1].meter).toBe(`${' '.repeat(10)}${'r'.repeat(10)}`);
  });

  it('sees a fall or a move as fields only; a lock, a meter change, a pause or help as structure', () => {
    const m = fixtureMatch(20);
    const fallen = advanceMatch(m, 1);
    const falls = [m, fallen].map((x) => frame(versusViewOf(x)));
    // Some tick a few ahead moves a piece a row without a lock.
    let later = m;
    for (let i = 0; i < 60 && sameFrame(frame(versusViewOf(later)), falls[0]!); i++) later = advanceMatch(later, 1);
    expect(sameFrame(frame(versusViewOf(later)), falls[0]!)).toBe(false);
    const moved = matchInput(m, 1, inputAction('left'));
    expect(sameStructure(frame(versusViewOf(moved)), falls[0]!)).toBe(true);
    expect(sameFrame(frame(versusViewOf(moved)), falls[0]!)).toBe(false);
    const dropped = matchInput(m, 0, inputAction('hardDrop'));
    expect(sameStructure(frame(versusViewOf(dropped)), falls[0]!)).toBe(false);
    const view = versusViewOf(m);
    expect(sameStructure(frame({ ...view, paused: true }), frame(view))).toBe(false);
    expect(sameStructure(frame({ ...view, help: true }), frame(view))).toBe(false);
    expect(sameStructure(frame({ ...view, sides: [view.sides[0], { ...view.sides[1], pending: 3 }] }), frame(view))).toBe(false);
  });

  it('covers the boards under PAUSED and help (no fields, HOLD and NEXT hidden), and shows them under the countdown', () => {
    const view = versusViewOf(fixtureMatch(100));
    for (const f of [versus({ ...view, paused: true }), versus({ ...view, help: true })]) {
      for (const side of f.sides) {
        expect(side.board).toBeNull();
        expect(side.next).toBe('');
        expect(side.hold).toBeNull();
      }
    }
    // The pause's keys are the players': at their keyboard their keys to resume; watched live, who paused.
    expect(versus({ ...view, paused: true }).sides[0].cover).toEqual({ kind: 'paused', lines: ['p esc to resume', 'q ^C to quit'] });
    expect(versus({ ...view, paused: true, keymaps: [], live: true }).sides[0].cover).toEqual({
      kind: 'paused',
      lines: ['a player', 'paused'],
    });
    // The hints: the player's help key beside player 1's board; watched live, the watcher's back key.
    expect(versus(view).sides.map((side) => side.hint)).toEqual(['? keys', '']);
    expect(versus({ ...view, keymaps: [], live: true }).sides.map((side) => side.hint)).toEqual(['q back', '']);
    const counting = versus({ ...view, countdown: '3' });
    for (const side of counting.sides) {
      expect(side.cover?.kind).toBe('countdown');
      expect(side.next).not.toBe('');
    }
  });

  it('ends with the result: the final boards dimmed under it, the keys the view offers', () => {
    const end = fixtureMatch();
    const f = versus(versusViewOf(end, { rematch: true, watch: true }));
    expect(f.result?.title).toBe('ANN WINS');
    expect(f.result?.rows).toEqual([
      { label: 'SCORE', values: ['54464', '10524'] },
      { label: 'LINES', values: ['19', '6'] },
      { label: 'SENT', values: ['14', '0'] },
    ]);
    expect(f.result?.keys.map((key) => key.action)).toEqual(['rematch', 'watch it', 'quit']);
    for (const side of f.sides) {
      expect(side.board).toBeNull();
      expect(side.under).toHaveLength(22);
    }
    // Watching: the watch keys; a still frame (no keyboard): none.
    const status = { speed: 1, paused: false, ended: true, tick: 748, endTick: 748, pieces: 74, totalPieces: 74 };
    expect(versus(versusViewOf(end, { keymaps: [], status })).result?.keys.map((key) => key.action)).toEqual([
      'watch again',
      'back a piece',
      'quit',
    ]);
    expect(versus(versusViewOf(end, { keymaps: [] })).result?.keys).toEqual([]);
  });

  it('says at a result between two terminals who asked for the rematch, and why a match paused for the other terminal', () => {
    const end = fixtureMatch();
    const actions = (rematchAsked: readonly [boolean, boolean]) =>
      versus(versusViewOf(end, { rematch: true, menu: true, rematchAsked })).result?.keys.map((key) => key.action);
    expect(actions([false, false])).toEqual(['rematch', 'menu', 'quit']);
    expect(actions([true, false])).toEqual(['rematch: asked', 'menu', 'quit']);
    expect(actions([false, true])).toEqual(['rematch: asked you', 'menu', 'quit']);
    const running = versusViewOf(fixtureMatch(400), { paused: true, pauseNote: ["bob's terminal", 'is too small'] });
    for (const side of versus(running).sides) expect(side.cover).toEqual({ kind: 'paused', lines: ["bob's terminal", 'is too small'] });
  });

  it("flashes the rows a side's lock cleared, on that side's board only", () => {
    const base = versusViewOf(fixtureMatch(400));
    const board = base.sides[0].game.board;
    const f = versus({ ...base, sides: [{ ...base.sides[0], flash: { board, rows: [0, 1] } }, base.sides[1]] });
    expect(f.sides[0].board!.slice(-2)).toEqual(['='.repeat(10), '='.repeat(10)]);
    expect(f.sides[1].board!.some((row) => row.includes('='))).toBe(false);
  });

  it('is too small below 108 x 24', () => {
    const view = versusViewOf(fixtureMatch(10));
    expect(frame(view, { columns: 107, rows: 24 })).toEqual({ kind: 'tooSmall', size: { columns: 107, rows: 24 }, need: VERSUS_MIN });
    expect(frame(view, { columns: 108, rows: 24 }).kind).toBe('versus');
  });
});
