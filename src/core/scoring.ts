/**
 * What a lock's clear is worth, in both rule sets: the points and the
 * description the step events carry (RULES.md "Score" and "What happened,
 * as data"). nes scores the rows only (rules.ts); guideline adds T-spins,
 * back-to-back, combos and perfect clears.
 */
import type { RuleSet } from './modes.js';
import { clearPoints } from './rules.js';
import type { TSpin } from './tspin.js';

/** A lock's clear, for the UI to show and for versus to turn into attack. */
export interface ClearEvent {
  /** Rows removed, 0-4. */
  readonly rows: number;
  /** null, or the T-spin the lock made (guideline only; nes always null). */
  readonly tspin: TSpin;
  /** A difficult clear right after another (guideline only; nes always false). */
  readonly backToBack: boolean;
  /** The combo counter after this lock: -1 without rows, then 0, 1, 2... for each lock in a row that clears some. */
  readonly combo: number;
  /** The board was empty right after the rows were removed. */
  readonly perfectClear: boolean;
  /** Points the clear scored (not the drop points); under nes the rows' points only. */
  readonly points: number;
}

/** The action points of the guideline table by T-spin kind and rows, before the level multiplier. */
const ACTION_POINTS: Readonly<Record<'plain' | 'mini' | 'full', readonly number[]>> = {
  plain: [0, 100, 300, 500, 800],
  mini: [100, 200, 400],
  full: [400, 800, 1200, 1600],
};

/** Perfect-clear points by rows (1-4), before the level multiplier; a back-to-back tetris gets 3200. */
const PERFECT_CLEAR_POINTS: readonly number[] = [0, 800, 1200, 1800, 2000];
const BACK_TO_BACK_TETRIS_PERFECT_CLEAR = 3200;

/** Points a combo counter `c` >= 1 adds: 50 x c, before the level multiplier. */
const COMBO_POINTS = 50;

/** Whether a clear is difficult: a tetris, or a T-spin of either kind that clears rows. */
export function isDifficult(rows: number, tspin: TSpin): boolean {
  return rows === 4 || (rows > 0 && tspin !== null);
}

/** The guideline action points of a lock, before the level and back-to-back multipliers. */
export function actionPoints(rows: number, tspin: TSpin): number {
  return ACTION_POINTS[tspin ?? 'plain'][rows] ?? 0;
}

/** What the scorer needs to know about a lock. */
export interface LockFacts {
  readonly rules: RuleSet;
  readonly rows: number;
  readonly tspin: TSpin;
  /** The last clear with rows was difficult: the back-to-back chain is on. */
  readonly chain: boolean;
  /** The combo counter before this lock. */
  readonly combo: number;
  readonly perfectClear: boolean;
  /** The level in effect before the lock's rows count. */
  readonly levelBefore: number;
  /** The level after (nes scores at it). */
  readonly levelAfter: number;
}

/** The clear of a lock without rows and without a T-spin, in either rule set: most locks, one shared object. */
/** The clear of a lock that removes no rows and is no T-spin: what `scoreLock` gives for one. */
export const NO_CLEAR: ClearEvent = Object.freeze({ rows: 0, tspin: null, backToBack: false, combo: -1, perfectClear: false, points: 0 });

/** The clear of a lock and its points. */
export function scoreLock(f: LockFacts): ClearEvent {
  if (f.rows === 0 && f.tspin === null) return NO_CLEAR;
  const combo = f.rows > 0 ? f.combo + 1 : -1;
  if (f.rules === 'nes') {
    return { rows: f.rows, tspin: null, backToBack: false, combo, perfectClear: f.perfectClear, points: clearPoints(f.rows, f.levelAfter) };
  }
  const level = f.levelBefore;
  const backToBack = f.chain && isDifficult(f.rows, f.tspin);
  const action = actionPoints(f.rows, f.tspin);
  // Every difficult action score is even, so x3/2 stays whole.
  let points = (backToBack ? (action * 3) / 2 : action) * level;
  if (combo >= 1) points += COMBO_POINTS * combo * level;
  if (f.perfectClear) {
    points += (backToBack && f.rows === 4 ? BACK_TO_BACK_TETRIS_PERFECT_CLEAR : (PERFECT_CLEAR_POINTS[f.rows] ?? 0)) * level;
  }
  return { rows: f.rows, tspin: f.tspin, backToBack, combo, perfectClear: f.perfectClear, points };
}

/** The back-to-back chain after a lock: a clear with rows sets it to whether it was difficult; a lock without rows keeps it. */
export function chainAfter(chain: boolean, rows: number, tspin: TSpin): boolean {
  return rows === 0 ? chain : isDifficult(rows, tspin);
}
