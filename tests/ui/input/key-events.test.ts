/** What Ink's useInput reports, turned into key events for the keymap; and the bytes real terminals send, through Ink's own parser. */
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { isSuspendKey, keyEventsFromInk, type KeyEvent } from '../../../src/ui/input/key-events.js';
import { recordedKeys, TERMINALS, type TerminalName } from '../terminal-keys.js';

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

describe('the protocol on (the terminal reports press, repeat and release)', () => {
  it.each<[string, string, Partial<Key>]>([
    ['an arrow', '', { leftArrow: true }],
    ['space', ' ', {}],
    ['escape', '', { escape: true }],
  ])('makes %s without an event type a press', (_what, input, patch) => {
    expect(keyEventsFromInk(input, key(patch), true).map((e) => e.type)).toEqual(['press']);
  });

  it('keeps the event type the terminal gave', () => {
    expect(keyEventsFromInk('', key({ leftArrow: true, eventType: 'release' }), true).map((e) => e.type)).toEqual(['release']);
  });
});

/** An action's key events as `ctrl+name type`, repeats of one event shown once. */
function eventsOf(terminal: TerminalName, keys: string): string[] {
  const seen = recordedKeys(terminal, keys).map(({ event }) => `${event.ctrl ? 'ctrl+' : ''}${event.name} ${event.type}`);
  return seen.filter((event, i) => event !== seen[i - 1]);
}

describe.each(TERMINALS)('keys as real %s sends them (tests/fixtures/terminal-keys.json)', (terminal) => {
  it.each<[string, string[]]>([
    ['hold left 800 ms', ['left press', 'left repeat', 'left release']],
    ['hold right 800 ms', ['right press', 'right repeat', 'right release']],
    ['hold down 800 ms', ['down press', 'down repeat', 'down release']],
    ['tap down 75 ms', ['down press', 'down release']],
    ['tap left 75 ms', ['left press', 'left release']],
    ['tap up 75 ms', ['up press', 'up release']],
    ['tap space 60 ms', ['space press', 'space release']],
    ['tap x 60 ms', ['x press', 'x release']],
    ['tap z 60 ms', ['z press', 'z release']],
    ['tap c 60 ms', ['c press', 'c release']],
    ['tap p 60 ms', ['p press', 'p release']],
    ['tap q 60 ms', ['q press', 'q release']],
    ['tap r 60 ms', ['r press', 'r release']],
    ['tap Escape 60 ms', ['escape press', 'escape release']],
    // Shift comes up first: the release is of the unshifted key, which nothing is bound to.
    ['tap ? (shift+/) 60 ms', ['? press', '/ release']],
    ['tap ctrl+c 60 ms', ['ctrl+c press', 'c release']],
    [
      'left down, right down 50 ms later, left up 100 ms later, right up 100 ms later',
      ['left press', 'right press', 'left release', 'right release'],
    ],
    // Lock keys are modifiers, and the lock key itself is no key of the game.
    ['caps lock on', []],
    ['caps lock on: hold left 800 ms', ['left press', 'left repeat', 'left release']],
    ['caps lock on: tap x 60 ms', ['x press', 'x release']],
    ['caps lock on: tap down 75 ms', ['down press', 'down release']],
    ['num lock on: hold left 800 ms', ['left press', 'left repeat', 'left release']],
    ['num lock on: tap down 75 ms', ['down press', 'down release']],
    ['num lock on: tap space 60 ms', ['space press', 'space release']],
    ['num lock on: tap ctrl+c 60 ms', ['ctrl+c press', 'c release']],
  ])('reads "%s" as %j', (keys, expected) => {
    expect(eventsOf(terminal, keys)).toEqual(expected);
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
