/**
 * Watching a replay: the playback position on a clock that runs at the
 * chosen speed, and the watcher's keys (space pauses, left and right step a
 * piece, + and - change the speed, g starts again, q quits), as a pure
 * model. Every position comes from the replay cursor, which folds the
 * replay through the core.
 */
import {
  atEnd,
  nextChangeTick,
  runTo,
  startPosition,
  stepPiece,
  TICKS_PER_SECOND,
  type Position,
  type ReplayIndex,
} from '../../core/index.js';
import { fits } from '../frame/layout.js';
import { matchWatchCommand, nextSpeed, SPEEDS } from '../input/watch-keys.js';
import type { Driver, Effect, ReplayView, ScreenClock, ScreenEvent } from './screen.js';

/** The replay screen's model. */
export interface ReplayModel {
  /** The replay, indexed (`indexReplay`). */
  readonly index: ReplayIndex;
  readonly position: Position;
  /** Playback speed, one of SPEEDS. */
  readonly speed: number;
  /** The watcher wants the replay to play (space toggles it; a step stops it). */
  readonly playing: boolean;
  readonly help: boolean;
  readonly small: boolean;
  readonly started: boolean;
  readonly stopped: boolean;
}

/** A replay at its start, playing at `speed` (one of SPEEDS; 1 otherwise) once started. */
export function replayModel(index: ReplayIndex, speed = 1): ReplayModel {
  return {
    index,
    position: startPosition(index.replay),
    speed: SPEEDS.includes(speed) ? speed : 1,
    playing: true,
    help: false,
    small: false,
    started: false,
    stopped: false,
  };
}

/** Whether the replay's clock runs now. */
function moving(model: ReplayModel): boolean {
  return model.started && !model.stopped && model.playing && !model.help && !model.small && !atEnd(model.index, model.position);
}

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);
const QUIT: readonly Effect[] = Object.freeze([{ kind: 'quit' }]);

/** What the watch keys change of a watcher's model, whatever it watches (a game, a match). */
export interface Watching<P> {
  readonly position: P;
  readonly speed: number;
  readonly playing: boolean;
  readonly help: boolean;
  readonly small: boolean;
  readonly stopped: boolean;
}

/** What the watch keys need of the recording watched: its start, whether a position is its end, a step of a piece. */
export interface Playback<P> {
  start(): P;
  atEnd(position: P): boolean;
  step(position: P, direction: 1 | -1): P;
}

/**
 * The watcher's keys on any recording: space pauses (at the end, starts
 * again), left and right step a piece, + and - change the speed, g starts
 * again, ? the keys, q quits. Shared by the replay and the match watcher.
 */
export function watchKey<P, M extends Watching<P>>(
  model: M,
  event: Extract<ScreenEvent, { kind: 'key' }>['key'],
  playback: Playback<P>,
): { model: M; effects: readonly Effect[] } {
  const command = matchWatchCommand(event);
  if (command === null || event.type === 'release') return { model, effects: NO_EFFECTS };
  // Steps and speed follow a held key; the rest act once per press.
  const once = event.type === 'press' || event.type === 'tap';
  if (command === 'quit') return once ? { model: { ...model, stopped: true }, effects: QUIT } : { model, effects: NO_EFFECTS };
  if (model.small) return { model, effects: NO_EFFECTS };
  const restart = (): M => ({ ...model, position: playback.start(), playing: true, help: false });
  let next = model;
  switch (command) {
    case 'help':
      if (once) next = { ...model, help: !model.help };
      break;
    case 'pause':
      if (!once) break;
      if (model.help) next = { ...model, help: false };
      else if (playback.atEnd(model.position)) next = restart();
      else next = { ...model, playing: !model.playing };
      break;
    case 'back':
    case 'forward':
      next = { ...model, help: false, playing: false, position: playback.step(model.position, command === 'back' ? -1 : 1) };
      break;
    case 'slower':
    case 'faster':
      next = { ...model, speed: nextSpeed(model.speed, command === 'faster' ? 1 : -1) };
      break;
    case 'restart':
      if (once) next = restart();
      break;
    default: {
      const never: never = command;
      return never;
    }
  }
  return { model: next, effects: NO_EFFECTS };
}

function key(model: ReplayModel, event: Extract<ScreenEvent, { kind: 'key' }>['key']): { model: ReplayModel; effects: readonly Effect[] } {
  const { index } = model;
  return watchKey(model, event, {
    start: () => startPosition(index.replay),
    atEnd: (position) => atEnd(index, position),
    step: (position, direction) => stepPiece(index, position, direction),
  });
}

function reduce(model: ReplayModel, event: ScreenEvent): { readonly model: ReplayModel; readonly effects: readonly Effect[] } {
  if (model.stopped) return { model, effects: NO_EFFECTS };
  switch (event.kind) {
    case 'start':
      return { model: { ...model, started: true }, effects: NO_EFFECTS };
    case 'tick':
      // The game through the tick before the one in progress.
      if (!moving(model) || event.tick <= 0) return { model, effects: NO_EFFECTS };
      return { model: { ...model, position: runTo(model.index.replay, model.position, event.tick - 1) }, effects: NO_EFFECTS };
    case 'key':
      return model.started ? key(model, event.key) : { model, effects: NO_EFFECTS };
    case 'resize':
      return { model: { ...model, small: !fits(event.size) }, effects: NO_EFFECTS };
    case 'suspend':
      // Ctrl-Z: playback stops, as with space, and stays stopped after `fg`.
      return { model: { ...model, playing: false }, effects: NO_EFFECTS };
    case 'stop':
      return { model: { ...model, stopped: true }, effects: NO_EFFECTS };
    // The front door's answers are its own (app.ts).
    case 'answer':
    case 'rank':
      return { model, effects: NO_EFFECTS };
    default: {
      const never: never = event;
      return never;
    }
  }
}

function view(model: ReplayModel): ReplayView {
  const { index, position } = model;
  const { state } = position;
  return {
    kind: 'replay',
    game: state,
    help: model.help,
    status: {
      speed: model.speed,
      paused: !model.playing,
      ended: atEnd(index, position),
      tick: state.tick,
      endTick: index.endTick,
      pieces: state.pieces,
      totalPieces: index.totalPieces,
    },
  };
}

function clock(model: ReplayModel): ScreenClock {
  return { tick: model.position.state.tick, state: moving(model) ? 'run' : 'stop', rate: TICKS_PER_SECOND * model.speed };
}

/** The next tick whose frame can differ, only while the replay plays. */
function nextWake(model: ReplayModel): number | null {
  if (!moving(model)) return null;
  const next = nextChangeTick(model.index, model.position);
  // A clock to the hundredth (sprint, ultra) changes every tick of play.
  const { state } = model.position;
  const mode = state.settings.mode;
  return (mode === 'sprint' || mode === 'ultra') && state.status === 'playing' ? Math.min(next, state.tick + 1) : next;
}

/** The replay screen. */
export const REPLAY: Driver<ReplayModel> = { reduce, view, clock, nextWake };
