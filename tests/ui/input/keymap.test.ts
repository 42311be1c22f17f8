/** The keymap is data: the default table and the pure matcher, table-tested. */
import { describe, expect, it } from 'vitest';
import {
  COMMAND_ORDER,
  commandKeys,
  DEFAULT_KEYMAP,
  helpRows,
  keyLabel,
  matchCommand,
  type Command,
  type Keymap,
} from '../../../src/ui/input/keymap.js';

describe('the default keys', () => {
  it.each<[string, boolean, Command | null]>([
    ['left', false, 'left'],
    ['right', false, 'right'],
    ['down', false, 'softDrop'],
    ['up', false, 'cw'],
    ['x', false, 'cw'],
    ['z', false, 'ccw'],
    ['space', false, 'hardDrop'],
    ['c', false, 'hold'],
    ['p', false, 'pause'],
    ['escape', false, 'pause'],
    ['r', false, 'restart'],
    ['q', false, 'quit'],
    ['c', true, 'quit'],
    ['?', false, 'help'],
    ['a', false, null],
    ['return', false, null],
    ['x', true, null],
    ['left', true, null],
  ])('%s (ctrl %s) is %s', (name, ctrl, command) => {
    expect(matchCommand(DEFAULT_KEYMAP, { name, ctrl })).toBe(command);
  });

  it('binds every command to at least one key, and no key to two commands', () => {
    const seen = new Map<string, Command>();
    for (const command of COMMAND_ORDER) {
      expect(DEFAULT_KEYMAP[command].length).toBeGreaterThan(0);
      for (const binding of DEFAULT_KEYMAP[command]) {
        const key = `${binding.ctrl ? 'ctrl+' : ''}${binding.name}`;
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, command);
      }
    }
  });
});

describe('a keymap of the player', () => {
  const custom: Keymap = { ...DEFAULT_KEYMAP, hardDrop: [{ name: 'w' }], hold: [{ name: 'tab' }, { name: 'h', ctrl: true }] };

  it.each<[string, boolean, Command | null]>([
    ['w', false, 'hardDrop'],
    ['space', false, null],
    ['tab', false, 'hold'],
    ['h', true, 'hold'],
    ['h', false, null],
  ])('%s (ctrl %s) is %s', (name, ctrl, command) => {
    expect(matchCommand(custom, { name, ctrl })).toBe(command);
  });
});

describe('key labels for the screen', () => {
  it.each<[{ name: string; ctrl?: boolean }, boolean, string]>([
    [{ name: 'left' }, false, '←'],
    [{ name: 'left' }, true, '<-'],
    [{ name: 'up' }, true, 'up'],
    [{ name: 'escape' }, false, 'esc'],
    [{ name: 'space' }, false, 'space'],
    [{ name: 'c', ctrl: true }, false, '^C'],
    [{ name: 'x' }, false, 'x'],
  ])('%o (ascii %s) reads %s', (binding, ascii, label) => {
    expect(keyLabel(binding, ascii)).toBe(label);
  });

  it('lists as many keys of a command as fit, and always the first', () => {
    expect(commandKeys(DEFAULT_KEYMAP, 'pause')).toBe('p esc');
    expect(commandKeys(DEFAULT_KEYMAP, 'pause', false, 3)).toBe('p');
    expect(commandKeys({ ...DEFAULT_KEYMAP, pause: [{ name: 'escape' }] }, 'pause', false, 1)).toBe('esc');
  });

  it('gives the help panel one row per command, in order', () => {
    const rows = helpRows(DEFAULT_KEYMAP);
    expect(rows).toHaveLength(COMMAND_ORDER.length);
    expect(rows[0]).toEqual({ keys: '←', action: 'move left' });
    expect(rows.find((r) => r.action === 'rotate right')?.keys).toBe('↑ x');
  });
});
