/**
 * The versus opponent: its pace over a minute of play, its key timing, and
 * its games as replays, under both rule sets, driven tick by tick the way a
 * match drives it (the game is the caller's).
 */
import { describe, expect, it } from 'vitest';
import { createGame, inputAction, runReplay, step, TICK, type GameSettings, type GameState, type InputName } from '../../src/core/index.js';
import { opponentInputs, opponentNextInput, startOpponent, type Opponent } from '../../src/bot/opponent.js';

const MINUTE = 3600;

/** A game of `ticks` ticks played by the opponent; `between` may change the game before each tick's call (garbage). */
function match(settings: Omit<GameSettings, 'seed'>, seed: number, pps: number, ticks = MINUTE, botSeed = 7) {
  let op: Opponent = startOpponent(pps, botSeed);
  let g: GameState = createGame({ seed, ...settings });
  const inputs: [number, InputName][] = [];
  const drops: number[] = [];
  for (let t = 0; t < ticks && g.status !== 'over'; t++) {
    const turn = opponentInputs(op, g);
    op = turn.op;
    for (const input of turn.inputs) {
      inputs.push([g.tick, input]);
      if (input === 'hardDrop') drops.push(g.tick);
      const after = step(g, inputAction(input));
      expect(after, `tick ${g.tick}: ${input} refused`).not.toBe(g);
      g = after;
    }
    g = step(g, TICK);
  }
  return { state: g, inputs, drops, op };
}

/** Ticks holding more than one input, and the inputs of each. */
function crowdedTicks(inputs: readonly [number, InputName][]): number {
  const per = new Map<number, number>();
  for (const [t] of inputs) per.set(t, (per.get(t) ?? 0) + 1);
  return [...per.values()].filter((n) => n > 1).length;
}

describe('the versus opponent', () => {
  for (const rules of ['nes', 'guideline'] as const) {
    for (const pps of [1, 3, 6]) {
      it(`plays ${pps} pieces a second within 15% over a minute (${rules}), a valid replay of the game`, () => {
        const { state, inputs } = match({ rules }, 11, pps);
        expect(state.status).toBe('playing');
        const perSecond = state.pieces / 60;
        expect(Math.abs(perSecond - pps) / pps).toBeLessThan(0.15);
        expect(runReplay({ seed: 11, settings: { rules }, inputs, endTick: MINUTE - 1 })).toEqual(state);
      });
    }
  }

  it('is drift-free: the k-th drop comes near k * 60 / N ticks after the start', () => {
    const pps = 3;
    const { drops } = match({}, 4, pps);
    expect(drops.length).toBeGreaterThan(170);
    for (let k = 1; k <= drops.length; k++) {
      // 15% of a piece's 20 ticks of jitter, and a tick for rounding.
      expect(Math.abs(drops[k - 1]! - Math.round((k * 60) / pps)), `piece ${k}`).toBeLessThanOrEqual(4);
    }
  });

  it('presses the keys of a piece one a tick, spread over the piece, never the whole move at once', () => {
    for (const pps of [1, 3, 6]) {
      const { inputs, state } = match({}, 5, pps);
      // A tick with several keys only when gravity is about to lock the piece: rare at these levels.
      expect(crowdedTicks(inputs), `${pps} pps`).toBeLessThanOrEqual(state.pieces * 0.02);
      const keysPerPiece = inputs.length / state.pieces;
      expect(keysPerPiece).toBeGreaterThan(2);
    }
    // At 1 pps a piece's keys are at least two ticks apart (the drop after the previous piece's, too).
    const { inputs } = match({}, 5, 1);
    for (let i = 1; i < inputs.length; i++) expect(inputs[i]![0] - inputs[i - 1]![0], `input ${i}`).toBeGreaterThanOrEqual(2);
  });

  it('thinks longer at a slow pace: at 0.5 pps the first key of a piece comes long after it appears', () => {
    const { inputs, state } = match({}, 8, 0.5);
    expect(Math.abs(state.pieces / 60 - 0.5) / 0.5).toBeLessThan(0.15);
    const waits: number[] = [];
    for (let i = 1; i < inputs.length; i++) if (inputs[i - 1]![1] === 'hardDrop') waits.push(inputs[i]![0] - inputs[i - 1]![0]);
    expect(Math.min(...waits)).toBeGreaterThan(60);
  });

  it('plays under 20G (guideline level 19 and up) at its gravity, as a valid replay', () => {
    const settings = { rules: 'guideline' as const, startLevel: 19 };
    for (const pps of [3, 6]) {
      const { state, inputs } = match(settings, 2, pps);
      expect(state.status).toBe('playing');
      expect(Math.abs(state.pieces / 60 - pps) / pps).toBeLessThan(0.15);
      expect(runReplay({ seed: 2, settings, inputs, endTick: MINUTE - 1 })).toEqual(state);
    }
    // Slower than the lock delay allows (a piece rests as it appears and locks 30 ticks later), each piece is dropped before it locks.
    const slow = match(settings, 2, 1);
    expect(slow.state.status).toBe('playing');
    expect(slow.drops.length).toBe(slow.state.pieces);
    expect(slow.state.pieces / 60).toBeGreaterThan(1.5);
  });

  it('keeps up where nes gravity is fast (level 19) and the plan breaks under it', () => {
    const { state, inputs } = match({ startLevel: 19 }, 3, 3);
    expect(state.status).toBe('playing');
    expect(Math.abs(state.pieces / 60 - 3) / 3).toBeLessThan(0.15);
    expect(runReplay({ seed: 3, settings: { startLevel: 19 }, inputs, endTick: MINUTE - 1 })).toEqual(state);
  });

  it('re-decides when garbage pushes the stack up under its plan', () => {
    let op = startOpponent(2, 1);
    let g = createGame({ seed: 9, mode: 'dig', digLines: 10 });
    for (let t = 0; t < 600; t++) {
      const turn = opponentInputs(op, g);
      op = turn.op;
      for (const input of turn.inputs) g = step(g, inputAction(input));
      g = step(g, TICK);
    }
    // Replace the board under a plan: the bot notices and plans for the new board.
    const planned = opponentNextInput(op, g);
    expect(planned).not.toBeNull();
    const pushed = { ...g, board: g.board.slice() };
    expect(opponentNextInput(op, pushed)).toBeNull();
    const turn = opponentInputs(op, pushed);
    expect(turn.op.plan?.board).toBe(pushed.board);
  });

  it('is deterministic for the same seed and varies its timing with another', () => {
    const a = match({}, 6, 3, 1200, 1);
    const b = match({}, 6, 3, 1200, 1);
    const c = match({}, 6, 3, 1200, 2);
    expect(b.inputs).toEqual(a.inputs);
    expect(c.inputs.map(([t]) => t)).not.toEqual(a.inputs.map(([t]) => t));
  });

  it('refuses a pace outside 0.5-10 pieces a second and a bad seed', () => {
    expect(() => startOpponent(0.4)).toThrow(RangeError);
    expect(() => startOpponent(10.5)).toThrow(RangeError);
    expect(() => startOpponent(Number.NaN)).toThrow(RangeError);
    expect(() => startOpponent(3, -1)).toThrow(RangeError);
    expect(startOpponent().pps).toBe(1.5);
  });
});
