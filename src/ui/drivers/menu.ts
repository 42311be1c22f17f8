/**
 * The front door's main menu as a pure model: the modes, Watch, Scores,
 * Settings and Quit, then the choices a game starts with (rule set, start
 * level, dig lines). Up and down move, left and right change a choice,
 * Enter chooses, and a first letter is a shortcut: a letter one item has
 * chooses it at once, a letter several have (Sprint, Scores, Settings)
 * moves to the next of them.
 */
import { DIG_LINE_CHOICES, RULE_SETS, startLevelRange, type Mode } from '../../core/index.js';
import type { MenuKey } from '../input/menu-keys.js';
import type { MenuChoices } from './app-io.js';
import type { MenuRow, MenuView } from './menu-view.js';

/** The items, in the menu's order (CLI.md: the modes, Versus, Watch, Scores, Settings, Quit). */
export const MENU_ITEMS = ['Marathon', 'Sprint', 'Ultra', 'Dig', 'Versus', 'Watch', 'Scores', 'Settings', 'Quit'] as const;
/** A server's items (CLI.md "Server"): the Lobby, for a match against another connected player, after Versus. */
export const SERVER_MENU_ITEMS = ['Marathon', 'Sprint', 'Ultra', 'Dig', 'Versus', 'Lobby', 'Watch', 'Scores', 'Settings', 'Quit'] as const;
export type MenuItem = (typeof SERVER_MENU_ITEMS)[number];

const MODE_OF: Partial<Record<MenuItem, Mode>> = { Marathon: 'marathon', Sprint: 'sprint', Ultra: 'ultra', Dig: 'dig' };

/** The choice rows under the items. */
const CHOICES = ['rules', 'level', 'digLines', 'opponent', 'botPps'] as const;

/** Who Versus plays against: the bot, or a second player at the keyboard. */
export const OPPONENTS = ['bot', 'local'] as const;
/** The bot's paces Versus offers, in pieces a second (the bot's range, 0.5-10). */
export const BOT_SPEEDS: readonly number[] = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 10];
/** The bot's pace when nothing is remembered (the bot's own default). */
const DEFAULT_BOT_SPEED = 1.5;
type Choice = (typeof CHOICES)[number];

/** Rows: the items, a blank, the choices. */
const blankRow = (menu: MainMenu) => menu.items.length;
const firstChoice = (menu: MainMenu) => blankRow(menu) + 1;
const rowCount = (menu: MainMenu) => firstChoice(menu) + CHOICES.length;

/** The choices with nothing remembered. */
export const DEFAULT_CHOICES: MenuChoices = Object.freeze({ rules: 'nes', level: 0, digLines: 10, item: 'Marathon' });

/** The main menu's model. */
export interface MainMenu {
  readonly choices: MenuChoices;
  /** The row selected: an item, or a choice (never the blank). */
  readonly selected: number;
  /** The items shown: MENU_ITEMS, or a server's SERVER_MENU_ITEMS. @default MENU_ITEMS */
  readonly items: readonly MenuItem[];
}

/** What choosing in the menu asks for. */
export type MenuAction =
  | { readonly kind: 'play'; readonly mode: Mode }
  /** A versus match, against the choices' opponent. */
  | { readonly kind: 'versus' }
  | { readonly kind: 'open'; readonly screen: 'watch' | 'scores' | 'settings' | 'lobby' }
  | { readonly kind: 'quit' };

/** The menu at a start, the item chosen last selected; a server's (`lobby`) has the Lobby. */
export function mainMenu(choices: MenuChoices, lobby = false): MainMenu {
  const items: readonly MenuItem[] = lobby ? SERVER_MENU_ITEMS : MENU_ITEMS;
  const at = items.indexOf(choices.item as MenuItem);
  return { choices, selected: Math.max(at, 0), items };
}

/** What choosing `item` does; the choices remember it. */
function choose(menu: MainMenu, item: MenuItem): { menu: MainMenu; action: MenuAction } {
  const selected = menu.items.indexOf(item);
  const mode = MODE_OF[item];
  const next = { ...menu, choices: { ...menu.choices, item }, selected };
  if (mode) return { menu: next, action: { kind: 'play', mode } };
  if (item === 'Versus') return { menu: next, action: { kind: 'versus' } };
  if (item === 'Quit') return { menu: { ...menu, selected }, action: { kind: 'quit' } };
  return { menu: next, action: { kind: 'open', screen: item.toLowerCase() as 'watch' | 'scores' | 'settings' | 'lobby' } };
}

/** `value` moved `by` places in `list`, round. */
function cycle<T>(list: readonly T[], value: T, by: number): T {
  const at = Math.max(0, list.indexOf(value));
  return list[(at + by + list.length) % list.length]!;
}

/** A choice changed one step up (`by` 1) or down (-1); the level stays in its rule set's range. */
function change(choices: MenuChoices, choice: Choice, by: number): MenuChoices {
  switch (choice) {
    case 'rules': {
      const rules = cycle(RULE_SETS, choices.rules, by);
      const { min, max } = startLevelRange(rules);
      return { ...choices, rules, level: Math.min(max, Math.max(min, choices.level)) };
    }
    case 'level': {
      const { min, max } = startLevelRange(choices.rules);
      const span = max - min + 1;
      return { ...choices, level: min + ((((choices.level - min + by) % span) + span) % span) };
    }
    case 'digLines':
      return { ...choices, digLines: cycle(DIG_LINE_CHOICES, choices.digLines, by) };
    case 'opponent':
      return { ...choices, opponent: cycle(OPPONENTS, choices.opponent ?? 'bot', by) };
    case 'botPps':
      return { ...choices, botPps: cycle(BOT_SPEEDS, choices.botPps ?? DEFAULT_BOT_SPEED, by) };
    default: {
      const never: never = choice;
      return never;
    }
  }
}

/** The next row from `row` going `by` (1 down, -1 up), round, over the blank. */
function move(menu: MainMenu, row: number, by: number): number {
  const count = rowCount(menu);
  const next = (row + by + count) % count;
  return next === blankRow(menu) ? move(menu, next, by) : next;
}

/** The menu after `key`, and what it asks for (null: nothing). */
export function mainMenuKey(menu: MainMenu, key: MenuKey): { readonly menu: MainMenu; readonly action: MenuAction | null } {
  const choice = menu.selected >= firstChoice(menu) ? CHOICES[menu.selected - firstChoice(menu)]! : null;
  switch (key.kind) {
    case 'up':
    case 'down':
      return { menu: { ...menu, selected: move(menu, menu.selected, key.kind === 'up' ? -1 : 1) }, action: null };
    case 'left':
    case 'right':
      if (!choice) return { menu, action: null };
      return { menu: { ...menu, choices: change(menu.choices, choice, key.kind === 'left' ? -1 : 1) }, action: null };
    case 'enter':
      if (choice) return { menu: { ...menu, choices: change(menu.choices, choice, 1) }, action: null };
      return choose(menu, menu.items[menu.selected]!);
    case 'back':
      return { menu, action: null };
    case 'quit':
      return { menu, action: { kind: 'quit' } };
    case 'letter': {
      const matching = menu.items.filter((item) => item[0]!.toLowerCase() === key.letter);
      if (matching.length === 1) return choose(menu, matching[0]!);
      if (matching.length === 0) return { menu, action: null };
      // Several items share the letter: the next of them after the selected row.
      const rows = matching.map((item) => menu.items.indexOf(item));
      const selected = rows.find((row) => row > menu.selected) ?? rows[0]!;
      return { menu: { ...menu, selected }, action: null };
    }
    default: {
      const never: never = key;
      return never;
    }
  }
}

/** A choice row: its name, then its value between arrows. */
const choiceRow = (name: string, value: string): MenuRow => ({ text: `${name.padEnd(12)}< ${value} >` });

/** The menu as the screen shows it; `message` says what just happened. */
export function mainMenuView(menu: MainMenu, message = ''): MenuView {
  const { choices } = menu;
  const rows: MenuRow[] = [
    ...menu.items.map((text) => ({ text })),
    { text: '', inert: true },
    choiceRow('Rules', choices.rules),
    choiceRow('Start level', String(choices.level)),
    choiceRow('Dig lines', String(choices.digLines)),
    choiceRow('Versus', choices.opponent === 'local' ? 'two players' : 'bot'),
    choiceRow('Bot speed', `${choices.botPps ?? DEFAULT_BOT_SPEED} pieces/s`),
  ];
  return {
    kind: 'menu',
    title: 'INKTRIS',
    rows,
    selected: menu.selected,
    message,
    footer: '↑↓ choose  ←→ change  enter play  q quit',
  };
}
