/**
 * The headless run of a long game, quicker: the same game as folding the
 * replay through `step` and `advance` (replay-cursor.ts), kept in local
 * variables and one board of its own instead of a new state object per
 * input and a new board per lock.
 *
 * Why it exists: `replay FILE --json` of a 10,000-piece game is a process
 * of about a tenth of a second, and most of its fold runs before V8 has
 * compiled it: the step fold makes five or six 25-field states a piece, a
 * board a lock, and calls some forty functions, each of which has to warm
 * up on its own. Here the game is one object of numbers and one byte
 * array, changed in place, and each kind of step is one small method:
 * each compiles soon and on its own, and code first reached late in a
 * game (the lock delay, once the pieces fall fast) throws away only its
 * own method's compiled code, not the fold's (docs/PERFORMANCE.md has the
 * figures).
 *
 * What it does itself is the common play of a marathon: moves, rotations
 * with their kicks, soft and hard drops, hold, gravity and the lock delay
 * (both rule sets), and the lock with its clears and scoring (scoreLock,
 * tSpinAt and chainAfter, the functions `step` uses). Everything else goes
 * to the core itself, from the exact state it stands for (`stateNow`):
 * pause and the paused ticks, 20G, a lock that tops out or brings 20G, and
 * the other modes, whose games are short. A property test folds random
 * games both ways and compares every field of the final state
 * (tests/core/quick-fold.test.ts); the golden replays pin both.
 */
import { INPUT_NAMES, inputAction, type Action } from './actions.js';
import {
  fittingDropDistanceOver,
  fullRows,
  HEIGHT,
  isEmptyBoard,
  placeCells,
  removeRows,
  rowList,
  shapeFitsAt,
  shapeHighest,
  shapeLowest,
  stackHeight,
  VISIBLE_HEIGHT,
  WIDTH,
  type Board,
} from './board.js';
import { advance, levelAfter, step, type GameState, type StepEvents } from './game.js';
import { GRAVITY_UNIT, gravityUnits, isTwentyG } from './guideline.js';
import { SPAWN, type PieceType, type Rotation } from './pieces.js';
import { nextBag } from './randomizer.js';
import type { PackedInputs } from './replay-scan.js';
import { kicksFor, rotated } from './rotation.js';
import { gravityTicks, LOCK_DELAY, LOCK_RESETS } from './rules.js';
import { chainAfter, NO_CLEAR, scoreLock, type ClearEvent } from './scoring.js';
import { tSpinAt, type Spin } from './tspin.js';

/** Pieces the core always knows beyond the active one (game.ts KNOWN_NEXT). */
const KNOWN_NEXT = 6;

const NO_EVENTS: StepEvents = Object.freeze({ locked: null, clearedRows: [], levelUp: false, topOut: null, clear: null });

/** The action of each input code, as the packed inputs hold them. */
const ACTIONS: readonly Action[] = INPUT_NAMES.map(inputAction);

const LEFT = INPUT_NAMES.indexOf('left');
const RIGHT = INPUT_NAMES.indexOf('right');
const SOFT_DROP = INPUT_NAMES.indexOf('softDrop');
const HARD_DROP = INPUT_NAMES.indexOf('hardDrop');
const CW = INPUT_NAMES.indexOf('cw');
const CCW = INPUT_NAMES.indexOf('ccw');
const HOLD = INPUT_NAMES.indexOf('hold');

/** The kick index of the fifth kick (game.ts FIFTH_KICK): a rotation by it makes a full T-spin. */
const FIFTH_KICK = 4;

/** Whether this fold plays `s` itself: a marathon piece falling at less than 20G. The rest is the core's. */
function playsItself(s: GameState): boolean {
  return s.status === 'playing' && s.active !== null && !(s.settings.rules === 'guideline' && isTwentyG(s.level));
}

/** Whether a game's settings are ones this fold plays (a marathon: the other modes end soon, and go to the core whole). */
export function quickFoldPlays(s: GameState): boolean {
  return s.settings.mode === 'marathon' && s.garbage.incoming.length === 0;
}

/**
 * The game while the quick fold plays it: the state's fields that change
 * in play, in place, on a board of its own. Fields that only the core
 * changes (settings, garbage) stay in `base`.
 */
class QuickGame {
  base: GameState;
  readonly settings: GameState['settings'];
  readonly guideline: boolean;
  readonly cells = new Uint8Array(WIDTH * HEIGHT);
  /** The board before a lock, for a lock that turns out to be the core's. */
  readonly saved = new Uint8Array(WIDTH * HEIGHT);
  /** Rows from `top` up hold no block. */
  top = 0;
  queue: PieceType[] = [];
  /** The queue starts at `queue[head]`. */
  head = 0;
  rng = 0;
  type: PieceType = 'I';
  x = 0;
  y = 0;
  rotation: Rotation = 0;
  gravityCount = 0;
  lockCount = 0;
  resetsLeft = 0;
  lowest = 0;
  spin: Spin = 0;
  tick = 0;
  time = 0;
  score = 0;
  level = 0;
  lines = 0;
  pieces = 0;
  hold: PieceType | null = null;
  holdUsed = false;
  combo = -1;
  backToBack = false;
  clears: [number, number, number, number] = [0, 0, 0, 0];
  /** The events of the state: null for those of the last lock (below), made only when a state is. */
  events: StepEvents | null = NO_EVENTS;
  lockedType: PieceType = 'I';
  lockedX = 0;
  lockedY = 0;
  lockedRotation: Rotation = 0;
  lockedRows: readonly number[] = [];
  levelUp = false;
  clear: ClearEvent = NO_CLEAR;

  constructor(s: GameState) {
    this.base = s;
    this.settings = s.settings;
    this.guideline = s.settings.rules === 'guideline';
    this.load(s);
  }

  /** Take on the core's state `s` (one this fold plays). */
  load(s: GameState): void {
    this.base = s;
    this.cells.set(s.board);
    this.top = stackHeight(s.board);
    this.queue = s.queue.slice();
    this.head = 0;
    this.rng = s.rng;
    const active = s.active!;
    this.type = active.type;
    this.x = active.x;
    this.y = active.y;
    this.rotation = active.rotation;
    this.gravityCount = s.gravityCount;
    this.lockCount = s.lockCount;
    this.resetsLeft = s.resetsLeft;
    this.lowest = s.lowestRow;
    this.spin = s.spin;
    this.tick = s.tick;
    this.time = s.time;
    this.score = s.score;
    this.level = s.level;
    this.lines = s.lines;
    this.pieces = s.pieces;
    this.hold = s.hold;
    this.holdUsed = s.holdUsed;
    this.combo = s.combo;
    this.backToBack = s.backToBack;
    this.clears = s.clears.slice() as [number, number, number, number];
    this.events = s.events;
  }

  /** The state this stands for, field by field in createGame's order. */
  state(): GameState {
    return {
      settings: this.settings,
      board: this.cells.slice() as Board,
      active: { type: this.type, x: this.x, y: this.y, rotation: this.rotation },
      hold: this.hold,
      holdUsed: this.holdUsed,
      queue: this.queue.slice(this.head),
      rng: this.rng,
      gravityCount: this.gravityCount,
      lockCount: this.lockCount,
      resetsLeft: this.resetsLeft,
      lowestRow: this.lowest,
      spin: this.spin,
      combo: this.combo,
      backToBack: this.backToBack,
      garbage: this.base.garbage,
      score: this.score,
      lines: this.lines,
      level: this.level,
      pieces: this.pieces,
      clears: this.clears,
      tick: this.tick,
      time: this.time,
      status: 'playing',
      topOut: null,
      events: this.events ?? {
        locked: { type: this.lockedType, x: this.lockedX, y: this.lockedY, rotation: this.lockedRotation },
        clearedRows: this.lockedRows,
        levelUp: this.levelUp,
        topOut: null,
        clear: this.clear,
      },
    };
  }

  /** Whether the piece can move a row down. */
  canFall(): boolean {
    return shapeFitsAt(this.cells, this.type, this.rotation, this.x, this.y - 1);
  }

  /** The piece `rows` rows lower by gravity or a soft drop: lock count to zero, no rotation last, a new lowest row restores the resets. */
  lowered(rows: number): void {
    this.y -= rows;
    this.lockCount = 0;
    this.spin = 0;
    const low = this.y + shapeLowest(this.type, this.rotation);
    if (low < this.lowest) {
      this.lowest = low;
      this.resetsLeft = LOCK_RESETS;
    }
  }

  /**
   * The ticks up to `until` with no input (`advance`): rows of fall, then
   * the lock delay. Stops early, and says true, at the tick whose step 2
   * locks the piece: its first ticks counted, the lock itself not yet.
   */
  fall(until: number): boolean {
    while (this.tick < until) {
      const left = until - this.tick;
      this.events = NO_EVENTS;
      if (!this.canFall()) {
        const wait = LOCK_DELAY - this.lockCount;
        const used = left < wait ? left : wait - 1;
        this.lockCount += used;
        this.tick += used;
        this.time += used;
        if (left >= wait) return true;
        continue;
      }
      const distance = fittingDropDistanceOver(this.cells, this.type, this.rotation, this.x, this.y, this.top);
      let rows: number;
      let used: number;
      if (this.guideline) {
        const units = gravityUnits(this.level);
        used = Math.min(left, Math.ceil((distance * GRAVITY_UNIT - this.gravityCount) / units));
        const total = this.gravityCount + used * units;
        rows = Math.min(Math.floor(total / GRAVITY_UNIT), distance);
        this.gravityCount = rows === 0 ? total : total % GRAVITY_UNIT;
      } else {
        const every = gravityTicks(this.level);
        const first = every - this.gravityCount;
        if (left < first) {
          used = left;
          rows = 0;
          this.gravityCount += left;
        } else {
          rows = Math.min(distance, 1 + Math.floor((left - first) / every));
          used = first + (rows - 1) * every;
          this.gravityCount = 0;
        }
      }
      if (rows > 0) this.lowered(rows);
      this.tick += used;
      this.time += used;
    }
    return false;
  }

  /** After a move or rotation that fits, with the piece not yet moved: a resting piece's lock count restarts (15 times at most). */
  resetLock(): void {
    if (this.resetsLeft > 0 && !this.canFall()) {
      this.lockCount = 0;
      this.resetsLeft--;
    }
  }

  move(dx: number): void {
    if (!shapeFitsAt(this.cells, this.type, this.rotation, this.x + dx, this.y)) return;
    this.resetLock();
    this.x += dx;
    this.spin = 0;
    this.events = NO_EVENTS;
  }

  rotate(turn: 1 | -1): void {
    const { type, rotation } = this;
    // RULES.md: rotating O changes nothing and resets nothing.
    if (type === 'O') return;
    const to = rotated(rotation, turn);
    const kicks = kicksFor(type, rotation, to);
    let k = 0;
    while (k < kicks.length && !shapeFitsAt(this.cells, type, to, this.x + kicks[k]![0], this.y + kicks[k]![1])) k++;
    if (k === kicks.length) return;
    this.resetLock();
    this.x += kicks[k]![0];
    this.y += kicks[k]![1];
    this.rotation = to;
    this.spin = k === FIFTH_KICK ? 2 : 1;
    const low = this.y + shapeLowest(type, to);
    if (low < this.lowest) {
      this.lowest = low;
      this.resetsLeft = LOCK_RESETS;
      this.lockCount = 0;
    }
    this.events = NO_EVENTS;
  }

  softDrop(): void {
    if (!this.canFall()) return;
    this.lowered(1);
    this.score++;
    this.gravityCount = 0;
    this.events = NO_EVENTS;
  }

  /** The hold; false when it is the core's (the piece that would come in is blocked out). */
  holdPiece(): boolean {
    if (this.holdUsed) return true;
    const incoming = this.hold ?? this.queue[this.head]!;
    if (!shapeFitsAt(this.cells, incoming, 0, SPAWN[incoming].x, SPAWN[incoming].y)) return false;
    const fromQueue = this.hold === null;
    this.hold = this.type;
    this.holdUsed = true;
    this.enter(incoming, fromQueue);
    this.events = NO_EVENTS;
    return true;
  }

  /**
   * Lock the piece: by a hard drop (`byDrop`, an input) or by gravity (the
   * tick `fall` stopped at, which this ends). Clears, scoring, and the next
   * piece at once. False, with nothing changed, when the lock is the core's:
   * a lock out, a block out, or the level of 20G.
   */
  lock(byDrop: boolean): boolean {
    const { cells, type, rotation, x } = this;
    const rows = byDrop ? fittingDropDistanceOver(cells, type, rotation, x, this.y, this.top) : 0;
    const landing = this.y - rows;
    const low = landing + shapeLowest(type, rotation);
    const high = landing + shapeHighest(type, rotation);
    if (low >= VISIBLE_HEIGHT) return false;
    // The corners are judged on the board the piece locks into; a hard drop of some rows ends a rotation's claim.
    const spin: Spin = rows > 0 ? 0 : this.spin;
    const tspin = this.guideline && type === 'T' && spin !== 0 ? tSpinAt(cells, { type, x, y: landing, rotation }, spin) : null;
    this.saved.set(cells);
    placeCells(cells, type, rotation, x, landing);
    const full = fullRows(cells, low, high);
    const top = removeRows(cells, low, high, full, Math.max(this.top, high + 1));
    const clearedRows = rowList(full, low);
    const cleared = clearedRows.length;
    const level = levelAfter(this.settings, this.lines + cleared);
    const incoming = this.queue[this.head]!;
    if ((this.guideline && isTwentyG(level)) || !shapeFitsAt(cells, incoming, 0, SPAWN[incoming].x, SPAWN[incoming].y)) {
      cells.set(this.saved);
      return false;
    }
    const perfectClear = cleared > 0 && isEmptyBoard(cells);
    // scoreLock of a lock without rows or a T-spin is NO_CLEAR: no call, no object made, for most locks.
    const clear =
      cleared === 0 && tspin === null
        ? NO_CLEAR
        : scoreLock({
            rules: this.settings.rules,
            rows: cleared,
            tspin,
            chain: this.backToBack,
            combo: this.combo,
            perfectClear,
            levelBefore: this.level,
            levelAfter: level,
          });
    this.events = null;
    this.lockedType = type;
    this.lockedX = x;
    this.lockedY = landing;
    this.lockedRotation = rotation;
    this.lockedRows = clearedRows;
    this.levelUp = level > this.level;
    this.clear = clear;
    this.score += 2 * rows + clear.points;
    this.pieces++;
    if (cleared > 0) {
      // A new list: a state made earlier may hold the old one.
      const clears = this.clears.slice() as [number, number, number, number];
      clears[cleared - 1]!++;
      this.clears = clears;
    }
    this.backToBack = chainAfter(this.backToBack, cleared, tspin);
    this.combo = clear.combo;
    this.lines += cleared;
    this.level = level;
    this.top = top;
    this.holdUsed = false;
    this.enter(incoming, true);
    if (!byDrop) {
      // The tick that locked ends: its step 2 is done.
      this.tick++;
      this.time++;
    }
    return true;
  }

  /** `type` enters at its spawn box (RULES.md "Spawn"): the one-row move if free, both counts at zero. */
  enter(type: PieceType, fromQueue: boolean): void {
    if (fromQueue) {
      // Off the queue, which is dealt a bag while fewer than six would be left.
      this.head++;
      while (this.queue.length - this.head < KNOWN_NEXT) {
        const bag = nextBag(this.rng);
        this.rng = bag.state;
        for (let k = 0; k < bag.bag.length; k++) this.queue.push(bag.bag[k]!);
      }
    }
    const spawn = SPAWN[type];
    this.type = type;
    this.x = spawn.x;
    this.y = shapeFitsAt(this.cells, type, 0, spawn.x, spawn.y - 1) ? spawn.y - 1 : spawn.y;
    this.rotation = 0;
    this.gravityCount = 0;
    this.lockCount = 0;
    this.resetsLeft = LOCK_RESETS;
    this.lowest = this.y + shapeLowest(type, 0);
    this.spin = 0;
  }
}

/**
 * The game after folding `inputs` from index `next` on, from `start`,
 * through tick `end` (inputs after `end` are not applied): exactly what
 * replay-cursor.ts's fold of `step` and `advance` gives, events included.
 * `start` must be a marathon (`quickFoldPlays`).
 */
export function quickFold(start: GameState, inputs: PackedInputs, next: number, end: number): GameState {
  const { count, ticks, actions } = inputs;
  const past = end + 1;
  // The state while the core holds the game (paused, 20G, over), or null while `game` plays it.
  let core: GameState | null = start;
  let game: QuickGame | null = null;
  let i = next;
  for (;;) {
    if (core !== null) {
      // The core's turn: one stretch and one input of replay-cursor.ts's fold.
      let s: GameState = core;
      if (s.status === 'over') return s;
      const last = i >= count || ticks[i]! > end;
      const until = last ? past : ticks[i]!;
      if (until > s.tick) {
        s = advance(s, until - s.tick);
        if (last || s.status === 'over') return s;
      } else if (last) return s;
      s = step(s, ACTIONS[actions[i]!]!);
      i++;
      if (playsItself(s)) {
        if (game === null) game = new QuickGame(s);
        else game.load(s);
        core = null;
      } else core = s;
      continue;
    }
    const g = game!;
    const last = i >= count || ticks[i]! > end;
    if (g.fall(last ? past : ticks[i]!)) {
      // Gravity locks the piece: then the same ticks go on, up to the same input.
      if (!g.lock(false)) core = g.state();
      continue;
    }
    if (last) return g.state();
    const code = actions[i]!;
    if (code === LEFT) g.move(-1);
    else if (code === RIGHT) g.move(1);
    else if (code === CW) g.rotate(1);
    else if (code === CCW) g.rotate(-1);
    else if (code === SOFT_DROP) g.softDrop();
    else if (code === HARD_DROP ? !g.lock(true) : code === HOLD ? !g.holdPiece() : true) {
      // A lock or hold that is the core's, or a pause: the core applies this input.
      core = g.state();
      continue;
    }
    i++;
  }
}
