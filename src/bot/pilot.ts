/**
 * The autoplayer at a pace people can follow: for each piece the bot's
 * choice (`decide`), pressed one input at a time, a few ticks apart, after a
 * moment's thought. The game runs through the core like any other, with
 * gravity acting between the inputs; when gravity makes an input
 * impossible (the piece fell against the stack), the bot decides again from
 * where the piece is. Pure, immutable and clock-free: the caller says which
 * tick is in progress, as with a game of its own.
 *
 * The headless bot (play.ts) paces by whole pieces instead (its moves in
 * one tick, the drop `pace` ticks after the piece appeared), which the
 * `bot` command's recordings are made with; both choose with `decide` and
 * run through the core's `advance`.
 */
import { advanceUntil, type GameState, type InputName } from '../core/index.js';
import { decide } from './decide.js';
import { planHolds, pressDue, type KeyPlan } from './keys.js';

/** How fast the demo plays, in ticks (60 a second). */
export interface DemoPace {
  /** From a piece appearing to the bot's first input for it. */
  readonly think: number;
  /** Between two inputs for one piece, the hard drop included. */
  readonly gap: number;
}

/** About a piece a second at level 0: a moment to see the piece, then each move visible. */
export const DEMO_PACE: DemoPace = Object.freeze({ think: 20, gap: 6 });

/** A game played by the bot at a watchable pace. */
export interface Pilot {
  readonly game: GameState;
  readonly plan: KeyPlan | null;
}

/** An input that changed the game, and the tick it came in. */
export type PilotInput = readonly [tick: number, input: InputName];

/** The bot at `game`, which has not decided anything yet. */
export function startPilot(game: GameState, pace: DemoPace = DEMO_PACE): Pilot {
  if (!Number.isInteger(pace.think) || pace.think < 0 || !Number.isInteger(pace.gap) || pace.gap < 1) {
    throw new RangeError(`demo pace ${JSON.stringify(pace)}: think must be a whole number >= 0 and gap >= 1`);
  }
  return { game, plan: null };
}

/** The tick of the bot's next input, or null when it has none (the game is over, or it has not decided yet). */
export function pilotNextInput(pilot: Pilot): number | null {
  return planHolds(pilot.plan, pilot.game) ? pilot.plan.times[0]! : null;
}

/** The bot's choice for the piece in play, its first input at `at` and each next one `gap` ticks later. */
function decideAt(game: GameState, at: number, gap: number): KeyPlan | null {
  const move = decide(game);
  if (!move) return null;
  return { pieces: game.pieces, board: game.board, inputs: move.inputs, times: move.inputs.map((_, i) => at + i * gap) };
}

/**
 * Play every tick before `target`, so that `target` is the tick in
 * progress; the bot's inputs due by then (those of `target` too) are
 * pressed, each in its tick, before that tick's gravity. Returns the pilot
 * then and the inputs it pressed on the way (a replay of the demo).
 */
export function pilotRunTo(
  start: Pilot,
  target: number,
  pace: DemoPace = DEMO_PACE,
): { readonly pilot: Pilot; readonly inputs: PilotInput[] } {
  let { game, plan } = start;
  const inputs: PilotInput[] = [];
  for (;;) {
    if (game.status !== 'playing') break;
    // The plan for the piece in play, made when a piece appears (the bot's choice, a moment later).
    if (!planHolds(plan, game)) plan = decideAt(game, game.tick + pace.think, pace.gap);
    if (plan && plan.times[0]! <= game.tick) {
      const pressed = pressDue(plan, game);
      if (pressed.failed && pressed.inputs.length === 0) {
        // Gravity moved the piece since the plan was made: choose again from here.
        plan = decideAt(game, game.tick + pace.gap, pace.gap);
        continue;
      }
      for (const input of pressed.inputs) inputs.push([game.tick, input]);
      // The next input comes `gap` ticks after this one, however late this one came.
      plan = { ...pressed.plan, times: pressed.plan.inputs.map((_, i) => game.tick + (i + 1) * pace.gap) };
      game = pressed.game;
      continue;
    }
    if (game.tick >= target) break;
    const until = plan ? Math.min(target, plan.times[0]!) : target;
    const pieces = game.pieces;
    // Stop at a lock, so the next piece's thinking starts the tick it appears.
    game = advanceUntil(game, until - game.tick, (s) => s.pieces !== pieces);
  }
  return { pilot: { game, plan }, inputs };
}
