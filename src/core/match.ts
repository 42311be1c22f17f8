/**
 * A versus match as one fold (RULES.md "Versus"): two games with the same
 * seed and settings, each tick player 1's actions, then player 2's, then
 * each game's gravity or lock, player 1 first. A lock that clears rows
 * attacks: first it cancels the sender's own pending garbage, oldest first,
 * and the rest becomes one pending entry of the opponent, its hole drawn
 * from the receiver's garbage stream when it is made. An entry may enter
 * its owner's board 30 match ticks after it was made, at a lock that clears
 * nothing, at most 8 rows a lock. The game keeps the rows due now in
 * `garbage.incoming` (the match writes it; the game's lock takes it), so a
 * solo game is exactly a match's game that receives nothing.
 *
 * Pure and immutable like the game: `matchInput` for a player's key,
 * `matchTick` to end a tick, `advanceMatch` for ticks without input.
 */
import { inputAction, TICK, type Action } from './actions.js';
import { attackOf } from './attack.js';
import { advance, createGame, NO_INCOMING, step, ticksUntilPieceMoves, type GameSettings, type GameState, type Status } from './game.js';
import { garbageSeed, nextHole, type HoleStream } from './garbage.js';
import type { ReplayInput } from './replay.js';
import { summarize, type Summary } from './views.js';

const PAUSE = inputAction('pause');

/** Match ticks an entry of garbage waits before it may enter a board. */
export const GARBAGE_DELAY = 30;
/** Garbage rows that may enter a board at one lock. */
export const GARBAGE_PER_LOCK = 8;

/** Rows of garbage sent to a player and not yet in its board: made at one tick, one hole column. */
export interface PendingGarbage {
  /** The match tick the entry was made in. */
  readonly tick: number;
  readonly rows: number;
  readonly hole: number;
}

/** One side of a match. */
export interface MatchPlayer {
  readonly game: GameState;
  /** Garbage waiting for this player's board, oldest first. */
  readonly pending: readonly PendingGarbage[];
  /** Rows this player sent, after cancelling. */
  readonly sent: number;
  /** This player's garbage stream (seeded as in dig), for the holes of the entries it receives. */
  readonly holes: HoleStream;
}

/** Which player: 0 for player 1, 1 for player 2. */
export type Side = 0 | 1;

/** A match at one moment. */
export interface MatchState {
  readonly players: readonly [MatchPlayer, MatchPlayer];
  /** The match tick in progress. Once the match is over it stays at the tick it ended in. */
  readonly tick: number;
  readonly status: Status;
  /** 1 or 2 once the match is over and someone won; null while it runs and for a draw. */
  readonly winner: 1 | 2 | null;
}

/** A match's settings: a game's, in mode marathon. Throws RangeError for another mode. */
export function createMatch(settings: GameSettings): MatchState {
  const mode = settings.mode ?? 'marathon';
  if (mode !== 'marathon') throw new RangeError(`mode ${mode} is not marathon: a versus match is played in marathon`);
  const game = createGame(settings);
  const holes: HoleStream = { state: garbageSeed(game.settings.seed), last: -1 };
  const player: MatchPlayer = { game, pending: [], sent: 0, holes };
  return { players: [player, player], tick: 0, status: 'playing', winner: null };
}

/** The holes of the rows due to enter `player`'s board at tick `tick`: oldest entry first, at most 8 rows. */
function dueHoles(pending: readonly PendingGarbage[], tick: number): readonly number[] {
  if (pending.length === 0 || tick - pending[0]!.tick < GARBAGE_DELAY) return NO_INCOMING;
  const holes: number[] = [];
  for (const entry of pending) {
    if (tick - entry.tick < GARBAGE_DELAY) break;
    for (let i = 0; i < entry.rows && holes.length < GARBAGE_PER_LOCK; i++) holes.push(entry.hole);
    if (holes.length === GARBAGE_PER_LOCK) break;
  }
  return holes;
}

function sameHoles(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `player` with its game's incoming rows set to what is due at `tick`. */
function withDue(player: MatchPlayer, tick: number): MatchPlayer {
  const game = player.game;
  if (game.status === 'over') return player;
  const due = dueHoles(player.pending, tick);
  if (sameHoles(due, game.garbage.incoming)) return player;
  return { ...player, game: { ...game, garbage: { ...game.garbage, incoming: due } } };
}

/** `pending` less its oldest `rows` rows. */
function takeRows(pending: readonly PendingGarbage[], rows: number): readonly PendingGarbage[] {
  let left = rows;
  let i = 0;
  while (i < pending.length && left >= pending[i]!.rows) {
    left -= pending[i]!.rows;
    i++;
  }
  const rest = pending.slice(i);
  if (left > 0 && rest.length > 0) rest[0] = { ...rest[0]!, rows: rest[0]!.rows - left };
  return rest;
}

function pendingRows(pending: readonly PendingGarbage[]): number {
  let rows = 0;
  for (const entry of pending) rows += entry.rows;
  return rows;
}

/**
 * The match after side `side`'s game went from `before` to `after` in one
 * step: garbage that entered leaves the pending list, and a clear attacks
 * (cancelling first, the rest one entry of the opponent's).
 */
function settle(m: MatchState, side: Side, before: GameState, after: GameState): MatchState {
  let me: MatchPlayer = { ...m.players[side], game: after };
  let them = m.players[side === 0 ? 1 : 0];
  if (after.pieces !== before.pieces) {
    const entered = after.garbage.received - before.garbage.received;
    if (entered > 0) me = { ...me, pending: takeRows(me.pending, entered) };
    const clear = after.events.clear;
    const attack = clear ? attackOf(after.settings.rules, clear) : 0;
    if (attack > 0) {
      const cancelled = Math.min(attack, pendingRows(me.pending));
      const rest = attack - cancelled;
      if (cancelled > 0) me = { ...me, pending: takeRows(me.pending, cancelled) };
      if (rest > 0) {
        const holes = nextHole(them.holes);
        them = { ...them, holes, pending: [...them.pending, { tick: m.tick, rows: rest, hole: holes.last }] };
        me = { ...me, sent: me.sent + rest };
      }
    }
    me = withDue(me, m.tick);
    them = withDue(them, m.tick);
  } else if (after === before) {
    return m;
  }
  return { ...m, players: side === 0 ? [me, them] : [them, me] };
}

/**
 * The match after one of player `side`'s actions in the tick in progress (not
 * `tick`: see `matchTick`). A pause by either player pauses both games.
 */
export function matchInput(m: MatchState, side: Side, action: Action): MatchState {
  if (m.status === 'over' || action.type === 'tick') return m;
  if (action.type === 'pause') {
    const [a, b] = m.players;
    const status: Status = m.status === 'paused' ? 'playing' : 'paused';
    return {
      ...m,
      status,
      players: [
        { ...a, game: step(a.game, PAUSE) },
        { ...b, game: step(b.game, PAUSE) },
      ],
    };
  }
  const before = m.players[side].game;
  return settle(m, side, before, step(before, action));
}

/** Player `side`'s game once the match ended in the tick in progress: over, no piece, and topOut null if it did not top out. */
function finished(player: MatchPlayer, tick: number): MatchPlayer {
  const game = player.game;
  if (game.status === 'over') return player;
  return { ...player, game: { ...game, status: 'over', topOut: null, active: null, tick } };
}

/**
 * The end of the tick in progress: each game's gravity or lock, player 1
 * first; the match ends in the tick a game topped out (a draw if both did),
 * and both games are then over; else the next tick begins.
 */
export function matchTick(m: MatchState): MatchState {
  if (m.status === 'over') return m;
  let match = m;
  for (const side of [0, 1] as const) {
    const before = match.players[side].game;
    match = settle(match, side, before, step(before, TICK));
  }
  return closeTick(match);
}

/** After both games' ticks: the match's end, or the next tick with the rows due then. */
function closeTick(m: MatchState): MatchState {
  const [a, b] = m.players;
  const aOut = a.game.status === 'over';
  const bOut = b.game.status === 'over';
  if (aOut || bOut) {
    const winner = aOut && bOut ? null : aOut ? 2 : 1;
    return { players: [finished(a, m.tick), finished(b, m.tick)], tick: m.tick, status: 'over', winner };
  }
  const tick = m.tick + 1;
  return { ...m, tick, players: [withDue(a, tick), withDue(b, tick)] };
}

/**
 * `ticks` ticks of the match with no input: equal to `matchTick` that many
 * times, but the stretches in which neither piece moves or locks pass in
 * one `advance` of each game (nothing can attack or enter there).
 */
export function advanceMatch(m: MatchState, ticks: number): MatchState {
  let match = m;
  let left = ticks;
  while (left > 0 && match.status !== 'over') {
    const [a, b] = match.players;
    if (match.status === 'paused') {
      const tick = match.tick + left;
      return {
        ...match,
        tick,
        players: [withDue({ ...a, game: advance(a.game, left) }, tick), withDue({ ...b, game: advance(b.game, left) }, tick)],
      };
    }
    const quiet = Math.min(left, ticksUntilPieceMoves(a.game), ticksUntilPieceMoves(b.game)) - 1;
    if (quiet > 0) {
      // Entries that become due on the way are set at the stretch's end: only a lock takes them, and none happens in it.
      const tick = match.tick + quiet;
      match = {
        ...match,
        tick,
        players: [withDue({ ...a, game: advance(a.game, quiet) }, tick), withDue({ ...b, game: advance(b.game, quiet) }, tick)],
      };
      left -= quiet;
    }
    match = matchTick(match);
    left--;
  }
  return match;
}

/** The match's games, player 1 first. */
export function matchGames(m: MatchState): readonly [GameState, GameState] {
  return [m.players[0].game, m.players[1].game];
}

/** Rows still pending for a player. */
export function pendingGarbage(player: MatchPlayer): number {
  return pendingRows(player.pending);
}

/** A player's summary in a match: the game's, with the garbage it sent, received and has pending. */
export interface MatchPlayerSummary extends Summary {
  readonly sent: number;
  readonly received: number;
  readonly pending: number;
}

/** A match as `replay --json` prints it (RULES.md "Versus"). */
export interface MatchSummary {
  /** The last tick simulated. */
  readonly tick: number;
  readonly players: readonly [MatchPlayerSummary, MatchPlayerSummary];
  readonly winner: 1 | 2 | null;
}

function playerSummary(player: MatchPlayer): MatchPlayerSummary {
  return { ...summarize(player.game), sent: player.sent, received: player.game.garbage.received, pending: pendingRows(player.pending) };
}

/** The summary of a match; the tick in progress counts as not yet simulated unless the match is over. */
export function summarizeMatch(m: MatchState): MatchSummary {
  return {
    tick: m.status === 'over' ? m.tick : Math.max(0, m.tick - 1),
    players: [playerSummary(m.players[0]), playerSummary(m.players[1])],
    winner: m.winner,
  };
}

/** The end tick of a match replay: `endTick`, else the later of the two lists' last ticks. */
export function matchEndTick(inputs: readonly [readonly ReplayInput[], readonly ReplayInput[]], endTick?: number): number {
  if (endTick !== undefined) return endTick;
  return Math.max(inputs[0].at(-1)?.[0] ?? 0, inputs[1].at(-1)?.[0] ?? 0);
}

/**
 * Play a match headless: ticks 0 to the end tick, each one player 1's
 * inputs of that tick, then player 2's, then `matchTick`; the ticks between
 * inputs through `advanceMatch`. Stops when the match is over.
 */
export function runMatch(
  settings: GameSettings,
  inputs: readonly [readonly ReplayInput[], readonly ReplayInput[]],
  endTick?: number,
): MatchState {
  const end = matchEndTick(inputs, endTick);
  let m = createMatch(settings);
  const next = [0, 0];
  while (m.status !== 'over' && m.tick <= end) {
    const t = m.tick;
    for (const side of [0, 1] as const) {
      const list = inputs[side];
      while (next[side]! < list.length && list[next[side]!]![0] <= t) {
        const [at, name] = list[next[side]!]!;
        if (at === t) m = matchInput(m, side, inputAction(name));
        next[side]!++;
      }
    }
    const a = inputs[0][next[0]!]?.[0] ?? end + 1;
    const b = inputs[1][next[1]!]?.[0] ?? end + 1;
    const upTo = Math.min(a, b, end + 1);
    m = upTo - t > 1 ? advanceMatch(m, upTo - t) : matchTick(m);
  }
  return m;
}
