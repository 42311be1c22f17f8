import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChoices, saveChoices } from '../../src/cli/menu-choices.js';
import { DEFAULT_CHOICES } from '../../src/ui/drivers/menu.js';

const folder = () => mkdtemp(join(tmpdir(), 'inktris-choices-'));

describe('choices.json, the front door remembered', () => {
  it('starts as new without a file, with no warning', async () => {
    expect(await loadChoices(await folder())).toEqual({ choices: DEFAULT_CHOICES, warnings: [] });
  });

  it('reads back what it wrote, keeping keys it does not know', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'choices.json'), '{"theme": "dark"}');
    const choices = { rules: 'guideline' as const, level: 7, digLines: 100, item: 'Dig' };
    await saveChoices(dir, choices);
    expect(await loadChoices(dir)).toEqual({ choices, warnings: [] });
    expect(JSON.parse(await readFile(join(dir, 'choices.json'), 'utf8'))).toMatchObject({ theme: 'dark', level: 7 });
  });

  it.each([
    ['{"rules": "nes",', 'not valid JSON; the menu starts as new'],
    ['[1, 2]', 'not a JSON object; the menu starts as new'],
  ])('uses the defaults for a broken file %j, with one warning', async (text, warning) => {
    const dir = await folder();
    await writeFile(join(dir, 'choices.json'), text);
    const { choices, warnings } = await loadChoices(dir);
    expect(choices).toEqual(DEFAULT_CHOICES);
    expect(warnings).toEqual([`${join(dir, 'choices.json')}: ${warning}`]);
  });

  it('keeps what it can of a file edited by hand: one line names the rest, the defaults stand in', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'choices.json'), '{"rules": "guideline", "level": 0, "digLines": 12, "item": "Sprint"}');
    const { choices, warnings } = await loadChoices(dir);
    // Level 0 is not a guideline level: its first, 1.
    expect(choices).toEqual({ rules: 'guideline', level: 1, digLines: 10, item: 'Sprint' });
    expect(warnings).toEqual([`${join(dir, 'choices.json')}: level, digLines: not a value the menu offers; the default is used`]);
  });

  it('remembers the Versus choices (opponent, the bot pace) and refuses values the menu does not offer', async () => {
    const dir = await folder();
    const choices = { ...DEFAULT_CHOICES, item: 'Versus', opponent: 'local' as const, botPps: 6 };
    await saveChoices(dir, choices);
    expect(await loadChoices(dir)).toEqual({ choices, warnings: [] });
    await writeFile(join(dir, 'choices.json'), '{"opponent": "cat", "botPps": 7}');
    const bad = await loadChoices(dir);
    expect(bad.choices).toEqual(DEFAULT_CHOICES);
    expect(bad.warnings).toEqual([`${join(dir, 'choices.json')}: opponent, botPps: not a value the menu offers; the default is used`]);
  });
});
