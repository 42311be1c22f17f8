/**
 * A server's lobby as pure models: the list of who is online and what they
 * do (with "Next free opponent" at its top), and the prompt a challenged
 * player answers. Who is online, the challenges and the matches are the
 * server's (src/server/lobby.ts); the front door asks for them with
 * requests and is told with answers, and these screens only choose.
 */
import type { MenuKey } from '../input/menu-keys.js';
import type { Challenge, LobbyPlayer } from './app-io.js';
import type { MenuRow, MenuView } from './menu-view.js';

/** What the front door knows of the lobby: on a server only. */
export interface LobbyState {
  /** Who is online, as last sent (while the lobby screen is open). */
  readonly players: readonly LobbyPlayer[];
  /** A challenge to this player waiting for the answer, and the prompt's choice (0 accept, 1 decline). */
  readonly incoming: { readonly challenge: Challenge; readonly selected: 0 | 1 } | null;
  /** What this player's own challenge or wait is waiting for ("waiting for bob"), or null. */
  readonly waiting: string | null;
}

/** The lobby before anything is known. */
export const EMPTY_LOBBY: LobbyState = Object.freeze({ players: [], incoming: null, waiting: null });

/** The lobby screen: the row selected, "Next free opponent" (null) or a player's session. */
export interface LobbyModel {
  readonly selected: number | null;
}

/** What a key in the lobby asks for. */
export type LobbyAction =
  | { readonly kind: 'challenge'; readonly id: number; readonly name: string }
  | { readonly kind: 'nextFree' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'back' }
  | { readonly kind: 'quit' };

/** The rows that can be chosen, top down: "Next free opponent", then every player who is free and not this one. */
function choosable(players: readonly LobbyPlayer[]): (number | null)[] {
  return [null, ...players.filter((p) => !p.self && !p.busy).map((p) => p.id)];
}

/** The lobby after `key`, and what it asks for. */
export function lobbyKey(
  model: LobbyModel,
  key: MenuKey,
  state: LobbyState,
): { readonly model: LobbyModel; readonly action: LobbyAction | null } {
  const rows = choosable(state.players);
  // A player who left or became busy is no longer selected: the top row is.
  const at = Math.max(0, rows.indexOf(model.selected));
  switch (key.kind) {
    case 'up':
    case 'down': {
      const next = (at + (key.kind === 'up' ? -1 : 1) + rows.length) % rows.length;
      return { model: { selected: rows[next]! }, action: null };
    }
    case 'enter': {
      if (state.waiting !== null) return { model, action: null };
      const id = rows[at]!;
      if (id === null) return { model, action: { kind: 'nextFree' } };
      const player = state.players.find((p) => p.id === id)!;
      return { model, action: { kind: 'challenge', id, name: player.name } };
    }
    case 'back':
      return { model, action: state.waiting !== null ? { kind: 'cancel' } : { kind: 'back' } };
    case 'quit':
      return { model, action: { kind: 'quit' } };
    case 'letter':
      if (key.letter === 'n' && state.waiting === null) return { model: { selected: null }, action: { kind: 'nextFree' } };
      return { model, action: null };
    case 'left':
    case 'right':
      return { model, action: null };
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** Columns of a name in the list (a server's names are at most 16 characters). */
const NAME_COLUMN = 18;

/** The lobby as the screen shows it; `message` says what became of the last challenge. */
export function lobbyView(model: LobbyModel, state: LobbyState, message: string): MenuView {
  const rows: MenuRow[] = [{ text: 'Next free opponent' }, { text: '', inert: true }, { text: 'PLAYERS ONLINE', inert: true }];
  const ids: (number | null)[] = [null, null, null];
  for (const p of state.players) {
    const name = p.self ? `${p.name} (you)` : p.name;
    rows.push({ text: `${name.padEnd(NAME_COLUMN)}${p.doing}${p.busy ? ' (busy)' : ''}`, inert: p.self || p.busy });
    ids.push(p.id);
  }
  if (state.players.every((p) => p.self)) rows.push({ text: 'nobody else is here yet', inert: true });
  const choosing = choosable(state.players);
  const selected = choosing.includes(model.selected) ? model.selected : null;
  return {
    kind: 'menu',
    title: 'LOBBY',
    rows,
    selected: selected === null ? 0 : ids.indexOf(selected),
    message: state.waiting ?? message,
    footer: state.waiting !== null ? 'esc cancel' : '↑↓ choose  enter challenge  n next free  esc back',
  };
}

/** What the challenged player's answer is, if the key gave one. */
export type PromptAction = { readonly kind: 'answer'; readonly accept: boolean } | null;

/** The prompt after `key`: up and down choose, Enter answers, y accepts, n, Esc and q decline. */
export function promptKey(selected: 0 | 1, key: MenuKey): { readonly selected: 0 | 1; readonly action: PromptAction } {
  switch (key.kind) {
    case 'up':
    case 'down':
    case 'left':
    case 'right':
      return { selected: selected === 0 ? 1 : 0, action: null };
    case 'enter':
      return { selected, action: { kind: 'answer', accept: selected === 0 } };
    case 'back':
    case 'quit':
      return { selected, action: { kind: 'answer', accept: false } };
    case 'letter':
      if (key.letter === 'y') return { selected, action: { kind: 'answer', accept: true } };
      if (key.letter === 'n') return { selected, action: { kind: 'answer', accept: false } };
      return { selected, action: null };
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** The challenge as its player sees it, over whatever menu screen they were on. */
export function promptView(incoming: NonNullable<LobbyState['incoming']>): MenuView {
  const { challenge, selected } = incoming;
  return {
    kind: 'menu',
    title: 'CHALLENGE',
    rows: [
      { text: `${challenge.from} challenges you to a match`, inert: true },
      { text: `rules: ${challenge.rules}`, inert: true },
      { text: '', inert: true },
      { text: 'Accept' },
      { text: 'Decline' },
    ],
    selected: 3 + selected,
    message: '',
    footer: 'y accept  n decline  enter choose',
  };
}
