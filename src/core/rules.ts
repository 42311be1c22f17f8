/**
 * The Nintendo numbers: gravity per level, points per clear, and when the
 * level goes up (RULES.md "Gravity" and "Lines, score and level").
 */

/** Ticks (60 per second) a piece takes to fall one row, by level 0-29; 29 and above is 1. */
// biome-ignore format: the NES table, levels 0-9 then 10-19 then 20-29
const GRAVITY_BY_LEVEL: readonly number[] = [
  48, 43, 38, 33, 28, 23, 18, 13, 8, 6,
  5, 5, 5, 4, 4, 4, 3, 3, 3, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 1,
];

/**
 * Ticks per row of gravity at a level: the NES table, never below one tick.
 * One look-up for every level: a branch for the levels past the table
 * would be code a long replay first reaches at level 19, and V8 throws
 * away its compiled fold there to learn it.
 */
export function gravityTicks(level: number): number {
  return GRAVITY_BY_LEVEL[Math.min(level, GRAVITY_BY_LEVEL.length - 1)]!;
}

/** Points for 1, 2, 3 and 4 rows cleared at once, before the level multiplier. */
export const LINE_POINTS: readonly number[] = [0, 40, 100, 300, 1200];

/** Points for clearing `rows` rows (1-4) at `level`: base x (level + 1). */
export function clearPoints(rows: number, level: number): number {
  return (LINE_POINTS[rows] ?? 0) * (level + 1);
}

/** Ticks a resting piece waits before it locks. */
export const LOCK_DELAY = 30;
/** Moves or rotations that may restart the lock count, per piece (per new lowest row). */
export const LOCK_RESETS = 15;
/** Lines that end a sprint. */
export const SPRINT_LINES = 40;
/** Highest start level. */
export const MAX_START_LEVEL = 19;

/** The line total at which a game started at `startLevel` first levels up (NES). */
export function firstLevelUpLines(startLevel: number): number {
  return Math.min(10 * startLevel + 10, Math.max(100, 10 * startLevel - 50));
}

/** The level after `lines` lines in a game started at `startLevel`. */
export function levelFor(startLevel: number, lines: number): number {
  const first = firstLevelUpLines(startLevel);
  if (lines < first) return startLevel;
  return startLevel + 1 + Math.floor((lines - first) / 10);
}
