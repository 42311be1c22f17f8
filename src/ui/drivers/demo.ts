/**
 * The demo: the autoplayer's game on the game's clock, 60 ticks a second,
 * as a pure model. Any key shows the game's keys (and holds the demo), any
 * key again hides them; the quit keys leave. When a game ends, its end
 * panel stays a few seconds and a new game starts.
 */
import { DEMO_PACE, pilotNextInput, pilotRunTo, startPilot, type DemoPace, type Pilot } from '../../bot/pilot.js';
import { createGame, TICKS_PER_SECOND, ticksUntilChange, type GameSettings } from '../../core/index.js';
import { fits } from '../frame/layout.js';
import { DEFAULT_KEYMAP, matchCommand, type Keymap } from '../input/keymap.js';
import { afterStep, live, NO_FEEDBACK, nextExpiry, type Feedback } from './feedback.js';
import type { DemoView, Driver, Effect, ScreenClock, ScreenEvent } from './screen.js';

/** How long a finished demo game's end panel shows before the next game. */
export const DEMO_RESTART_MS = 6000;
/** The same, in ticks of the demo's clock. */
const RESTART_TICKS = (DEMO_RESTART_MS * TICKS_PER_SECOND) / 1000;

/** What a demo is set up with. */
export interface DemoConfig {
  /** How every demo game starts, but for the seed. */
  readonly settings: Omit<GameSettings, 'seed'>;
  /** The seed of game `n` (1 the first), as in play. */
  readonly seedOf: (game: number) => number;
  /** The quit keys are taken from it. @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** @default DEMO_PACE */
  readonly pace?: DemoPace;
}

/** The demo's model. */
export interface DemoModel {
  readonly config: DemoConfig;
  readonly pilot: Pilot;
  /** Which game of the demo this is: 1, then one more per game. */
  readonly number: number;
  /** The demo's clock, which runs on from game to game. */
  readonly tick: number;
  /** The tick of the demo's clock at which the game began (its tick 0). */
  readonly startedAt: number;
  /** The tick of the demo's clock at which the game ended, or null while it plays. */
  readonly overAt: number | null;
  readonly help: boolean;
  readonly small: boolean;
  readonly started: boolean;
  readonly stopped: boolean;
  /** What the sidebar says about the last clears and the flash of the rows cleared: play's feedback channel. */
  readonly feedback: Feedback;
}

function newGame(config: DemoConfig, number: number): Pilot {
  return startPilot(createGame({ ...config.settings, seed: config.seedOf(number) }), config.pace ?? DEMO_PACE);
}

/** The first demo game, not started yet. */
export function demoModel(config: DemoConfig): DemoModel {
  return {
    config,
    pilot: newGame(config, 1),
    number: 1,
    tick: 0,
    startedAt: 0,
    overAt: null,
    help: false,
    small: false,
    started: false,
    stopped: false,
    feedback: NO_FEEDBACK,
  };
}

/** Whether the demo's clock runs now. */
function moving(model: DemoModel): boolean {
  return model.started && !model.stopped && !model.help && !model.small;
}

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/** Run the demo's clock to `tick`: the game, or the end panel's wait and then the next game. */
function runTo(model: DemoModel, tick: number): DemoModel {
  let m = model;
  if (m.overAt !== null) {
    const next = m.overAt + RESTART_TICKS;
    if (tick < next) return { ...m, tick };
    const number = m.number + 1;
    m = { ...m, pilot: newGame(m.config, number), number, startedAt: next, overAt: null, feedback: NO_FEEDBACK };
  }
  const before = m.pilot.game;
  const { pilot } = pilotRunTo(m.pilot, tick - m.startedAt, m.config.pace ?? DEMO_PACE);
  const over = pilot.game.status === 'over';
  // The lock of this stretch (the demo wakes for each of the bot's inputs, so one at most) feeds the channel as play's does.
  const feedback = live(afterStep(m.feedback, before, pilot.game), pilot.game.time);
  return { ...m, pilot, tick, overAt: over ? m.startedAt + pilot.game.tick : null, feedback };
}

function reduce(model: DemoModel, event: ScreenEvent): { readonly model: DemoModel; readonly effects: readonly Effect[] } {
  if (model.stopped) return { model, effects: NO_EFFECTS };
  switch (event.kind) {
    case 'start':
      return { model: { ...model, started: true }, effects: NO_EFFECTS };
    case 'tick':
      return { model: moving(model) && event.tick > model.tick ? runTo(model, event.tick) : model, effects: NO_EFFECTS };
    case 'key': {
      const { key } = event;
      if (key.type !== 'press' && key.type !== 'tap') return { model, effects: NO_EFFECTS };
      if (matchCommand(model.config.keymap ?? DEFAULT_KEYMAP, key) === 'quit') {
        return { model: { ...model, stopped: true }, effects: [{ kind: 'quit' }] };
      }
      // Any other key shows or hides the keys.
      if (!model.started || model.small) return { model, effects: NO_EFFECTS };
      return { model: { ...model, help: !model.help }, effects: NO_EFFECTS };
    }
    case 'resize':
      return { model: { ...model, small: !fits(event.size) }, effects: NO_EFFECTS };
    case 'suspend':
      // Ctrl-Z: the keys are shown, which holds the demo, as any key does; a key after `fg` hides them.
      return { model: model.started ? { ...model, help: true } : model, effects: NO_EFFECTS };
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

function view(model: DemoModel): DemoView {
  const { game } = model.pilot;
  const feedback = live(model.feedback, game.time);
  return { kind: 'demo', game, help: model.help, feedback: feedback.texts.map((t) => t.text), flash: feedback.flash };
}

function clock(model: DemoModel): ScreenClock {
  return { tick: model.tick, state: moving(model) ? 'run' : 'stop', rate: TICKS_PER_SECOND };
}

/**
 * The next tick that can change the screen (a row of fall, a lock, a second
 * of TIME, or the bot's next input); once a game is over, the next game's.
 */
function nextWake(model: DemoModel): number | null {
  if (!moving(model)) return null;
  if (model.overAt !== null) return model.overAt + RESTART_TICKS;
  const { game } = model.pilot;
  const input = pilotNextInput(model.pilot);
  let change = game.tick + ticksUntilChange(game);
  // A text or the flash going (times of play are the game's ticks while it plays).
  const expiry = nextExpiry(model.feedback, game.time);
  if (expiry !== null) change = Math.min(change, game.tick + (expiry - game.time));
  return model.startedAt + Math.max(game.tick + 1, input === null ? change : Math.min(change, input));
}

/** The demo screen. */
export const DEMO: Driver<DemoModel> = { reduce, view, clock, nextWake };
