/**
 * What a game comes to: its statistics, and which games count, the one rule
 * behind the high-score table, the personal best and NEW PERSONAL BEST.
 * Only a finished game counts (a top out, a sprint's 40 lines); a game quit
 * or restarted mid-way does not, and neither does a practice game (one
 * started with a fixed queue, CLI.md version 2), which is recorded but never
 * scored. Marathon ranks by score, sprint by time; a tie keeps the older.
 */
import type { GameSettings, GameState } from './game.js';
import { DIG_LINE_CHOICES, MODES, rankedByTime, RULE_SETS, type Mode, type RuleSet } from './modes.js';
import { SPRINT_LINES } from './rules.js';
import { TICKS_PER_SECOND } from './time.js';

/**
 * Why a game does not count, in the order they are told: a practice game
 * never could; an unfinished one was left before its end; a sprint that
 * topped out before its lines, or a marathon without a point, has no result.
 */
export type Exclusion = 'practice' | 'unfinished' | 'toppedOut' | 'noPoints';

/** Whether a game counts, and its result (points, or a sprint's ticks) when it does. */
export type Standing = { readonly kind: 'scored'; readonly result: number } | { readonly kind: 'excluded'; readonly why: Exclusion };

/** Whether games with these settings are practice: a fixed queue deals pieces the seed does not, so no two results compare. */
export function isPractice(settings: Pick<Required<GameSettings>, 'queue'>): boolean {
  return settings.queue !== '';
}

/** The numbers of a game that its mode ranks by. */
export interface Ranked {
  /** Points. */
  readonly score: number;
  /** Ticks of play, paused ticks not counted. */
  readonly time: number;
}

/** The number `mode` ranks a game (or a table entry) by: points (marathon, ultra), or ticks (sprint, dig). */
export function rankedResult(mode: Mode, game: Ranked): number {
  return rankedByTime(mode) ? game.time : game.score;
}

/** Whether `state` counts for the high-score table and the personal best, and with what result. */
export function standing(state: GameState): Standing {
  if (isPractice(state.settings)) return { kind: 'excluded', why: 'practice' };
  if (state.status !== 'over') return { kind: 'excluded', why: 'unfinished' };
  const { mode, digLines } = state.settings;
  if (mode === 'sprint' || mode === 'dig') {
    // Only a game that reached its goal has a time: 40 lines, or digLines garbage rows removed.
    const reached = mode === 'sprint' ? state.lines >= SPRINT_LINES : state.garbage.cleared >= digLines;
    return state.topOut === null && reached
      ? { kind: 'scored', result: rankedResult(mode, state) }
      : { kind: 'excluded', why: 'toppedOut' };
  }
  // An ultra that topped out before its two minutes has no result, as a sprint before its lines.
  if (mode === 'ultra' && state.topOut !== null) return { kind: 'excluded', why: 'toppedOut' };
  return state.score > 0 ? { kind: 'scored', result: rankedResult(mode, state) } : { kind: 'excluded', why: 'noPoints' };
}

/** The result `state` enters the table with (marathon points, sprint ticks), or null when it does not count. */
export function scoredResult(state: GameState): number | null {
  const s = standing(state);
  return s.kind === 'scored' ? s.result : null;
}

/** Whether `result` beats `best` in `mode`: more points (marathon, ultra), or less time (sprint, dig). A tie keeps the older best. */
export function beats(mode: Mode, result: number, best: number | null): boolean {
  if (best === null) return true;
  return rankedByTime(mode) ? result < best : result > best;
}

/** A mode's tables: one each, but dig, whose 10, 18 and 100 lines are three races that do not compare. */
type ModeTable = 'marathon' | 'sprint' | 'ultra' | `dig-${10 | 18 | 100}`;

/**
 * Which high-score table and personal best a game belongs to: one per rule
 * set and mode (and dig lines). The nes tables keep the names they always
 * had (`marathon`, `sprint`), so old score files read as nes; the others
 * are `ultra`, `dig-10`..., and `guideline-marathon`, `guideline-dig-18`...
 */
export type TableKey = ModeTable | `guideline-${ModeTable}`;

/** Every table, in the order they are shown: nes first, each mode in order. */
export const TABLE_KEYS: readonly TableKey[] = RULE_SETS.flatMap((rules) =>
  MODES.flatMap((mode) => (mode === 'dig' ? DIG_LINE_CHOICES : [0]).map((digLines) => tableKey({ rules, mode, digLines }))),
);

/** The table of games with these settings. */
export function tableKey(settings: { readonly rules?: RuleSet; readonly mode: Mode; readonly digLines?: number }): TableKey {
  const table = (settings.mode === 'dig' ? `dig-${settings.digLines ?? DIG_LINE_CHOICES[0]}` : settings.mode) as ModeTable;
  return (settings.rules ?? 'nes') === 'nes' ? table : `guideline-${table}`;
}

/** What a table holds: its rule set, mode and (dig) lines. */
export function tableOf(key: TableKey): { readonly rules: RuleSet; readonly mode: Mode; readonly digLines?: number } {
  const rules: RuleSet = key.startsWith('guideline-') ? 'guideline' : 'nes';
  const rest = rules === 'nes' ? key : key.slice('guideline-'.length);
  if (rest.startsWith('dig-')) return { rules, mode: 'dig', digLines: Number(rest.slice(4)) };
  return { rules, mode: rest as Mode };
}

/** Whether a string names a table. */
export function isTableKey(value: string): value is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(value);
}

/** The best result so far of each table (points, or ticks where time ranks); a table missing has none yet. */
export type PersonalBests = { readonly [K in TableKey]?: number | null };

/** No games yet. */
export const NO_BESTS: PersonalBests = Object.freeze({});

/** The bests after a game has ended: unchanged unless the game counts (finished, not practice) and beats its table's best. */
export function updateBests(bests: PersonalBests, state: GameState): PersonalBests {
  const result = scoredResult(state);
  const key = tableKey(state.settings);
  if (result === null || !beats(state.settings.mode, result, bests[key] ?? null)) return bests;
  return { ...bests, [key]: result };
}

/** Whether `state` is a game that counts and beats `best`, its mode's best before it: NEW PERSONAL BEST. */
export function isNewBest(state: GameState, best: number | null): boolean {
  const result = scoredResult(state);
  return result !== null && beats(state.settings.mode, result, best);
}

/** The statistics of a game. */
export interface GameStats {
  /** Ticks of play, paused ticks not counted. */
  readonly time: number;
  /** Pieces locked. */
  readonly pieces: number;
  /** Pieces locked per second of play; 0 before any time has passed. */
  readonly piecesPerSecond: number;
  readonly lines: number;
  /** Clears of one, two, three and four rows at once. */
  readonly singles: number;
  readonly doubles: number;
  readonly triples: number;
  readonly tetrises: number;
  /** Share of the lines cleared that were cleared by tetrises, 0-1; null before the first line. */
  readonly tetrisRate: number | null;
}

/** The statistics of `state` (the core counts clears in `state.clears`). */
export function gameStats(state: GameState): GameStats {
  const [singles, doubles, triples, tetrises] = state.clears;
  return {
    time: state.time,
    pieces: state.pieces,
    piecesPerSecond: state.time > 0 ? (state.pieces * TICKS_PER_SECOND) / state.time : 0,
    lines: state.lines,
    singles,
    doubles,
    triples,
    tetrises,
    tetrisRate: state.lines > 0 ? (4 * tetrises) / state.lines : null,
  };
}
