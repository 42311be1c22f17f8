/**
 * The input layer with fake ticks: key press, repeat and release to moves
 * (DAS 10 ticks, ARR 2 ticks, held soft drop), and the fallback where each
 * key event is one move.
 */
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/core/index.js';
import { InputHandler } from '../../src/ui/input-handler.js';
import type { KeyEventType } from '../../src/ui/input-keys.js';
import { DEFAULT_HANDLING } from '../../src/ui/timing.js';

type Event = readonly [tick: number, input: InputName, type: KeyEventType];

/** Feed key events at their ticks and collect every input, with the tick it came at. */
function run(events: readonly Event[], untilTick: number, handler = new InputHandler()): string[] {
  const out: string[] = [];
  let next = 0;
  for (let tick = 0; tick <= untilTick; tick++) {
    // Held keys act at the start of a tick, before that tick's key events.
    if (tick > 0) for (const input of handler.tick(tick)) out.push(`${tick} ${input}`);
    while (next < events.length && events[next]![0] === tick) {
      const [, input, type] = events[next++]!;
      for (const action of handler.key(input, type, tick)) out.push(`${tick} ${action}`);
    }
  }
  return out;
}

describe('held keys (the terminal reports press and release)', () => {
  it('has the default handling: DAS 10 ticks, ARR 2 ticks', () => {
    expect(DEFAULT_HANDLING).toMatchObject({ das: 10, arr: 2 });
  });

  it('moves once on press, again after DAS, then every ARR until release', () => {
    const moves = run([[0, 'left', 'press'], [17, 'left', 'release']], 30);
    expect(moves).toEqual(['0 left', '10 left', '12 left', '14 left', '16 left']);
  });

  it('moves once for a tap shorter than DAS', () => {
    expect(run([[5, 'right', 'press'], [9, 'right', 'release']], 40)).toEqual(['5 right']);
  });

  it("ignores the terminal's own repeats of a held key", () => {
    const events: Event[] = [[0, 'right', 'press'], [3, 'right', 'repeat'], [4, 'right', 'repeat'], [5, 'right', 'repeat'], [11, 'right', 'release']];
    expect(run(events, 20)).toEqual(['0 right', '10 right']);
  });

  it('lets the direction pressed last win, and the other take over with a fresh DAS on release', () => {
    const events: Event[] = [[0, 'left', 'press'], [4, 'right', 'press'], [20, 'right', 'release'], [40, 'left', 'release']];
    expect(run(events, 45)).toEqual([
      '0 left',
      '4 right',
      '14 right',
      '16 right',
      '18 right',
      '20 right',
      // Left is still held: it shifts again 10 ticks after right came up.
      '30 left',
      '32 left',
      '34 left',
      '36 left',
      '38 left',
      '40 left',
    ]);
  });

  it('repeats a held soft drop every 2 ticks from the press', () => {
    expect(run([[0, 'softDrop', 'press'], [7, 'softDrop', 'release']], 20)).toEqual(['0 softDrop', '2 softDrop', '4 softDrop', '6 softDrop']);
  });

  it('shifts and soft-drops together', () => {
    const moves = run([[0, 'softDrop', 'press'], [0, 'left', 'press'], [12, 'left', 'release'], [12, 'softDrop', 'release']], 20);
    // Tick 12 starts with both keys still down; they come up during it.
    expect(moves).toEqual(['0 softDrop', '0 left', '2 softDrop', '4 softDrop', '6 softDrop', '8 softDrop', '10 left', '10 softDrop', '12 left', '12 softDrop']);
  });

  it.each<InputName>(['hardDrop', 'cw', 'ccw', 'hold', 'pause'])('acts once on a press of %s: no repeat, nothing on release', (input) => {
    const events: Event[] = [[0, input, 'press'], [5, input, 'repeat'], [6, input, 'repeat'], [30, input, 'release']];
    expect(run(events, 40)).toEqual([`0 ${input}`]);
  });

  it('takes other timings', () => {
    const handler = new InputHandler({ das: 4, arr: 1, softDrop: 3 });
    expect(run([[0, 'right', 'press'], [7, 'right', 'release']], 10, handler)).toEqual(['0 right', '4 right', '5 right', '6 right', '7 right']);
  });

  it('says whether ticks must be stepped one by one', () => {
    const handler = new InputHandler();
    expect(handler.holding).toBe(false);
    handler.key('left', 'press', 0);
    expect(handler.holding).toBe(true);
    handler.key('left', 'release', 3);
    expect(handler.holding).toBe(false);
  });

  it('forgets held keys on reset', () => {
    const handler = new InputHandler();
    handler.key('left', 'press', 0);
    handler.key('softDrop', 'press', 0);
    handler.reset();
    expect(handler.holding).toBe(false);
    expect(run([], 30, handler)).toEqual([]);
  });
});

describe('key events without press and release (most terminals)', () => {
  it("makes each event one input, the terminal's auto-repeat included", () => {
    const events: Event[] = [[0, 'left', 'tap'], [30, 'left', 'tap'], [32, 'left', 'tap'], [33, 'softDrop', 'tap'], [33, 'cw', 'tap']];
    expect(run(events, 60)).toEqual(['0 left', '30 left', '32 left', '33 softDrop', '33 cw']);
  });

  it('never auto-shifts by itself', () => {
    const handler = new InputHandler();
    handler.key('right', 'tap', 0);
    expect(handler.holding).toBe(false);
  });
});
