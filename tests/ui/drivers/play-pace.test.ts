/**
 * Pace against the best as it is now: a game of the session that makes a
 * new best is what the next game's pace is against, its curve the one the
 * kept replay of that game folds to.
 */
import { describe, expect, it } from 'vitest';
import { paceCurve, type InputName } from '../../../src/core/index.js';
import { PLAY, playModel, type PlayModel } from '../../../src/ui/drivers/play.js';
import type { ScreenEvent } from '../../../src/ui/drivers/screen.js';

const KEYS: Record<InputName, string> = {
  left: 'left',
  right: 'right',
  softDrop: 'down',
  hardDrop: 'space',
  cw: 'up',
  ccw: 'z',
  hold: 'c',
  pause: 'p',
};

/** `m` after `event`, with the inputs it reported. */
function reduce(m: PlayModel, event: ScreenEvent, inputs: [number, InputName][]): PlayModel {
  const { model, effects } = PLAY.reduce(m, event);
  for (const e of effects) if (e.kind === 'input') inputs.push([e.tick, e.input]);
  return model;
}

/** The bot's game played through the screen's keys, from `m` (a game not yet begun, its clock at `m.game.tick`). */
function playThrough(start: PlayModel, moves: readonly (readonly [number, InputName])[], inputs: [number, InputName][]): PlayModel {
  let m = start;
  for (const [tick, input] of moves) {
    m = reduce(m, { kind: 'tick', tick: tick + m.shift }, inputs);
    m = reduce(m, { kind: 'key', key: { name: KEYS[input], ctrl: false, type: 'tap' } }, inputs);
  }
  // To the end of the two minutes.
  for (let i = 0; i < 20 && m.game.status !== 'over'; i++) m = reduce(m, { kind: 'tick', tick: m.game.tick + m.shift + 1000 }, inputs);
  return m;
}

describe('pace against the best of the session', () => {
  it('races the next game against a game of the session that made a new best, as its replay folds', () => {
    // A piece every ten seconds, dropped in turn at five places across the well: two minutes without topping out.
    const moves: [number, InputName][] = [];
    for (let piece = 0; piece < 12; piece++) {
      const at = piece * 600 + 10;
      const shift = (piece % 5) - 2;
      for (let i = 0; i < Math.abs(shift) * 2; i++) moves.push([at + i * 2, shift < 0 ? 'left' : 'right']);
      moves.push([at + 20, 'hardDrop']);
    }
    let m = playModel({ settings: { mode: 'ultra', rules: 'guideline' }, seedOf: () => 7, bests: {} as never, pace: null });
    m = reduce(m, { kind: 'resize', size: { columns: 80, rows: 24 } }, []);
    m = reduce(m, { kind: 'start' }, []);
    const inputs: [number, InputName][] = [];
    m = playThrough(m, moves, inputs);
    expect(m.game.status).toBe('over');
    expect(m.game.topOut).toBeNull();
    expect(m.game.score).toBeGreaterThan(0);
    // The curve of the session's best is the game's kept replay folded.
    const replay = { seed: 7, settings: m.game.settings, inputs, endTick: m.game.tick };
    expect(m.paceCurve).toEqual(paceCurve(replay));
    // The next game (the same seed, the same keys) is level with it after its first lock that scores.
    m = reduce(m, { kind: 'key', key: { name: 'r', ctrl: false, type: 'tap' } }, []);
    const again: [number, InputName][] = [];
    let pace: string | null | undefined = null;
    for (const [tick, input] of moves) {
      m = reduce(m, { kind: 'tick', tick: tick + m.shift }, again);
      m = reduce(m, { kind: 'key', key: { name: KEYS[input], ctrl: false, type: 'tap' } }, again);
      pace = PLAY.view(m).kind === 'play' ? (PLAY.view(m) as { pace?: string | null }).pace : null;
      if (m.game.pieces >= 20) break;
    }
    expect(pace).toBe('±0');
  });
});
