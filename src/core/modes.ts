/**
 * Rule sets and modes (RULES.md "Additions of version 2"): which numbers a
 * game plays by, and when it ends.
 */

/** `nes`: the Nintendo numbers (the default, RULES.md above the additions); `guideline`: today's Tetris numbers. */
export type RuleSet = 'nes' | 'guideline';

/** The rule sets, for validation and help text. */
export const RULE_SETS: readonly RuleSet[] = ['nes', 'guideline'];

/** marathon: endless until top out; sprint: ends at 40 lines; ultra: two minutes of play; dig: clear the garbage. */
export type Mode = 'marathon' | 'sprint' | 'ultra' | 'dig';

/** The modes, for validation and help text. */
export const MODES: readonly Mode[] = ['marathon', 'sprint', 'ultra', 'dig'];

/** The modes a version 1 replay can hold: with the nes rules, forever (RULES.md). */
export const VERSION_1_MODES: readonly Mode[] = ['marathon', 'sprint'];

/** Ticks of play an ultra game lasts: 2:00.00 at 60 ticks a second. */
export const ULTRA_TICKS = 7200;

/** The garbage rows a dig game may ask to clear. */
export const DIG_LINE_CHOICES: readonly number[] = [10, 18, 100];

/** @default digLines */
export const DEFAULT_DIG_LINES = 10;

/** Most garbage rows on the board at once in dig: the start has min(digLines, 10). */
export const DIG_ROWS_AT_ONCE = 10;

/** The lowest and highest start level of a rule set: nes 0-19, guideline 1-20. */
export function startLevelRange(rules: RuleSet): { readonly min: number; readonly max: number } {
  return rules === 'guideline' ? GUIDELINE_LEVELS : NES_LEVELS;
}

const NES_LEVELS = Object.freeze({ min: 0, max: 19 });
const GUIDELINE_LEVELS = Object.freeze({ min: 1, max: 20 });

/** Whether a mode's result is a time (fewer ticks win: sprint, dig) rather than a score (marathon, ultra). */
export function rankedByTime(mode: Mode): boolean {
  return mode === 'sprint' || mode === 'dig';
}
