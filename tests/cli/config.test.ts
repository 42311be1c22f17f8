import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, parseKey, settingsFrom } from '../../src/cli/config.js';
import { runCli } from '../../src/cli/main.js';
import { memoryDeps } from './memory-deps.js';

const F = 'config.json';

describe('config.json', () => {
  it('uses the defaults for an empty object', () => {
    expect(settingsFrom(F, {})).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('replaces the keys of the commands it names and keeps the other defaults', () => {
    const { settings } = settingsFrom(F, { keys: { hardDrop: ['w', 'space'], cw: ['up'] }, das: 8, arr: 1, preview: 3, ghost: false });
    expect(settings.keys.hardDrop).toEqual([{ name: 'w' }, { name: 'space' }]);
    expect(settings.keys.cw).toEqual([{ name: 'up' }]);
    expect(settings.keys.hold).toEqual([{ name: 'c' }]);
    expect(settings).toMatchObject({ das: 8, arr: 1, preview: 3, ghost: false, color: true });
  });

  it.each([
    [[], 'config.json: expected a JSON object'],
    [{ das: 0 }, 'config.json: das: expected a whole number of ticks from 1 to 60, got 0'],
    [{ das: '10' }, 'config.json: das: expected a whole number of ticks from 1 to 60, got "10"'],
    [{ arr: 2.5 }, 'config.json: arr: expected a whole number of ticks from 1 to 60, got 2.5'],
    [{ preview: 7 }, 'config.json: preview: expected a whole number of pieces from 1 to 6, got 7'],
    [{ ghost: 'no' }, 'config.json: ghost: expected true or false, got "no"'],
    [{ color: null }, 'config.json: color: expected true or false, got null'],
    [{ keys: [] }, 'config.json: keys: expected an object of command: [keys], e.g. {"hardDrop": ["space"]}'],
    [{ keys: { fly: ['f'] } }, 'config.json: keys.fly: not a command; expected one of left, right, softDrop, hardDrop, cw, ccw, hold, pause, restart, quit, help'],
    [{ keys: { hold: [] } }, 'config.json: keys.hold: expected a list of 1 to 8 keys, got []'],
    [{ keys: { hold: ['shift+c'] } }, 'config.json: keys.hold: "shift+c" is not a key; expected a character, left, right, up, down, space, escape, return, tab, backspace, or ctrl+KEY'],
    [{ keys: { hold: ['x'] } }, 'config.json: keys: "x" is bound to both cw and hold'],
  ])('refuses %j: %s', (value, message) => {
    expect(() => settingsFrom(F, value)).toThrow(message);
  });

  it('warns about keys it does not know and ignores them', () => {
    const { settings, warnings } = settingsFrom(F, { das: 12, sound: true });
    expect(settings.das).toBe(12);
    expect(warnings).toEqual(['config.json: unknown key "sound" ignored (known: keys, das, arr, preview, ghost, color)']);
  });

  it.each([
    ['x', { name: 'x' }],
    ['X', { name: 'x' }],
    ['Space', { name: 'space' }],
    ['ctrl+c', { name: 'c', ctrl: true }],
    ['?', { name: '?' }],
    ['', null],
    ['xx', null],
    ['ctrl+', null],
  ])('reads the key %j as %j', (text, binding) => {
    expect(parseKey(text)).toEqual(binding);
  });

  it('turns colour off when NO_COLOR is set, whatever the file says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    await writeFile(join(dir, 'config.json'), '{"color": true}');
    expect((await loadSettings(dir, { NO_COLOR: '1' })).settings.color).toBe(false);
    expect((await loadSettings(dir, {})).settings.color).toBe(true);
  });

  it('refuses a file that is not JSON with one line naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    await writeFile(join(dir, 'config.json'), '{"das": 10,');
    await expect(loadSettings(dir, {})).rejects.toThrow(/config\.json: not valid JSON/);
  });

  it('refuses a key name with a newline in it in one line, the newline shown as ?', async () => {
    // Found by the hostile-files property test: the bad name went into the message as it was.
    const home = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    await mkdir(join(home, 'inktris'));
    await writeFile(join(home, 'inktris', 'config.json'), '{"keys": {"\\nhardDrop": ["space"]}}');
    const deps = { ...memoryDeps(), env: { XDG_CONFIG_HOME: home } };
    expect(await runCli(['config', '--print'], deps)).toBe(2);
    expect(deps.err.join('')).toMatch(/^inktris: .*config\.json: keys\.\?hardDrop: not a command; [^\n]*\n$/);
  });
});

describe('inktris config', () => {
  async function deps(config?: string) {
    const home = await mkdtemp(join(tmpdir(), 'inktris-xdg-'));
    if (config !== undefined) {
      await mkdir(join(home, 'inktris'), { recursive: true });
      await writeFile(join(home, 'inktris', 'config.json'), config);
    }
    return { ...memoryDeps(), env: { XDG_CONFIG_HOME: home } , home };
  }

  it('prints the path of config.json with --path', async () => {
    const d = await deps();
    expect(await runCli(['config', '--path'], d)).toBe(0);
    expect(d.out.join('')).toBe(`${join(d.home, 'inktris', 'config.json')}\n`);
  });

  it('prints the settings in effect with --print', async () => {
    const d = await deps('{"preview": 2, "keys": {"hold": ["ctrl+h"]}, "extra": 1}');
    expect(await runCli(['config', '--print'], d)).toBe(0);
    const printed = JSON.parse(d.out.join(''));
    expect(printed).toMatchObject({ preview: 2, das: 10, arr: 2, ghost: true, color: true });
    expect(printed.keys.hold).toEqual(['ctrl+h']);
    expect(printed.keys.quit).toEqual(['q', 'ctrl+c']);
    expect(d.err.join('')).toContain('unknown key "extra" ignored');
  });

  it('exits 2 with one line on a bad value', async () => {
    const d = await deps('{"arr": -1}');
    expect(await runCli(['config', '--print'], d)).toBe(2);
    expect(d.err.join('')).toBe(`inktris: ${join(d.home, 'inktris', 'config.json')}: arr: expected a whole number of ticks from 1 to 60, got -1\n`);
  });

  it('exits 2 when given neither --path nor --print', async () => {
    const d = await deps();
    expect(await runCli(['config'], d)).toBe(2);
    expect(d.err).toEqual(['inktris: config: pass --path or --print\n']);
  });
});
