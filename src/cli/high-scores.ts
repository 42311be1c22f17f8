/**
 * The high-score table: top 10 per rule set and mode (marathon and ultra by
 * score, sprint and dig by time; each dig length its own), as pure data and
 * functions; data-store.ts does the disk. The file keeps the nes marathon
 * and sprint tables under the names they always had, so an old file reads
 * as nes; every other table sits beside them under its key (core/results.ts
 * `tableKey`: `ultra`, `dig-10`, `guideline-marathon`...).
 */
import {
  beats,
  rankedByTime,
  rankedResult,
  TABLE_KEYS,
  tableOf,
  TICKS_PER_SECOND,
  type PersonalBests,
  type TableKey,
} from '../core/index.js';
import { printable } from './errors.js';

/** Entries kept per mode. */
export const TABLE_SIZE = 10;

/** One finished game in the table. */
export interface ScoreEntry {
  readonly score: number;
  readonly lines: number;
  readonly level: number;
  readonly startLevel: number;
  /** Ticks of play (60 per second); a sprint's result. */
  readonly time: number;
  readonly pieces: number;
  readonly seed: number;
  /** When the game ended, ISO 8601. */
  readonly date: string;
  /** The kept replay's file name in the data folder's `replays/`, or null if it could not be saved. */
  readonly replay: string | null;
}

/** The file `scores.json`: a list per table; tables without a game may be left out (the nes two never are). */
export type ScoreTable = {
  readonly format: 'inktris-scores';
  readonly version: 1;
  readonly marathon: readonly ScoreEntry[];
  readonly sprint: readonly ScoreEntry[];
} & { readonly [K in TableKey]?: readonly ScoreEntry[] };

/** A table with no entries. */
export const EMPTY_TABLE: ScoreTable = { format: 'inktris-scores', version: 1, marathon: [], sprint: [] };

/** Whether `a` ranks above `b` in table `table`: the core's rule (more points, or less time), and the older entry wins a tie. */
function better(table: TableKey, a: ScoreEntry, b: ScoreEntry): boolean {
  const { mode } = tableOf(table);
  const [mine, theirs] = [rankedResult(mode, a), rankedResult(mode, b)];
  return mine !== theirs ? beats(mode, mine, theirs) : a.date < b.date;
}

/** The table with `entry` added to the list `mode` (a table key), and its rank (1-10), or null when it did not make the top 10. */
export function addEntry(table: ScoreTable, mode: TableKey, entry: ScoreEntry): { table: ScoreTable; rank: number | null } {
  const list = [...(table[mode] ?? [])];
  let at = list.findIndex((other) => better(mode, entry, other));
  if (at === -1) at = list.length;
  if (at >= TABLE_SIZE) return { table, rank: null };
  list.splice(at, 0, entry);
  return { table: { ...table, [mode]: list.slice(0, TABLE_SIZE) }, rank: at + 1 };
}

/** The result of each table's top entry (points, or ticks where time ranks): the bests a session starts from. */
export function tableBests(table: ScoreTable): PersonalBests {
  const bests: Partial<Record<TableKey, number | null>> = {};
  for (const key of TABLE_KEYS) {
    const entry = table[key]?.[0];
    bests[key] = entry ? rankedResult(tableOf(key).mode, entry) : null;
  }
  return bests;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * An ISO 8601 UTC date and time as `Date.prototype.toISOString` writes it
 * (`2026-11-23T12:00:00.000Z`; seconds and their fraction optional). Not
 * `Date.parse`, which takes almost anything with a date in it, escape codes
 * around it included; and UTC only, so that the older of two dates is the
 * smaller string (the table's tie-break).
 */
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z$/;

/** Whether `text` is an ISO 8601 UTC date-time of a day that exists (no 31 April, no 29 February in 2026). */
export function isIsoDate(text: string): boolean {
  const m = ISO_UTC.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May: a date that exists comes back as written.
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

function entryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  for (const key of ['score', 'lines', 'level', 'startLevel', 'time', 'pieces', 'seed'] as const) {
    if (!isCount(e[key])) return `${key} is not a whole number >= 0`;
  }
  if (typeof e.date !== 'string' || !isIsoDate(e.date)) return 'date is not an ISO 8601 UTC date (2026-11-23T12:00:00.000Z)';
  if (e.replay !== null && (typeof e.replay !== 'string' || !/^[\w.-]{1,100}$/.test(e.replay))) return 'replay is not a file name';
  return null;
}

/** The table in `value`, or a one-line problem (the file is then moved aside). Unknown fields are dropped. */
export function validateTable(value: unknown): ScoreTable | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (v.format !== 'inktris-scores') return 'format is not "inktris-scores"';
  if (v.version !== 1) return `version ${printable(String(JSON.stringify(v.version)).slice(0, 40))} is not 1`;
  const out: Partial<Record<TableKey, ScoreEntry[]>> = {};
  for (const mode of TABLE_KEYS) {
    // Own fields only: a `__proto__` key in the file is data, never a table.
    const list = (Object.hasOwn(v, mode) ? v[mode] : undefined) ?? [];
    if (!Array.isArray(list)) return `${mode} is not a list`;
    if (list.length > TABLE_SIZE) return `${mode} has more than ${TABLE_SIZE} entries`;
    for (const [i, entry] of list.entries()) {
      const problem = entryProblem(entry);
      if (problem) return `${mode}[${i}]: ${problem}`;
      const e = entry as ScoreEntry;
      const kept = out[mode] ?? [];
      out[mode] = kept;
      kept.push({
        score: e.score,
        lines: e.lines,
        level: e.level,
        startLevel: e.startLevel,
        time: e.time,
        pieces: e.pieces,
        seed: e.seed,
        date: e.date,
        replay: e.replay,
      });
    }
  }
  return { ...EMPTY_TABLE, ...out, marathon: out.marathon ?? [], sprint: out.sprint ?? [] };
}

/** Ticks as `m:ss.cc`. */
export function formatTicks(ticks: number): string {
  const hundredths = Math.floor((ticks * 100) / TICKS_PER_SECOND);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A table's heading: `MARATHON`, `SPRINT (40 lines)`, `GUIDELINE ULTRA (2 minutes)`, `DIG (18 lines)`. */
export function tableTitle(key: TableKey): string {
  const { rules, mode, digLines } = tableOf(key);
  const name = { marathon: 'MARATHON', sprint: 'SPRINT (40 lines)', ultra: 'ULTRA (2 minutes)', dig: `DIG (${digLines} lines)` }[mode];
  return rules === 'guideline' ? `GUIDELINE ${name}` : name;
}

/** The tables shown when none is asked for: the nes marathon and sprint always, every other one once it has a game. */
export function shownTables(table: ScoreTable): TableKey[] {
  return TABLE_KEYS.filter((key) => key === 'marathon' || key === 'sprint' || (table[key]?.length ?? 0) > 0);
}

/** The table as text: the tables `modes` names (table keys), by default `shownTables`. */
export function formatTable(table: ScoreTable, modes: readonly TableKey[] = shownTables(table)): string {
  const out: string[] = [];
  for (const mode of modes) {
    const byTime = rankedByTime(tableOf(mode).mode);
    out.push(tableTitle(mode));
    const list = table[mode] ?? [];
    if (list.length === 0) {
      out.push('  no games yet', '');
      continue;
    }
    out.push(byTime ? '   #  TIME       PIECES  START  DATE' : '   #     SCORE  LINES  LEVEL  START  DATE');
    list.forEach((e, i) => {
      const rank = String(i + 1).padStart(4);
      // Every string from the file goes through the one sanitizer, checked or not.
      const date = printable(e.date.slice(0, 16).replace('T', ' '));
      out.push(
        byTime
          ? `${rank}  ${formatTicks(e.time).padEnd(9)}  ${String(e.pieces).padStart(6)}  ${String(e.startLevel).padStart(5)}  ${date}`
          : `${rank}  ${String(e.score).padStart(8)}  ${String(e.lines).padStart(5)}  ${String(e.level).padStart(5)}  ${String(e.startLevel).padStart(5)}  ${date}`,
      );
    });
    out.push('');
  }
  return out.join('\n');
}
