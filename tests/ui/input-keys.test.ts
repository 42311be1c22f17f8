/** What Ink's useInput reports, turned into key events for the keymap. */
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { isSuspendKey, keyEventsFromInk, type KeyEvent } from '../../src/ui/input-keys.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
  eventType: undefined,
};
const key = (patch: Partial<Key>): Key => ({ ...NO_KEY, ...patch });

describe('key events from Ink', () => {
  it.each<[string, string, Partial<Key>, string]>([
    ['left arrow', '', { leftArrow: true }, 'left'],
    ['right arrow', '', { rightArrow: true }, 'right'],
    ['up arrow', '', { upArrow: true }, 'up'],
    ['down arrow', '', { downArrow: true }, 'down'],
    ['escape', '', { escape: true }, 'escape'],
    ['space', ' ', {}, 'space'],
    ['a letter', 'x', {}, 'x'],
    ['a capital letter', 'X', { shift: true }, 'x'],
    ['a question mark', '?', {}, '?'],
  ])('names %s %j as %s', (_what, input, patch, name) => {
    expect(keyEventsFromInk(input, key(patch))).toEqual([{ name, ctrl: false, type: 'tap' }]);
  });

  it('keeps Ctrl (Ctrl-C arrives as c with ctrl)', () => {
    expect(keyEventsFromInk('c', key({ ctrl: true }))).toEqual([{ name: 'c', ctrl: true, type: 'tap' }]);
  });

  it('splits characters read together into one key each', () => {
    expect(keyEventsFromInk('p? ', NO_KEY).map((e) => e.name)).toEqual(['p', '?', 'space']);
  });

  it('passes on press, repeat and release where the terminal reports them', () => {
    for (const eventType of ['press', 'repeat', 'release'] as const) {
      expect(keyEventsFromInk('', key({ leftArrow: true, eventType }))).toEqual([{ name: 'left', ctrl: false, type: eventType }]);
    }
  });

  it('ignores input with no key the game knows (a bare modifier)', () => {
    expect(keyEventsFromInk('', NO_KEY)).toEqual([]);
  });
});

describe('isSuspendKey', () => {
  it.each([
    ['Ctrl-Z as the byte 0x1A (raw mode)', keyEventsFromInk('z', { ...NO_KEY, ctrl: true })[0]!, true],
    ['Ctrl-Z pressed (kitty protocol)', { name: 'z', ctrl: true, type: 'press' }, true],
    ['Ctrl-Z released (kitty protocol)', { name: 'z', ctrl: true, type: 'release' }, false],
    ['Ctrl-Z repeating (kitty protocol)', { name: 'z', ctrl: true, type: 'repeat' }, false],
    ['z alone (rotate counter-clockwise)', { name: 'z', ctrl: false, type: 'tap' }, false],
    ['Ctrl-C', { name: 'c', ctrl: true, type: 'tap' }, false],
  ] as [string, KeyEvent, boolean][])('%s: %s', (_name, event, expected) => {
    expect(isSuspendKey(event)).toBe(expected);
  });
});
