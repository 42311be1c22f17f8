/**
 * A chosen move pressed through the keys: the inputs of `decide`, each at
 * its own tick, through the core's `step`. Shared by the demo's pilot
 * (pilot.ts) and the versus opponent (opponent.ts), which differ only in
 * when the keys are due.
 */
import { inputAction, step, type Board, type GameState, type InputName } from '../core/index.js';

/** The inputs still to press for the piece in play, each with the tick it is due in. */
export interface KeyPlan {
  /** Pieces locked when the plan was made: a lock ends the plan. */
  readonly pieces: number;
  /** The board the plan was made on: a new board (a lock, garbage) ends it. */
  readonly board: Board;
  readonly inputs: readonly InputName[];
  /** The tick each input is pressed in, non-decreasing, as long as `inputs`. */
  readonly times: readonly number[];
}

/** Whether `plan` still holds for `game`: the same piece on the same board, with inputs left. */
export function planHolds(plan: KeyPlan | null, game: GameState): plan is KeyPlan {
  return plan !== null && plan.pieces === game.pieces && plan.board === game.board && plan.inputs.length > 0;
}

/** What `pressDue` did. */
export interface Pressed {
  /** The game after the inputs pressed. */
  readonly game: GameState;
  /** The plan's inputs not pressed. */
  readonly plan: KeyPlan;
  /** The inputs pressed, in order, all in the tick `game.tick`. */
  readonly inputs: InputName[];
  /** The core refused the next input (gravity or the board moved the piece since the plan was made). */
  readonly failed: boolean;
}

/**
 * Press the inputs of `plan` due by the tick in progress, in order, stopping
 * at the first the core refuses and after a lock.
 */
export function pressDue(plan: KeyPlan, game: GameState): Pressed {
  let g = game;
  let i = 0;
  const inputs: InputName[] = [];
  let failed = false;
  while (i < plan.inputs.length && plan.times[i]! <= g.tick && g.pieces === plan.pieces) {
    const input = plan.inputs[i]!;
    const after = step(g, inputAction(input));
    if (after === g) {
      failed = true;
      break;
    }
    inputs.push(input);
    g = after;
    i++;
  }
  const rest = i === 0 ? plan : { ...plan, inputs: plan.inputs.slice(i), times: plan.times.slice(i) };
  return { game: g, plan: rest, inputs, failed };
}
