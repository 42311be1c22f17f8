/**
 * The autoplayer at a pace people can follow: for each piece the bot's
 * choice (`decide`), pressed one input at a time, a few ticks apart, after a
 * moment's thought. The game runs through the core like any other, with
 * gravity acting between the inputs; when gravity makes an input
 * impossible (the piece fell against the stack), the bot decides again from
 * where the piece is. Pure and clock-free: the caller says which tick is in
 * progress, as with the game's own session.
 *
 * The headless bot (play.ts) paces by whole pieces instead (its moves in
 * one tick, the drop `pace` ticks after the piece appeared), which the
 * `bot` command's recordings are made with; both choose with `decide` and
 * run through the core's `advance`.
 */
import { advanceUntil, inputAction, step, type GameState, type InputName } from '../core/index.js';
import { decide } from './decide.js';

/** How fast the demo plays, in ticks (60 a second). */
export interface DemoPace {
  /** From a piece appearing to the bot's first input for it. */
  readonly think: number;
  /** Between two inputs for one piece, the hard drop included. */
  readonly gap: number;
}

/** About a piece a second at level 0: a moment to see the piece, then each move visible. */
export const DEMO_PACE: DemoPace = Object.freeze({ think: 20, gap: 6 });

/** The inputs still to press for the piece in play, and when the next one is due. */
interface Plan {
  /** Pieces locked when the plan was made: a lock ends the plan. */
  readonly pieces: number;
  readonly inputs: InputName[];
  /** The tick the next input is pressed in. */
  at: number;
}

/** A game played by the bot at a watchable pace. */
export class DemoPilot {
  private current: GameState;
  private plan: Plan | null = null;
  private readonly pace: DemoPace;
  private readonly onInput: ((tick: number, input: InputName) => void) | undefined;

  /** `onInput` hears each input that changed the game, with its tick (a replay of the demo). */
  constructor(initial: GameState, pace: DemoPace = DEMO_PACE, onInput?: (tick: number, input: InputName) => void) {
    if (!Number.isInteger(pace.think) || pace.think < 0 || !Number.isInteger(pace.gap) || pace.gap < 1) {
      throw new RangeError(`demo pace ${JSON.stringify(pace)}: think must be a whole number >= 0 and gap >= 1`);
    }
    this.current = initial;
    this.pace = pace;
    this.onInput = onInput;
  }

  /** The game now. */
  get state(): GameState {
    return this.current;
  }

  /** The tick of the bot's next input, or null when it has none (the game is over). */
  get nextInputTick(): number | null {
    return this.plan && this.plan.pieces === this.current.pieces ? this.plan.at : null;
  }

  /**
   * Play every tick before `target`, so that `target` is the tick in
   * progress; the bot's inputs due by then (those of `target` too) are
   * pressed, each in its tick, before that tick's gravity.
   */
  runTo(target: number): void {
    for (;;) {
      if (this.current.status !== 'playing') return;
      const plan = this.planned();
      if (plan && plan.at <= this.current.tick) {
        this.press(plan);
        continue;
      }
      if (this.current.tick >= target) return;
      const until = plan ? Math.min(target, plan.at) : target;
      const pieces = this.current.pieces;
      // Stop at a lock, so the next piece's thinking starts the tick it appears.
      this.current = advanceUntil(this.current, until - this.current.tick, (s) => s.pieces !== pieces);
    }
  }

  /** The plan for the piece in play, made when a piece appears (the bot's choice, a moment later). */
  private planned(): Plan | null {
    const s = this.current;
    if (this.plan && this.plan.pieces === s.pieces && this.plan.inputs.length > 0) return this.plan;
    this.plan = this.decideAt(s.tick + this.pace.think);
    return this.plan;
  }

  private decideAt(at: number): Plan | null {
    const move = decide(this.current);
    return move ? { pieces: this.current.pieces, inputs: [...move.inputs], at } : null;
  }

  private press(plan: Plan): void {
    const before = this.current;
    const input = plan.inputs.shift()!;
    const after = step(before, inputAction(input));
    if (after === before) {
      // Gravity moved the piece since the plan was made: choose again from here.
      this.plan = this.decideAt(before.tick + this.pace.gap);
      return;
    }
    this.current = after;
    this.onInput?.(before.tick, input);
    plan.at = before.tick + this.pace.gap;
  }
}
