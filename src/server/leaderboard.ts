/**
 * The server's leaderboard: every finished game that counts, per rule set
 * and mode, in SQLite (`node:sqlite`) in the data folder, beside the
 * replays. A game is entered only from the server's own replay: its inputs
 * as the server received them, run again in the core, and the result of
 * that run is the score (the client never says what it scored).
 *
 * Durability: the replay file is written and fsynced first (the one safe
 * writer), then the row in one transaction. The database runs in WAL mode
 * with synchronous=FULL: every commit is on the disk before the result is
 * shown, so a `kill -9` (or a power cut) after that loses no finished game.
 * NORMAL would be safe from corruption too but could lose the last commits
 * on a power cut; a few games a second is nothing for FULL.
 */
import { existsSync, mkdirSync } from '../cli/disk.js';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  beats,
  runReplay,
  scoredResult,
  serializeMatchReplay,
  serializeReplay,
  tableKey,
  tableOf,
  TABLE_KEYS,
  type GameState,
  type Replay,
  type TableKey,
  type MatchReplay,
} from '../core/index.js';
import { archiveReplayName, replaysDir } from '../cli/game-archive.js';
import { EMPTY_TABLE, formatTable, TABLE_SIZE, type ScoreEntry, type ScoreTable } from '../cli/high-scores.js';
import { writeNewFileSafely } from '../cli/safe-write.js';

/** The database's file name in the data folder. */
export const DATABASE_FILE = 'scores.sqlite';

/** A table entry with the player who played it. */
export interface ServerEntry extends ScoreEntry {
  readonly player: string;
}

/** The tables as scores.json has them (formatTable reads them), each entry with its player. */
export type ServerTable = ScoreTable & { readonly [K in TableKey]?: readonly ServerEntry[] };

/** What the server keeps of a game that ended. */
export interface KeptGame {
  /** The replay's file name in `replays/`. */
  readonly replay: string;
  /** The server's own run of it. */
  readonly state: GameState;
  /** Its rank in its table (1-10), or null when it did not enter the top 10 or does not count. */
  readonly rank: number | null;
}

interface Row {
  readonly player: string;
  readonly score: number;
  readonly lines: number;
  readonly level: number;
  readonly start_level: number;
  readonly time: number;
  readonly pieces: number;
  readonly seed: number;
  readonly date: string;
  readonly replay: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  id INTEGER PRIMARY KEY,
  table_key TEXT NOT NULL,
  player TEXT NOT NULL,
  result INTEGER NOT NULL,
  score INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  level INTEGER NOT NULL,
  start_level INTEGER NOT NULL,
  time INTEGER NOT NULL,
  pieces INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  date TEXT NOT NULL,
  replay TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS games_by_table ON games (table_key, result);
`;

/** The leaderboard of a server's data folder. */
export class Leaderboard {
  private readonly db: DatabaseSync;

  /** The server's leaderboard in `dir`, made there if new; `readOnly` (`inktris scores --server`) opens one that exists and changes nothing. */
  constructor(
    readonly dir: string,
    readOnly = false,
  ) {
    if (readOnly) {
      if (!existsSync(join(dir, DATABASE_FILE))) throw new Error(`no ${DATABASE_FILE} there: not a server's folder`);
      this.db = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
      return;
    }
    mkdirSync(replaysDir(dir), { recursive: true, mode: 0o700 });
    this.db = new DatabaseSync(join(dir, DATABASE_FILE));
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /**
   * Keep a versus match played on the server: its file (fsynced) beside the
   * games' replays, named as they are. A match enters no table. Synchronous,
   * as `keep` is: done when the match's end effect returns.
   */
  keepMatch(match: MatchReplay, date: Date): string {
    mkdirSync(replaysDir(this.dir), { recursive: true, mode: 0o700 });
    const name = archiveReplayName(this.dir, date, match.seed);
    writeNewFileSafely(join(replaysDir(this.dir), name), serializeMatchReplay(match));
    return name;
  }

  /**
   * Keep a finished game: its replay file (fsynced), then, if it counts, its
   * row, committed. The score is the core's run of `replay`, never what
   * the session's screen showed. Synchronous on purpose: it is done when
   * the screen's game-end effect returns, before the result is drawn.
   */
  keep(player: string, replay: Replay, date: Date): KeptGame {
    const state = runReplay(replay);
    mkdirSync(replaysDir(this.dir), { recursive: true, mode: 0o700 });
    const name = archiveReplayName(this.dir, date, replay.seed);
    writeNewFileSafely(join(replaysDir(this.dir), name), serializeReplay(replay));
    const result = scoredResult(state);
    if (result === null) return { replay: name, state, rank: null };
    const key = tableKey(state.settings);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db
        .prepare(
          'INSERT INTO games (table_key, player, result, score, lines, level, start_level, time, pieces, seed, date, replay) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          key,
          player,
          result,
          state.score,
          state.lines,
          state.level,
          state.settings.startLevel,
          state.time,
          state.pieces,
          replay.seed,
          date.toISOString(),
          name,
        );
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return { replay: name, state, rank: this.rankOf(key, name) };
  }

  /** The rank (1-10) of the game kept as `replay` in table `key`, or null below the top 10. */
  private rankOf(key: TableKey, replay: string): number | null {
    const entries = this.entries(key);
    const at = entries.findIndex((entry) => entry.replay === replay);
    return at < 0 ? null : at + 1;
  }

  /** The top 10 of table `key`, best first (the older game wins a tie). */
  entries(key: TableKey): ServerEntry[] {
    const { mode } = tableOf(key);
    const order = beats(mode, 0, 1) ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare(
        `SELECT player, score, lines, level, start_level, time, pieces, seed, date, replay FROM games WHERE table_key = ? ORDER BY result ${order}, date ASC, id ASC LIMIT ?`,
      )
      .all(key, TABLE_SIZE) as unknown as Row[];
    return rows.map((row) => ({
      player: row.player,
      score: row.score,
      lines: row.lines,
      level: row.level,
      startLevel: row.start_level,
      time: row.time,
      pieces: row.pieces,
      seed: row.seed,
      date: row.date,
      replay: row.replay,
    }));
  }

  /** Every table with a game (and the nes two), as `scores.json` has them, for the same formatting. */
  table(): ServerTable {
    const table: Record<string, unknown> = { ...EMPTY_TABLE };
    for (const key of TABLE_KEYS) {
      const entries = this.entries(key);
      if (entries.length > 0 || key === 'marathon' || key === 'sprint') table[key] = entries;
    }
    return table as unknown as ServerTable;
  }

  /** `PRAGMA integrity_check`'s answer: `ok` when the file is sound. */
  integrity(): string {
    const row = this.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return row.integrity_check;
  }

  close(): void {
    this.db.close();
  }
}

/** `formatTable` of the server's tables, each row with its player's name after it (names are checked printable when they connect). */
export function formatServerTable(table: ScoreTable, keys: readonly TableKey[]): string {
  return keys
    .map((key) => {
      const players: readonly Partial<ServerEntry>[] = table[key] ?? [];
      let row = 0;
      return formatTable(table, [key])
        .split('\n')
        .map((line) => {
          if (/^\s+#\s/.test(line)) return `${line}              PLAYER`;
          return /^\s*\d+\s/.test(line) && row < players.length ? `${line}  ${players[row++]?.player ?? ''}` : line;
        })
        .join('\n');
    })
    .join('\n');
}
