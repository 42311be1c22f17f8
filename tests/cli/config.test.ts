import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, parseKey, saveSettings, settingsFrom } from '../../src/cli/config.js';
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
    [{ arr: 2.5 }, 'config.json: arr: expected a whole number of ticks from 0 to 60, got 2.5'],
    [{ softDrop: 0 }, 'config.json: softDrop: expected a whole number of ticks per row from 1 to 60, or "instant", got 0'],
    [{ das: '2000ms' }, 'config.json: das: expected 17ms to 1000ms (1 to 60 ticks), got "2000ms"'],
    [{ ascii: 1 }, 'config.json: ascii: expected true or false, got 1'],
    [{ big: 'yes' }, 'config.json: big: expected true or false, got "yes"'],
    [{ preview: 7 }, 'config.json: preview: expected a whole number of pieces from 1 to 6, got 7'],
    [{ ghost: 'no' }, 'config.json: ghost: expected true or false, got "no"'],
    [{ color: null }, 'config.json: color: expected true or false, got null'],
    [{ keys: [] }, 'config.json: keys: expected an object of command: [keys], e.g. {"hardDrop": ["space"]}'],
    [
      { keys: { fly: ['f'] } },
      'config.json: keys.fly: not a command; expected one of left, right, softDrop, hardDrop, cw, ccw, hold, pause, restart, quit, help',
    ],
    [{ keys: { hold: [] } }, 'config.json: keys.hold: expected a list of 1 to 8 keys, got []'],
    [
      { keys: { hold: ['shift+c'] } },
      'config.json: keys.hold: "shift+c" is not a key; expected a character, left, right, up, down, space, escape, return, tab, backspace, or ctrl+KEY',
    ],
    [{ keys: { hold: ['x'] } }, 'config.json: keys: "x" is bound to both cw and hold'],
  ])('refuses %j: %s', (value, message) => {
    expect(() => settingsFrom(F, value)).toThrow(message);
  });

  it('takes ARR 0 (to the wall), an instant soft drop, DAS in milliseconds and ASCII', () => {
    const { settings } = settingsFrom(F, { arr: 0, softDrop: 'instant', das: '150ms', ascii: true });
    expect(settings).toMatchObject({ arr: 0, softDrop: 0, das: 9, ascii: true });
    expect(settingsFrom(F, { softDrop: 4 }).settings.softDrop).toBe(4);
  });

  it('writes the settings atomically, keeping the keys it does not know, and reads them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    await writeFile(join(dir, 'config.json'), '{"sound": "loud", "das": 20}');
    const keys = { ...DEFAULT_SETTINGS.keys, cw: [{ name: 'w' }] };
    await saveSettings(dir, { ...DEFAULT_SETTINGS, keys, arr: 0, softDrop: 0 });
    const written = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(written).toMatchObject({ sound: 'loud', das: 10, arr: 0, softDrop: 'instant' });
    expect(written.keys.cw).toEqual(['w']);
    const { settings, warnings } = await loadSettings(dir, {});
    expect(settings).toMatchObject({ arr: 0, softDrop: 0 });
    expect(settings.keys.cw).toEqual([{ name: 'w' }]);
    expect(warnings).toEqual([expect.stringContaining('unknown key "sound" ignored')]);
  });

  it('takes big cells ("big": true), off by default, and writes them back', async () => {
    expect(DEFAULT_SETTINGS.big).toBe(false);
    expect(settingsFrom(F, { big: true }).settings.big).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    await saveSettings(dir, { ...DEFAULT_SETTINGS, big: true });
    expect(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'))).toMatchObject({ big: true });
    expect((await loadSettings(dir, {})).settings.big).toBe(true);
  });

  it('writes each list of keys on one line, quotes and backslashes included, and reads them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inktris-config-'));
    const keys = { ...DEFAULT_SETTINGS.keys, hold: [{ name: '"' }, { name: '\\' }] };
    await saveSettings(dir, { ...DEFAULT_SETTINGS, keys });
    const text = await readFile(join(dir, 'config.json'), 'utf8');
    expect(text).toContain('"cw": ["up", "x"],');
    expect(text).toContain('"hold": ["\\"", "\\\\"],');
    expect((await loadSettings(dir, {})).settings.keys.hold).toEqual(keys.hold);
  });

  it('warns about keys it does not know and ignores them', () => {
    const { settings, warnings } = settingsFrom(F, { das: 12, sound: true });
    expect(settings.das).toBe(12);
    expect(warnings).toEqual([
      'config.json: unknown key "sound" ignored (known: keys, das, arr, softDrop, preview, ghost, color, ascii, big)',
    ]);
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
    return { ...memoryDeps(), env: { XDG_CONFIG_HOME: home }, home };
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
    expect(d.err.join('')).toBe(
      `inktris: ${join(d.home, 'inktris', 'config.json')}: arr: expected a whole number of ticks from 0 to 60, got -1\n`,
    );
  });

  it('warns about 5,000 unknown keys in one line naming three', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
    const d = await deps(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 1]))));
    expect(await runCli(['config', '--print'], d)).toBe(0);
    expect(d.err).toEqual([
      `inktris: ${join(d.home, 'inktris', 'config.json')}: 5000 unknown keys ignored: "k0", "k1", "k2" and 4997 more (known: keys, das, arr, softDrop, preview, ghost, color, ascii, big)\n`,
    ]);
  });

  it.each([
    ['an escape sequence', '\u001b]2;PWNED\u0007'],
    ['a C1 CSI and a right-to-left override', '\u009b2J\u202eabc'],
  ])('names an unknown key holding %s without it', async (_name, key) => {
    const d = await deps(JSON.stringify({ [key]: 1, other: 2 }));
    expect(await runCli(['config', '--print'], d)).toBe(0);
    expect(d.err).toHaveLength(1);
    expect(d.err[0]).toContain('2 unknown keys ignored: "');
    expect(d.err[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('cuts a key of a megabyte to a few characters in the warning', async () => {
    const d = await deps(JSON.stringify({ ['x'.repeat(1000000)]: 1 }));
    expect(await runCli(['config', '--print'], d)).toBe(0);
    expect(d.err.join('').length).toBeLessThan(200);
  });

  it('reads a file that starts with a byte order mark, as replays do', async () => {
    const d = await deps('\ufeff{"preview": 3}');
    expect(await runCli(['config', '--print'], d)).toBe(0);
    expect(JSON.parse(d.out.join(''))).toMatchObject({ preview: 3 });
    expect(d.err).toEqual([]);
  });

  it.each([
    ['1e309', 'das'],
    ['9007199254740993', 'das'],
    ['-1e400', 'arr'],
    ['1E2', 'preview'],
  ])('quotes the number %s as the file writes it', async (number, key) => {
    const d = await deps(`{"${key}": ${number}}`);
    expect(await runCli(['config', '--print'], d)).toBe(2);
    expect(d.err).toHaveLength(1);
    expect(d.err[0]).toMatch(new RegExp(`: ${key}: expected a whole number of .*, got ${number}\\n$`));
  });

  it.each([
    [{ keys: { hold: ['\u009b2J'] } }, 'config.json: keys.hold: "?2J" is not a key'],
    [{ keys: { '\u202efly': ['f'] } }, 'config.json: keys.?fly: not a command'],
    [{ ghost: '\u009d2;PWNED\u009c' }, 'config.json: ghost: expected true or false, got "?2;PWNED?"'],
  ])('quotes a string of the file without its control characters: %j', (value, message) => {
    expect(() => settingsFrom(F, value)).toThrow(message);
  });

  it('exits 2 when given neither --path nor --print', async () => {
    const d = await deps();
    expect(await runCli(['config'], d)).toBe(2);
    expect(d.err).toEqual(['inktris: config: pass --path or --print\n']);
  });
});
