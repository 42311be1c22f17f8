/**
 * Playing: the game in play, the keys (held-key repeat included), pause,
 * help, restart, quit and the too-small terminal, as a pure model. Time
 * enters as "tick n is in progress"; inputs apply to the tick in progress,
 * before its gravity (RULES.md "Time"), so the reported `[tick, input]`
 * pairs replay to the same game.
 */
import {
  advance,
  advanceUntil,
  createGame,
  isNewBest,
  isPractice,
  tableKey,
  inputAction,
  paceOf,
  step,
  TICK,
  TICKS_PER_SECOND,
  ticksUntilChange,
  updateBests,
  type GameSettings,
  type GameState,
  type InputName,
  type PaceCurve,
  type PersonalBests,
} from '../../core/index.js';
import type { MatchState } from '../../core/match.js';
import { fits } from '../frame/layout.js';
import { END_KEYS } from '../input/end-keys.js';
import { DEFAULT_HANDLING, type Handling } from '../input/handling.js';
import { heldInputs, holding, keyEvent, NO_KEYS_HELD, type HeldKeys } from '../input/held-keys.js';
import type { KeyEvent } from '../input/key-events.js';
import { DEFAULT_KEYMAP, matchCommand, type Keymap } from '../input/keymap.js';
import { afterStep, live, NO_FEEDBACK, nextExpiry, type Feedback } from './feedback.js';
import { countdownText, countdownWake, playingClock } from './countdown.js';
import type { AppRequest } from './app-io.js';
import type { Loop } from './loop.js';
import type { Driver, Effect, PlayView, ScreenClock, ScreenEvent } from './screen.js';

/** How every game of a session starts, but for the seed. */
export type PlaySettings = Omit<GameSettings, 'seed'>;

/**
 * Why a game is paused: the player's own pause, the keys shown, a terminal
 * too small, or the countdown before a paused game resumes.
 */
export type PauseReason = 'player' | 'help' | 'size' | 'countdown';

/** Keys kept from a countdown for the game: more are dropped. */
const MAX_QUEUED_KEYS = 16;

/** What a play screen is set up with. */
export interface PlayConfig {
  readonly settings: PlaySettings;
  /**
   * The seed of game `n` of the session (1 the first). The program gives
   * the same seed every time (`--seed`), or seeds drawn from one random
   * number it drew at the start, so this stays a function.
   */
  readonly seedOf: (game: number) => number;
  /** @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** The end panel offers the menu (m, the effect `menu`): there is one to go back to. @default false */
  readonly menu?: boolean;
  /** The end panel offers to watch the game just played (w, the effect `watchLast`). @default false */
  readonly watchLast?: boolean;
  /** @default DEFAULT_HANDLING */
  readonly handling?: Handling;
  /** The player's bests when the session starts, for the end panel; null: not known (the panel shows none). @default null */
  readonly bests?: PersonalBests | null;
  /**
   * Ticks of READY 3-2-1 before a game starts, after an unpause and after
   * the terminal fits again; 0 for none. Display only: the game does not
   * tick meanwhile; quit and restart act, other keys wait for its end. @default 0
   */
  readonly countdown?: number;
  /** The progress curve of the best game of this table (from its kept replay), for the pace in the sidebar; null: none. @default null */
  readonly pace?: PaceCurve | null;
}

/** The play screen's model. */
export interface PlayModel {
  readonly config: PlayConfig;
  readonly game: GameState;
  /** Which game of the session this is: 1, then one more per restart. */
  readonly number: number;
  readonly held: HeldKeys;
  /** The first game has started (the `start` event). */
  readonly started: boolean;
  /** The game's end has been reported (over, restarted or quit). */
  readonly ended: boolean;
  /** The program is leaving. */
  readonly stopped: boolean;
  readonly help: boolean;
  /** Why the game is paused by the screen (empty while it plays). */
  readonly pausedBy: readonly PauseReason[];
  /** The terminal is too small for the game screen. */
  readonly small: boolean;
  /** The bests so far, or null when not known. */
  readonly bests: PersonalBests | null;
  /** The best of the game's mode before it started, what its end panel compares with (undefined: not known). */
  readonly best: number | null | undefined;
  /** The rank the ended game took in the high-score table, once known. */
  readonly rank: number | null;
  /** What the sidebar says about the last clears, and the flash of the rows cleared. */
  readonly feedback: Feedback;
  /** Ticks of the countdown still to go (0: none running). */
  readonly countdown: number;
  /** Keys pressed during the countdown, for the game once it ends (in order). */
  readonly queued: readonly KeyEvent[];
  /** How the game stands against the best one (core `paceOf`), as of the last lock that moved it; null for nothing to say. */
  readonly pace: number | null;
  /**
   * Ticks the screen's clock ran while the game did not (countdowns): the
   * clock is `game.tick + shift`, so the game's own ticks stay what the
   * replay records.
   */
  readonly shift: number;
  /**
   * The curve the pace is against: the config's (the best game as the
   * session started), then that of each game of this session that made a
   * new best, so the next game races the best as it is now.
   */
  readonly paceCurve: PaceCurve | null;
  /** This game's own curve so far (a position after every lock, as core `paceCurve` folds a replay); null where games are not paced. */
  readonly ownCurve: PaceCurve | null;
}

/** A new game's own curve: empty, or null in marathon and for a practice game (they have no pace). */
function emptyCurve(game: GameState): PaceCurve | null {
  const mode = game.settings.mode;
  return mode === 'marathon' || isPractice(game.settings) ? null : { mode, times: [], lines: [], scores: [], garbage: [] };
}

/** `curve` with the position of `state`, just after a lock, added. */
function withLock(curve: PaceCurve, state: GameState): PaceCurve {
  return {
    mode: curve.mode,
    times: [...curve.times, state.time],
    lines: [...curve.lines, state.lines],
    scores: [...curve.scores, state.score],
    garbage: [...curve.garbage, state.garbage.cleared],
  };
}

/** The first game of a session, not started yet. */
export function playModel(config: PlayConfig): PlayModel {
  const bests = config.bests ?? null;
  const game = createGame({ ...config.settings, seed: config.seedOf(1) });
  return {
    config,
    game,
    number: 1,
    held: NO_KEYS_HELD,
    started: false,
    ended: false,
    stopped: false,
    help: false,
    pausedBy: [],
    small: false,
    bests,
    best: bests ? (bests[tableKey(game.settings)] ?? null) : undefined,
    rank: null,
    feedback: NO_FEEDBACK,
    // Shown from the first frame, before the start: the game is not running yet either way.
    countdown: Math.max(0, config.countdown ?? 0),
    queued: [],
    pace: null,
    shift: 0,
    paceCurve: config.pace ?? null,
    ownCurve: emptyCurve(game),
  };
}

/** A model being changed by one event, and what happened meanwhile. */
interface Draft {
  m: PlayModel;
  readonly effects: Effect[];
}

const set = (d: Draft, changes: Partial<PlayModel>): void => {
  d.m = { ...d.m, ...changes };
};

/** Apply one input now, whatever the keys (a pause by the screen, a held key's repeat). */
function apply(d: Draft, input: InputName): void {
  const before = d.m.game;
  const after = step(before, inputAction(input));
  if (after === before) return;
  d.effects.push({ kind: 'input', game: d.m.number, tick: before.tick, input });
  // Keys held across a pause are forgotten: their releases may come while paused.
  set(d, { game: after, held: input === 'pause' ? NO_KEYS_HELD : d.m.held });
  stepped(d, before, after);
  endIfOver(d);
}

/** What a step that made `after` from `before` shows: its clear's feedback, and the pace when the lock moved it. */
function stepped(d: Draft, before: GameState, after: GameState): void {
  if (after.pieces === before.pieces) return;
  const feedback = afterStep(d.m.feedback, before, after);
  const curve = d.m.paceCurve;
  // Sprint compares at each new line count, dig at each garbage row removed, ultra at every lock.
  const moved = after.lines !== before.lines || after.garbage.cleared !== before.garbage.cleared || after.settings.mode === 'ultra';
  const pace = curve && moved ? (paceOf(curve, after) ?? d.m.pace) : d.m.pace;
  const own = d.m.ownCurve;
  set(d, { feedback, pace, ownCurve: own && after.pieces > before.pieces ? withLock(own, after) : own });
}

/** Report the game's end once. */
function endGame(d: Draft): void {
  if (d.m.ended) return;
  const { game, bests, ownCurve, best } = d.m;
  // A new best: the next game's pace is against this one.
  const newBest = ownCurve !== null && best !== undefined && isNewBest(game, best);
  set(d, { ended: true, bests: bests ? updateBests(bests, game) : null, paceCurve: newBest ? ownCurve : d.m.paceCurve });
  d.effects.push({ kind: 'gameEnd', game: d.m.number, state: game });
}

function endIfOver(d: Draft): void {
  if (d.m.game.status === 'over') endGame(d);
}

/**
 * Play every tick before `target`, so that `target` is the tick in
 * progress (or the game ends first). Held keys act at the start of each
 * tick; with none held, quiet ticks are skipped in one `advance`.
 */
function runTo(d: Draft, target: number): void {
  const handling = d.m.config.handling ?? DEFAULT_HANDLING;
  while (d.m.game.tick < target && d.m.game.status !== 'over') {
    const game = d.m.game;
    if (game.status === 'paused') {
      set(d, { game: advance(game, target - game.tick) });
      break;
    }
    if (!holding(d.m.held)) {
      // Quiet ticks in stretches, stopping at each lock so that every lock's events are seen.
      const next = advanceUntil(game, target - game.tick, (s) => s.pieces !== game.pieces);
      set(d, { game: next });
      stepped(d, game, next);
      continue;
    }
    const next = step(game, TICK);
    set(d, { game: next });
    stepped(d, game, next);
    if (next.status === 'over') break;
    for (const input of heldInputs(d.m.held, d.m.game.tick, handling)) apply(d, input);
  }
  const feedback = live(d.m.feedback, d.m.game.time);
  if (feedback !== d.m.feedback) set(d, { feedback });
  endIfOver(d);
}

/** Start the countdown (when the config has one); false when there is none. */
function startCountdown(d: Draft): boolean {
  const ticks = d.m.config.countdown ?? 0;
  if (ticks <= 0) return false;
  set(d, { countdown: ticks });
  return true;
}

/** Stop a countdown that runs, leaving the game as it is (paused by nothing yet, or playing at its start). */
function cancelCountdown(d: Draft): void {
  if (d.m.countdown === 0 && !d.m.pausedBy.includes('countdown')) return;
  set(d, { countdown: 0, queued: [], pausedBy: d.m.pausedBy.filter((r) => r !== 'countdown') });
}

/**
 * The screen's clock to `target`: a countdown takes its ticks first (the
 * game does not move; they go to `shift`), the game the rest.
 */
function timeTo(d: Draft, target: number): void {
  const at = d.m.game.tick + d.m.shift;
  if (target <= at) return;
  let left = target - at;
  if (d.m.countdown > 0) {
    const used = Math.min(left, d.m.countdown);
    left -= used;
    set(d, { countdown: d.m.countdown - used, shift: d.m.shift + used });
    if (d.m.countdown === 0) {
      if (d.m.pausedBy.includes('countdown')) {
        set(d, { pausedBy: [] });
        if (d.m.game.status === 'paused') apply(d, 'pause');
      }
      // The keys pressed meanwhile, now, at the tick the game goes on from.
      const queued = d.m.queued;
      set(d, { queued: [] });
      for (const event of queued) key(d, event);
    }
  }
  if (left > 0) runTo(d, d.m.game.tick + left);
}

/** Pause the game for `reason`, or add the reason to those it is paused for. */
function pauseFor(d: Draft, reason: PauseReason): void {
  cancelCountdown(d);
  if (d.m.game.status === 'paused' && d.m.pausedBy.length === 0) set(d, { pausedBy: [reason] });
  else if (d.m.game.status === 'playing') {
    apply(d, 'pause');
    set(d, { pausedBy: [reason] });
  } else if (d.m.game.status === 'paused' && !d.m.pausedBy.includes(reason)) set(d, { pausedBy: [...d.m.pausedBy, reason] });
}

/** Take `reason` away; the game resumes when no reason is left. */
function resumeFrom(d: Draft, reason: PauseReason): void {
  if (!d.m.pausedBy.includes(reason)) return;
  const pausedBy = d.m.pausedBy.filter((r) => r !== reason);
  set(d, { pausedBy });
  if (pausedBy.length === 0 && d.m.game.status === 'paused') resume(d);
}

/** Resume a paused game: after the countdown, or at once without one. */
function resume(d: Draft): void {
  if (startCountdown(d)) set(d, { pausedBy: ['countdown'] });
  else apply(d, 'pause');
}

/** A new game with the next seed (the end of the last one reported first). */
function restart(d: Draft): void {
  endGame(d);
  const number = d.m.number + 1;
  const { config, bests } = d.m;
  const game = createGame({ ...config.settings, seed: config.seedOf(number) });
  set(d, {
    game,
    number,
    held: NO_KEYS_HELD,
    ended: false,
    help: false,
    pausedBy: [],
    best: bests ? (bests[tableKey(game.settings)] ?? null) : undefined,
    rank: null,
    feedback: NO_FEEDBACK,
    countdown: 0,
    queued: [],
    pace: null,
    ownCurve: emptyCurve(game),
  });
  d.effects.push({ kind: 'gameStart', game: number, settings: game.settings });
  startCountdown(d);
}

/** The end panel's own keys (m, w): leave for the menu or to watch the game; whether one was. */
function endKey(d: Draft, event: Extract<ScreenEvent, { kind: 'key' }>['key']): boolean {
  if (d.m.game.status !== 'over' || d.m.help || event.ctrl || (event.type !== 'press' && event.type !== 'tap')) return false;
  const { config } = d.m;
  const kind =
    config.menu && event.name === END_KEYS.menu ? 'menu' : config.watchLast && event.name === END_KEYS.watchLast ? 'watchLast' : null;
  if (kind === null) return false;
  set(d, { stopped: true });
  d.effects.push({ kind });
  return true;
}

function key(d: Draft, event: Extract<ScreenEvent, { kind: 'key' }>['key']): void {
  if (endKey(d, event)) return;
  const command = matchCommand(d.m.config.keymap ?? DEFAULT_KEYMAP, event);
  if (command === null) return;
  const once = event.type === 'press' || event.type === 'tap';
  if (command === 'quit') {
    if (!once) return;
    endGame(d);
    set(d, { stopped: true });
    d.effects.push({ kind: 'quit' });
    return;
  }
  const { small, help, game } = d.m;
  // The countdown: quit and restart act; other keys wait for its end (a few, in order).
  if (d.m.countdown > 0 && command !== 'restart') {
    if (d.m.queued.length < MAX_QUEUED_KEYS) set(d, { queued: [...d.m.queued, event] });
    return;
  }
  if (command === 'restart') {
    if (once && !small) restart(d);
  } else if (command === 'help') {
    if (once && !small && game.status === 'over') set(d, { help: !help });
    else if (once && !small) {
      if (help) {
        set(d, { help: false });
        resumeFrom(d, 'help');
      } else {
        set(d, { help: true });
        pauseFor(d, 'help');
      }
    }
  } else if (help) {
    // While the keys are shown, pause closes them; game keys wait.
    if (command === 'pause' && once) {
      set(d, { help: false });
      if (game.status !== 'over') resumeFrom(d, 'help');
    }
  } else if (!small && command === 'pause' && once && game.status === 'paused' && d.m.pausedBy.every((r) => r === 'player')) {
    // The player's resume: after the countdown.
    resume(d);
  } else if (!small) {
    const wasPlaying = game.status === 'playing';
    const after = keyEvent(d.m.held, command, event.type, game.tick, d.m.config.handling);
    set(d, { held: after.held });
    for (const input of after.inputs) apply(d, input);
    // The player's own pause and resume.
    const status = d.m.game.status;
    if (wasPlaying && status === 'paused') set(d, { pausedBy: ['player'] });
    else if (!wasPlaying && status === 'playing') set(d, { pausedBy: [] });
  }
}

function reduce(model: PlayModel, event: ScreenEvent): { readonly model: PlayModel; readonly effects: readonly Effect[] } {
  const d: Draft = { m: model, effects: [] };
  if (model.stopped) return d.m === model ? { model, effects: d.effects } : { model: d.m, effects: d.effects };
  switch (event.kind) {
    case 'start':
      if (model.started) break;
      set(d, { started: true });
      d.effects.push({ kind: 'gameStart', game: model.number, settings: model.game.settings });
      if (model.small) pauseFor(d, 'size');
      else startCountdown(d);
      break;
    case 'tick':
      if (model.started && !model.ended) timeTo(d, event.tick);
      break;
    case 'key':
      if (model.started) key(d, event.key);
      break;
    case 'resize': {
      const small = !fits(event.size);
      if (small === model.small) break;
      set(d, { small });
      if (!model.started || model.game.status === 'over') break;
      if (small) pauseFor(d, 'size');
      else resumeFrom(d, 'size');
      break;
    }
    case 'suspend':
      if (!model.started || model.game.status === 'over') break;
      // Paused as by the player now, not by the size: a terminal that fits again after `fg` does not resume it.
      if (model.game.status === 'playing') pauseFor(d, 'player');
      else if (model.pausedBy.includes('countdown')) pauseFor(d, 'player');
      else {
        const pausedBy = model.pausedBy.filter((r) => r !== 'size');
        set(d, { pausedBy: pausedBy.length > 0 ? pausedBy : ['player'] });
      }
      break;
    case 'stop':
      endGame(d);
      set(d, { stopped: true });
      break;
    case 'answer':
      // The front door's answers are its own (app.ts).
      break;
    case 'rank':
      // Shown only while that game's end panel is still up.
      if (event.game === model.number && model.ended) set(d, { rank: event.rank });
      break;
    default: {
      const never: never = event;
      return never;
    }
  }
  return { model: d.m, effects: d.effects };
}

/** The pace as the sidebar says it: seconds ahead (-) or behind (+) in sprint and dig, points ahead (+) or behind (-) in ultra. */
export function paceText(pace: number, mode: GameState['settings']['mode']): string {
  const sign = pace > 0 ? '+' : pace < 0 ? '-' : '±';
  const size = Math.abs(pace);
  return mode === 'ultra' ? `${sign}${size}` : `${sign}${(size / TICKS_PER_SECOND).toFixed(2)}`;
}

function view(model: PlayModel): PlayView {
  const { game } = model;
  const feedback = live(model.feedback, game.time);
  return {
    kind: 'play',
    game,
    help: model.help,
    best: model.best,
    rank: model.rank,
    feedback: feedback.texts.map((t) => t.text),
    flash: feedback.flash,
    countdown: countdownText(model.countdown),
    pace: model.pace === null ? null : paceText(model.pace, game.settings.mode),
    menu: model.config.menu ?? false,
    watch: model.config.watchLast ?? false,
  };
}

function clock(model: PlayModel): ScreenClock {
  const { game, started, stopped, countdown } = model;
  return playingClock({
    tick: game.tick + model.shift,
    started,
    stopped,
    countdown,
    over: game.status === 'over',
    paused: game.status === 'paused',
  });
}

/**
 * The next tick that can change the screen while the game runs: none while
 * paused, over or too small. With no key held that is the next row of fall,
 * lock or second of TIME, not the next tick.
 */
function nextWake(model: PlayModel): number | null {
  const { game, shift } = model;
  if (!model.started || model.stopped || game.status === 'over') return null;
  const now = game.tick + shift;
  // The countdown's next step (3, 2, 1, go).
  if (model.countdown > 0) return countdownWake(now, model.countdown);
  if (game.status !== 'playing') return null;
  // A clock to the hundredth (sprint, ultra) changes every tick.
  const everyTick = holding(model.held) || game.settings.mode === 'sprint' || game.settings.mode === 'ultra';
  let wake = now + (everyTick ? 1 : ticksUntilChange(game));
  // A text or the flash going; time of play is the game's own ticks while it plays.
  const expiry = nextExpiry(model.feedback, game.time);
  if (expiry !== null) wake = Math.min(wake, now + (expiry - game.time));
  return wake;
}

/** The play screen. */
export const PLAY: Driver<PlayModel> = { reduce, view, clock, nextWake };

/** Hooks through which the command line records every game. */
export interface PlayHooks {
  /** A game starts (the first, and each restart), with its full settings. */
  readonly onGameStart?: (settings: Required<GameSettings>) => void;
  /** An input changed the game at `tick`. */
  readonly onInput?: (tick: number, input: InputName) => void;
  /**
   * The game ended: topped out, finished, abandoned by a restart, or quit;
   * once per game. May resolve to its rank in the high-score table, which
   * the end panel then shows; awaited before the program ends.
   */
  readonly onGameEnd?: (state: GameState) => undefined | Promise<number | null | undefined>;
  /** The player left from the end panel for the menu or to watch the game just played (the screen then ends as on quit). */
  readonly onLeave?: (to: 'menu' | 'watchLast') => void;
  /** A versus match starts (the first, and each rematch), with both games' settings and the players' names. */
  readonly onMatchStart?: (settings: Required<GameSettings>, names: readonly [string, string]) => void;
  /** Player `side`'s input changed the match at `tick`. */
  readonly onMatchInput?: (side: 0 | 1, tick: number, input: InputName) => void;
  /** The match ended (a result, a rematch, quit); once per match; awaited before the program ends. */
  readonly onMatchEnd?: (state: MatchState) => undefined | Promise<unknown>;
}

/** `PlayHooks` of a screen that also asks the program for files (the front door, app-io.ts), answered through `loop`. */
export interface ScreenHooks<L> extends PlayHooks {
  readonly onRequest?: (request: AppRequest, loop: L) => undefined | Promise<unknown>;
}

/**
 * A screen's effects handed to `hooks`, for `Loop`'s `onEffect`: a rank
 * `onGameEnd` resolves to goes back to the loop, for the end panel; the
 * front door's requests go to `onRequest` with the loop to answer through.
 */
export function effectsToHooks<L extends Pick<Loop<unknown>, 'rank'>>(
  hooks: ScreenHooks<L>,
): (effect: Effect, loop: L) => undefined | Promise<unknown> {
  return (effect, loop) => {
    switch (effect.kind) {
      case 'gameStart':
        hooks.onGameStart?.(effect.settings);
        return undefined;
      case 'input':
        hooks.onInput?.(effect.tick, effect.input);
        return undefined;
      case 'gameEnd':
        return hooks.onGameEnd?.(effect.state)?.then((rank) => {
          if (typeof rank === 'number') loop.rank(effect.game, rank);
        });
      case 'request':
        return hooks.onRequest?.(effect.request, loop);
      case 'quit':
        return undefined;
      case 'menu':
      case 'watchLast':
        hooks.onLeave?.(effect.kind);
        return undefined;
      case 'matchStart':
        hooks.onMatchStart?.(effect.settings, effect.names);
        return undefined;
      case 'matchInput':
        hooks.onMatchInput?.(effect.side, effect.tick, effect.input);
        return undefined;
      case 'matchEnd':
        return hooks.onMatchEnd?.(effect.state);
      default: {
        const never: never = effect;
        return never;
      }
    }
  };
}
