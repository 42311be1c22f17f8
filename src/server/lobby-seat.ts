/**
 * One session's place in the lobby: what its front door does (told to the
 * lobby as its screen changes), the lobby's news handed to its screen's
 * loop (kept while no screen is up, between two looks), and the front
 * door's lobby requests handed to the lobby.
 */
import type { AppAnswer, AppRequest } from '../ui/drivers/app-io.js';
import type { AppModel } from '../ui/drivers/app.js';
import type { Handling } from '../ui/input/handling.js';
import type { Keymap } from '../ui/input/keymap.js';
import { versusView } from '../ui/drivers/versus.js';
import type { Lobby, SeatScreen } from './lobby.js';

/** What the lobby says a session's front door is doing, and whether it hosts a match with another session. */
export function seatScreen(model: AppModel): SeatScreen {
  const { screen } = model;
  const inMenu = { busy: false, free: true, inLobby: false, hosting: null };
  switch (screen.kind) {
    case 'menu':
    case 'settings':
    case 'scores':
      return { ...inMenu, doing: 'in the menu' };
    case 'lobby':
      return { ...inMenu, doing: 'in the lobby', inLobby: true };
    case 'play':
      return { ...inMenu, free: false, doing: `playing ${screen.model.game.settings.mode}` };
    case 'watch':
    case 'replay':
    case 'matchReplay':
    case 'live':
      return { ...inMenu, free: false, doing: 'watching' };
    case 'versus': {
      const { config, stopped } = screen.model;
      const against =
        config.opponent.kind === 'bot' ? 'the bot' : config.opponent.kind === 'local' ? 'a second player here' : config.names?.[1];
      const hosted = config.opponent.kind === 'remote' && !stopped ? screen.model : null;
      return {
        doing: `in a match with ${against}`,
        busy: true,
        free: false,
        inLobby: false,
        hosting: hosted ? () => versusView(hosted) : null,
      };
    }
    case 'duel':
      return { doing: `in a match with ${screen.opponent}`, busy: true, free: false, inLobby: false, hosting: null };
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/** The screen a seat hands the lobby's news to. */
export interface SeatLoop {
  answer(answer: AppAnswer): void;
  /** It has stopped: news goes to the next screen instead. */
  readonly ended: boolean;
}

/** A session's seat: see the file's head. */
export interface LobbySeat {
  /** The front door's model changed: the lobby is told when what it knows of it changed (a hosted match: always). */
  changed(model: AppModel): void;
  /** The screen's loop now (null between two screens): the lobby's news goes there. */
  attach(loop: SeatLoop | null): void;
  /** Hand a lobby request to the lobby; false for a request that is not the lobby's. */
  request(request: AppRequest): boolean;
  /** The session ended: its challenges and its match with it. */
  leave(): void;
}

/** Seat session `id` of `player` in `lobby`; `controls` are the player's keys and handling now. */
export function joinLobby(
  lobby: Lobby,
  id: number,
  player: string,
  controls: () => { readonly keymap: Keymap; readonly handling: Handling },
): LobbySeat {
  let loop: SeatLoop | null = null;
  let backlog: AppAnswer[] = [];
  /** What the lobby was told last of this screen, and the screen's kind. */
  let told: (SeatScreen & { readonly kind: AppModel['screen']['kind'] }) | null = null;
  lobby.join({
    id,
    player,
    controls,
    send(news) {
      // A screen that has stopped but is not yet detached (it waits for its effects) would drop the news: the next screen gets it.
      if (loop && !loop.ended) loop.answer(news);
      else backlog.push(news);
    },
  });
  return {
    changed(model) {
      const { screen } = model;
      // Within one screen nothing the lobby knows changes but a hosted match: a game's every tick costs one comparison.
      const hosted = screen.kind === 'versus' && screen.model.config.opponent.kind === 'remote';
      if (screen.kind === told?.kind && !hosted && !told.hosting) return;
      const now = { ...seatScreen(model), kind: screen.kind };
      const same =
        told !== null &&
        now.hosting === null &&
        told.hosting === null &&
        now.doing === told.doing &&
        now.inLobby === told.inLobby &&
        now.busy === told.busy &&
        now.free === told.free;
      told = now;
      if (!same) lobby.screen(id, now);
    },
    attach(next) {
      loop = next;
      if (!next) return;
      const waiting = backlog;
      backlog = [];
      for (const news of waiting) next.answer(news);
    },
    request(request) {
      switch (request.kind) {
        case 'challenge':
          lobby.challenge(id, request.id, request.rules);
          return true;
        case 'nextFree':
          lobby.nextFree(id, request.rules);
          return true;
        case 'cancelChallenge':
          lobby.cancel(id);
          return true;
        case 'answerChallenge':
          lobby.answer(id, request.id, request.accept);
          return true;
        case 'duelKey':
          lobby.duelKey(id, request.key);
          return true;
        case 'duelSmall':
          lobby.duelSmall(id, request.small);
          return true;
        case 'duelLeave':
          lobby.duelLeave(id);
          return true;
        default:
          return false;
      }
    },
    leave() {
      loop = null;
      backlog = [];
      lobby.leave(id);
    },
  };
}
