/**
 * The play screen's one feedback channel: short texts that say what just
 * happened ("TETRIS +1200", "LEVEL 3", later "+4 sent"), each shown until a
 * tick of play, and the flash of the rows a lock cleared. Display only: the
 * rules have no entry delay and keep none, so nothing here holds the game.
 * Times are ticks of play (`GameState.time`), so a pause keeps them.
 */
import { placePiece, type Board, type ClearEvent, type GameState, type RuleSet, type StepEvents } from '../../core/index.js';

/** A text in the sidebar and the tick of play it goes at. */
export interface TimedText {
  readonly text: string;
  /** The first tick of play (`time`) it is no longer shown at. */
  readonly until: number;
}

/** The rows a lock cleared, drawn flashing where they were for a moment. */
export interface Flash {
  /** The board as the lock left it before its rows went (the piece in it). */
  readonly board: Board;
  /** The cleared rows, numbered as on `board`. */
  readonly rows: readonly number[];
  /** The first tick of play it is no longer shown at. */
  readonly until: number;
}

/** What the channel holds: the texts (newest first) and the last clear's flash. */
export interface Feedback {
  readonly texts: readonly TimedText[];
  readonly flash: Flash | null;
}

/** Nothing to show. */
export const NO_FEEDBACK: Feedback = Object.freeze({ texts: [], flash: null });

/** How long a text shows: about a second and a half. */
export const TEXT_TICKS = 90;
/** How long cleared rows flash: about a fifth of a second. */
export const FLASH_TICKS = 12;
/** Texts kept at once (the newest); older ones give way. */
const MAX_TEXTS = 6;

const ROW_NAMES = ['', 'SINGLE', 'DOUBLE', 'TRIPLE', 'TETRIS'];

/**
 * The texts a lock's clear earns, headline first: what it was and what it
 * scored, then back-to-back, combo and perfect clear. nes has no T-spins
 * and no back-to-back (the core reports none), but its combos and perfect
 * clears are counted and shown. A lock that cleared nothing and made no
 * T-spin says nothing.
 */
export function clearTexts(clear: ClearEvent, rules: RuleSet): string[] {
  const rows = ROW_NAMES[clear.rows] ?? '';
  let name = rows;
  if (clear.tspin === 'full') name = rows ? `T-SPIN ${rows}` : 'T-SPIN';
  else if (clear.tspin === 'mini') name = rows ? `T-SPIN MINI ${rows}` : 'T-SPIN MINI';
  if (!name) return [];
  const texts = [clear.points > 0 ? `${name} +${clear.points}` : name];
  if (rules === 'guideline' && clear.backToBack) texts.push('BACK-TO-BACK');
  if (clear.combo >= 1) texts.push(`${clear.combo} COMBO`);
  if (clear.perfectClear) texts.push('PERFECT CLEAR');
  return texts;
}

/** `texts` added to the channel at tick of play `now`, newest first. */
export function withTexts(feedback: Feedback, texts: readonly string[], now: number): Feedback {
  if (texts.length === 0) return feedback;
  const added = texts.map((text) => ({ text, until: now + TEXT_TICKS }));
  return { ...feedback, texts: [...added, ...live(feedback, now).texts].slice(0, MAX_TEXTS) };
}

/** The channel after the step that made `after` from `before`: the lock's texts, its level, its flash. */
export function afterStep(feedback: Feedback, before: GameState, after: GameState): Feedback {
  const events: StepEvents = after.events;
  if (events.locked === null || after.pieces === before.pieces || events.clear === null) return feedback;
  const now = after.time;
  const texts = clearTexts(events.clear, after.settings.rules);
  if (events.levelUp) texts.push(`LEVEL ${after.level}`);
  let next = withTexts(feedback, texts, now);
  if (events.clearedRows.length > 0) {
    // The board as the lock left it, before its full rows went.
    next = { ...next, flash: { board: placePiece(before.board, events.locked), rows: events.clearedRows, until: now + FLASH_TICKS } };
  }
  return next;
}

/** The channel without what has gone by tick of play `now` (itself when nothing has). */
export function live(feedback: Feedback, now: number): Feedback {
  const texts = feedback.texts.every((t) => t.until > now) ? feedback.texts : feedback.texts.filter((t) => t.until > now);
  const flash = feedback.flash && feedback.flash.until > now ? feedback.flash : null;
  return texts === feedback.texts && flash === feedback.flash ? feedback : { texts, flash };
}

/** The next tick of play at which something in the channel goes, or null for none. */
export function nextExpiry(feedback: Feedback, now: number): number | null {
  let next: number | null = null;
  for (const t of feedback.texts) if (t.until > now && (next === null || t.until < next)) next = t.until;
  const flash = feedback.flash;
  if (flash && flash.until > now && (next === null || flash.until < next)) next = flash.until;
  return next;
}
