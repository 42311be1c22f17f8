/**
 * The game as a fold: `createGame(settings)` and `step(state, action)`. A
 * tick is an action like a key; nothing here reads a clock (RULES.md "Time").
 * States are immutable: a step returns a new object (or the same one when
 * nothing changed) and the board is copied only when a piece locks.
 */
import { TICK, type Action } from './actions.js';
import {
  dropDistance,
  dropPosition,
  emptyBoard,
  fits,
  fitsAt,
  lockPiece,
  lowestRow,
  placePiece,
  VISIBLE_HEIGHT,
  type Board,
  type Placement,
} from './board.js';
import { isPieceType, SPAWN, type PieceType } from './pieces.js';
import { MAX_SEED, nextBag } from './randomizer.js';
import { kicksFor, rotated } from './rotation.js';
import { clearPoints, gravityTicks, levelFor, LOCK_DELAY, LOCK_RESETS, MAX_START_LEVEL, SPRINT_LINES } from './rules.js';

/** marathon: endless until top out; sprint: ends at 40 lines. */
export type Mode = 'marathon' | 'sprint';

/** The modes, for validation and help text. */
export const MODES: readonly Mode[] = ['marathon', 'sprint'];

/** Why a game ended by topping out. */
export type TopOut = 'blockOut' | 'lockOut';

/** Whether the game runs, is paused, or has ended. */
export type Status = 'playing' | 'paused' | 'over';

/** How a game starts. */
export interface GameSettings {
  /** Seed of the 7-bag randomizer, an unsigned 32-bit integer. */
  readonly seed: number;
  /** Level at the start, 0-19. @default 0 */
  readonly startLevel?: number;
  /** @default 'marathon' */
  readonly mode?: Mode;
  /** Piece letters dealt before the seeded bags, e.g. `"IOTSZJL"`. @default '' */
  readonly queue?: string;
}

/** What the step that made this state did, for the UI to show or animate. */
export interface StepEvents {
  /** The piece that locked in this step, where it locked. */
  readonly locked: Placement | null;
  /** Rows removed by that lock, bottom first, numbered as before removal. */
  readonly clearedRows: readonly number[];
  /** Whether the level went up. */
  readonly levelUp: boolean;
  /** How the game ended in this step, if it topped out. */
  readonly topOut: TopOut | null;
}

/** A complete game at one moment. Every field is derived from the settings and the actions so far. */
export interface GameState {
  readonly settings: Required<GameSettings>;
  /** Locked blocks; the active piece is not in it. */
  readonly board: Board;
  /** The falling piece, or null once the game is over without one. */
  readonly active: Placement | null;
  /** The held piece. */
  readonly hold: PieceType | null;
  /** A hold was used for the current piece: another is ignored until a lock. */
  readonly holdUsed: boolean;
  /** The pieces to come, at least six. */
  readonly queue: readonly PieceType[];
  /** mulberry32 state for the next bag. */
  readonly rng: number;
  /** Ticks the active piece has fallen towards its next gravity row. */
  readonly gravityCount: number;
  /** Ticks the active piece has rested; it locks at 30. */
  readonly lockCount: number;
  /** Move/rotate lock resets left for this piece (15, restored at each new lowest row). */
  readonly resetsLeft: number;
  /** The lowest row the active piece has reached. */
  readonly lowestRow: number;
  readonly score: number;
  readonly lines: number;
  readonly level: number;
  /** Pieces locked. */
  readonly pieces: number;
  /** Rows cleared one, two, three and four at a time: `clears[n - 1]`. */
  readonly clears: readonly [number, number, number, number];
  /**
   * The tick in progress: inputs now apply to it, and the next `tick` action
   * ends it. Once the game is over it stays at the tick the game ended.
   */
  readonly tick: number;
  /** Ticks of play: ticks not spent paused, the tick the game ended included. */
  readonly time: number;
  readonly status: Status;
  readonly topOut: TopOut | null;
  readonly events: StepEvents;
}

/** Pieces the core always knows beyond the active one. */
export const KNOWN_NEXT = 6;

const NO_EVENTS: StepEvents = Object.freeze({ locked: null, clearedRows: [], levelUp: false, topOut: null });

/** Settings with every default filled in. Throws RangeError on values outside the rules. */
export function normalizeSettings(settings: GameSettings): Required<GameSettings> {
  const { seed, startLevel = 0, mode = 'marathon', queue = '' } = settings;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed ${seed} is not an unsigned 32-bit integer`);
  if (!Number.isInteger(startLevel) || startLevel < 0 || startLevel > MAX_START_LEVEL) {
    throw new RangeError(`start level ${startLevel} is not 0-${MAX_START_LEVEL}`);
  }
  if (!MODES.includes(mode)) throw new RangeError(`mode ${String(mode)} is not marathon or sprint`);
  for (const letter of queue) if (!isPieceType(letter)) throw new RangeError(`queue letter ${letter} is not one of IJLOSTZ`);
  return { seed, startLevel, mode, queue };
}

/** Take the next piece off the queue, dealing a new bag when fewer than six would be left. */
function draw(queue: readonly PieceType[], rng: number): { type: PieceType; queue: PieceType[]; rng: number } {
  const rest = queue.slice(1);
  let state = rng;
  while (rest.length < KNOWN_NEXT) {
    const next = nextBag(state);
    state = next.state;
    for (let i = 0; i < next.bag.length; i++) rest.push(next.bag[i]!);
  }
  return { type: queue[0]!, queue: rest, rng: state };
}

/** A piece entering the field: spawn, the one-row move if free, or block out (null). */
function spawnPlacement(board: Board, type: PieceType): Placement | null {
  const at: Placement = { type, x: SPAWN[type].x, y: SPAWN[type].y, rotation: 0 };
  if (!fits(board, at)) return null;
  const lower = { ...at, y: at.y - 1 };
  return fits(board, lower) ? lower : at;
}

/**
 * `s` with `type` brought in as the new active piece (both counts at zero),
 * or over by block out. Callers pass the state the piece enters already
 * made (board, queue and counts as they are after the lock or hold): one
 * object literal spread each, which V8 copies fastest.
 */
function enter(s: GameState, type: PieceType): GameState {
  const active = spawnPlacement(s.board, type);
  if (!active) {
    return { ...s, active: null, status: 'over', topOut: 'blockOut', events: { ...s.events, topOut: 'blockOut' } };
  }
  return { ...s, active, gravityCount: 0, lockCount: 0, resetsLeft: LOCK_RESETS, lowestRow: lowestRow(active) };
}

/** A new game: the first piece already on the field at tick 0. */
export function createGame(settings: GameSettings): GameState {
  const full = normalizeSettings(settings);
  const queue = [...full.queue] as PieceType[];
  let rng = full.seed >>> 0;
  while (queue.length < KNOWN_NEXT + 1) {
    const next = nextBag(rng);
    rng = next.state;
    queue.push(...next.bag);
  }
  const first = draw(queue, rng);
  const base: GameState = {
    settings: full,
    board: emptyBoard(),
    active: null,
    hold: null,
    holdUsed: false,
    queue: first.queue,
    rng: first.rng,
    gravityCount: 0,
    lockCount: 0,
    resetsLeft: LOCK_RESETS,
    lowestRow: 0,
    score: 0,
    lines: 0,
    level: full.startLevel,
    pieces: 0,
    clears: [0, 0, 0, 0],
    tick: 0,
    time: 0,
    status: 'playing',
    topOut: null,
    events: NO_EVENTS,
  };
  return enter(base, first.type);
}

/** Whether the active piece can move one row down. */
export function canFall(s: GameState): boolean {
  return s.active !== null && fitsAt(s.board, s.active, s.active.x, s.active.y - 1);
}

/**
 * Ticks until the active piece next changes with no input, counting the
 * tick that changes it: its next row of fall (gravity), or, resting, its
 * lock (the lock delay). The stretch `advance` jumps over at once, and the
 * one the schedule (schedule.ts) sleeps through. At least 1. `falls` is
 * `canFall(s)`, for a caller that knows it already.
 */
export function ticksUntilPieceMoves(s: GameState, falls: boolean = canFall(s)): number {
  return falls ? gravityTicks(s.level) - s.gravityCount : LOCK_DELAY - s.lockCount;
}

/**
 * The active piece moved to `to` by a move or rotation, with the lock-delay
 * bookkeeping: a successful change while resting restarts the lock count
 * (at most 15 times), and a new lowest row restores the 15 and counts as
 * moving down.
 */
function shifted(s: GameState, to: Placement): GameState {
  let { lockCount, resetsLeft, lowestRow: lowest } = s;
  if (!canFall(s) && resetsLeft > 0) {
    lockCount = 0;
    resetsLeft--;
  }
  const low = lowestRow(to);
  if (low < lowest) {
    lowest = low;
    resetsLeft = LOCK_RESETS;
    lockCount = 0;
  }
  return { ...s, active: to, lockCount, resetsLeft, lowestRow: lowest, events: NO_EVENTS };
}

/**
 * The active piece lower (`active`): gravity count and lock count back to
 * zero. `ticks`: the ticks that passed, 0 for a soft drop, 1 when gravity
 * moved it a row, more when `advance` moves it several rows at once. Moving
 * straight down, the last row is the lowest, so it alone decides whether a
 * new lowest row restores the lock resets.
 */
function fallen(s: GameState, active: Placement, scoreGain: number, ticks: number): GameState {
  const low = lowestRow(active);
  const newLow = low < s.lowestRow;
  return {
    ...s,
    active,
    tick: s.tick + ticks,
    time: s.time + ticks,
    score: s.score + scoreGain,
    gravityCount: 0,
    lockCount: 0,
    lowestRow: newLow ? low : s.lowestRow,
    resetsLeft: newLow ? LOCK_RESETS : s.resetsLeft,
    events: NO_EVENTS,
  };
}

/**
 * A piece moved `dx` columns, or null when it does not fit there. Pure piece
 * motion, without the lock-delay bookkeeping of a step: the autoplayer
 * searches with it, and `step` moves with it.
 */
export function movedPiece(board: Board, p: Placement, dx: number): Placement | null {
  return fitsAt(board, p, p.x + dx, p.y) ? { ...p, x: p.x + dx } : null;
}

/**
 * A piece rotated a quarter turn (1 clockwise, -1 counter-clockwise) with
 * the first SRS kick that fits (RULES.md), or null when none fits. O does
 * not rotate: null, as rotating it changes nothing.
 */
export function rotatedPiece(board: Board, p: Placement, turn: 1 | -1): Placement | null {
  if (p.type === 'O') return null;
  const rotation = rotated(p.rotation, turn);
  const kicks = kicksFor(p.type, p.rotation, rotation);
  for (let i = 0; i < kicks.length; i++) {
    const to = { ...p, x: p.x + kicks[i]![0], y: p.y + kicks[i]![1], rotation };
    if (fits(board, to)) return to;
  }
  return null;
}

function moveBy(s: GameState, dx: number): GameState {
  const to = movedPiece(s.board, s.active!, dx);
  return to ? shifted(s, to) : s;
}

function rotate(s: GameState, turn: 1 | -1): GameState {
  // RULES.md: rotating O changes nothing and resets nothing (rotatedPiece gives null).
  const to = rotatedPiece(s.board, s.active!, turn);
  return to ? shifted(s, to) : s;
}

/** The game ended in this step. `duringInputs`: it ended in step 1, so this tick still counts as played. */
function gameOver(s: GameState, topOut: TopOut | null, duringInputs: boolean): GameState {
  return { ...s, status: 'over', topOut, time: duringInputs ? s.time + 1 : s.time };
}

/**
 * Lock the active piece where it is: lock out, row clears, scoring in NES
 * order (lines and level first, then points at the new level), sprint end,
 * and the next piece at once.
 */
function lock(s: GameState, duringInputs: boolean): GameState {
  const piece = s.active!;
  // Lock out is checked before full rows are removed (RULES.md).
  if (lowestRow(piece) >= VISIBLE_HEIGHT) {
    const events: StepEvents = { locked: piece, clearedRows: [], levelUp: false, topOut: 'lockOut' };
    return gameOver({ ...s, board: placePiece(s.board, piece), active: null, pieces: s.pieces + 1, events }, 'lockOut', duringInputs);
  }
  const { board, clearedRows } = lockPiece(s.board, piece);
  const cleared = clearedRows.length;
  const lines = s.lines + cleared;
  const level = levelFor(s.settings.startLevel, lines);
  const clears = s.clears.slice() as [number, number, number, number];
  if (cleared > 0) clears[cleared - 1]!++;
  const events: StepEvents = { locked: piece, clearedRows, levelUp: level > s.level, topOut: null };
  const score = s.score + clearPoints(cleared, level);
  const pieces = s.pieces + 1;
  if (s.settings.mode === 'sprint' && lines >= SPRINT_LINES) {
    return gameOver({ ...s, board, lines, level, score, pieces, clears, holdUsed: false, events, active: null }, null, duringInputs);
  }
  const next = draw(s.queue, s.rng);
  const after = enter(
    { ...s, board, lines, level, score, pieces, clears, holdUsed: false, events, queue: next.queue, rng: next.rng },
    next.type,
  );
  return after.status === 'over' ? gameOver(after, 'blockOut', duringInputs) : after;
}

function hardDrop(s: GameState): GameState {
  const landed = dropPosition(s.board, s.active!);
  const rows = s.active!.y - landed.y;
  return lock({ ...s, active: landed, score: s.score + 2 * rows }, true);
}

function hold(s: GameState): GameState {
  if (s.holdUsed) return s;
  const held = s.active!.type;
  let after: GameState;
  if (s.hold) {
    after = enter({ ...s, hold: held, holdUsed: true, events: NO_EVENTS }, s.hold);
  } else {
    const next = draw(s.queue, s.rng);
    after = enter({ ...s, hold: held, holdUsed: true, events: NO_EVENTS, queue: next.queue, rng: next.rng }, next.type);
  }
  return after.status === 'over' ? gameOver(after, 'blockOut', true) : after;
}

/**
 * Step 2 of a tick: gravity or lock; then the next tick begins. This runs
 * for every tick of every replay, so the common cases make one object.
 */
function tick(s: GameState): GameState {
  if (s.status === 'paused') return { ...s, tick: s.tick + 1, events: NO_EVENTS };
  if (canFall(s)) {
    const gravityCount = s.gravityCount + 1;
    if (gravityCount < gravityTicks(s.level)) {
      return { ...s, gravityCount, tick: s.tick + 1, time: s.time + 1, events: NO_EVENTS };
    }
    return fallen(s, { ...s.active!, y: s.active!.y - 1 }, 0, 1);
  }
  const lockCount = s.lockCount + 1;
  if (lockCount < LOCK_DELAY) return { ...s, lockCount, tick: s.tick + 1, time: s.time + 1, events: NO_EVENTS };
  const after = lock({ ...s, time: s.time + 1, events: NO_EVENTS }, false);
  return after.status === 'over' ? after : { ...after, tick: s.tick + 1 };
}

/**
 * The game after one action. Illegal or ignored actions return the same
 * state object; a game that is over never changes.
 */
export function step(s: GameState, action: Action): GameState {
  if (s.status === 'over') return s;
  if (action.type === 'tick') return tick(s);
  if (action.type === 'pause') {
    return { ...s, status: s.status === 'paused' ? 'playing' : 'paused', events: NO_EVENTS };
  }
  // While paused every action but `pause` is ignored.
  if (s.status === 'paused' || !s.active) return s;
  switch (action.type) {
    case 'left':
      return moveBy(s, -1);
    case 'right':
      return moveBy(s, 1);
    case 'cw':
      return rotate(s, 1);
    case 'ccw':
      return rotate(s, -1);
    case 'softDrop': {
      const down = { ...s.active, y: s.active.y - 1 };
      return fits(s.board, down) ? fallen(s, down, 1, 0) : s;
    }
    case 'hardDrop':
      return hardDrop(s);
    case 'hold':
      return hold(s);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * The game after `ticks` tick actions with no input, in time proportional to
 * the pieces that lock, not to the ticks or the rows fallen: a pause of a
 * billion ticks costs nothing, and a piece falling twenty rows one row a
 * tick is one new state. Equal to folding `step(s, TICK)` `ticks` times (a
 * property test checks this).
 */
export function advance(s: GameState, ticks: number): GameState {
  let state = s;
  let left = ticks;
  while (left > 0 && state.status !== 'over') {
    if (state.status === 'paused') return { ...state, tick: state.tick + left, events: NO_EVENTS };
    if (canFall(state)) {
      const every = gravityTicks(state.level);
      // The tick that moves the piece its first row, counted from now; gravityCount < every.
      const first = ticksUntilPieceMoves(state, true);
      if (left < first) {
        return { ...state, tick: state.tick + left, time: state.time + left, gravityCount: state.gravityCount + left, events: NO_EVENTS };
      }
      // Gravity moves it a row at the `first`-th tick and every `every` after, until it rests.
      const rows = Math.min(dropDistance(state.board, state.active!), 1 + Math.floor((left - first) / every));
      const used = first + (rows - 1) * every;
      state = fallen(state, { ...state.active!, y: state.active!.y - rows }, 0, used);
      left -= used;
    } else {
      // Resting: the lock count runs to LOCK_DELAY, and that tick locks.
      const until = ticksUntilPieceMoves(state, false);
      if (left < until) {
        return { ...state, tick: state.tick + left, time: state.time + left, lockCount: state.lockCount + left, events: NO_EVENTS };
      }
      if (until > 1)
        state = {
          ...state,
          tick: state.tick + until - 1,
          time: state.time + until - 1,
          lockCount: state.lockCount + until - 1,
          events: NO_EVENTS,
        };
      state = step(state, TICK);
      left -= until;
    }
  }
  return state;
}
