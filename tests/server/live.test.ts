/**
 * A session's game as its watchers get it (src/server/live.ts): the view
 * of now at once for a late joiner, one view per burst of changes, nothing
 * made for a session nobody watches, and the end told to every watcher.
 */
import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/core/index.js';
import { LiveFeed, type LiveWatcher } from '../../src/server/live.js';
import { stillView, type GameView } from '../../src/ui/drivers/screen.js';

/** A feed whose "later" runs when the test says (`run`). */
function feed() {
  let queued: (() => void)[] = [];
  const live = new LiveFeed((send) => queued.push(send));
  const run = () => {
    const now = queued;
    queued = [];
    for (const send of now) send();
  };
  return { live, run, queued: () => queued.length };
}

function watcher() {
  const seen: (number | null | string)[] = [];
  const w: LiveWatcher = {
    view: (view) => seen.push(view === null ? null : view.kind === 'versus' ? view.sides[0].game.settings.seed : view.game.settings.seed),
    ended: (message) => seen.push(message),
  };
  return { w, seen };
}

const game = (seed: number): GameView => stillView(createGame({ seed }));

describe('LiveFeed', () => {
  it('sends a late joiner the game of now at once, then one view per burst of changes', () => {
    const { live, run } = feed();
    live.changed(() => game(1));
    live.changed(() => game(2));
    const { w, seen } = watcher();
    live.watch(w);
    run();
    expect(seen).toEqual([2]);
    live.changed(() => game(3));
    live.changed(() => game(4));
    run();
    expect(seen).toEqual([2, 4]);
    // Back in the menu: no game.
    live.changed(() => null);
    run();
    expect(seen).toEqual([2, 4, null]);
  });

  it('makes no view while nobody watches, and sends nothing after the watcher left', () => {
    const { live, run, queued } = feed();
    let made = 0;
    live.changed(() => {
      made++;
      return game(1);
    });
    expect(queued()).toBe(0);
    const { w, seen } = watcher();
    const stop = live.watch(w);
    run();
    stop();
    live.changed(() => game(5));
    run();
    expect(seen).toEqual([1]);
    expect(made).toBe(1);
    expect(live.watching).toBe(0);
  });

  it('tells every watcher the end, and a watcher who comes after it at once', () => {
    const { live, run } = feed();
    live.changed(() => game(1));
    const a = watcher();
    const b = watcher();
    live.watch(a.w);
    live.watch(b.w);
    run();
    live.end('ann has left the server');
    live.changed(() => game(2));
    run();
    expect(a.seen).toEqual([1, 'ann has left the server']);
    expect(b.seen).toEqual([1, 'ann has left the server']);
    expect(live.current()).toBeNull();
    const late = watcher();
    live.watch(late.w);
    run();
    expect(late.seen).toEqual(['ann has left the server']);
  });
});
