/**
 * The one fold of a replay through the core, and positions in it: where a
 * replay is (the game so far and the next input to apply), running forward
 * to a tick, stepping by whole pieces in either direction, and the headless
 * run (`runPackedReplay`, what `replay --json` prints) as a run from the
 * start. Every position is made by folding the replay's inputs (`step` for
 * inputs, `advance` for the ticks between them) from the start or from a
 * checkpoint the same fold made earlier, so what a watcher sees at a piece
 * is exactly the game the headless run plays, and stepping back is as exact
 * as stepping forward.
 *
 * The inputs stay in the columns the reader made (`PackedReplay`): a long
 * game's hundreds of thousands of inputs take 9 bytes each, not an object.
 *
 * Running "through tick T" applies the inputs of ticks up to T and then T's
 * gravity, so the game at T is what `replay FILE --frame T` prints.
 */
import { advance, createGame, step, type GameState } from './game.js';
import { quickFold, quickFoldPlays } from './quick-fold.js';
import { packedAction, packedReplay, packReplay, replayEndTick, type AnyReplay, type PackedReplay, type Replay } from './replay.js';
import { advanceUntil, ticksUntilChange } from './schedule.js';
import { TICKS_PER_SECOND } from './time.js';

/** A moment of a replay: the game, and the index of the next input to apply. */
export interface Position {
  readonly state: GameState;
  /** Index into the replay's inputs of the first input not yet applied. */
  readonly next: number;
}

/** A replay made ready to watch: its end, its length in pieces, and a checkpoint every few pieces. */
export interface ReplayIndex {
  /** The replay, its inputs in columns. */
  readonly replay: PackedReplay;
  /** The last tick the replay simulates (`replayEndTick`); the game may end before it. */
  readonly endTick: number;
  /** Pieces locked by the end of the replay. */
  readonly totalPieces: number;
  /** The position at the end of the replay. */
  readonly final: Position;
  /** Pieces between checkpoints. */
  readonly every: number;
  /** `checkpoints[i]` is the position right after piece `i * every` locked (`checkpoints[0]` is the start). */
  readonly checkpoints: readonly Position[];
}

/**
 * Pieces between checkpoints. A step back replays at most this many pieces
 * from the checkpoint before it (a quarter of a millisecond), and the
 * checkpoints of a game of 20,000 pieces take about 1 MB.
 */
export const CHECKPOINT_EVERY = 16;

/** The start of a replay: its first piece on the field, no input applied. */
export function startPosition(replay: Pick<AnyReplay, 'seed' | 'settings'>): Position {
  return { state: createGame({ seed: replay.seed, ...replay.settings }), next: 0 };
}

/**
 * Fold the replay on from `from`, through tick `end`, stopping early right
 * after the step at which `stop` holds: each input with `step`, the ticks
 * between inputs with `advance` (or `advanceUntil` to stop), and at game
 * over it stops. Running "through tick T" applies the inputs of ticks up to
 * T and then T's gravity. Inputs after `end` are not applied; `end` may lie
 * past the replay's own end (`runPackedReplay`'s `untilTick`).
 */
function fold(replay: PackedReplay, from: Position, end: number, stop?: (s: GameState) => boolean): Position {
  const { inputs } = replay;
  const { count, ticks } = inputs;
  const past = end + 1;
  let state = from.state;
  let next = from.next;
  // No closures on the way: the headless run of a long game is this loop, once per input. The stretch
  // after the last input is run by the same lines as the stretches between inputs: code of its own,
  // reached once per run, had no type feedback when V8 optimized the loop, and its first use threw
  // the optimized fold away at the end of every run (--trace-deopt), so the next run began slow.
  while (state.status !== 'over' && !stop?.(state)) {
    // state.tick is the tick in progress: finish the ones before the next input's, or all up to `end`.
    const last = next >= count || ticks[next]! > end;
    const until = last ? past : ticks[next]!;
    if (until > state.tick) {
      state = stop ? advanceUntil(state, until - state.tick, stop) : advance(state, until - state.tick);
      if (last || state.status === 'over' || stop?.(state)) break;
    } else if (last) break;
    state = step(state, packedAction(inputs, next));
    next++;
  }
  return { state, next };
}

/** The position once tick `tick` has been simulated (never earlier than `from`; capped at the end). */
export function runTo(replay: PackedReplay, from: Position, tick: number): Position {
  return fold(replay, from, Math.min(tick, replayEndTick(replay)));
}

/** The position right after the next piece locks, or the end of the replay if none does. */
function nextLock(replay: PackedReplay, from: Position): Position {
  const pieces = from.state.pieces;
  return fold(replay, from, replayEndTick(replay), (s) => s.pieces > pieces);
}

/** Fold a whole replay once, keeping a checkpoint every `every` pieces. Inputs as pairs are put in columns first. */
export function indexReplay(source: AnyReplay, every = CHECKPOINT_EVERY): ReplayIndex {
  const replay = packedReplay(source);
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval ${every} is not a whole number >= 1`);
  const checkpoints: Position[] = [];
  let position = startPosition(replay);
  checkpoints.push(position);
  for (;;) {
    const after = nextLock(replay, position);
    if (after.state.pieces === position.state.pieces) {
      position = after;
      break;
    }
    position = after;
    if (position.state.pieces % every === 0) checkpoints.push(position);
  }
  const final = runTo(replay, position, Number.POSITIVE_INFINITY);
  return { replay, endTick: replayEndTick(replay), totalPieces: final.state.pieces, final, every, checkpoints };
}

/**
 * The position right after piece `piece` locked (0: the start), rebuilt from
 * the checkpoint before it. `piece` is clamped to 0..totalPieces.
 */
export function positionAtPiece(index: ReplayIndex, piece: number): Position {
  const k = Math.max(0, Math.min(index.totalPieces, Math.floor(piece)));
  let position = index.checkpoints[Math.min(index.checkpoints.length - 1, Math.floor(k / index.every))]!;
  while (position.state.pieces < k) position = nextLock(index.replay, position);
  return position;
}

/** Whether two positions are the same moment of the same replay. */
export function samePosition(a: Position, b: Position): boolean {
  return a.next === b.next && a.state.tick === b.state.tick && a.state.pieces === b.state.pieces && a.state.status === b.state.status;
}

/**
 * One piece forward or back. Forward: right after the next piece locks (the
 * end, after the last one). Back: right after the current piece's
 * predecessor locked, i.e. where the falling piece appeared; from exactly
 * that moment, one piece further back.
 */
export function stepPiece(index: ReplayIndex, from: Position, direction: 1 | -1): Position {
  const pieces = from.state.pieces;
  if (direction === 1) return pieces < index.totalPieces ? positionAtPiece(index, pieces + 1) : index.final;
  const here = positionAtPiece(index, pieces);
  return samePosition(here, from) ? positionAtPiece(index, pieces - 1) : here;
}

/** Whether the replay has nothing more to show after `position`. */
export function atEnd(index: Pick<ReplayIndex, 'endTick'>, position: Position): boolean {
  return position.state.status === 'over' || position.state.tick > index.endTick;
}

/**
 * Ticks of the replay simulated at `position`: the position's place on the
 * replay's clock, which counts paused ticks too (its TIME does not).
 */
export function positionTicks(position: Position): number {
  return position.state.tick;
}

/**
 * The first wall tick W after `position` at which the watcher's frame (the
 * game through tick W - 1) can differ from the one it shows: the next
 * input, the piece's next row of fall or its lock, the next whole second of
 * TIME or (with `clock`, when the replay's own clock is on screen) of the
 * replay's clock, or the end. Later than any W the position has reached, so
 * the watcher can sleep until then.
 */
export function nextChangeTick(index: Pick<ReplayIndex, 'replay' | 'endTick'>, position: Position, clock = true): number {
  const { state } = position;
  const now = state.tick;
  let wake = index.endTick + 1;
  const { count, ticks } = index.replay.inputs;
  if (position.next < count) wake = Math.min(wake, ticks[position.next]! + 1);
  if (state.status === 'playing') wake = Math.min(wake, now + ticksUntilChange(state));
  if (clock) wake = Math.min(wake, (Math.floor(now / TICKS_PER_SECOND) + 1) * TICKS_PER_SECOND);
  return Math.max(now + 1, wake);
}

/** Options of `runReplay`. */
export interface RunOptions {
  /** Simulate through this tick instead of the replay's end tick; later inputs are not applied. */
  readonly untilTick?: number;
}

/**
 * Play a replay headless: ticks 0 to the end tick, each one its inputs in
 * file order and then one `tick` action (RULES.md "Time"), stopping at game
 * over. The stretches between inputs go through `advance`, so the cost
 * follows what happens, not the number of ticks: a pause of a billion ticks
 * is instant. Equal to folding `step` over every tick one by one.
 */
export function runPackedReplay(replay: PackedReplay, options: RunOptions = {}): GameState {
  const start = startPosition(replay);
  const end = options.untilTick ?? replayEndTick(replay);
  // A marathon, the game that can last: the quick fold, the same game (quick-fold.ts).
  if (quickFoldPlays(start.state)) return quickFold(start.state, replay.inputs, 0, end);
  return fold(replay, start, end).state;
}

/**
 * `runPackedReplay` by `step` and `advance` alone, whatever the mode: the
 * fold every position of a replay is made by, which the quick fold must
 * equal (tests/core/quick-fold.test.ts), and what the core's speed is
 * measured by (bench/rows.ts).
 */
export function runPackedReplaySteps(replay: PackedReplay, options: RunOptions = {}): GameState {
  return fold(replay, startPosition(replay), options.untilTick ?? replayEndTick(replay)).state;
}

/** `runPackedReplay` of a replay read with its pairs. */
export function runReplay(replay: Replay, options: RunOptions = {}): GameState {
  return runPackedReplay(packReplay(replay), options);
}

/**
 * What the terminal shows at tick `tick` of a replay: the game once that
 * tick has been simulated (its inputs, then its gravity), the same as a
 * replay ending there. Ticks after the replay's end show its last state.
 */
export function replayStateAt(replay: AnyReplay, tick: number): GameState {
  return runTo(packedReplay(replay), startPosition(replay), tick).state;
}
