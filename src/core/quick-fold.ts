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
 * up on its own. This loop is one function over numbers and one byte
 * array, so it warms up once (docs/PERFORMANCE.md has the figures).
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
 * The game after folding `inputs` from index `next` on, from `start`,
 * through tick `end` (inputs after `end` are not applied): exactly what
 * replay-cursor.ts's fold of `step` and `advance` gives, events included.
 * `start` must be a marathon (`quickFoldPlays`).
 */
export function quickFold(start: GameState, inputs: PackedInputs, next: number, end: number): GameState {
  const { count, ticks, actions } = inputs;
  const past = end + 1;
  const settings = start.settings;
  const guideline = settings.rules === 'guideline';
  // The state the core holds while this fold does not play (paused, 20G, over); null while it does.
  let core: GameState | null = start;
  let i = next;

  // The game while this fold plays it: `base` for the fields that only the core changes (settings, garbage).
  // Plain local variables, and no function inside this one: a closure would keep them in a context object.
  let base = start;
  const cells = new Uint8Array(WIDTH * HEIGHT);
  // The board before a lock, for a lock that turns out to be the core's.
  const saved = new Uint8Array(WIDTH * HEIGHT);
  let top = 0;
  let queue: PieceType[] = [];
  let head = 0;
  let rng = 0;
  let type: PieceType = 'I';
  let x = 0;
  let y = 0;
  let rotation: Rotation = 0;
  let gravityCount = 0;
  let lockCount = 0;
  let resetsLeft = 0;
  let lowest = 0;
  let spin: Spin = 0;
  let tick = 0;
  let time = 0;
  let score = 0;
  let level = 0;
  let lines = 0;
  let pieces = 0;
  let hold: PieceType | null = null;
  let holdUsed = false;
  let combo = -1;
  let backToBack = false;
  let clears: [number, number, number, number] = [0, 0, 0, 0];
  // The events of the state: null for those of the last lock, made only when a state is (most locks are followed by moves).
  let events: StepEvents | null = NO_EVENTS;
  let lockedType: PieceType = 'I';
  let lockedX = 0;
  let lockedY = 0;
  let lockedRotation: Rotation = 0;
  let lockedRows: readonly number[] = [];
  let levelUp = false;
  let clear: ClearEvent = NO_CLEAR;
  // Set where the game goes to the core (handOver) or the fold ends (done): the state is made at the loop's top.
  let handOver = false;
  let done = false;

  for (;;) {
    if (handOver) {
      // The state the local variables stand for, field by field in createGame's order.
      const now: GameState = {
        settings,
        board: cells.slice() as Board,
        active: { type, x, y, rotation },
        hold,
        holdUsed,
        queue: queue.slice(head),
        rng,
        gravityCount,
        lockCount,
        resetsLeft,
        lowestRow: lowest,
        spin,
        combo,
        backToBack,
        garbage: base.garbage,
        score,
        lines,
        level,
        pieces,
        clears,
        tick,
        time,
        status: 'playing',
        topOut: null,
        events:
          events ??
          ({
            locked: { type: lockedType, x: lockedX, y: lockedY, rotation: lockedRotation },
            clearedRows: lockedRows,
            levelUp,
            topOut: null,
            clear,
          } satisfies StepEvents),
      };
      if (done) return now;
      core = now;
      handOver = false;
    }
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
      if (!playsItself(s)) {
        core = s;
        continue;
      }
      // This fold's turn: the state into local variables.
      core = null;
      base = s;
      cells.set(s.board);
      top = stackHeight(s.board);
      queue = s.queue.slice();
      head = 0;
      rng = s.rng;
      const active = s.active!;
      type = active.type;
      x = active.x;
      y = active.y;
      rotation = active.rotation;
      gravityCount = s.gravityCount;
      lockCount = s.lockCount;
      resetsLeft = s.resetsLeft;
      lowest = s.lowestRow;
      spin = s.spin;
      tick = s.tick;
      time = s.time;
      score = s.score;
      level = s.level;
      lines = s.lines;
      pieces = s.pieces;
      hold = s.hold;
      holdUsed = s.holdUsed;
      combo = s.combo;
      backToBack = s.backToBack;
      clears = s.clears.slice() as [number, number, number, number];
      events = s.events;
      continue;
    }

    const last = i >= count || ticks[i]! > end;
    const until = last ? past : ticks[i]!;
    const code = last ? -1 : actions[i]!;
    // What locks the piece in this turn: gravity's lock delay (tick step 2) or a hard drop (an input).
    let lockByTick = false;
    let lockByDrop = false;
    // The ticks before the input (advance): rows of fall, then the lock delay.
    while (tick < until) {
      const left = until - tick;
      if (shapeFitsAt(cells, type, rotation, x, y - 1)) {
        const distance = fittingDropDistanceOver(cells, type, rotation, x, y, top);
        let rows: number;
        let used: number;
        if (guideline) {
          const units = gravityUnits(level);
          const land = Math.ceil((distance * GRAVITY_UNIT - gravityCount) / units);
          used = Math.min(left, land);
          const total = gravityCount + used * units;
          rows = Math.min(Math.floor(total / GRAVITY_UNIT), distance);
          gravityCount = rows === 0 ? total : total % GRAVITY_UNIT;
        } else {
          const every = gravityTicks(level);
          const first = every - gravityCount;
          if (left < first) {
            used = left;
            rows = 0;
            gravityCount += left;
          } else {
            rows = Math.min(distance, 1 + Math.floor((left - first) / every));
            used = first + (rows - 1) * every;
            gravityCount = 0;
          }
        }
        if (rows > 0) {
          y -= rows;
          lockCount = 0;
          spin = 0;
          const low = y + shapeLowest(type, rotation);
          if (low < lowest) {
            lowest = low;
            resetsLeft = LOCK_RESETS;
          }
        }
        tick += used;
        time += used;
      } else {
        const wait = LOCK_DELAY - lockCount;
        if (left < wait) {
          lockCount += left;
          tick += left;
          time += left;
        } else {
          // The tick that locks it: its first wait - 1 ticks only count; the lock is that tick's step 2.
          lockCount += wait - 1;
          tick += wait - 1;
          time += wait - 1;
          lockByTick = true;
        }
      }
      events = NO_EVENTS;
      if (lockByTick) break;
    }

    // The piece that comes in next (by a hold or a lock), its spawn box, and whether it comes off the queue.
    let incoming: PieceType = type;
    let fromQueue = false;
    if (!lockByTick) {
      if (last) {
        handOver = true;
        done = true;
        continue;
      }
      // The input.
      if (code === LEFT || code === RIGHT) {
        const dx = code === LEFT ? -1 : 1;
        if (shapeFitsAt(cells, type, rotation, x + dx, y)) {
          if (resetsLeft > 0 && !shapeFitsAt(cells, type, rotation, x, y - 1)) {
            lockCount = 0;
            resetsLeft--;
          }
          x += dx;
          spin = 0;
          events = NO_EVENTS;
        }
        i++;
        continue;
      }
      if (code === CW || code === CCW) {
        if (type !== 'O') {
          const to = rotated(rotation, code === CW ? 1 : -1);
          const kicks = kicksFor(type, rotation, to);
          let k = 0;
          while (k < kicks.length && !shapeFitsAt(cells, type, to, x + kicks[k]![0], y + kicks[k]![1])) k++;
          if (k < kicks.length) {
            if (resetsLeft > 0 && !shapeFitsAt(cells, type, rotation, x, y - 1)) {
              lockCount = 0;
              resetsLeft--;
            }
            x += kicks[k]![0];
            y += kicks[k]![1];
            rotation = to;
            spin = k === FIFTH_KICK ? 2 : 1;
            const low = y + shapeLowest(type, rotation);
            if (low < lowest) {
              lowest = low;
              resetsLeft = LOCK_RESETS;
              lockCount = 0;
            }
            events = NO_EVENTS;
          }
        }
        i++;
        continue;
      }
      if (code === SOFT_DROP) {
        if (shapeFitsAt(cells, type, rotation, x, y - 1)) {
          y--;
          score++;
          gravityCount = 0;
          lockCount = 0;
          spin = 0;
          const low = y + shapeLowest(type, rotation);
          if (low < lowest) {
            lowest = low;
            resetsLeft = LOCK_RESETS;
          }
          events = NO_EVENTS;
        }
        i++;
        continue;
      }
      if (code === HOLD) {
        if (holdUsed) {
          i++;
          continue;
        }
        incoming = hold ?? queue[head]!;
        if (!shapeFitsAt(cells, incoming, 0, SPAWN[incoming].x, SPAWN[incoming].y)) {
          // Block out: the core's, to end the game.
          handOver = true;
          continue;
        }
        fromQueue = hold === null;
        hold = type;
        holdUsed = true;
        events = NO_EVENTS;
      } else if (code === HARD_DROP) lockByDrop = true;
      else {
        // Pause: the core's.
        handOver = true;
        continue;
      }
    }

    if (lockByTick || lockByDrop) {
      const rows = lockByDrop ? fittingDropDistanceOver(cells, type, rotation, x, y, top) : 0;
      const landing = y - rows;
      const low = landing + shapeLowest(type, rotation);
      const high = landing + shapeHighest(type, rotation);
      if (low >= VISIBLE_HEIGHT) {
        // Lock out: the core's.
        handOver = true;
        continue;
      }
      // The corners are judged on the board the piece locks into; a hard drop of some rows ends a rotation's claim.
      const lockSpin: Spin = rows > 0 ? 0 : spin;
      const tspin = guideline && type === 'T' && lockSpin !== 0 ? tSpinAt(cells, { type, x, y: landing, rotation }, lockSpin) : null;
      saved.set(cells);
      placeCells(cells, type, rotation, x, landing);
      const full = fullRows(cells, low, high);
      const afterTop = removeRows(cells, low, high, full, Math.max(top, high + 1));
      const clearedRows = rowList(full, low);
      const cleared = clearedRows.length;
      const newLevel = levelAfter(settings, lines + cleared);
      incoming = queue[head]!;
      if ((guideline && isTwentyG(newLevel)) || !shapeFitsAt(cells, incoming, 0, SPAWN[incoming].x, SPAWN[incoming].y)) {
        // A lock that brings 20G or blocks the next piece out: the core's, from the state before it.
        cells.set(saved);
        handOver = true;
        continue;
      }
      // scoreLock of a lock without rows or a T-spin is NO_CLEAR: no call, no object made, for most locks.
      const perfectClear = cleared > 0 && isEmptyBoard(cells);
      clear =
        cleared === 0 && tspin === null
          ? NO_CLEAR
          : scoreLock({
              rules: settings.rules,
              rows: cleared,
              tspin,
              chain: backToBack,
              combo,
              perfectClear,
              levelBefore: level,
              levelAfter: newLevel,
            });
      events = null;
      lockedType = type;
      lockedX = x;
      lockedY = landing;
      lockedRotation = rotation;
      lockedRows = clearedRows;
      levelUp = newLevel > level;
      score += 2 * rows + clear.points;
      pieces++;
      if (cleared > 0) {
        // A new list: a state made earlier may hold the old one.
        clears = clears.slice() as [number, number, number, number];
        clears[cleared - 1]!++;
      }
      backToBack = chainAfter(backToBack, cleared, tspin);
      combo = clear.combo;
      lines += cleared;
      level = newLevel;
      top = afterTop;
      holdUsed = false;
      fromQueue = true;
    }

    // The next piece enters (RULES.md "Spawn"): off the queue, which is dealt a bag while fewer than six would be left.
    if (fromQueue) {
      head++;
      while (queue.length - head < KNOWN_NEXT) {
        const bag = nextBag(rng);
        rng = bag.state;
        for (let k = 0; k < bag.bag.length; k++) queue.push(bag.bag[k]!);
      }
    }
    type = incoming;
    const spawn = SPAWN[incoming];
    x = spawn.x;
    y = shapeFitsAt(cells, type, 0, x, spawn.y - 1) ? spawn.y - 1 : spawn.y;
    rotation = 0;
    gravityCount = 0;
    lockCount = 0;
    resetsLeft = LOCK_RESETS;
    lowest = y + shapeLowest(type, 0);
    spin = 0;
    if (lockByTick) {
      // The tick that locked ends: its step 2 is done.
      tick++;
      time++;
    } else i++;
  }
}
