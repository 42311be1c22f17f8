/**
 * A session's seat in the lobby (src/server/lobby-seat.ts): the news the
 * lobby sends reaches the screen the session shows, and news that comes
 * while one screen has stopped and the next is not up yet (a restart for a
 * new look, the end of a game) waits for the next screen instead of going
 * to the stopped one, which drops it.
 */
import { describe, expect, it } from 'vitest';
import { Lobby } from '../../src/server/lobby.js';
import { joinLobby } from '../../src/server/lobby-seat.js';
import type { AppAnswer } from '../../src/ui/drivers/app-io.js';
import { DEFAULT_HANDLING } from '../../src/ui/input/handling.js';
import { DEFAULT_KEYMAP } from '../../src/ui/input/keymap.js';
import { fakeTime } from '../ui/helpers.js';

/** A screen's loop as the seat sees it: what it was handed, and whether it has stopped. */
function screenLoop() {
  const got: AppAnswer[] = [];
  return { got, ended: false, answer: (answer: AppAnswer) => void got.push(answer) };
}

describe('a lobby seat', () => {
  it('keeps news that comes while its screen has stopped for the next screen', () => {
    const time = fakeTime();
    const tasks: (() => void)[] = [];
    const lobby = new Lobby({ timers: time.timers, later: (task) => void tasks.push(task) });
    const flush = () => {
      while (tasks.length > 0) tasks.shift()!();
    };
    const controls = () => ({ keymap: DEFAULT_KEYMAP, handling: DEFAULT_HANDLING });
    const ann = joinLobby(lobby, 1, 'ann', controls);
    const bob = joinLobby(lobby, 2, 'bob', controls);
    const annLoop = screenLoop();
    ann.attach(annLoop);
    const first = screenLoop();
    bob.attach(first);
    flush();
    // Bob's screen stops (its effects still running, so not yet detached); ann challenges him meanwhile.
    first.ended = true;
    ann.request({ kind: 'challenge', id: 2, rules: 'nes, level 0' });
    flush();
    expect(first.got.some((a) => a.kind === 'challenged')).toBe(false);
    const next = screenLoop();
    bob.attach(next);
    expect(next.got.filter((a) => a.kind === 'challenged')).toHaveLength(1);
  });
});
