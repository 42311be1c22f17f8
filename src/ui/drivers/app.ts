/**
 * The front door: one driver that holds the screen in front (the main
 * menu, Settings, Scores, Watch, a game, a replay) and hands it the events.
 * The game is the PLAY driver and a replay the REPLAY driver, unchanged:
 * their quit brings the menu back (the game's gameStart, input and gameEnd
 * still reach the program, which records them), and the game numbers run
 * on over the session. Files are the program's: it hands them in
 * (`AppConfig`), and this driver asks for reads and writes with `request`
 * effects, answered with `answer` events.
 */
import { createGame, isPractice, tableKey, TICKS_PER_SECOND, type GameSettings, type Mode, type PaceCurve } from '../../core/index.js';
import type { TerminalSize } from '../frame/layout.js';
import { versusFits } from '../frame/versus-layout.js';
import { DEFAULT_HANDLING, type Handling } from '../input/handling.js';
import { matchCommand, type Keymap } from '../input/keymap.js';
import { menuKey } from '../input/menu-keys.js';
import {
  choicesSettings,
  type AppAnswer,
  type AppFiles,
  type AppRequest,
  type LiveView,
  type MenuChoices,
  type PlayerSettings,
} from './app-io.js';
import { scoresKey, scoresView, watchKey, watchView, type ListAction, type ScoresModel, type WatchModel } from './lists.js';
import { mainMenu, mainMenuKey, mainMenuView, type MainMenu } from './menu.js';
import { PLAY, playModel, type PlayModel } from './play.js';
import { MATCH_REPLAY, matchReplayModel, type MatchReplayModel } from './match-replay.js';
import { REPLAY, replayModel, type ReplayModel } from './replay.js';
import type { Driver, Effect, ScreenClock, ScreenEvent, ScreenView } from './screen.js';
import { LOCAL_KEYMAP_P1, LOCAL_KEYMAP_P2, VERSUS, versusModel, versusRemoteKey, versusRemoteSmall, type VersusModel } from './versus.js';
import type { VersusView } from './versus-view.js';
import { EMPTY_LOBBY, lobbyKey, lobbyView, promptKey, promptView, type LobbyModel, type LobbyState } from './lobby.js';
import { settingsCapture, settingsKey, settingsModel, settingsView, type SettingsModel } from './settings.js';

/** What the front door starts with. */
export interface AppConfig {
  /** The choices remembered from the last time. */
  readonly choices: MenuChoices;
  /** config.json's settings. */
  readonly settings: PlayerSettings;
  /** The seed of game `n` of the session (1 the first). */
  readonly seedOf: (game: number) => number;
  readonly files: AppFiles;
  /** The terminal's size at the start (the loop reports only changes). */
  readonly size: TerminalSize;
  /** Ticks of READY 3-2-1 before each game, as in `inktris play` (see play.ts). @default 0 */
  readonly countdown?: number;
  /** A server's front door: the menu has the Lobby, and challenges can come. @default false */
  readonly lobby?: boolean;
}

/** The screen in front. */
export type AppScreen =
  | { readonly kind: 'menu' }
  | { readonly kind: 'settings'; readonly model: SettingsModel }
  | { readonly kind: 'scores'; readonly model: ScoresModel }
  | { readonly kind: 'watch'; readonly model: WatchModel; readonly loading: string | null }
  | { readonly kind: 'play'; readonly model: PlayModel; readonly offset: number }
  | { readonly kind: 'replay'; readonly model: ReplayModel; readonly watch: WatchModel }
  | { readonly kind: 'versus'; readonly model: VersusModel; readonly offset: number }
  /** A kept versus match being watched (Watch lists match files with the games). */
  | { readonly kind: 'matchReplay'; readonly model: MatchReplayModel; readonly watch: WatchModel }
  /** Another player's game or match on the server, watched live (their view as it changes; null while they are in neither). */
  | { readonly kind: 'live'; readonly id: number; readonly player: string; readonly view: LiveView | null; readonly watch: WatchModel }
  /** Who is on the server, to challenge one of them or take the next free opponent. */
  | { readonly kind: 'lobby'; readonly model: LobbyModel }
  /**
   * A match with another session, played on that session's screen (the
   * host's, which runs it): its view as last sent (null until the first),
   * and whether this terminal is too small for it.
   */
  | { readonly kind: 'duel'; readonly opponent: string; readonly view: VersusView | null; readonly small: boolean };

/** The front door's model. */
export interface AppModel {
  readonly seedOf: (game: number) => number;
  readonly screen: AppScreen;
  readonly menu: MainMenu;
  readonly settings: PlayerSettings;
  readonly files: AppFiles;
  /** The choices last written (or read): quitting writes them only when they changed. */
  readonly savedChoices: MenuChoices;
  /** Games started in the session so far. */
  readonly games: number;
  readonly size: TerminalSize;
  /** Ticks of READY 3-2-1 before each game. */
  readonly countdown: number;
  readonly started: boolean;
  readonly stopped: boolean;
  /** What just happened, for the menu screens. */
  readonly message: string;
  /** The server's lobby as this player knows it; null on bare `inktris`. */
  readonly lobby: LobbyState | null;
}

/** The front door at its start: the main menu, the item chosen last selected. */
export function appModel(config: AppConfig): AppModel {
  return {
    seedOf: config.seedOf,
    screen: { kind: 'menu' },
    menu: mainMenu(config.choices, config.lobby ?? false),
    settings: config.settings,
    files: config.files,
    savedChoices: config.choices,
    games: 0,
    size: config.size,
    countdown: config.countdown ?? 0,
    started: false,
    stopped: false,
    message: '',
    lobby: config.lobby ? EMPTY_LOBBY : null,
  };
}

type Result = { readonly model: AppModel; readonly effects: readonly Effect[] };

const request = (r: AppRequest): Effect => ({ kind: 'request', request: r });

/** A child driver brought to the terminal's size and started, with what that reported. */
function startChild<M>(driver: Driver<M>, model: M, size: TerminalSize): { model: M; effects: Effect[] } {
  const sized = driver.reduce(model, { kind: 'resize', size });
  const started = driver.reduce(sized.model, { kind: 'start' });
  return { model: started.model, effects: [...sized.effects, ...started.effects] };
}

/** The best game's curve for games of `settings` (none in marathon, for practice, or without a kept best). */
function paceOfTable(files: AppFiles, settings: Omit<GameSettings, 'seed'>): PaceCurve | null {
  const full = createGame({ ...settings, seed: 0 }).settings;
  return full.mode === 'marathon' || isPractice(full) ? null : (files.paces?.[tableKey(full)] ?? null);
}

/** A game of `mode` with the menu's choices and the Settings' keys and handling. */
function startGame(model: AppModel, mode: Mode): Result {
  const offset = model.games;
  const { settings } = model;
  const play = playModel({
    settings: choicesSettings(model.menu.choices, mode),
    seedOf: (n) => model.seedOf(offset + n),
    keymap: settings.keys,
    handling: { ...DEFAULT_HANDLING, das: settings.das, arr: settings.arr, softDrop: settings.softDrop },
    bests: model.files.bests,
    // As `inktris play`: READY 3-2-1 first, and the end panel's m goes back here.
    countdown: model.countdown,
    pace: paceOfTable(model.files, choicesSettings(model.menu.choices, mode)),
    menu: true,
  });
  const started = startChild(PLAY, play, model.size);
  const next: AppModel = {
    ...model,
    screen: { kind: 'play', model: started.model, offset },
    message: '',
    savedChoices: model.menu.choices,
  };
  return gameEffects(next, offset, started.effects, [request({ kind: 'saveChoices', choices: model.menu.choices })]);
}

/**
 * A versus match with the menu's choices (rule set, level, opponent, the
 * bot's pace) and the Settings' keys and handling; or, with `remote`, a
 * match against a player at another terminal of the server, run here.
 */
function startVersus(
  model: AppModel,
  remote: { readonly opponent: string; readonly player: string; readonly keymap: Keymap; readonly handling: Handling } | null = null,
): Result {
  const offset = model.games;
  const { settings } = model;
  const { choices } = model.menu;
  const local = remote === null && choices.opponent === 'local';
  const versus = versusModel({
    settings: choicesSettings(choices, 'marathon'),
    seedOf: (n) => model.seedOf(offset + n),
    opponent: remote
      ? { kind: 'remote', keymap: remote.keymap, handling: remote.handling }
      : local
        ? { kind: 'local', keymap: LOCAL_KEYMAP_P2 }
        : { kind: 'bot', pps: choices.botPps ?? 1.5 },
    // Against the bot the player's own keys; two players get keys that do not clash.
    keymap: local ? LOCAL_KEYMAP_P1 : settings.keys,
    handling: { ...DEFAULT_HANDLING, das: settings.das, arr: settings.arr, softDrop: settings.softDrop },
    countdown: model.countdown,
    menu: true,
    ...(remote ? { names: [remote.player, remote.opponent] as const } : {}),
  });
  const started = startChild(VERSUS, versus, model.size);
  const next: AppModel = { ...model, screen: { kind: 'versus', model: started.model, offset }, message: '', savedChoices: choices };
  return gameEffects(next, offset, started.effects, [request({ kind: 'saveChoices', choices })]);
}

/**
 * A game's effects as the program sees them: the game numbers of the
 * session; its quit brings the menu back, and the tables are read again.
 */
function gameEffects(model: AppModel, offset: number, effects: readonly Effect[], before: readonly Effect[] = []): Result {
  const out: Effect[] = [...before];
  let next = model;
  for (const effect of effects) {
    switch (effect.kind) {
      // The game's quit, and m at its end: back to the menu (w is not offered here: the front door's Watch has the game).
      case 'quit':
      case 'menu':
      case 'watchLast':
        next = { ...next, screen: { kind: 'menu' } };
        out.push(request({ kind: 'refresh' }));
        break;
      case 'gameStart':
        next = { ...next, games: Math.max(next.games, offset + effect.game) };
        out.push({ ...effect, game: offset + effect.game });
        break;
      case 'input':
      case 'gameEnd':
        out.push({ ...effect, game: offset + effect.game });
        break;
      case 'matchStart':
        // A match takes a seed of the session as a game does.
        next = { ...next, games: Math.max(next.games, offset + effect.match) };
        out.push(effect);
        break;
      case 'request':
      case 'matchInput':
      case 'matchEnd':
        out.push(effect);
        break;
      default: {
        const never: never = effect;
        return never;
      }
    }
  }
  return { model: next, effects: out };
}

/** Leave the program, the choices written first when they changed. */
function quit(model: AppModel, before: readonly Effect[] = []): Result {
  const { choices } = model.menu;
  const changed = JSON.stringify(choices) !== JSON.stringify(model.savedChoices);
  const save = changed ? [request({ kind: 'saveChoices', choices })] : [];
  return { model: { ...model, stopped: true }, effects: [...before, ...save, { kind: 'quit' }] };
}

/** Whether leaving Settings changes the look of the screens, which the program then shows again (`relook`). */
function looksDifferent(a: PlayerSettings, b: PlayerSettings): boolean {
  return (
    a.preview !== b.preview ||
    a.ghost !== b.ghost ||
    a.color !== b.color ||
    a.ascii !== b.ascii ||
    a.big !== b.big ||
    JSON.stringify(a.keys) !== JSON.stringify(b.keys)
  );
}

/** Settings left, by Esc (`back`) or q: what changed is written, and a new look shown. */
function leaveSettings(model: AppModel, screen: SettingsModel, how: 'back' | 'quit'): Result {
  const { settings, before } = screen;
  const changed = JSON.stringify(settings) !== JSON.stringify(before);
  const effects: Effect[] = changed ? [request({ kind: 'saveSettings', settings })] : [];
  const next: AppModel = { ...model, settings, screen: { kind: 'menu' }, message: changed ? 'settings saved' : '' };
  if (how === 'quit') return quit(next, effects);
  if (looksDifferent(settings, before)) effects.push(request({ kind: 'relook', settings }), { kind: 'quit' });
  return { model: next, effects };
}

function listAction(model: AppModel, action: ListAction | null, screen: AppScreen): Result {
  if (!action) return { model: { ...model, screen, message: '' }, effects: [] };
  switch (action.kind) {
    case 'back':
      return { model: { ...model, screen: { kind: 'menu' }, message: '' }, effects: [] };
    case 'quit':
      return quit(model);
    case 'watch':
      if (screen.kind !== 'watch') return { model, effects: [] };
      return {
        model: { ...model, screen: { ...screen, loading: action.name }, message: '' },
        effects: [request({ kind: 'loadReplay', name: action.name })],
      };
    case 'watchLive':
      if (screen.kind !== 'watch') return { model, effects: [] };
      return {
        model: { ...model, screen: { kind: 'live', id: action.id, player: '', view: null, watch: screen.model }, message: '' },
        effects: [request({ kind: 'watchLive', id: action.id })],
      };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Whether a challenge to this player shows now: over the menu screens, not in a game, a replay or a key being set. */
function promptShown(model: AppModel): boolean {
  const { screen } = model;
  if (!model.lobby?.incoming) return false;
  return (
    screen.kind === 'menu' ||
    screen.kind === 'lobby' ||
    screen.kind === 'scores' ||
    screen.kind === 'watch' ||
    (screen.kind === 'settings' && !screen.model.capturing)
  );
}

/** The rules a challenge from this player names: the menu's (the match is played under the challenger's choices). */
function rulesLabel(model: AppModel): string {
  const { rules, level } = model.menu.choices;
  return `${rules}, level ${level}`;
}

/** The challenged player's key: accept, decline, or a move between the two. */
function promptAnswer(model: AppModel, lobby: LobbyState, pressed: ReturnType<typeof menuKey>, interrupt: boolean): Result {
  const incoming = lobby.incoming!;
  if (interrupt) {
    return quit(model, [request({ kind: 'answerChallenge', id: incoming.challenge.id, accept: false })]);
  }
  if (!pressed) return { model, effects: [] };
  const { selected, action } = promptKey(incoming.selected, pressed);
  if (!action) return { model: { ...model, lobby: { ...lobby, incoming: { ...incoming, selected } } }, effects: [] };
  const next: AppModel = {
    ...model,
    lobby: { ...lobby, incoming: null },
    message: action.accept ? `starting the match with ${incoming.challenge.from}` : `you declined ${incoming.challenge.from}`,
  };
  return { model: next, effects: [request({ kind: 'answerChallenge', id: incoming.challenge.id, accept: action.accept })] };
}

/**
 * A key at a match played on another session's screen: this player's game
 * keys go there; leaving (their quit mid-match, q or m at the result,
 * Ctrl-C) is this screen's.
 */
function duelKey(model: AppModel, screen: Extract<AppScreen, { kind: 'duel' }>, event: Extract<ScreenEvent, { kind: 'key' }>): Result {
  const k = event.key;
  const leave = [request({ kind: 'duelLeave' })];
  if (k.ctrl && k.name === 'c') return quit(model, leave);
  const once = k.type === 'press' || k.type === 'tap';
  const over = screen.view?.winner !== undefined;
  const command = matchCommand(model.settings.keys, k);
  const leaving = once && !k.ctrl && (over ? k.name === 'm' || k.name === 'q' : command === 'quit');
  if (leaving) {
    return {
      model: { ...model, screen: { kind: 'menu' }, message: `you left the match with ${screen.opponent}` },
      effects: [...leave, request({ kind: 'refresh' })],
    };
  }
  if (command === null && !(over && k.name === 'r')) return { model, effects: [] };
  return { model, effects: [request({ kind: 'duelKey', key: k })] };
}

function key(model: AppModel, event: Extract<ScreenEvent, { kind: 'key' }>): Result {
  const { screen } = model;
  // q leaves a game or a replay for the menu; Ctrl-C leaves the program, from anywhere.
  const interrupt = event.key.ctrl && event.key.name === 'c';
  if (promptShown(model)) return promptAnswer(model, model.lobby!, menuKey(event.key), interrupt);
  if (screen.kind === 'duel') return duelKey(model, screen, event);
  if (screen.kind === 'play') {
    const { model: play, effects } = PLAY.reduce(screen.model, event);
    const result = gameEffects({ ...model, screen: { ...screen, model: play } }, screen.offset, effects);
    if (!interrupt || !effects.some((e) => e.kind === 'quit')) return result;
    return quit(
      result.model,
      result.effects.filter((e) => e.kind !== 'request'),
    );
  }
  if (screen.kind === 'versus') {
    const { model: versus, effects } = VERSUS.reduce(screen.model, event);
    const result = gameEffects({ ...model, screen: { ...screen, model: versus } }, screen.offset, effects);
    if (!interrupt || !effects.some((e) => e.kind === 'quit')) return result;
    return quit(
      result.model,
      result.effects.filter((e) => e.kind !== 'request'),
    );
  }
  if (screen.kind === 'replay') {
    const { model: replay, effects } = REPLAY.reduce(screen.model, event);
    const back = effects.some((e) => e.kind === 'quit');
    if (back && interrupt) return quit(model);
    return {
      model: { ...model, screen: back ? { kind: 'watch', model: screen.watch, loading: null } : { ...screen, model: replay } },
      effects: [],
    };
  }
  if (screen.kind === 'matchReplay') {
    const { model: watched, effects } = MATCH_REPLAY.reduce(screen.model, event);
    const back = effects.some((e) => e.kind === 'quit');
    if (back && interrupt) return quit(model);
    return {
      model: { ...model, screen: back ? { kind: 'watch', model: screen.watch, loading: null } : { ...screen, model: watched } },
      effects: [],
    };
  }
  if (screen.kind === 'live') {
    // Read-only: the keys of the game are the player's. q or Esc back to the list, Ctrl-C out of the program.
    const pressed = interrupt ? null : menuKey(event.key);
    if (!interrupt && pressed?.kind !== 'quit' && pressed?.kind !== 'back') return { model, effects: [] };
    const left = [request({ kind: 'unwatch' })];
    if (interrupt) return quit(model, left);
    return {
      model: { ...model, screen: { kind: 'watch', model: screen.watch, loading: null } },
      effects: [...left, request({ kind: 'refresh' })],
    };
  }
  if (screen.kind === 'settings' && screen.model.capturing) {
    return { model: { ...model, screen: { kind: 'settings', model: settingsCapture(screen.model, event.key) } }, effects: [] };
  }
  const pressed = menuKey(event.key);
  if (!pressed) return { model, effects: [] };
  switch (screen.kind) {
    case 'menu': {
      const { menu, action } = mainMenuKey(model.menu, pressed);
      const next = { ...model, menu, message: '' };
      if (!action) return { model: next, effects: [] };
      if (action.kind === 'quit') return quit(next);
      if (action.kind === 'play') return startGame(next, action.mode);
      if (action.kind === 'versus') return startVersus(next);
      if (action.screen === 'lobby') return { model: { ...next, screen: { kind: 'lobby', model: { selected: null } } }, effects: [] };
      const opened: AppScreen =
        action.screen === 'settings'
          ? { kind: 'settings', model: settingsModel(model.settings) }
          : action.screen === 'scores'
            ? { kind: 'scores', model: { at: 0 } }
            : { kind: 'watch', model: { selected: 0 }, loading: null };
      // A server's list of games in progress changes all the time: it is read again as Watch opens.
      const fresh = opened.kind === 'watch' && model.files.live !== undefined ? [request({ kind: 'refresh' })] : [];
      return { model: { ...next, screen: opened }, effects: fresh };
    }
    case 'settings': {
      const { model: settings, action } = settingsKey(screen.model, pressed);
      if (action) return leaveSettings(model, settings, action);
      return { model: { ...model, screen: { kind: 'settings', model: settings } }, effects: [] };
    }
    case 'scores': {
      const { model: scores, action } = scoresKey(screen.model, pressed, model.files.scores);
      return listAction(model, action, { kind: 'scores', model: scores });
    }
    case 'watch': {
      const { model: watch, action } = watchKey(screen.model, pressed, model.files.replays, model.files.live);
      return listAction(model, action, { ...screen, model: watch });
    }
    case 'lobby': {
      const lobby = model.lobby ?? EMPTY_LOBBY;
      const { model: chosen, action } = lobbyKey(screen.model, pressed, lobby);
      const next: AppModel = { ...model, screen: { kind: 'lobby', model: chosen } };
      if (!action) return { model: next, effects: [] };
      switch (action.kind) {
        case 'challenge':
          return {
            model: { ...next, message: '', lobby: { ...lobby, waiting: `challenging ${action.name}...` } },
            effects: [request({ kind: 'challenge', id: action.id, rules: rulesLabel(model) })],
          };
        case 'nextFree':
          return {
            model: { ...next, message: '', lobby: { ...lobby, waiting: 'looking for a free opponent...' } },
            effects: [request({ kind: 'nextFree', rules: rulesLabel(model) })],
          };
        case 'cancel':
          return {
            model: { ...next, message: 'cancelled', lobby: { ...lobby, waiting: null } },
            effects: [request({ kind: 'cancelChallenge' })],
          };
        case 'back':
          return { model: { ...next, screen: { kind: 'menu' }, message: '' }, effects: [] };
        case 'quit':
          return quit(next, lobby.waiting !== null ? [request({ kind: 'cancelChallenge' })] : []);
        default: {
          const never: never = action;
          return never;
        }
      }
    }
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/** What the server says of the lobby, a challenge or a match with another session. */
function lobbyAnswer(model: AppModel, a: Extract<AppAnswer, { kind: LobbyAnswerKind }>): Result {
  const lobby = model.lobby ?? EMPTY_LOBBY;
  const { screen } = model;
  const hosting = screen.kind === 'versus' && screen.model.config.opponent.kind === 'remote' ? screen : null;
  switch (a.kind) {
    case 'lobby':
      return { model: { ...model, lobby: { ...lobby, players: a.players } }, effects: [] };
    case 'challenged':
      return { model: { ...model, lobby: { ...lobby, incoming: { challenge: a.challenge, selected: 0 } } }, effects: [] };
    case 'challengeGone':
      if (lobby.incoming?.challenge.id !== a.id) return { model, effects: [] };
      return { model: { ...model, lobby: { ...lobby, incoming: null }, message: a.message }, effects: [] };
    case 'lobbyNote':
      return {
        model: { ...model, lobby: { ...lobby, waiting: a.waiting ? a.message : null }, message: a.waiting ? model.message : a.message },
        effects: [],
      };
    case 'duelHost': {
      const ready: AppModel = { ...model, lobby: { ...lobby, waiting: null, incoming: null } };
      return startVersus(ready, { opponent: a.opponent, player: a.player, keymap: a.keymap, handling: a.handling });
    }
    case 'duelGuest': {
      const small = !versusFits(model.size);
      const next: AppModel = {
        ...model,
        lobby: { ...lobby, waiting: null, incoming: null },
        screen: { kind: 'duel', opponent: a.opponent, view: null, small },
        message: '',
      };
      return { model: next, effects: small ? [request({ kind: 'duelSmall', small })] : [] };
    }
    case 'duelKey':
    case 'duelSmall': {
      if (!hosting) return { model, effects: [] };
      const { model: versus, effects } =
        a.kind === 'duelKey' ? versusRemoteKey(hosting.model, a.key) : versusRemoteSmall(hosting.model, a.small);
      if (versus === hosting.model && effects.length === 0) return { model, effects: [] };
      return gameEffects({ ...model, screen: { ...hosting, model: versus } }, hosting.offset, effects);
    }
    case 'duelView':
      if (screen.kind !== 'duel') return { model, effects: [] };
      return { model: { ...model, screen: { ...screen, view: a.view } }, effects: [] };
    case 'duelEnded': {
      if (hosting) {
        // The match ends where it is (and is kept, as every match is); the menu says why.
        const { model: versus, effects } = VERSUS.reduce(hosting.model, { kind: 'stop' });
        const ended = gameEffects({ ...model, screen: { ...hosting, model: versus } }, hosting.offset, effects);
        return {
          model: { ...ended.model, screen: { kind: 'menu' }, message: a.message },
          effects: [...ended.effects, request({ kind: 'refresh' })],
        };
      }
      if (screen.kind === 'duel') {
        return { model: { ...model, screen: { kind: 'menu' }, message: a.message }, effects: [request({ kind: 'refresh' })] };
      }
      return { model: { ...model, message: a.message }, effects: [] };
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}

type LobbyAnswerKind =
  | 'lobby'
  | 'challenged'
  | 'challengeGone'
  | 'lobbyNote'
  | 'duelHost'
  | 'duelGuest'
  | 'duelKey'
  | 'duelSmall'
  | 'duelView'
  | 'duelEnded';

function answer(model: AppModel, a: AppAnswer): Result {
  const { screen } = model;
  switch (a.kind) {
    case 'files':
      return { model: { ...model, files: a.files }, effects: [] };
    case 'failed':
      return {
        model: { ...model, message: a.message, screen: screen.kind === 'watch' ? { ...screen, loading: null } : screen },
        effects: [],
      };
    case 'live':
      if (screen.kind !== 'live' || screen.id !== a.id) return { model, effects: [] };
      return { model: { ...model, screen: { ...screen, player: a.player, view: a.view } }, effects: [] };
    case 'liveEnded':
      if (screen.kind !== 'live' || screen.id !== a.id) return { model, effects: [] };
      return {
        model: { ...model, screen: { kind: 'watch', model: screen.watch, loading: null }, message: a.message },
        effects: [request({ kind: 'refresh' })],
      };
    case 'replay': {
      // Only the replay still asked for: the viewer may have gone back meanwhile.
      if (screen.kind !== 'watch' || screen.loading !== a.name) return { model, effects: [] };
      const started = startChild(REPLAY, replayModel(a.index), model.size);
      return { model: { ...model, screen: { kind: 'replay', model: started.model, watch: screen.model } }, effects: [] };
    }
    case 'matchReplay': {
      if (screen.kind !== 'watch' || screen.loading !== a.name) return { model, effects: [] };
      const started = startChild(MATCH_REPLAY, matchReplayModel(a.index), model.size);
      return { model: { ...model, screen: { kind: 'matchReplay', model: started.model, watch: screen.model } }, effects: [] };
    }
    case 'lobby':
    case 'challenged':
    case 'challengeGone':
    case 'lobbyNote':
    case 'duelHost':
    case 'duelGuest':
    case 'duelKey':
    case 'duelSmall':
    case 'duelView':
    case 'duelEnded':
      return lobbyAnswer(model, a);
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** The event handed to the child in front (a game or a replay); the menus take only keys and answers. */
function toChild(model: AppModel, event: ScreenEvent): Result {
  const { screen } = model;
  if (screen.kind === 'play') {
    // The table ranks games by their number in the session; the game's own number is from its first.
    const own = event.kind === 'rank' ? { ...event, game: event.game - screen.offset } : event;
    const { model: play, effects } = PLAY.reduce(screen.model, own);
    return play === screen.model && effects.length === 0
      ? { model, effects }
      : gameEffects({ ...model, screen: { ...screen, model: play } }, screen.offset, effects);
  }
  if (screen.kind === 'versus') {
    const { model: versus, effects } = VERSUS.reduce(screen.model, event);
    return versus === screen.model && effects.length === 0
      ? { model, effects }
      : gameEffects({ ...model, screen: { ...screen, model: versus } }, screen.offset, effects);
  }
  if (screen.kind === 'replay') {
    const { model: replay } = REPLAY.reduce(screen.model, event);
    return replay === screen.model ? { model, effects: [] } : { model: { ...model, screen: { ...screen, model: replay } }, effects: [] };
  }
  if (screen.kind === 'matchReplay') {
    const { model: watched } = MATCH_REPLAY.reduce(screen.model, event);
    return watched === screen.model ? { model, effects: [] } : { model: { ...model, screen: { ...screen, model: watched } }, effects: [] };
  }
  if (screen.kind === 'duel' && event.kind === 'resize') {
    // The host's match pauses while this terminal cannot show it.
    const small = !versusFits(event.size);
    if (small === screen.small) return { model, effects: [] };
    return { model: { ...model, screen: { ...screen, small } }, effects: [request({ kind: 'duelSmall', small })] };
  }
  return { model, effects: [] };
}

function reduce(model: AppModel, event: ScreenEvent): Result {
  if (model.stopped) return { model, effects: [] };
  switch (event.kind) {
    case 'start':
      return model.started ? { model, effects: [] } : { model: { ...model, started: true }, effects: [] };
    case 'key':
      return model.started ? key(model, event) : { model, effects: [] };
    case 'resize': {
      const sized = { ...model, size: event.size };
      return toChild(sized, event);
    }
    case 'answer':
      return answer(model, event.answer);
    case 'stop': {
      const ended = toChild(model, event);
      return { model: { ...ended.model, stopped: true }, effects: ended.effects };
    }
    case 'tick':
    case 'suspend':
    case 'rank':
      return toChild(model, event);
    default: {
      const never: never = event;
      return never;
    }
  }
}

function view(model: AppModel): ScreenView {
  const { screen } = model;
  if (promptShown(model)) return promptView(model.lobby!.incoming!);
  switch (screen.kind) {
    case 'menu':
      return mainMenuView(model.menu, model.message);
    case 'settings':
      return settingsView(screen.model, model.settings.ascii);
    case 'scores':
      return scoresView(screen.model, model.files.scores);
    case 'watch':
      return watchView(screen.model, model.files.replays, model.message, model.files.live);
    case 'play':
      return PLAY.view(screen.model);
    case 'replay':
      return REPLAY.view(screen.model);
    case 'versus':
      return VERSUS.view(screen.model);
    case 'matchReplay':
      return MATCH_REPLAY.view(screen.model);
    case 'live':
      return liveView(screen);
    case 'lobby':
      return lobbyView(screen.model, model.lobby ?? EMPTY_LOBBY, model.message);
    case 'duel':
      return (
        screen.view ?? {
          kind: 'menu',
          title: 'VERSUS',
          rows: [{ text: `starting the match with ${screen.opponent}...`, inert: true }],
          selected: -1,
          message: '',
          footer: 'ctrl-c quit',
        }
      );
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/**
 * A game or match watched live: the player's view, with what is theirs left
 * out (the end panel's and the result box's choices, the keys of their help
 * and pause: the watcher's keys are q and Esc); a line while they are in the menu.
 */
function liveView(screen: Extract<AppScreen, { kind: 'live' }>): ScreenView {
  const { view, player } = screen;
  if (view?.kind === 'play') return { ...view, menu: false, watch: false, help: false, live: true };
  if (view?.kind === 'versus') return { ...view, keymaps: [], help: false, rematch: false, menu: false, watch: false, live: true };
  if (view) return view;
  return {
    kind: 'menu',
    title: player === '' ? 'WATCHING' : `WATCHING ${player}`,
    rows: [{ text: player === '' ? 'waiting for the game' : `${player} is not in a game now: their next one shows here`, inert: true }],
    selected: -1,
    message: '',
    footer: 'q back',
  };
}

/** A menu's clock: stopped (nothing on it moves with time). */
const MENU_CLOCK: ScreenClock = Object.freeze({ tick: 0, state: 'stop', rate: TICKS_PER_SECOND });

function clock(model: AppModel): ScreenClock {
  const { screen } = model;
  if (model.stopped) return MENU_CLOCK;
  if (screen.kind === 'play') return PLAY.clock(screen.model);
  if (screen.kind === 'replay') return REPLAY.clock(screen.model);
  if (screen.kind === 'versus') return VERSUS.clock(screen.model);
  if (screen.kind === 'matchReplay') return MATCH_REPLAY.clock(screen.model);
  return MENU_CLOCK;
}

function nextWake(model: AppModel): number | null {
  const { screen } = model;
  if (model.stopped) return null;
  if (screen.kind === 'play') return PLAY.nextWake(screen.model);
  if (screen.kind === 'replay') return REPLAY.nextWake(screen.model);
  if (screen.kind === 'versus') return VERSUS.nextWake(screen.model);
  if (screen.kind === 'matchReplay') return MATCH_REPLAY.nextWake(screen.model);
  return null;
}

/** The front door. */
export const APP: Driver<AppModel> = { reduce, view, clock, nextWake };
