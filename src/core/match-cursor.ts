/**
 * A match replay as positions to watch it from: the match after a number
 * of ticks, run on from any earlier position (the same fold as `runMatch`:
 * each tick player 1's inputs, player 2's, then `matchTick`; the stretches
 * between inputs through `advanceMatch`), the position of a number of
 * pieces locked (both players' together), and when the picture can next
 * change with no input. Pure.
 */
import { inputAction } from './actions.js';
import { advanceMatch, createMatch, GARBAGE_DELAY, matchEndTick, matchInput, matchTick, type MatchState } from './match.js';
import type { MatchReplay } from './replay-reader.js';
import { ticksUntilChange } from './schedule.js';
import { TICKS_PER_SECOND } from './time.js';

/** A match at a tick boundary, and each player's next input not yet pressed. */
export interface MatchPosition {
  readonly state: MatchState;
  readonly next: readonly [number, number];
}

/** A match replay with what watching it needs at hand. */
export interface MatchIndex {
  readonly replay: MatchReplay;
  /** The last tick the replay plays. */
  readonly endTick: number;
  /** Pieces both players locked in the whole replay. */
  readonly totalPieces: number;
  /** The position at the end. */
  readonly final: MatchPosition;
}

/** Pieces both players of `m` locked. */
export function matchPieces(m: MatchState): number {
  return m.players[0].game.pieces + m.players[1].game.pieces;
}

/** The match before its first tick. */
export function matchStart(replay: MatchReplay): MatchPosition {
  return { state: createMatch({ seed: replay.seed, ...replay.settings }), next: [0, 0] };
}

/** Whether nothing more is played after `position`. */
export function matchAtEnd(index: Pick<MatchIndex, 'endTick'>, position: MatchPosition): boolean {
  return position.state.status === 'over' || position.state.tick > index.endTick;
}

function endOf(replay: MatchReplay): number {
  return matchEndTick([replay.players[0].inputs, replay.players[1].inputs], replay.endTick);
}

/** `from` run on through tick `tick` (or to the replay's end, or the match's), as `runMatch` runs it. */
export function matchRunTo(replay: MatchReplay, from: MatchPosition, tick: number): MatchPosition {
  const end = Math.min(tick, endOf(replay));
  const lists = [replay.players[0].inputs, replay.players[1].inputs] as const;
  let m = from.state;
  const next = [from.next[0], from.next[1]];
  while (m.status !== 'over' && m.tick <= end) {
    const t = m.tick;
    for (const side of [0, 1] as const) {
      const list = lists[side];
      while (next[side]! < list.length && list[next[side]!]![0] <= t) {
        const [at, name] = list[next[side]!]!;
        if (at === t) m = matchInput(m, side, inputAction(name));
        next[side]!++;
      }
    }
    const a = lists[0][next[0]!]?.[0] ?? end + 1;
    const b = lists[1][next[1]!]?.[0] ?? end + 1;
    const upTo = Math.min(a, b, end + 1);
    m = upTo - t > 1 ? advanceMatch(m, upTo - t) : matchTick(m);
  }
  return m === from.state ? from : { state: m, next: [next[0]!, next[1]!] };
}

/** The replay indexed: its end, its pieces, its final position. */
export function indexMatch(replay: MatchReplay): MatchIndex {
  const endTick = endOf(replay);
  const final = matchRunTo(replay, matchStart(replay), endTick);
  return { replay, endTick, totalPieces: matchPieces(final.state), final };
}

/**
 * The first tick boundary at which `pieces` pieces are locked (the end when
 * the replay never gets there), run from the start a tick at a time, so that
 * no lock is passed over.
 */
export function matchAtPieces(index: MatchIndex, pieces: number): MatchPosition {
  if (pieces >= index.totalPieces) return index.final;
  let position = matchStart(index.replay);
  while (matchPieces(position.state) < pieces && !matchAtEnd(index, position)) {
    position = matchRunTo(index.replay, position, position.state.tick);
  }
  return position;
}

/**
 * The position a piece on from `from` (the next lock of either player, two
 * when both lock in one tick), or back: the position of the latest lock
 * before `from` (the start before the first).
 */
export function matchStepPiece(index: MatchIndex, from: MatchPosition, direction: 1 | -1): MatchPosition {
  const pieces = matchPieces(from.state);
  if (direction === 1) return matchAtPieces(index, pieces + 1);
  // Both players may lock in one tick: back goes to the first earlier boundary of a lock.
  for (let k = pieces; k > 0; k--) {
    const at = matchAtPieces(index, k);
    if (at.state.tick < from.state.tick) return at;
  }
  return matchStart(index.replay);
}

/**
 * The first tick W after `position` at which a watcher's picture (the match
 * through tick W - 1) can differ from the one it shows: the next input of
 * either player, either game's next change with no input, an entry of
 * garbage that becomes ready, the next whole second of the clock, or the end.
 */
export function matchNextChange(index: MatchIndex, position: MatchPosition): number {
  const { state } = position;
  const now = state.tick;
  let wake = index.endTick + 1;
  for (const side of [0, 1] as const) {
    const at = index.replay.players[side].inputs[position.next[side]]?.[0];
    if (at !== undefined) wake = Math.min(wake, at + 1);
    const game = state.players[side].game;
    if (state.status === 'playing' && game.status === 'playing') wake = Math.min(wake, now + ticksUntilChange(game));
  }
  // The meter counts an entry as ready from the tick GARBAGE_DELAY after the one it was made in.
  for (const player of state.players)
    for (const entry of player.pending)
      if (entry.tick + GARBAGE_DELAY > now) {
        wake = Math.min(wake, entry.tick + GARBAGE_DELAY);
        break;
      }
  wake = Math.min(wake, (Math.floor(now / TICKS_PER_SECOND) + 1) * TICKS_PER_SECOND);
  return Math.max(now + 1, wake);
}
