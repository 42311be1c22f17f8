/** The presets and the one rule of rebinding, without rendering; the menu screens' fixed keys. */
import { describe, expect, it } from 'vitest';
import { COMMAND_ORDER, DEFAULT_KEYMAP, matchCommand } from '../../../src/ui/input/keymap.js';
import { bindKey, PRESET_NAMES, PRESETS, presetOf } from '../../../src/ui/input/keymap-presets.js';
import { menuKey } from '../../../src/ui/input/menu-keys.js';

describe('key-binding presets', () => {
  it.each(PRESET_NAMES)('%s gives every key to one command only, and is recognised as itself', (name) => {
    const keymap = PRESETS[name];
    const seen = new Map<string, string>();
    for (const command of COMMAND_ORDER) {
      for (const key of keymap[command]) {
        const text = `${key.ctrl ? 'ctrl+' : ''}${key.name}`;
        expect(seen.get(text), `${text} of ${command}`).toBeUndefined();
        seen.set(text, command);
      }
    }
    expect(presetOf(keymap)).toBe(name);
  });

  it.each([
    ['WASD', 'a', 'left'],
    ['WASD', 'w', 'cw'],
    ['vim', 'h', 'left'],
    ['vim', 'k', 'cw'],
  ] as const)('%s binds %s to %s', (name, key, command) => {
    expect(matchCommand(PRESETS[name], { name: key, ctrl: false })).toBe(command);
  });
});

describe('rebinding', () => {
  it('binds a command to the key alone, and then the keymap is no preset', () => {
    const bound = bindKey(DEFAULT_KEYMAP, 'cw', { name: 'w' });
    expect('keymap' in bound && bound.keymap.cw).toEqual([{ name: 'w' }]);
    expect('keymap' in bound && presetOf(bound.keymap)).toBeNull();
  });

  it('refuses a key another command has, naming that command; the command own key is fine', () => {
    expect(bindKey(DEFAULT_KEYMAP, 'hold', { name: 'space' })).toEqual({ taken: 'hardDrop' });
    expect(bindKey(DEFAULT_KEYMAP, 'left', { name: 'c', ctrl: true })).toEqual({ taken: 'quit' });
    expect(bindKey(DEFAULT_KEYMAP, 'cw', { name: 'x' })).toEqual({ keymap: expect.objectContaining({ cw: [{ name: 'x' }] }) });
  });

  it('keeps Ctrl-C on quit whatever key quit gets, so a game can always be left', () => {
    const bound = bindKey(DEFAULT_KEYMAP, 'quit', { name: 'k' });
    expect('keymap' in bound && bound.keymap.quit).toEqual([{ name: 'k' }, { name: 'c', ctrl: true }]);
  });
});

describe('the menu screens keys', () => {
  it.each([
    [{ name: 'up', ctrl: false, type: 'repeat' }, { kind: 'up' }],
    [{ name: 'return', ctrl: false, type: 'press' }, { kind: 'enter' }],
    [{ name: 'return', ctrl: false, type: 'repeat' }, null],
    [{ name: 'escape', ctrl: false, type: 'tap' }, { kind: 'back' }],
    [{ name: 'q', ctrl: false, type: 'tap' }, { kind: 'quit' }],
    [{ name: 'c', ctrl: true, type: 'tap' }, { kind: 'quit' }],
    [
      { name: 's', ctrl: false, type: 'tap' },
      { kind: 'letter', letter: 's' },
    ],
    [{ name: 's', ctrl: false, type: 'release' }, null],
    [{ name: '?', ctrl: false, type: 'tap' }, null],
  ] as const)('reads %j as %j', (event, key) => {
    expect(menuKey(event)).toEqual(key);
  });
});
