/**
 * Watching a versus match file: both boards on a clock that runs at the
 * chosen speed, with a solo replay's keys (space pauses, left and right step
 * a piece of either player, + and - change the speed, g starts again, ? the
 * keys, q quits), as a pure model over the match cursor (core/match-cursor.ts).
 */
import {
  matchAtEnd,
  matchNextChange,
  matchPieces,
  matchRunTo,
  matchStart,
  matchStepPiece,
  TICKS_PER_SECOND,
  type MatchIndex,
  type MatchPosition,
} from '../../core/index.js';
import { versusFits } from '../frame/versus-layout.js';
import { SPEEDS } from '../input/watch-keys.js';
import { matchSide, playerNames } from './match-sides.js';
import type { Driver, Effect, ScreenClock, ScreenEvent } from './screen.js';
import type { VersusView } from './versus-view.js';
import { watchKey } from './replay.js';

/** The match watcher's model. */
export interface MatchReplayModel {
  readonly index: MatchIndex;
  readonly position: MatchPosition;
  /** The players' names as the file gives them, or P1 and P2. */
  readonly names: readonly [string, string];
  /** Playback speed, one of SPEEDS. */
  readonly speed: number;
  /** The watcher wants the match to play (space toggles it; a step stops it). */
  readonly playing: boolean;
  readonly help: boolean;
  readonly small: boolean;
  readonly started: boolean;
  readonly stopped: boolean;
}

/** A match file at its start, playing at `speed` (one of SPEEDS; 1 otherwise) once started. */
export function matchReplayModel(index: MatchIndex, speed = 1): MatchReplayModel {
  return {
    index,
    position: matchStart(index.replay),
    names: playerNames(index.replay.players),
    speed: SPEEDS.includes(speed) ? speed : 1,
    playing: true,
    help: false,
    small: false,
    started: false,
    stopped: false,
  };
}

function moving(model: MatchReplayModel): boolean {
  return model.started && !model.stopped && model.playing && !model.help && !model.small && !matchAtEnd(model.index, model.position);
}

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

function key(
  model: MatchReplayModel,
  event: Extract<ScreenEvent, { kind: 'key' }>['key'],
): { model: MatchReplayModel; effects: readonly Effect[] } {
  const { index } = model;
  return watchKey(model, event, {
    start: () => matchStart(index.replay),
    atEnd: (position) => matchAtEnd(index, position),
    step: (position, direction) => matchStepPiece(index, position, direction),
  });
}

function reduce(model: MatchReplayModel, event: ScreenEvent): { readonly model: MatchReplayModel; readonly effects: readonly Effect[] } {
  if (model.stopped) return { model, effects: NO_EFFECTS };
  switch (event.kind) {
    case 'start':
      return { model: { ...model, started: true }, effects: NO_EFFECTS };
    case 'tick': {
      // The match through the tick before the one in progress.
      if (!moving(model) || event.tick <= 0) return { model, effects: NO_EFFECTS };
      const position = matchRunTo(model.index.replay, model.position, event.tick - 1);
      return position === model.position ? { model, effects: NO_EFFECTS } : { model: { ...model, position }, effects: NO_EFFECTS };
    }
    case 'key':
      return model.started ? key(model, event.key) : { model, effects: NO_EFFECTS };
    case 'resize':
      return { model: { ...model, small: !versusFits(event.size) }, effects: NO_EFFECTS };
    case 'suspend':
      return { model: { ...model, playing: false }, effects: NO_EFFECTS };
    case 'stop':
      return { model: { ...model, stopped: true }, effects: NO_EFFECTS };
    case 'answer':
    case 'rank':
      return { model, effects: NO_EFFECTS };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The match at `position` as the versus screen shows it while watching. */
export function matchReplayView(model: MatchReplayModel): VersusView {
  const { index, position, names } = model;
  const m = position.state;
  return {
    kind: 'versus',
    sides: [matchSide(m, 0, names[0]), matchSide(m, 1, names[1])],
    tick: m.tick,
    help: model.help,
    keymaps: [],
    paused: m.status === 'paused',
    ...(m.status === 'over' ? { winner: m.winner } : {}),
    status: {
      speed: model.speed,
      paused: !model.playing,
      ended: matchAtEnd(index, position),
      tick: m.tick,
      endTick: index.endTick,
      pieces: matchPieces(m),
      totalPieces: index.totalPieces,
    },
  };
}

function clock(model: MatchReplayModel): ScreenClock {
  return { tick: model.position.state.tick, state: moving(model) ? 'run' : 'stop', rate: TICKS_PER_SECOND * model.speed };
}

function nextWake(model: MatchReplayModel): number | null {
  return moving(model) ? matchNextChange(model.index, model.position) : null;
}

/** The match watcher. */
export const MATCH_REPLAY: Driver<MatchReplayModel> = { reduce, view: matchReplayView, clock, nextWake };
