/**
 * The headless autoplayer: a game run through the core from `createGame`,
 * with the bot's inputs stamped at the ticks it gives them, so that the
 * inputs replay to the same game (CLI.md "Replay file").
 *
 * Pace: with pace P each piece is hard-dropped P ticks after it appeared,
 * so pieces lock P ticks apart. With pace 0 every piece is placed in the
 * tick it appears: the whole game happens in tick 0 and gravity never acts.
 * With pace P > 0 the bot first waits (the core's `advance`; gravity moves
 * the piece meanwhile), then decides from the game as it finds it and
 * presses its moves in one tick, then hard-drops. It waits the full P ticks
 * before deciding while the piece stays clear of the stack; where gravity is
 * fast it decides as soon as waiting longer would bring the piece within two
 * rows of the stack, then lets the piece fall in its column for the rest of
 * the P ticks. Where gravity would lock the resting piece before the P ticks
 * are up (at pace 60: from level 29, where pieces fall a row a tick), the
 * hard drop comes in the tick that lock would happen. So a piece never takes
 * more than P ticks, and high gravity never costs the bot its choice of
 * placement.
 */
import {
  advance,
  createGame,
  inputAction,
  lowestRow,
  step,
  TICK,
  ULTRA_TICKS,
  type GameState,
  type InputName,
  type Mode,
  type Placement,
  type RuleSet,
  stackHeight,
} from '../core/index.js';
import { decide, samePlacement } from './decide.js';

/** How a bot game is set up. */
export interface PlayBotOptions {
  /** Seed of the 7-bag randomizer, an unsigned 32-bit integer. */
  readonly seed: number;
  /** Stop after this many pieces have locked (or at game over). `Infinity` plays until the game ends. */
  readonly pieces: number;
  /** Ticks from a piece's appearance to its hard drop. @default 0 */
  readonly pace?: number;
  /** @default 'nes' */
  readonly rules?: RuleSet;
  /** @default 0 under nes, 1 under guideline */
  readonly startLevel?: number;
  /** @default 'marathon' */
  readonly mode?: Mode;
  /** Garbage rows of a dig. @default 10 */
  readonly digLines?: number;
  /** Piece letters dealt before the seeded bags. @default '' */
  readonly queue?: string;
}

/** An input and the tick it applies in, as in the replay file. */
export type TimedInput = [tick: number, input: InputName];

/** One piece played by the bot. */
export interface BotTurn {
  /** The inputs for this piece, in order, each with its tick. */
  readonly inputs: readonly TimedInput[];
  /** Where the piece locked. */
  readonly landed: Placement;
  /** The game just after the hard drop (inside the drop's tick). */
  readonly state: GameState;
}

/** A whole bot game: the inputs to record and the game they lead to. */
export interface BotGame {
  /** Every input, ticks non-decreasing. */
  readonly inputs: TimedInput[];
  /**
   * The game at the end of the last input's tick (or at game over): what
   * folding `inputs` through the core tick by tick gives.
   */
  readonly state: GameState;
}

/** Rows of clear air the bot keeps between a falling piece and the stack while it waits. */
const CLEARANCE = 2;

/** The largest wait in [0, max] after which `ok` still holds; `ok` must hold up to some wait and fail after it. */
function longestWait(state: GameState, max: number, ok: (s: GameState) => boolean): number {
  if (max <= 0) return 0;
  if (ok(advance(state, max))) return max;
  let lo = 0;
  let hi = max; // ok(lo) is assumed (or 0 is the answer), ok(hi) is false
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ok(advance(state, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Ticks the bot may wait before deciding: up to `max`, while the piece stays clear of the stack. */
export function thinkTicks(state: GameState, max: number): number {
  if (!state.active) return 0;
  const safeRow = stackHeight(state.board) + CLEARANCE;
  const pieces = state.pieces;
  if (lowestRow(state.active) < safeRow) return 0;
  return longestWait(
    state,
    max,
    (s) => s.status === 'playing' && s.pieces === pieces && s.active !== null && lowestRow(s.active) >= safeRow,
  );
}

/** Ticks the bot may let the piece fall before its hard drop: up to `max`, never past the tick gravity would lock it. */
export function fallTicks(state: GameState, max: number): number {
  const pieces = state.pieces;
  return longestWait(state, max, (s) => s.status === 'playing' && s.pieces === pieces);
}

function checkOptions(options: PlayBotOptions): number {
  const pace = options.pace ?? 0;
  if (!Number.isInteger(pace) || pace < 0) throw new RangeError(`pace ${pace} is not a whole number of ticks >= 0`);
  if (!(options.pieces >= 0)) throw new RangeError(`pieces ${options.pieces} is not a number >= 0`);
  return pace;
}

/**
 * The bot's game one piece at a time, lazily: the UI can watch it, the CLI
 * can stream its inputs, and nothing grows with the game's length. The
 * generator's return value is the final game, as `BotGame.state` describes.
 * Throws RangeError on bad options (and on bad game settings, as
 * `createGame` does).
 */
export function* botTurns(options: PlayBotOptions): Generator<BotTurn, GameState, void> {
  const pace = checkOptions(options);
  let s = createGame({
    seed: options.seed,
    rules: options.rules,
    startLevel: options.startLevel,
    mode: options.mode ?? 'marathon',
    digLines: options.digLines,
    queue: options.queue ?? '',
  });
  let played = false;
  while (s.status === 'playing' && s.pieces < options.pieces) {
    // Ultra: a piece that cannot be placed at this pace before the two minutes are up is left to fall while they run out.
    if (s.settings.mode === 'ultra' && pace > 0 && s.time + pace >= ULTRA_TICKS) {
      s = advance(s, ULTRA_TICKS);
      break;
    }
    const appeared = s.tick;
    s = advance(s, thinkTicks(s, pace));
    const move = decide(s);
    if (!move) break;
    const inputs: TimedInput[] = [];
    const moves = move.inputs.slice(0, -1);
    for (const input of moves) {
      inputs.push([s.tick, input]);
      s = step(s, inputAction(input));
    }
    played = true;
    // `decide` never picks a hold that ends the game, and moves cannot end it.
    if (s.status !== 'playing') throw new Error(`bot invariant broken: the game ended before the hard drop`);
    s = advance(s, fallTicks(s, appeared + pace - s.tick));
    inputs.push([s.tick, 'hardDrop']);
    s = step(s, inputAction('hardDrop'));
    const locked = s.events.locked;
    // The core's word is final: the piece must lock where the bot planned.
    if (!locked || s.pieces !== move.after.pieces || !samePlacement(locked, move.landed)) {
      throw new Error(`bot invariant broken: planned ${JSON.stringify(move.landed)}, core locked ${JSON.stringify(locked)}`);
    }
    yield { inputs, landed: locked, state: s };
  }
  return played ? closeLastTick(s) : s;
}

/**
 * The game at the end of a bot game whose last turn ended in `state`: the
 * last input's tick closed, as a replay that runs through it does (at game
 * over there is nothing to close). What `botTurns` returns, and what a
 * caller that stops taking turns early (a full recording) ends with.
 */
export function closeLastTick(state: GameState): GameState {
  return state.status === 'over' ? state : step(state, TICK);
}

/**
 * Play a whole bot game headless and return its inputs and the final game
 * (see `BotGame`). Deterministic: the same options give the same inputs.
 */
export function playBot(options: PlayBotOptions): BotGame {
  const inputs: TimedInput[] = [];
  const turns = botTurns(options);
  for (;;) {
    const next = turns.next();
    if (next.done) return { inputs, state: next.value };
    for (const input of next.value.inputs) inputs.push(input);
  }
}
