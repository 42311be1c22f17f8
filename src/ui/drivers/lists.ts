/**
 * The two list screens of the front door, as pure models: Scores (the
 * high-score tables, one at a time, left and right to turn) and Watch (on
 * a server the games in progress first, then the kept replays, newest
 * first; Enter watches one).
 */
import type { MenuKey } from '../input/menu-keys.js';
import type { KeptReplay, LiveGame, ScoreSheet } from './app-io.js';
import type { MenuView } from './menu-view.js';

/** The Scores screen: which table is shown. */
export interface ScoresModel {
  readonly at: number;
}

/** The Watch screen: which replay is selected. */
export interface WatchModel {
  readonly selected: number;
}

/** What a list screen asks for. */
export type ListAction =
  | { readonly kind: 'back' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'watch'; readonly name: string }
  | { readonly kind: 'watchLive'; readonly id: number };

const wrap = (n: number, count: number): number => (count === 0 ? 0 : (n + count) % count);

function leave(key: MenuKey): ListAction | null {
  if (key.kind === 'back') return { kind: 'back' };
  if (key.kind === 'quit') return { kind: 'quit' };
  return null;
}

/** Scores after `key`: left/right (and up/down) turn the tables; Esc back. */
export function scoresKey(
  model: ScoresModel,
  key: MenuKey,
  sheets: readonly ScoreSheet[],
): { model: ScoresModel; action: ListAction | null } {
  const by = key.kind === 'left' || key.kind === 'up' ? -1 : key.kind === 'right' || key.kind === 'down' || key.kind === 'enter' ? 1 : 0;
  if (by !== 0) return { model: { at: wrap(model.at + by, sheets.length) }, action: null };
  return { model, action: leave(key) };
}

/** Scores as the screen shows them. */
export function scoresView(model: ScoresModel, sheets: readonly ScoreSheet[]): MenuView {
  const sheet = sheets[Math.min(model.at, sheets.length - 1)];
  return {
    kind: 'menu',
    title: sheet ? `SCORES: ${sheet.title}` : 'SCORES',
    rows: (sheet?.lines ?? ['no games yet']).map((text) => ({ text, inert: true })),
    selected: -1,
    message: sheets.length > 1 ? `table ${model.at + 1} of ${sheets.length}` : '',
    footer: '←→ other tables  esc back',
  };
}

/** Watch after `key`: up/down choose, Enter watches (a game in progress, or a replay), Esc back. */
export function watchKey(
  model: WatchModel,
  key: MenuKey,
  replays: readonly KeptReplay[],
  live: readonly LiveGame[] = [],
): { model: WatchModel; action: ListAction | null } {
  const count = live.length + replays.length;
  switch (key.kind) {
    case 'up':
    case 'down':
      return { model: { selected: wrap(model.selected + (key.kind === 'up' ? -1 : 1), count) }, action: null };
    case 'enter': {
      const game = live[model.selected];
      if (game) return { model, action: { kind: 'watchLive', id: game.id } };
      const replay = replays[model.selected - live.length];
      return { model, action: replay ? { kind: 'watch', name: replay.name } : null };
    }
    default:
      return { model, action: leave(key) };
  }
}

/** Watch as the screen shows it; `message` says what just happened (a replay that could not be read). */
export function watchView(model: WatchModel, replays: readonly KeptReplay[], message = '', live: readonly LiveGame[] = []): MenuView {
  const rows = [...live, ...replays];
  const empty = rows.length === 0;
  return {
    kind: 'menu',
    title: 'WATCH',
    rows: empty ? [{ text: 'no kept replays yet: play a game', inert: true }] : rows.map((r) => ({ text: r.label })),
    selected: empty ? -1 : Math.min(model.selected, rows.length - 1),
    message,
    footer: empty ? 'esc back' : '↑↓ choose  enter watch  esc back',
  };
}
