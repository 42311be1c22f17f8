/**
 * `choices.json` in the config folder: what the front door's menu was set
 * to last (rule set, start level, dig lines, the item chosen), so the next
 * start opens where the player left. A small file the program writes; one
 * edited by hand, or broken, never stops the program: what it cannot use
 * is one warning line after the screen, and the defaults stand in. Keys it
 * does not know are kept when it is written again.
 */
import { join } from 'node:path';
import { DIG_LINE_CHOICES, RULE_SETS, startLevelRange, type RuleSet } from '../core/modes.js';
import type { MenuChoices } from '../ui/drivers/app-io.js';
import { BOT_SPEEDS, DEFAULT_CHOICES, MENU_ITEMS, OPPONENTS } from '../ui/drivers/menu.js';
import { readBounded } from './bounded-read.js';
import { makeFolders } from './disk.js';
import { printable } from './errors.js';
import { writeFileSafely } from './safe-write.js';

/** A few dozen bytes; a larger file is not this one. */
const MAX_CHOICES_BYTES = 64 * 1024;

export const choicesPath = (dir: string): string => join(dir, 'choices.json');

/** The file's object, or null with why it is not one. */
async function readObject(path: string): Promise<{ value: Record<string, unknown> | null; problem: string | null }> {
  let text: string;
  try {
    text = await readBounded(path, { limit: MAX_CHOICES_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { value: null, problem: code === 'ENOENT' ? null : `cannot read it (${code ?? 'error'})` };
  }
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return { value: value as Record<string, unknown>, problem: null };
    return { value: null, problem: 'not a JSON object' };
  } catch {
    return { value: null, problem: 'not valid JSON' };
  }
}

/**
 * The remembered choices in `dir`, the defaults for what is missing or
 * wrong, and at most one warning line naming what was not used.
 */
export async function loadChoices(dir: string): Promise<{ readonly choices: MenuChoices; readonly warnings: readonly string[] }> {
  const path = choicesPath(dir);
  const { value, problem } = await readObject(path);
  if (!value) return { choices: DEFAULT_CHOICES, warnings: problem ? [`${printable(path)}: ${problem}; the menu starts as new`] : [] };
  const bad: string[] = [];
  const rules: RuleSet = RULE_SETS.includes(value.rules as RuleSet) ? (value.rules as RuleSet) : DEFAULT_CHOICES.rules;
  if (value.rules !== undefined && rules !== value.rules) bad.push('rules');
  const { min, max } = startLevelRange(rules);
  const levelOk = typeof value.level === 'number' && Number.isInteger(value.level) && value.level >= min && value.level <= max;
  if (value.level !== undefined && !levelOk) bad.push('level');
  const digOk = typeof value.digLines === 'number' && DIG_LINE_CHOICES.includes(value.digLines);
  if (value.digLines !== undefined && !digOk) bad.push('digLines');
  const itemOk = typeof value.item === 'string' && (MENU_ITEMS as readonly string[]).includes(value.item);
  if (value.item !== undefined && !itemOk) bad.push('item');
  const opponentOk = (OPPONENTS as readonly unknown[]).includes(value.opponent);
  if (value.opponent !== undefined && !opponentOk) bad.push('opponent');
  const ppsOk = typeof value.botPps === 'number' && BOT_SPEEDS.includes(value.botPps);
  if (value.botPps !== undefined && !ppsOk) bad.push('botPps');
  const choices: MenuChoices = {
    rules,
    level: levelOk ? (value.level as number) : min,
    digLines: digOk ? (value.digLines as number) : DEFAULT_CHOICES.digLines,
    item: itemOk ? (value.item as string) : DEFAULT_CHOICES.item,
    ...(opponentOk ? { opponent: value.opponent as 'bot' | 'local' } : {}),
    ...(ppsOk ? { botPps: value.botPps as number } : {}),
  };
  const warnings = bad.length > 0 ? [`${printable(path)}: ${bad.join(', ')}: not a value the menu offers; the default is used`] : [];
  return { choices, warnings };
}

/** Write `choices` to `dir` atomically (safe-write.ts), keeping the keys of the file it does not name. */
export async function saveChoices(dir: string, choices: MenuChoices): Promise<void> {
  const path = choicesPath(dir);
  const { value } = await readObject(path);
  await makeFolders(dir);
  writeFileSafely(path, `${JSON.stringify({ ...value, ...choices }, null, 2)}\n`);
}
