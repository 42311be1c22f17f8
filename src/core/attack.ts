/**
 * Attack: the garbage rows a clear sends in versus (RULES.md "Versus"),
 * from the clear the lock's step events describe.
 */
import type { RuleSet } from './modes.js';
import type { ClearEvent } from './scoring.js';

/** guideline rows sent by a clear without a T-spin, by rows cleared (0-4). */
const PLAIN: readonly number[] = [0, 0, 1, 2, 4];
/** guideline rows sent by a T-spin mini, by rows cleared (0-2). */
const MINI: readonly number[] = [0, 0, 1];
/** guideline rows sent by a full T-spin, by rows cleared (0-3). */
const FULL: readonly number[] = [0, 2, 4, 6];
/** What a combo counter c adds, at c = 1..11; beyond 11 the last. */
const COMBO: readonly number[] = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5];
/** A perfect clear sends this instead of everything else. */
export const PERFECT_CLEAR_ATTACK = 10;

/** Rows of garbage a combo counter `combo` (after the lock) adds under guideline. */
export function comboAttack(combo: number): number {
  if (combo < 1) return 0;
  return COMBO[Math.min(combo, COMBO.length) - 1]!;
}

/** Rows of garbage a lock's clear sends under `rules`; 0 for a lock that clears nothing. */
export function attackOf(rules: RuleSet, clear: ClearEvent): number {
  const rows = clear.rows;
  if (rows === 0) return 0;
  if (rules === 'nes') return rows === 4 ? 4 : rows - 1;
  if (clear.perfectClear) return PERFECT_CLEAR_ATTACK;
  const table = clear.tspin === 'mini' ? MINI : clear.tspin === 'full' ? FULL : PLAIN;
  const base = table[rows] ?? 0;
  return base + (clear.backToBack ? 1 : 0) + comboAttack(clear.combo);
}
