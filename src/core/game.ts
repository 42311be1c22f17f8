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
  fittingDropDistance,
  HEIGHT,
  isEmptyBoard,
  lockPiece,
  lowestRow,
  placePiece,
  pushGarbage,
  shapeFitsAt,
  stackHeight,
  VISIBLE_HEIGHT,
  type Board,
  type Placement,
} from './board.js';
import { garbageSeed, nextHoles } from './garbage.js';
import { GRAVITY_UNIT, gravityUnits, guidelineLevel, isTwentyG, ticksToRow } from './guideline.js';
import {
  DEFAULT_DIG_LINES,
  DIG_LINE_CHOICES,
  DIG_ROWS_AT_ONCE,
  MODES,
  RULE_SETS,
  startLevelRange,
  ULTRA_TICKS,
  type Mode,
  type RuleSet,
} from './modes.js';
import { isPieceType, SPAWN, type PieceType, type Rotation } from './pieces.js';
import { MAX_SEED, nextBag } from './randomizer.js';
import { kicksFor, rotated } from './rotation.js';
import { gravityTicks, levelFor, LOCK_DELAY, LOCK_RESETS, SPRINT_LINES } from './rules.js';
import { chainAfter, scoreLock, type ClearEvent } from './scoring.js';
import { tSpinAt, type Spin } from './tspin.js';

export { MODES, RULE_SETS, type Mode, type RuleSet } from './modes.js';

/** Why a game ended by topping out (`garbageOut`: versus garbage would have pushed a block past row 39). */
export type TopOut = 'blockOut' | 'lockOut' | 'garbageOut';

/** Whether the game runs, is paused, or has ended. */
export type Status = 'playing' | 'paused' | 'over';

/** How a game starts. */
export interface GameSettings {
  /** Seed of the 7-bag randomizer, an unsigned 32-bit integer. */
  readonly seed: number;
  /** The numbers the game plays by. @default 'nes' */
  readonly rules?: RuleSet;
  /** Level at the start: 0-19 under nes, 1-20 under guideline. @default 0 under nes, 1 under guideline */
  readonly startLevel?: number;
  /** @default 'marathon' */
  readonly mode?: Mode;
  /** Garbage rows a dig game clears: 10, 18 or 100 (read in dig only). @default 10 */
  readonly digLines?: number;
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
  /** The clear of the piece that locked in this step (rows 0 when none were removed); null without a lock. */
  readonly clear: ClearEvent | null;
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
  /** Whether the active piece's last change was a rotation (and by its fifth kick), for T-spins. */
  readonly spin: Spin;
  /** The combo counter: -1, then up by one at each lock that clears rows. */
  readonly combo: number;
  /** The last lock that cleared rows made a difficult clear: the next difficult one is back-to-back. */
  readonly backToBack: boolean;
  /** Dig's garbage: one field, replaced only when garbage rows go, so that every other step copies one value. */
  readonly garbage: GarbageState;
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

/** The garbage of a dig game (the same record, unused, in the other modes). */
export interface GarbageState {
  /** The garbage stream's state for the next row. */
  readonly rng: number;
  /** The hole of the last garbage row made, -1 before the first. */
  readonly lastHole: number;
  /** Garbage rows made so far. */
  readonly made: number;
  /** Garbage rows removed so far. */
  readonly cleared: number;
  /**
   * Versus: the holes of the garbage rows that enter the board at the next
   * lock that clears no rows, top row first (the match keeps this to what is
   * due); empty outside a match.
   */
  readonly incoming: readonly number[];
  /** Versus: garbage rows that have entered the board. */
  readonly received: number;
}

/** Pieces the core always knows beyond the active one. */
export const KNOWN_NEXT = 6;

/** No garbage waiting to enter. */
export const NO_INCOMING: readonly number[] = Object.freeze([]);

const NO_EVENTS: StepEvents = Object.freeze({ locked: null, clearedRows: [], levelUp: false, topOut: null, clear: null });

/** The clear of a piece that locked out: the game ends before any row counts. */
const LOCK_OUT_CLEAR: ClearEvent = Object.freeze({ rows: 0, tspin: null, backToBack: false, combo: -1, perfectClear: false, points: 0 });

/** Settings with every default filled in. Throws RangeError on values outside the rules. */
export function normalizeSettings(settings: GameSettings): Required<GameSettings> {
  const { seed, rules = 'nes', mode = 'marathon', digLines = DEFAULT_DIG_LINES, queue = '' } = settings;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed ${seed} is not an unsigned 32-bit integer`);
  if (!RULE_SETS.includes(rules)) throw new RangeError(`rules ${String(rules)} is not ${RULE_SETS.join(' or ')}`);
  const range = startLevelRange(rules);
  const startLevel = settings.startLevel ?? range.min;
  if (!Number.isInteger(startLevel) || startLevel < range.min || startLevel > range.max) {
    throw new RangeError(`start level ${startLevel} is not ${range.min}-${range.max}`);
  }
  if (!MODES.includes(mode)) throw new RangeError(`mode ${String(mode)} is not ${MODES.join(', ')}`);
  if (!DIG_LINE_CHOICES.includes(digLines)) throw new RangeError(`dig lines ${digLines} is not ${DIG_LINE_CHOICES.join(', ')}`);
  for (const letter of queue) if (!isPieceType(letter)) throw new RangeError(`queue letter ${letter} is not one of IJLOSTZ`);
  return { seed, rules, startLevel, mode, digLines, queue };
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

/** `SPAWN` by the letter's character code: a keyed load over seven letters is megamorphic in V8, an index is not. */
const SPAWN_BY_CODE = Array.from({ length: 'Z'.charCodeAt(0) + 1 }, (_, code) => SPAWN[String.fromCharCode(code) as PieceType]);

/**
 * A piece entering the field: spawn, the one-row move if free, or block out
 * (null). At 20G (`drop`) it drops to its landing row as it appears: a move
 * down, which changes no count. One placement made, at the row it ends on.
 */
function spawnPlacement(board: Board, type: PieceType, drop: boolean): Placement | null {
  const { x, y } = SPAWN_BY_CODE[type.charCodeAt(0)]!;
  if (!shapeFitsAt(board, type, 0, x, y)) return null;
  // The one-row move is a first row of the drop: a 20G piece scans once, from the spawn row.
  const to = drop ? y - fittingDropDistance(board, type, 0, x, y) : shapeFitsAt(board, type, 0, x, y - 1) ? y - 1 : y;
  return { type, x, y: to, rotation: 0 };
}

/**
 * `s` with `type` brought in as the new active piece (both counts at zero),
 * or over by block out. Callers pass the state the piece enters already
 * made (board, queue and counts as they are after the lock or hold): one
 * object literal spread each, which V8 copies fastest.
 */
function enter(s: GameState, type: PieceType): GameState {
  const at = spawnPlacement(s.board, type, twentyG(s));
  if (!at) {
    return { ...s, active: null, status: 'over', topOut: 'blockOut', events: { ...s.events, topOut: 'blockOut' } };
  }
  return { ...s, active: at, gravityCount: 0, lockCount: 0, resetsLeft: LOCK_RESETS, lowestRow: lowestRow(at), spin: 0 };
}

/** Whether the game plays at 20G now (guideline, level 19 and above): the piece always at its landing row. */
export function twentyG(s: GameState): boolean {
  return s.settings.rules === 'guideline' && isTwentyG(s.level);
}

/** The first garbage rows of a dig game: min(digLines, 10), made from the top one down to row 0. */
function withStartingGarbage(s: GameState): GameState {
  const { holes, stream } = nextHoles({ state: s.garbage.rng, last: s.garbage.lastHole }, Math.min(s.settings.digLines, DIG_ROWS_AT_ONCE));
  const garbage = { ...s.garbage, rng: stream.state, lastHole: stream.last, made: holes.length };
  return { ...s, board: pushGarbage(s.board, holes), garbage };
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
  let base: GameState = {
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
    spin: 0,
    combo: -1,
    backToBack: false,
    garbage: { rng: garbageSeed(full.seed), lastHole: -1, made: 0, cleared: 0, incoming: NO_INCOMING, received: 0 },
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
  if (full.mode === 'dig') base = withStartingGarbage(base);
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
  if (!falls) return LOCK_DELAY - s.lockCount;
  if (s.settings.rules === 'nes') return gravityTicks(s.level) - s.gravityCount;
  return isTwentyG(s.level) ? 1 : ticksToRow(s.level, s.gravityCount);
}

/**
 * `s` after a change of the falling piece alone: its place and counts, the
 * clock and the score (drop points), with no events. Every field written
 * out in `createGame`'s order: V8 builds this about twice as fast as a
 * spread of the 25-field state, and most steps make one (a move, a row of
 * fall, a stretch of `advance`).
 */
function pieceChanged(
  s: GameState,
  active: Placement | null,
  gravityCount: number,
  lockCount: number,
  resetsLeft: number,
  lowestRow: number,
  spin: Spin,
  tick: number,
  time: number,
  score: number,
): GameState {
  return {
    settings: s.settings,
    board: s.board,
    active,
    hold: s.hold,
    holdUsed: s.holdUsed,
    queue: s.queue,
    rng: s.rng,
    gravityCount,
    lockCount,
    resetsLeft,
    lowestRow,
    spin,
    combo: s.combo,
    backToBack: s.backToBack,
    garbage: s.garbage,
    score,
    lines: s.lines,
    level: s.level,
    pieces: s.pieces,
    clears: s.clears,
    tick,
    time,
    status: s.status,
    topOut: s.topOut,
    events: NO_EVENTS,
  };
}

/**
 * The active piece moved to (x, y) in `rotation` by a move or rotation
 * (one that fits), with the lock-delay bookkeeping: a successful change
 * while resting restarts the lock count (at most 15 times), and a new
 * lowest row restores the 15 and counts as moving down. The placement is
 * made once, where the piece ends (at 20G, its landing row).
 */
function shifted(s: GameState, x: number, y: number, rotation: Rotation, turned: Spin): GameState {
  let { lockCount, resetsLeft, lowestRow: lowest } = s;
  if (!canFall(s) && resetsLeft > 0) {
    lockCount = 0;
    resetsLeft--;
  }
  const type = s.active!.type;
  let to = y;
  let spin = turned;
  let gravityCount = s.gravityCount;
  if (s.settings.rules !== 'nes' && isTwentyG(s.level)) {
    // 20G: the piece drops to its landing row at once, a move down (RULES.md "Levels and gravity").
    const rows = fittingDropDistance(s.board, type, rotation, x, y);
    if (rows > 0) {
      to = y - rows;
      spin = 0;
      lockCount = 0;
      gravityCount = 0;
    }
  }
  const active: Placement = { type, x, y: to, rotation };
  const low = lowestRow(active);
  if (low < lowest) {
    lowest = low;
    resetsLeft = LOCK_RESETS;
    lockCount = 0;
  }
  return pieceChanged(s, active, gravityCount, lockCount, resetsLeft, lowest, spin, s.tick, s.time, s.score);
}

/**
 * `p` moved `rows` rows down. Every placement is made by a literal of the
 * same four fields in the same order (not a spread of another), so that V8
 * gives them all one shape and the loads of their fields stay monomorphic.
 */
function lowered(p: Placement, rows: number): Placement {
  return { type: p.type, x: p.x, y: p.y - rows, rotation: p.rotation };
}

/**
 * The active piece lower (`active`): lock count back to zero, gravity count
 * to `gravityCount` (0 but for guideline gravity, which keeps what is left
 * of the row), and a rotation before is no longer the last change.
 * `ticks`: the ticks that passed, 0 for a soft drop, 1 when gravity
 * moved it a row, more when `advance` moves it several rows at once. Moving
 * straight down, the last row is the lowest, so it alone decides whether a
 * new lowest row restores the lock resets.
 */
function fallen(s: GameState, active: Placement, scoreGain: number, ticks: number, gravityCount = 0): GameState {
  const low = lowestRow(active);
  const newLow = low < s.lowestRow;
  const lowest = newLow ? low : s.lowestRow;
  const resetsLeft = newLow ? LOCK_RESETS : s.resetsLeft;
  return pieceChanged(s, active, gravityCount, 0, resetsLeft, lowest, 0, s.tick + ticks, s.time + ticks, s.score + scoreGain);
}

/**
 * A piece moved `dx` columns, or null when it does not fit there. Pure piece
 * motion, without the lock-delay bookkeeping of a step: the autoplayer
 * searches with it, and `step` moves with it.
 */
export function movedPiece(board: Board, p: Placement, dx: number): Placement | null {
  return fitsAt(board, p, p.x + dx, p.y) ? { type: p.type, x: p.x + dx, y: p.y, rotation: p.rotation } : null;
}

/**
 * A piece rotated a quarter turn (1 clockwise, -1 counter-clockwise) with
 * the first SRS kick that fits (RULES.md), or null when none fits. O does
 * not rotate: null, as rotating it changes nothing.
 */
export function rotatedPiece(board: Board, p: Placement, turn: 1 | -1): Placement | null {
  const kick = rotationKick(board, p, turn);
  if (kick < 0) return null;
  const rotation = rotated(p.rotation, turn);
  const offset = kicksFor(p.type, p.rotation, rotation)[kick]!;
  return { type: p.type, x: p.x + offset[0], y: p.y + offset[1], rotation };
}

/** Which kick of its list (0-4) a quarter turn takes, or -1 when none fits (and always for O). */
export function rotationKick(board: Board, p: Placement, turn: 1 | -1): number {
  if (p.type === 'O') return -1;
  const rotation = rotated(p.rotation, turn);
  const kicks = kicksFor(p.type, p.rotation, rotation);
  for (let i = 0; i < kicks.length; i++) {
    if (shapeFitsAt(board, p.type, rotation, p.x + kicks[i]![0], p.y + kicks[i]![1])) return i;
  }
  return -1;
}

/** The kick index of the fifth kick, the one that moves a piece one column and two rows (RULES.md "T-spins"). */
const FIFTH_KICK = 4;

function moveBy(s: GameState, dx: number): GameState {
  const p = s.active!;
  return fitsAt(s.board, p, p.x + dx, p.y) ? shifted(s, p.x + dx, p.y, p.rotation, 0) : s;
}

function rotate(s: GameState, turn: 1 | -1): GameState {
  // RULES.md: rotating O changes nothing and resets nothing (no kick for it).
  const p = s.active!;
  const kick = rotationKick(s.board, p, turn);
  if (kick < 0) return s;
  const rotation = rotated(p.rotation, turn);
  const offset = kicksFor(p.type, p.rotation, rotation)[kick]!;
  return shifted(s, p.x + offset[0], p.y + offset[1], rotation, kick === FIFTH_KICK ? 2 : 1);
}

/** The game ended in this step. `duringInputs`: it ended in step 1, so this tick still counts as played. */
function gameOver(s: GameState, topOut: TopOut | null, duringInputs: boolean): GameState {
  return { ...s, status: 'over', topOut, time: duringInputs ? s.time + 1 : s.time };
}

/** The level after `lines` lines under the game's rule set. */
export function levelAfter(settings: Required<GameSettings>, lines: number): number {
  return settings.rules === 'nes' ? levelFor(settings.startLevel, lines) : guidelineLevel(settings.startLevel, lines);
}

/**
 * Lock the active piece where it is: lock out, row clears, scoring (nes:
 * lines and level first, then points at the new level; guideline: points
 * at the level before), the garbage of dig, the ends of sprint and dig,
 * and the next piece at once.
 */
function lock(s: GameState, duringInputs: boolean): GameState {
  const piece = s.active!;
  // Lock out is checked before full rows are removed (RULES.md).
  if (lowestRow(piece) >= VISIBLE_HEIGHT) {
    const events: StepEvents = { locked: piece, clearedRows: [], levelUp: false, topOut: 'lockOut', clear: LOCK_OUT_CLEAR };
    return gameOver({ ...s, board: placePiece(s.board, piece), active: null, pieces: s.pieces + 1, events }, 'lockOut', duringInputs);
  }
  const settings = s.settings;
  // The corners are judged on the board the piece locks into, before its rows go.
  const tspin = settings.rules === 'guideline' ? tSpinAt(s.board, piece, s.spin) : null;
  const locked = lockPiece(s.board, piece);
  let board = locked.board;
  const { clearedRows } = locked;
  const cleared = clearedRows.length;
  const lines = s.lines + cleared;
  const level = levelAfter(settings, lines);
  let clears = s.clears;
  if (cleared > 0) {
    const counted = s.clears.slice() as [number, number, number, number];
    counted[cleared - 1]!++;
    clears = counted;
  }
  const clear = scoreLock({
    rules: settings.rules,
    rows: cleared,
    tspin,
    chain: s.backToBack,
    combo: s.combo,
    perfectClear: cleared > 0 && isEmptyBoard(board),
    levelBefore: s.level,
    levelAfter: level,
  });
  const events: StepEvents = { locked: piece, clearedRows, levelUp: level > s.level, topOut: null, clear };
  const score = s.score + clear.points;
  const pieces = s.pieces + 1;
  const backToBack = chainAfter(s.backToBack, cleared, tspin);
  const combo = clear.combo;
  let garbage = s.garbage;
  let goal = settings.mode === 'sprint' && lines >= SPRINT_LINES;
  if (settings.mode === 'dig' && locked.garbageRows > 0) {
    const removed = garbage.cleared + locked.garbageRows;
    goal = removed >= settings.digLines;
    // Refill from below, after the rows are removed and before the next piece: min(k, rows still to be made).
    const refill = goal ? 0 : Math.min(locked.garbageRows, settings.digLines - garbage.made);
    garbage = { ...garbage, cleared: removed };
    if (refill > 0) {
      const made = nextHoles({ state: garbage.rng, last: garbage.lastHole }, refill);
      board = pushGarbage(board, made.holes);
      garbage = { ...garbage, rng: made.stream.state, lastHole: made.stream.last, made: garbage.made + refill };
    }
  }
  if (cleared === 0 && garbage.incoming.length > 0) {
    // Versus: due garbage enters after a lock that clears nothing, before the next piece (RULES.md "Versus").
    const rows = garbage.incoming.length;
    if (stackHeight(board) + rows > HEIGHT) {
      const out = {
        ...s,
        board,
        score,
        pieces,
        combo,
        backToBack,
        holdUsed: false,
        events: { ...events, topOut: 'garbageOut' as const },
        active: null,
      };
      return gameOver(out, 'garbageOut', duringInputs);
    }
    board = pushGarbage(board, garbage.incoming);
    garbage = { ...garbage, incoming: NO_INCOMING, received: garbage.received + rows };
  }
  if (goal) {
    const ended = { ...s, board, lines, level, score, pieces, clears, combo, backToBack, garbage, holdUsed: false, events, active: null };
    return gameOver(ended, null, duringInputs);
  }
  const next = draw(s.queue, s.rng);
  const active = spawnPlacement(board, next.type, settings.rules === 'guideline' && isTwentyG(level));
  if (!active) {
    const blocked = { ...s, board, lines, level, score, pieces, clears, combo, backToBack, garbage, holdUsed: false, events };
    return gameOver(enter({ ...blocked, queue: next.queue, rng: next.rng }, next.type), 'blockOut', duringInputs);
  }
  // The next piece enters as `enter` brings it, in the same object: a lock makes one state, not two.
  // Written out in `createGame`'s order, as `pieceChanged` is: faster than a spread.
  return {
    settings,
    board,
    active,
    hold: s.hold,
    holdUsed: false,
    queue: next.queue,
    rng: next.rng,
    gravityCount: 0,
    lockCount: 0,
    resetsLeft: LOCK_RESETS,
    lowestRow: lowestRow(active),
    spin: 0,
    combo,
    backToBack,
    garbage,
    score,
    lines,
    level,
    pieces,
    clears,
    tick: s.tick,
    time: s.time,
    status: s.status,
    topOut: s.topOut,
    events,
  };
}

function hardDrop(s: GameState): GameState {
  const landed = dropPosition(s.board, s.active!);
  const rows = s.active!.y - landed.y;
  // A hard drop that moves the piece ends a rotation's claim to a T-spin; one of zero rows keeps it.
  if (rows === 0) return lock(s, true);
  return lock(pieceChanged(s, landed, s.gravityCount, s.lockCount, s.resetsLeft, s.lowestRow, 0, s.tick, s.time, s.score + 2 * rows), true);
}

function hold(s: GameState): GameState {
  if (s.holdUsed) return s;
  const held = s.active!.type;
  const next = s.hold ? null : draw(s.queue, s.rng);
  const type = s.hold ?? next!.type;
  const queue = next ? next.queue : s.queue;
  const rng = next ? next.rng : s.rng;
  const active = spawnPlacement(s.board, type, twentyG(s));
  if (!active) return gameOver(enter({ ...s, hold: held, holdUsed: true, events: NO_EVENTS, queue, rng }, type), 'blockOut', true);
  // The piece enters as `enter` brings it, in the same object: a hold makes one state, not two.
  // Written out in `createGame`'s order, as `pieceChanged` is: faster than a spread.
  return {
    settings: s.settings,
    board: s.board,
    active,
    hold: held,
    holdUsed: true,
    queue,
    rng,
    gravityCount: 0,
    lockCount: 0,
    resetsLeft: LOCK_RESETS,
    lowestRow: lowestRow(active),
    spin: 0,
    combo: s.combo,
    backToBack: s.backToBack,
    garbage: s.garbage,
    score: s.score,
    lines: s.lines,
    level: s.level,
    pieces: s.pieces,
    clears: s.clears,
    tick: s.tick,
    time: s.time,
    status: s.status,
    topOut: s.topOut,
    events: NO_EVENTS,
  };
}

/**
 * Step 2 of a tick: gravity or lock; then the next tick begins. This runs
 * for every tick of every replay, so the common cases make one object.
 */
function tick(s: GameState): GameState {
  const after = gravityOrLock(s);
  // Ultra: the 7,200th tick of play is simulated in full, then the game is over without its piece.
  if (s.settings.mode === 'ultra' && after.status === 'playing' && after.time >= ULTRA_TICKS) {
    return { ...after, status: 'over', topOut: null, active: null, tick: s.tick };
  }
  return after;
}

function gravityOrLock(s: GameState): GameState {
  if (s.status === 'paused') return { ...s, tick: s.tick + 1, events: NO_EVENTS };
  if (canFall(s)) {
    if (s.settings.rules === 'nes') {
      const gravityCount = s.gravityCount + 1;
      if (gravityCount < gravityTicks(s.level)) {
        return pieceChanged(s, s.active, gravityCount, s.lockCount, s.resetsLeft, s.lowestRow, s.spin, s.tick + 1, s.time + 1, s.score);
      }
      return fallen(s, lowered(s.active!, 1), 0, 1);
    }
    // guideline: the level's units; whole rows move (no further than the landing row), the rest stays.
    const count = s.gravityCount + (isTwentyG(s.level) ? GRAVITY_UNIT * 40 : gravityUnits(s.level));
    if (count < GRAVITY_UNIT) {
      return pieceChanged(s, s.active, count, s.lockCount, s.resetsLeft, s.lowestRow, s.spin, s.tick + 1, s.time + 1, s.score);
    }
    const rows = Math.min(Math.floor(count / GRAVITY_UNIT), dropDistance(s.board, s.active!));
    return fallen(s, lowered(s.active!, rows), 0, 1, count % GRAVITY_UNIT);
  }
  const lockCount = s.lockCount + 1;
  if (lockCount < LOCK_DELAY) {
    return pieceChanged(s, s.active, s.gravityCount, lockCount, s.resetsLeft, s.lowestRow, s.spin, s.tick + 1, s.time + 1, s.score);
  }
  const after = lock({ ...s, time: s.time + 1, events: NO_EVENTS }, false);
  return after.status === 'over' ? after : { ...after, tick: s.tick + 1 };
}

/**
 * Ticks from now until gravity next moves the falling piece a row (with no
 * input), or Infinity when it rests: the arithmetic `advance` uses, for a
 * screen that sleeps until something changes.
 */
export function ticksToFall(s: GameState): number {
  return canFall(s) ? ticksUntilPieceMoves(s, true) : Number.POSITIVE_INFINITY;
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
      const down = lowered(s.active, 1);
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
  if (s.settings.mode === 'ultra' && s.status === 'playing') {
    // The stretch that reaches the end of an ultra: all but its last tick skipped, that one stepped, which ends the game.
    const left = ULTRA_TICKS - s.time;
    if (ticks >= left) {
      const before = advanceWithin(s, left - 1);
      return before.status === 'over' ? before : step(before, TICK);
    }
  }
  return advanceWithin(s, ticks);
}

/** `state` after `ticks` ticks in which its piece neither moves nor locks: the clock and the given counts move on. */
function waited(state: GameState, ticks: number, gravityCount: number, lockCount: number): GameState {
  const { active, resetsLeft, lowestRow, spin } = state;
  return pieceChanged(
    state,
    active,
    gravityCount,
    lockCount,
    resetsLeft,
    lowestRow,
    spin,
    state.tick + ticks,
    state.time + ticks,
    state.score,
  );
}

/** `advance` where no game end by time falls inside the ticks. */
function advanceWithin(s: GameState, ticks: number): GameState {
  let state = s;
  let left = ticks;
  while (left > 0 && state.status !== 'over') {
    if (state.status === 'paused') return { ...state, tick: state.tick + left, events: NO_EVENTS };
    const falling = canFall(state);
    if (falling && state.settings.rules === 'guideline') {
      const units = isTwentyG(state.level) ? GRAVITY_UNIT * 40 : gravityUnits(state.level);
      const c = state.gravityCount;
      const distance = dropDistance(state.board, state.active!);
      // The tick that brings the piece to its landing row: the first k with c + k * units >= distance rows.
      const land = Math.ceil((distance * GRAVITY_UNIT - c) / units);
      const used = Math.min(left, land);
      const count = c + used * units;
      const rows = Math.min(Math.floor(count / GRAVITY_UNIT), distance);
      state =
        rows === 0
          ? pieceChanged(
              state,
              state.active,
              count,
              state.lockCount,
              state.resetsLeft,
              state.lowestRow,
              state.spin,
              state.tick + used,
              state.time + used,
              state.score,
            )
          : fallen(state, lowered(state.active!, rows), 0, used, count % GRAVITY_UNIT);
      left -= used;
    } else if (falling) {
      const every = gravityTicks(state.level);
      // The tick that moves the piece its first row, counted from now; gravityCount < every.
      const first = ticksUntilPieceMoves(state, true);
      if (left < first) {
        return waited(state, left, state.gravityCount + left, state.lockCount);
      }
      // Gravity moves it a row at the `first`-th tick and every `every` after, until it rests.
      const rows = Math.min(dropDistance(state.board, state.active!), 1 + Math.floor((left - first) / every));
      const used = first + (rows - 1) * every;
      state = fallen(state, lowered(state.active!, rows), 0, used);
      left -= used;
    } else {
      // Resting: the lock count runs to LOCK_DELAY, and that tick locks.
      const until = ticksUntilPieceMoves(state, false);
      if (left < until) {
        return waited(state, left, state.gravityCount, state.lockCount + left);
      }
      if (until > 1)
        state = pieceChanged(
          state,
          state.active,
          state.gravityCount,
          state.lockCount + until - 1,
          state.resetsLeft,
          state.lowestRow,
          state.spin,
          state.tick + until - 1,
          state.time + until - 1,
          state.score,
        );
      state = step(state, TICK);
      left -= until;
    }
  }
  return state;
}
