/**
 * The match cursor: running a match file on from any position is the same
 * match as `runMatch` through that tick, steps land on the locks of either
 * player, and the next change is never later than a change of the picture.
 */
import { describe, expect, it } from 'vitest';
import {
  indexMatch,
  matchAtEnd,
  matchAtPieces,
  matchNextChange,
  matchPieces,
  matchRunTo,
  matchStart,
  matchStepPiece,
  runMatch,
} from '../../src/core/index.js';
import { versusFixture } from '../ui/versus-helpers.js';

const REPLAY = versusFixture();
const INDEX = indexMatch(REPLAY);
const settings = { seed: REPLAY.seed, ...REPLAY.settings };
const inputs = [REPLAY.players[0].inputs, REPLAY.players[1].inputs] as const;

describe('the match cursor', () => {
  it('runs to any tick as runMatch does, in one go or in steps of any size', () => {
    for (const tick of [0, 1, 29, 300, 301, 500, 747]) {
      expect(matchRunTo(REPLAY, matchStart(REPLAY), tick).state).toEqual(runMatch(settings, inputs, tick));
    }
    let position = matchStart(REPLAY);
    for (let tick = 0; tick <= 500; tick += 7) position = matchRunTo(REPLAY, position, tick);
    expect(position.state).toEqual(runMatch(settings, inputs, 497));
  });

  it('indexes the whole match: its end, its pieces, the final position (player 1 won)', () => {
    expect(INDEX.endTick).toBe(748);
    expect(INDEX.final.state.status).toBe('over');
    expect(INDEX.final.state.winner).toBe(1);
    expect(INDEX.totalPieces).toBe(matchPieces(runMatch(settings, inputs)));
    expect(matchAtEnd(INDEX, INDEX.final)).toBe(true);
    expect(matchAtEnd(INDEX, matchStart(REPLAY))).toBe(false);
  });

  it('steps a piece of either player forward and back, to the tick boundary of each lock', () => {
    const at10 = matchAtPieces(INDEX, 10);
    expect(matchPieces(at10.state)).toBe(10);
    // One tick earlier, fewer pieces: the first boundary with ten.
    expect(matchPieces(matchRunTo(REPLAY, matchStart(REPLAY), at10.state.tick - 2).state)).toBeLessThan(10);
    const next = matchStepPiece(INDEX, at10, 1);
    // Here both players lock in the same tick: one step shows both.
    expect(matchPieces(next.state)).toBe(12);
    expect(matchStepPiece(INDEX, next, -1).state).toEqual(at10.state);
    expect(matchStepPiece(INDEX, matchAtPieces(INDEX, 1), -1).state).toEqual(matchStart(REPLAY).state);
    // Between two locks, back goes to the last lock's position first.
    const between = matchRunTo(REPLAY, at10, at10.state.tick);
    if (matchPieces(between.state) === 10) expect(matchStepPiece(INDEX, between, -1).state).toEqual(at10.state);
    expect(matchStepPiece(INDEX, INDEX.final, 1)).toBe(INDEX.final);
  });

  it('names a next change no later than the next tick whose match differs on screen', () => {
    let position = matchStart(REPLAY);
    for (let i = 0; i < 60; i++) {
      const wake = matchNextChange(INDEX, position);
      expect(wake).toBeGreaterThan(position.state.tick);
      // Every tick before the wake shows the same boards, numbers and meter.
      const shown = (p: typeof position) =>
        JSON.stringify(
          p.state.players.map((player) => [
            player.game.board,
            player.game.active,
            player.game.score,
            player.pending,
            Math.floor(p.state.tick / 60),
          ]),
        );
      const before = shown(position);
      let p = position;
      for (let t = position.state.tick; t < wake - 1; t++) {
        p = matchRunTo(REPLAY, p, t);
        expect(shown(p)).toBe(before);
      }
      position = matchRunTo(REPLAY, position, wake - 1);
    }
  });
});
