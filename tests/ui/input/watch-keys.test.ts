/** The replay watcher's keys as data: the table, the matcher, the speeds. */
import { describe, expect, it } from 'vitest';
import { matchWatchCommand, nextSpeed, speedLabel, SPEEDS, watchHelpRows, watchKeys } from '../../../src/ui/input/watch-keys.js';

describe('the watch keys', () => {
  it.each([
    ['space', false, 'pause'],
    ['p', false, 'pause'],
    ['left', false, 'back'],
    ['right', false, 'forward'],
    ['+', false, 'faster'],
    ['=', false, 'faster'],
    ['-', false, 'slower'],
    ['_', false, 'slower'],
    ['g', false, 'restart'],
    ['q', false, 'quit'],
    ['c', true, 'quit'],
    ['?', false, 'help'],
    ['c', false, null],
    ['x', false, null],
  ] as const)('%s (ctrl: %s) is %s', (name, ctrl, command) => {
    expect(matchWatchCommand({ name, ctrl })).toBe(command);
  });

  it('labels keys as the help panel shows them', () => {
    expect(watchKeys('quit')).toBe('q ^C');
    expect(watchKeys('back', true)).toBe('<-');
    expect(watchKeys('pause', false, 6)).toBe('space');
    expect(watchHelpRows().map((row) => row.action)).toEqual([
      'pause/play',
      'back a piece',
      'next piece',
      'slower',
      'faster',
      'restart',
      'quit',
      'these keys',
    ]);
  });

  it('steps the speed from x0.25 to x16 and stays within them', () => {
    expect(SPEEDS).toEqual([0.25, 0.5, 1, 2, 4, 8, 16]);
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(16, 1)).toBe(16);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
    expect(nextSpeed(3, 1)).toBe(2);
    expect(SPEEDS.map(speedLabel)).toEqual(['x0.25', 'x0.5', 'x1', 'x2', 'x4', 'x8', 'x16']);
  });
});
