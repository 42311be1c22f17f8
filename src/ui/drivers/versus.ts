/**
 * A versus match being played: the core match fold (core/match.ts) with
 * player 1's keys, and either the bot (src/bot/opponent.ts) or player 2's
 * keys on the same keyboard, as a pure model. Each player's keys go through
 * held keys (DAS/ARR where the terminal reports key release, one action a
 * key where it taps), the bot's inputs come once a tick before gravity.
 * READY 3-2-1 before the start and after a pause, a pause by either player
 * (or help, or a terminal too small) pauses both games, and the result box
 * offers a rematch, the menu, watching the match and quitting.
 *
 * Replays equal the match shown: a match file applies, each tick, player 1's
 * inputs, then player 2's, then gravity (RULES.md "Versus"). Keys of the two
 * players may come in the other order within a tick, so the match shown is
 * always that fold: the match at the tick's start, then player 1's inputs of
 * the tick, then player 2's, exactly what the recording (the `matchInput`
 * effects) replays to.
 */
import { inputAction, TICKS_PER_SECOND, type GameSettings, type InputName } from '../../core/index.js';
import { advanceMatch, createMatch, matchInput, matchTick, type MatchState, type Side } from '../../core/match.js';
import { ticksUntilPieceMoves } from '../../core/game.js';
import { opponentInputs, opponentNextInput, startOpponent, type Opponent } from '../../bot/opponent.js';
import { versusFits } from '../frame/versus-layout.js';
import { DEFAULT_HANDLING, type Handling } from '../input/handling.js';
import { heldInputs, holding, keyEvent, NO_KEYS_HELD, type HeldKeys } from '../input/held-keys.js';
import type { KeyEvent } from '../input/key-events.js';
import { DEFAULT_KEYMAP, matchCommand, type Command, type Keymap } from '../input/keymap.js';
import { afterStep, live, NO_FEEDBACK, nextExpiry, withTexts, type Feedback } from './feedback.js';
import { matchSide } from './match-sides.js';
import { countdownText, countdownWake, playingClock } from './countdown.js';
import type { PauseReason, PlaySettings } from './play.js';
import type { Driver, Effect, ScreenClock, ScreenEvent } from './screen.js';
import type { VersusView } from './versus-view.js';

/**
 * Who plays player 2: the bot at a pace, a second player at the same
 * keyboard with their own keys, or a player at another terminal (a server's
 * session: their keys come through `versusRemoteKey`, matched against their
 * own keymap and held with their own handling).
 */
export type VersusOpponent =
  | { readonly kind: 'bot'; readonly pps: number }
  | { readonly kind: 'local'; readonly keymap: Keymap }
  | { readonly kind: 'remote'; readonly keymap: Keymap; readonly handling?: Handling };

const keys = (...names: string[]) => names.map((name) => ({ name }));
/** What both players of a local match share: pause, help, quit (Ctrl-C; q quits at the result), r (a rematch, at the result only). */
const SHARED = { pause: keys('p', 'escape'), restart: keys('r'), quit: [{ name: 'c', ctrl: true }], help: keys('?') } as const;

/**
 * Player 1's keys in a local match: the left hand. A and D move, S soft
 * drop, W rotates right, Q left, E holds, space hard-drops.
 */
export const LOCAL_KEYMAP_P1: Keymap = Object.freeze({
  left: keys('a'),
  right: keys('d'),
  softDrop: keys('s'),
  hardDrop: keys('space'),
  cw: keys('w'),
  ccw: keys('q'),
  hold: keys('e'),
  ...SHARED,
});

/**
 * Player 2's keys in a local match: the right hand. The arrows move, down
 * soft-drops, up rotates right, / left, . holds, Enter hard-drops.
 */
export const LOCAL_KEYMAP_P2: Keymap = Object.freeze({
  left: keys('left'),
  right: keys('right'),
  softDrop: keys('down'),
  hardDrop: keys('return'),
  cw: keys('up'),
  ccw: keys('/'),
  hold: keys('.'),
  ...SHARED,
});

/** The result box's own keys, whatever the keymaps (no game key is in use then). */
export const RESULT_KEYS = Object.freeze({ rematch: 'r', menu: 'm', watchLast: 'w', quit: 'q' });

/** What a versus screen is set up with. */
export interface VersusConfig {
  /** Both games' settings but the seed: mode marathon (a match plays no other). */
  readonly settings: PlaySettings;
  /** The seed of match `n` of the session (1 the first; a rematch takes the next). */
  readonly seedOf: (match: number) => number;
  readonly opponent: VersusOpponent;
  /** Player 1's keys. @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** @default DEFAULT_HANDLING (both players) */
  readonly handling?: Handling;
  /** Ticks of READY 3-2-1 before a match and after a pause; 0 for none. @default 0 */
  readonly countdown?: number;
  /** The names over the boards. @default YOU and BOT, or P1 and P2 */
  readonly names?: readonly [string, string];
  /** The result box offers the menu (m). @default false */
  readonly menu?: boolean;
  /** The result box offers watching the match just played (w). @default false */
  readonly watchLast?: boolean;
}

/** The versus screen's model. */
export interface VersusModel {
  readonly config: VersusConfig;
  readonly match: MatchState;
  /** The match at the start of the tick in progress, and the inputs of each player that changed it in this tick, for the fold. */
  readonly base: MatchState;
  readonly inputs: readonly [readonly InputName[], readonly InputName[]];
  /** Which match of the session: 1, then one more per rematch. */
  readonly number: number;
  readonly held: readonly [HeldKeys, HeldKeys];
  readonly bot: Opponent | null;
  readonly started: boolean;
  /** The match's end has been reported. */
  readonly ended: boolean;
  readonly stopped: boolean;
  readonly help: boolean;
  readonly pausedBy: readonly PauseReason[];
  readonly small: boolean;
  readonly feedback: readonly [Feedback, Feedback];
  readonly countdown: number;
  /** Ticks the screen's clock ran while the match did not (countdowns): the clock is `match.tick + shift`. */
  readonly shift: number;
  /** Against a remote player: who has asked for a rematch at the result (it starts when both have). */
  readonly rematchAsked: readonly [boolean, boolean];
  /** Against a remote player: their terminal is too small for the match (both games pause, as for this one's). */
  readonly remoteSmall: boolean;
}

/** The names over the boards when the config gives none. */
export function defaultNames(opponent: VersusOpponent): readonly [string, string] {
  return opponent.kind === 'bot' ? ['YOU', 'BOT'] : ['P1', 'P2'];
}

function fresh(config: VersusConfig, number: number) {
  const match = createMatch({ ...config.settings, mode: 'marathon', seed: config.seedOf(number) });
  const bot = config.opponent.kind === 'bot' ? startOpponent(config.opponent.pps, match.players[0].game.settings.seed) : null;
  return {
    match,
    base: match,
    inputs: [[], []] as const,
    number,
    held: [NO_KEYS_HELD, NO_KEYS_HELD] as const,
    bot,
    ended: false,
    help: false,
    pausedBy: [] as readonly PauseReason[],
    feedback: [NO_FEEDBACK, NO_FEEDBACK] as const,
    rematchAsked: [false, false] as const,
  };
}

/** The first match of a session, not started yet. */
export function versusModel(config: VersusConfig): VersusModel {
  return {
    config,
    ...fresh(config, 1),
    started: false,
    stopped: false,
    small: false,
    countdown: Math.max(0, config.countdown ?? 0),
    shift: 0,
    remoteSmall: false,
  };
}

interface Draft {
  m: VersusModel;
  readonly effects: Effect[];
}

const set = (d: Draft, changes: Partial<VersusModel>): void => {
  d.m = { ...d.m, ...changes };
};

const names = (m: VersusModel): readonly [string, string] => m.config.names ?? defaultNames(m.config.opponent);

/** Player `side`'s handling: a remote player's own, else the config's (both players at one keyboard share it). */
function handlingOf(m: VersusModel, side: Side): Handling {
  const { opponent } = m.config;
  if (side === 1 && opponent.kind === 'remote' && opponent.handling) return opponent.handling;
  return m.config.handling ?? DEFAULT_HANDLING;
}

/** Whether the match cannot be shown: this terminal, or a remote player's, is too small. */
const tooSmall = (m: Pick<VersusModel, 'small' | 'remoteSmall'>): boolean => m.small || m.remoteSmall;

/** What went from `before` to `after` says on each side: its clears and level, and "+N sent". */
function noted(d: Draft, before: MatchState, after: MatchState): void {
  let changed = false;
  const feedback = [...d.m.feedback] as [Feedback, Feedback];
  for (const side of [0, 1] as const) {
    const a = before.players[side];
    const b = after.players[side];
    let f = feedback[side];
    if (b.game.pieces !== a.game.pieces) f = afterStep(f, a.game, b.game);
    if (b.sent > a.sent) f = withTexts(f, [`+${b.sent - a.sent} sent`], b.game.time);
    if (f !== feedback[side]) {
      feedback[side] = f;
      changed = true;
    }
  }
  if (changed) set(d, { feedback });
}

/** Apply player 1's inputs, then player 2's, to `m`. */
function fold(m: MatchState, inputs: readonly InputName[], side: Side): MatchState {
  let out = m;
  for (const input of inputs) out = matchInput(out, side, inputAction(input));
  return out;
}

/**
 * Player `side`'s input in the tick in progress, in the fold's order (see
 * the file's head): recorded when it changed that player's game, or the
 * match (a pause).
 */
function press(d: Draft, side: Side, input: InputName): void {
  const { match, base, inputs } = d.m;
  let after: MatchState;
  if (side === 1 || inputs[1].length === 0) {
    after = matchInput(match, side, inputAction(input));
    if (after === match) return;
  } else {
    // Player 2 has pressed in this tick already: player 1's input comes first in the fold.
    const mid = fold(base, inputs[0], 0);
    const moved = matchInput(mid, 0, inputAction(input));
    if (moved === mid) return;
    after = fold(moved, inputs[1], 1);
  }
  const list = side === 0 ? [[...inputs[0], input], inputs[1]] : [inputs[0], [...inputs[1], input]];
  d.effects.push({ kind: 'matchInput', match: d.m.number, side, tick: match.tick, input });
  const held = input === 'pause' ? ([NO_KEYS_HELD, NO_KEYS_HELD] as const) : d.m.held;
  set(d, { match: after, inputs: list as [InputName[], InputName[]], held });
  noted(d, match, after);
  endIfOver(d);
}

function endMatch(d: Draft): void {
  if (d.m.ended) return;
  set(d, { ended: true, held: [NO_KEYS_HELD, NO_KEYS_HELD] });
  d.effects.push({ kind: 'matchEnd', match: d.m.number, state: d.m.match });
}

function endIfOver(d: Draft): void {
  if (d.m.match.status === 'over') endMatch(d);
}

/** End the tick in progress: the bot's inputs for it, then both games' gravity. */
function endTick(d: Draft): void {
  const { bot } = d.m;
  if (bot && d.m.match.status === 'playing') {
    const turn = opponentInputs(bot, d.m.match.players[1].game);
    set(d, { bot: turn.op });
    for (const input of turn.inputs) press(d, 1, input);
  }
  if (d.m.match.status === 'over') return;
  const before = d.m.match;
  const after = matchTick(before);
  set(d, { match: after, base: after, inputs: [[], []] });
  noted(d, before, after);
  endIfOver(d);
}

/** The ticks that can pass with nothing to do from `m`: no key held, the bot not due, no piece moving. */
function quietTicks(d: Draft, left: number): number {
  const { match, held, bot } = d.m;
  if (holding(held[0]) || holding(held[1])) return 0;
  const [a, b] = match.players;
  let quiet = Math.min(left, ticksUntilPieceMoves(a.game), ticksUntilPieceMoves(b.game));
  if (bot) {
    const next = opponentNextInput(bot, b.game);
    if (next === null) return 0;
    quiet = Math.min(quiet, next - match.tick);
  }
  return quiet - 1;
}

/** Play every tick before `target`, so that `target` is the tick in progress (or the match ends first). */
function runTo(d: Draft, target: number): void {
  while (d.m.match.tick < target && d.m.match.status !== 'over') {
    const m = d.m.match;
    if (m.status === 'paused') {
      const after = advanceMatch(m, target - m.tick);
      set(d, { match: after, base: after, inputs: [[], []] });
      break;
    }
    const quiet = quietTicks(d, target - m.tick);
    if (quiet > 0) {
      // A game that topped out in the tick's inputs ends the match at that tick's end, which may be the stretch's first.
      const after = advanceMatch(m, quiet);
      set(d, { match: after, base: after, inputs: [[], []] });
      noted(d, m, after);
      endIfOver(d);
      continue;
    }
    endTick(d);
    if (d.m.ended) break;
    // Held keys act at the start of each tick, player 1's first.
    for (const side of [0, 1] as const) {
      for (const input of heldInputs(d.m.held[side], d.m.match.tick, handlingOf(d.m, side))) press(d, side, input);
    }
  }
  const now = d.m.match.players[0].game.time;
  const feedback = [live(d.m.feedback[0], now), live(d.m.feedback[1], d.m.match.players[1].game.time)] as const;
  if (feedback[0] !== d.m.feedback[0] || feedback[1] !== d.m.feedback[1]) set(d, { feedback });
}

function startCountdown(d: Draft): boolean {
  const ticks = d.m.config.countdown ?? 0;
  if (ticks <= 0) return false;
  set(d, { countdown: ticks });
  return true;
}

function cancelCountdown(d: Draft): void {
  if (d.m.countdown === 0 && !d.m.pausedBy.includes('countdown')) return;
  set(d, { countdown: 0, pausedBy: d.m.pausedBy.filter((r) => r !== 'countdown') });
}

/** The screen's clock to `target`: a countdown takes its ticks first (the match does not move), the match the rest. */
function timeTo(d: Draft, target: number): void {
  const at = d.m.match.tick + d.m.shift;
  if (target <= at) return;
  let left = target - at;
  if (d.m.countdown > 0) {
    const used = Math.min(left, d.m.countdown);
    left -= used;
    set(d, { countdown: d.m.countdown - used, shift: d.m.shift + used });
    if (d.m.countdown === 0 && d.m.pausedBy.includes('countdown')) {
      set(d, { pausedBy: [] });
      if (d.m.match.status === 'paused') press(d, 0, 'pause');
    }
  }
  if (left > 0) runTo(d, d.m.match.tick + left);
}

/** Pause the match for `reason` (by `side`'s pause when a player asked), or add the reason. */
function pauseFor(d: Draft, reason: PauseReason, side: Side = 0): void {
  cancelCountdown(d);
  const status = d.m.match.status;
  if (status === 'paused' && d.m.pausedBy.length === 0) set(d, { pausedBy: [reason] });
  else if (status === 'playing') {
    press(d, side, 'pause');
    set(d, { pausedBy: [reason] });
  } else if (status === 'paused' && !d.m.pausedBy.includes(reason)) set(d, { pausedBy: [...d.m.pausedBy, reason] });
}

function resumeFrom(d: Draft, reason: PauseReason): void {
  if (!d.m.pausedBy.includes(reason)) return;
  const pausedBy = d.m.pausedBy.filter((r) => r !== reason);
  set(d, { pausedBy });
  if (pausedBy.length === 0 && d.m.match.status === 'paused') resume(d);
}

function resume(d: Draft): void {
  if (startCountdown(d)) set(d, { pausedBy: ['countdown'] });
  else press(d, 0, 'pause');
}

/** A new match with the next seed, after the countdown. */
function rematch(d: Draft): void {
  endMatch(d);
  set(d, fresh(d.m.config, d.m.number + 1));
  d.effects.push(startEffect(d.m));
  startCountdown(d);
}

function startEffect(m: VersusModel): Effect {
  const [a] = m.match.players;
  return { kind: 'matchStart', match: m.number, settings: a.game.settings, names: names(m) };
}

/**
 * The command a key means and whose it is: player 1's keymap first, then
 * player 2's at a local match; a remote player's key (`from` 1) only by
 * their own keymap.
 */
function commandOf(m: VersusModel, event: KeyEvent, from: Side): { command: Command; side: Side } | null {
  if (from === 1) {
    if (m.config.opponent.kind !== 'remote') return null;
    const theirs = matchCommand(m.config.opponent.keymap, event);
    return theirs === null ? null : { command: theirs, side: 1 };
  }
  const own = matchCommand(m.config.keymap ?? DEFAULT_KEYMAP, event);
  if (own !== null) return { command: own, side: 0 };
  if (m.config.opponent.kind !== 'local') return null;
  const other = matchCommand(m.config.opponent.keymap, event);
  return other === null ? null : { command: other, side: 1 };
}

/** Player `from` asks for a rematch: it starts at once, or against a remote player once both have asked. */
function askRematch(d: Draft, from: Side): void {
  if (d.m.config.opponent.kind !== 'remote') {
    rematch(d);
    return;
  }
  const asked = [...d.m.rematchAsked] as [boolean, boolean];
  asked[from] = true;
  if (asked[0] && asked[1]) rematch(d);
  else set(d, { rematchAsked: asked });
}

/**
 * The result box's keys: rematch, menu, watch, quit; whether the key was
 * one. Against a remote player the rematch starts once both have asked, and
 * their other keys at the result are their own screen's (it leaves the match).
 */
function resultKey(d: Draft, event: KeyEvent, from: Side): boolean {
  if (d.m.match.status !== 'over' || d.m.help || event.ctrl || (event.type !== 'press' && event.type !== 'tap')) return false;
  const { config } = d.m;
  if (event.name === RESULT_KEYS.rematch) {
    askRematch(d, from);
    return true;
  }
  if (from === 1) return false;
  const kind =
    event.name === RESULT_KEYS.quit
      ? 'quit'
      : config.menu && event.name === RESULT_KEYS.menu
        ? 'menu'
        : config.watchLast && event.name === RESULT_KEYS.watchLast
          ? 'watchLast'
          : null;
  if (kind === null) return false;
  set(d, { stopped: true });
  d.effects.push({ kind });
  return true;
}

function key(d: Draft, event: KeyEvent, from: Side = 0): void {
  if (resultKey(d, event, from)) return;
  const found = commandOf(d.m, event, from);
  // Too small, q quits whatever the keymaps (the too-small screen says so; a local match binds q to a rotation).
  const smallQuit = from === 0 && d.m.small && event.name === RESULT_KEYS.quit && !event.ctrl;
  if (found === null && !smallQuit) return;
  const { command, side } = smallQuit ? { command: 'quit' as const, side: 0 as const } : found!;
  const once = event.type === 'press' || event.type === 'tap';
  if (command === 'quit') {
    // A remote player leaves by their own screen (the program ends the match); their quit is not this screen's.
    if (!once || from === 1) return;
    endMatch(d);
    set(d, { stopped: true });
    d.effects.push({ kind: 'quit' });
    return;
  }
  const { help, match } = d.m;
  const small = tooSmall(d.m);
  if (command === 'restart') {
    // A rematch only from the result box: mid-match it would end a game the other player is winning.
    if (once && !small && match.status === 'over') askRematch(d, side);
    return;
  }
  if (command === 'help') {
    if (!once || small) return;
    if (match.status === 'over') {
      // Over the result box the keys are this screen's own: a remote player's help would cover it for the host.
      if (from === 0) set(d, { help: !help });
    } else if (help) {
      set(d, { help: false });
      resumeFrom(d, 'help');
    } else {
      set(d, { help: true });
      pauseFor(d, 'help', side);
    }
    return;
  }
  if (help) {
    if (command === 'pause' && once) {
      set(d, { help: false });
      if (match.status !== 'over') resumeFrom(d, 'help');
    }
    return;
  }
  if (small || match.status === 'over') return;
  // Keys during the countdown wait for its end, but a pause, which stops it.
  if (d.m.countdown > 0) {
    if (command === 'pause' && once && d.m.pausedBy.includes('countdown')) pauseFor(d, 'player', side);
    return;
  }
  if (command === 'pause') {
    if (!once) return;
    if (match.status === 'paused' && d.m.pausedBy.every((r) => r === 'player')) resume(d);
    else if (match.status === 'playing') pauseFor(d, 'player', side);
    return;
  }
  if (match.status !== 'playing') return;
  // Player 2's keys are the bot's in a match against it.
  if (side === 1 && d.m.config.opponent.kind === 'bot') return;
  const after = keyEvent(d.m.held[side], command, event.type, match.tick, handlingOf(d.m, side));
  const held = [...d.m.held] as [HeldKeys, HeldKeys];
  held[side] = after.held;
  set(d, { held });
  for (const input of after.inputs) press(d, side, input);
}

/** This terminal's or the remote player's fit changed: both games pause while either is too small. */
function sizeChanged(d: Draft, change: Partial<Pick<VersusModel, 'small' | 'remoteSmall'>>): void {
  const before = tooSmall(d.m);
  set(d, change);
  const after = tooSmall(d.m);
  if (before === after || !d.m.started || d.m.match.status === 'over') return;
  if (after) pauseFor(d, 'size');
  else resumeFrom(d, 'size');
}

function reduce(model: VersusModel, event: ScreenEvent): { readonly model: VersusModel; readonly effects: readonly Effect[] } {
  const d: Draft = { m: model, effects: [] };
  if (model.stopped) return { model, effects: [] };
  switch (event.kind) {
    case 'start':
      if (model.started) break;
      set(d, { started: true });
      d.effects.push(startEffect(d.m));
      if (tooSmall(model)) pauseFor(d, 'size');
      else startCountdown(d);
      break;
    case 'tick':
      if (model.started && !model.ended) timeTo(d, event.tick);
      break;
    case 'key':
      if (model.started) key(d, event.key);
      break;
    case 'resize':
      sizeChanged(d, { small: !versusFits(event.size) });
      break;
    case 'suspend':
      if (!model.started || model.match.status === 'over') break;
      if (model.match.status === 'playing' || model.pausedBy.includes('countdown') || model.countdown > 0) pauseFor(d, 'player');
      else {
        const pausedBy = model.pausedBy.filter((r) => r !== 'size');
        set(d, { pausedBy: pausedBy.length > 0 ? pausedBy : ['player'] });
      }
      break;
    case 'stop':
      endMatch(d);
      set(d, { stopped: true });
      break;
    case 'answer':
    case 'rank':
      break;
    default: {
      const never: never = event;
      return never;
    }
  }
  return { model: d.m, effects: d.effects };
}

/** What the versus screen shows (the driver's view, typed as the versus view it always is). */
export function versusView(model: VersusModel): VersusView {
  const { match, config } = model;
  const [n1, n2] = names(model);
  const f1 = live(model.feedback[0], match.players[0].game.time);
  const f2 = live(model.feedback[1], match.players[1].game.time);
  const keymaps =
    config.opponent.kind === 'bot' ? [config.keymap ?? DEFAULT_KEYMAP] : [config.keymap ?? DEFAULT_KEYMAP, config.opponent.keymap];
  const over = match.status === 'over';
  return {
    kind: 'versus',
    sides: [
      matchSide(
        match,
        0,
        n1,
        f1.texts.map((t) => t.text),
        f1.flash,
      ),
      matchSide(
        match,
        1,
        n2,
        f2.texts.map((t) => t.text),
        f2.flash,
      ),
    ],
    tick: match.tick,
    help: model.help,
    keymaps,
    countdown: countdownText(model.countdown),
    paused: match.status === 'paused' && model.countdown === 0,
    ...(over ? { winner: match.winner, rematch: true, menu: config.menu ?? false, watch: config.watchLast ?? false } : {}),
    ...(over && config.opponent.kind === 'remote' ? { rematchAsked: model.rematchAsked } : {}),
    ...(config.opponent.kind === 'remote' && !over && model.pausedBy.includes('size')
      ? { pauseNote: [`${model.remoteSmall ? n2 : n1}'s terminal`.slice(0, 18), 'is too small'] as const }
      : {}),
  };
}

function clock(model: VersusModel): ScreenClock {
  const { match, started, stopped, countdown } = model;
  return playingClock({
    tick: match.tick + model.shift,
    started,
    stopped,
    countdown,
    over: match.status === 'over',
    paused: match.status === 'paused',
  });
}

/** The next tick that can change the screen: the countdown's step, a piece's fall or lock, the bot's key, a held key, a text going. */
function nextWake(model: VersusModel): number | null {
  const { match, shift } = model;
  if (!model.started || model.stopped || match.status === 'over') return null;
  const now = match.tick + shift;
  if (model.countdown > 0) return countdownWake(now, model.countdown);
  if (match.status !== 'playing') return null;
  const [a, b] = match.players;
  if (holding(model.held[0]) || holding(model.held[1])) return now + 1;
  let wake = now + Math.min(ticksUntilPieceMoves(a.game), ticksUntilPieceMoves(b.game));
  if (model.bot) {
    const next = opponentNextInput(model.bot, b.game);
    wake = Math.min(wake, next === null ? now + 1 : Math.max(now + 1, next + shift + 1));
  }
  // The clock in the sidebars shows whole seconds.
  wake = Math.min(wake, now + TICKS_PER_SECOND - (match.tick % TICKS_PER_SECOND));
  for (const side of [0, 1] as const) {
    const time = match.players[side].game.time;
    const expiry = nextExpiry(model.feedback[side], time);
    if (expiry !== null) wake = Math.min(wake, now + (expiry - time));
  }
  return wake;
}

/** A remote player's key (their terminal's press, repeat or release), on their own board only. */
export function versusRemoteKey(model: VersusModel, event: KeyEvent): { readonly model: VersusModel; readonly effects: readonly Effect[] } {
  if (model.stopped || !model.started || model.config.opponent.kind !== 'remote') return { model, effects: [] };
  const d: Draft = { m: model, effects: [] };
  key(d, event, 1);
  return { model: d.m, effects: d.effects };
}

/** A remote player's terminal became too small for the match (`small`), or large enough again. */
export function versusRemoteSmall(
  model: VersusModel,
  small: boolean,
): { readonly model: VersusModel; readonly effects: readonly Effect[] } {
  if (model.stopped || model.config.opponent.kind !== 'remote' || model.remoteSmall === small) return { model, effects: [] };
  const d: Draft = { m: model, effects: [] };
  sizeChanged(d, { remoteSmall: small });
  return { model: d.m, effects: d.effects };
}

/** The versus screen. */
export const VERSUS: Driver<VersusModel> = { reduce, view: versusView, clock, nextWake };

/** A match's full settings, as its `matchStart` effect reports them. */
export type MatchSettings = Required<GameSettings>;
