/**
 * The guideline rule set's numbers (RULES.md "Rule set `guideline`"):
 * gravity in 1/65536 rows per tick, the fixed goal of 10 lines a level.
 * Scoring is in scoring.ts, T-spins in tspin.ts.
 */

/** Gravity counts in this many units a row. */
export const GRAVITY_UNIT = 65536;

/** The first level of 20G: from here the piece is always at its landing row. */
export const TWENTY_G_LEVEL = 19;

/**
 * Units per tick at levels 1-18, pinned from (0.8 - (L-1) * 0.007)^(L-1)
 * seconds a row at 60 ticks a second: a replay must not depend on Math.pow.
 */
// biome-ignore format: the two rows of the table in RULES.md
const UNITS_BY_LEVEL: readonly number[] = [
  0, 1092, 1377, 1768, 2311, 3075, 4169, 5759, 8107, 11634,
  17026, 25416, 38709, 60169, 95483, 154742, 256187, 433425, 749597,
];

/** Gravity units per tick at a level below 20G (levels 1-18; below 1 counts as 1). */
export function gravityUnits(level: number): number {
  return UNITS_BY_LEVEL[Math.max(level, 1)] ?? GRAVITY_UNIT * 20;
}

/** Whether a level plays at 20G. */
export function isTwentyG(level: number): boolean {
  return level >= TWENTY_G_LEVEL;
}

/** Lines a level takes: the fixed goal. */
export const GOAL_LINES = 10;

/** The level after `lines` lines in a guideline game started at `startLevel`: start + floor(lines / 10). */
export function guidelineLevel(startLevel: number, lines: number): number {
  return startLevel + Math.floor(lines / GOAL_LINES);
}

/** Ticks until gravity next moves a falling piece one row, from a count of `count` units at `level` (below 20G). */
export function ticksToRow(level: number, count: number): number {
  const units = gravityUnits(level);
  return Math.max(1, Math.ceil((GRAVITY_UNIT - count) / units));
}
