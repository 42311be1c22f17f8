/**
 * The versus opponent: the bot at about N pieces a second with a person's
 * key timing. For each piece it takes `decide`'s choice and presses its
 * keys (hold, rotations, left or right taps, the hard drop) a few ticks
 * apart, through the core, never placing a piece at once. The game is the
 * caller's: each tick the caller hands over the game as it is (garbage the
 * bot did not cause included) and presses what the bot answers, so the bot
 * holds no game, only its plan for the piece in play. When the piece or the
 * board is not what the plan was made for (a lock, garbage, gravity that
 * made the next key impossible), it decides again from where the piece is.
 *
 * Pace, drift-free: the k-th piece's hard drop is due round(k * 60 / N)
 * ticks of play after the bot first saw the game, give or take a seeded
 * jitter of at most 15% of a piece's time (and 8 ticks), never accumulated.
 * A piece that is late (gravity forced a new choice) makes the next ones
 * quicker, never the whole game slower. The drop comes earlier when gravity
 * would lock the piece before it is due (the rule set's lock delay, 20G).
 * Under 20G a piece rests as it appears and locks 30 ticks later, so there
 * the bot plays no slower than about 2 pieces a second (it does not stall
 * with lock resets).
 *
 * Key timing: the keys of a piece are spread evenly over the ticks from the
 * decision to the drop, at most 6 ticks apart (a person taps quickly after
 * thinking), one key per tick. Several keys share a tick only when the
 * piece's keys do not fit in its ticks one a tick (high N with many keys,
 * or after a new choice late in the piece), and when gravity would lock the
 * piece at the end of the tick in progress: then the keys left are pressed
 * at once, as a player's fast repeat (ARR) would. Pure: no clock, no
 * randomness but the seed's.
 */
import { canFall, MAX_SEED, mulberry32, step, TICK, type GameState, type InputName } from '../core/index.js';
import { decide } from './decide.js';
import { planHolds, pressDue, type KeyPlan } from './keys.js';
import { fallTicks } from './play.js';

/** Slowest pace, in pieces a second. */
export const MIN_BOT_PPS = 0.5;
/** Fastest pace, in pieces a second. */
export const MAX_BOT_PPS = 10;
/** The pace of `versus --bot` without `--bot-pps`. */
export const DEFAULT_BOT_PPS = 1.5;

/** Ticks a second (RULES.md "Time"). */
const TICKS_PER_SECOND = 60;
/** The longest gap between two keys of one piece, in ticks. */
const MAX_KEY_GAP = 6;
/** The jitter of a piece's drop, as a share of a piece's ticks, and at most in ticks. */
const JITTER_SHARE = 0.15;
const MAX_JITTER = 8;

/** The opponent between two ticks: its pace, its seed, when it started, and its plan for the piece in play. */
export interface Opponent {
  readonly pps: number;
  readonly seed: number;
  /** Ticks of play (`GameState.time`) and pieces locked when the bot first saw the game; null before. */
  readonly start: { readonly time: number; readonly pieces: number } | null;
  /** The keys still to press for the piece in play. */
  readonly plan: KeyPlan | null;
  /** `tick - time` of the game when the plan was made: a pause in between moves the ticks, and the plan is made again. */
  readonly paused: number;
}

/** The bot's answer for one tick. */
export interface OpponentTurn {
  readonly op: Opponent;
  /** The inputs to press in the tick in progress, in order, before the tick's gravity. */
  readonly inputs: InputName[];
}

/**
 * An opponent at `pps` pieces a second (MIN_BOT_PPS to MAX_BOT_PPS) whose
 * timing jitter is drawn from `seed` (an unsigned 32-bit integer). Throws
 * RangeError for a pace or a seed outside those ranges.
 */
export function startOpponent(pps: number = DEFAULT_BOT_PPS, seed = 0): Opponent {
  if (!(pps >= MIN_BOT_PPS && pps <= MAX_BOT_PPS)) {
    throw new RangeError(`bot pace ${pps} is not between ${MIN_BOT_PPS} and ${MAX_BOT_PPS} pieces a second`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`bot seed ${seed} is not an integer 0-${MAX_SEED}`);
  return { pps, seed, start: null, plan: null, paused: 0 };
}

/** A number in [-1, 1) for piece `k` and draw `i` of the seed, the same however often it is asked. */
function jitter(seed: number, k: number, i: number): number {
  return mulberry32((seed ^ Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0).value * 2 - 1;
}

/** Ticks of play from the bot's start to the hard drop of the k-th piece (k from 1). */
export function opponentDropTime(op: Pick<Opponent, 'pps' | 'seed'>, k: number): number {
  const period = TICKS_PER_SECOND / op.pps;
  const spread = Math.min(MAX_JITTER, JITTER_SHARE * period);
  return Math.max(1, Math.round(k * period + spread * jitter(op.seed, k, 0)));
}

/** The ticks `count` keys are pressed in, from `now` to the drop at `due` (both included). */
function keyTimes(op: Opponent, k: number, count: number, now: number, due: number): number[] {
  const ticks = due - now + 1;
  if (ticks < count) return Array.from({ length: count }, (_, i) => now + Math.floor((i * ticks) / count));
  const gap = Math.max(1, Math.min(MAX_KEY_GAP, Math.floor(ticks / count)));
  // The last key (the drop) at `due`, the ones before `gap` apart, each a tick early or late when the gaps allow.
  return Array.from({ length: count }, (_, i) => {
    const at = due - (count - 1 - i) * gap;
    return i < count - 1 && gap >= 3 ? at + Math.round(jitter(op.seed, k, i + 1)) : at;
  });
}

/** The plan for the piece in play of `game` (null when the bot has no move). */
function planFor(op: Opponent, game: GameState, rush: boolean): KeyPlan | null {
  const move = decide(game);
  if (!move) return null;
  const start = op.start!;
  const k = game.pieces - start.pieces + 1;
  const now = game.tick;
  const dueTime = start.time + opponentDropTime(op, k);
  // Due when its time comes, or before gravity would lock the piece; never before now.
  const due = rush ? now : now + fallTicks(game, Math.max(0, dueTime - game.time));
  return { pieces: game.pieces, board: game.board, inputs: move.inputs, times: keyTimes(op, k, move.inputs.length, now, due) };
}

/** Whether gravity locks the piece of `game` at the end of the tick in progress. */
function locksThisTick(game: GameState): boolean {
  return game.status === 'playing' && !canFall(game) && step(game, TICK).pieces !== game.pieces;
}

/**
 * The inputs the bot presses in the tick in progress (`game.tick`) for
 * `game` as it is now, and the opponent after them. The caller presses
 * them, in order, with `step`, then goes on with the tick (its gravity or
 * lock). Call it once a tick, every tick, with the game as the core left
 * it; it answers no inputs for a game paused or over.
 */
export function opponentInputs(start: Opponent, game: GameState): OpponentTurn {
  if (game.status !== 'playing' || !game.active) return { op: start, inputs: [] };
  let op = start.start ? start : { ...start, start: { time: game.time, pieces: game.pieces } };
  const paused = game.tick - game.time;
  let plan = planHolds(op.plan, game) && op.paused === paused ? op.plan : planFor(op, game, false);
  const inputs: InputName[] = [];
  let g = game;
  // At most: the plan, a new one when the core refused a key, and all keys at once before a lock.
  for (let round = 0; plan && round < 3; round++) {
    const pressed = pressDue(plan, g);
    inputs.push(...pressed.inputs);
    g = pressed.game;
    plan = pressed.plan;
    if (g.pieces !== game.pieces || g.status !== 'playing') {
      plan = null;
      break;
    }
    if (pressed.failed) {
      plan = planFor(op, g, locksThisTick(g));
      continue;
    }
    if (!locksThisTick(g)) break;
    // Gravity would lock the piece before its keys are done: the rest now.
    plan = { ...plan, times: plan.times.map(() => g.tick) };
  }
  op = { ...op, plan, paused };
  return { op, inputs };
}

/**
 * The tick of the bot's next planned input for the piece in play of
 * `game`, or null when it has no plan for it yet (the next call of
 * `opponentInputs` decides). An input may come earlier when gravity is about
 * to lock the piece.
 */
export function opponentNextInput(op: Opponent, game: GameState): number | null {
  return planHolds(op.plan, game) && op.paused === game.tick - game.time ? op.plan.times[0]! : null;
}
