/**
 * The input layer with fake ticks: key press, repeat and release to moves
 * (DAS 10 ticks, ARR 2 ticks; soft drop one row, then after 10 ticks one
 * every 2), the same with the bytes real kitty and foot sent, and the
 * fallback where each key event is one move.
 */
import { describe, expect, it } from 'vitest';
import { isInputName, type InputName } from '../../../src/core/index.js';
import { heldInputs, holding, keyEvent, NO_KEYS_HELD } from '../../../src/ui/input/held-keys.js';
import type { KeyEventType } from '../../../src/ui/input/key-events.js';
import { DEFAULT_KEYMAP, matchCommand } from '../../../src/ui/input/keymap.js';
import { DEFAULT_HANDLING } from '../../../src/ui/input/handling.js';
import { recordedKeys, TERMINALS, type TerminalName } from '../terminal-keys.js';

type Event = readonly [tick: number, input: InputName, type: KeyEventType];

/** Feed key events at their ticks and collect every input, with the tick it came at. */
function run(events: readonly Event[], untilTick: number, handling = DEFAULT_HANDLING): string[] {
  const out: string[] = [];
  let held = NO_KEYS_HELD;
  let next = 0;
  for (let tick = 0; tick <= untilTick; tick++) {
    // Held keys act at the start of a tick, before that tick's key events.
    if (tick > 0) for (const input of heldInputs(held, tick, handling)) out.push(`${tick} ${input}`);
    while (next < events.length && events[next]![0] === tick) {
      const [, input, type] = events[next++]!;
      const after = keyEvent(held, input, type, tick);
      held = after.held;
      for (const action of after.inputs) out.push(`${tick} ${action}`);
    }
  }
  return out;
}

describe('held keys (the terminal reports press and release)', () => {
  it('has the default handling: DAS 10 ticks, ARR 2 ticks, soft drop repeating after 10 ticks every 2', () => {
    expect(DEFAULT_HANDLING).toEqual({ das: 10, arr: 2, softDropDelay: 10, softDrop: 2 });
  });

  it('moves once on press, again after DAS, then every ARR until release', () => {
    const moves = run(
      [
        [0, 'left', 'press'],
        [17, 'left', 'release'],
      ],
      30,
    );
    expect(moves).toEqual(['0 left', '10 left', '12 left', '14 left', '16 left']);
  });

  it('moves once for a tap shorter than DAS', () => {
    expect(
      run(
        [
          [5, 'right', 'press'],
          [9, 'right', 'release'],
        ],
        40,
      ),
    ).toEqual(['5 right']);
  });

  it("ignores the terminal's own repeats of a held key", () => {
    const events: Event[] = [
      [0, 'right', 'press'],
      [3, 'right', 'repeat'],
      [4, 'right', 'repeat'],
      [5, 'right', 'repeat'],
      [11, 'right', 'release'],
    ];
    expect(run(events, 20)).toEqual(['0 right', '10 right']);
  });

  it('lets the direction pressed last win, and the other take over with a fresh DAS on release', () => {
    const events: Event[] = [
      [0, 'left', 'press'],
      [4, 'right', 'press'],
      [20, 'right', 'release'],
      [40, 'left', 'release'],
    ];
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

  // A 75 ms tap is 4.5 ticks; 9 ticks is 150 ms, a slow tap.
  it.each([1, 4, 5, 9])('drops one row for a tap of soft drop %i ticks long', (ticks) => {
    expect(
      run(
        [
          [3, 'softDrop', 'press'],
          [3 + ticks, 'softDrop', 'release'],
        ],
        40,
      ),
    ).toEqual(['3 softDrop']);
  });

  it('repeats a held soft drop after 10 ticks, then every 2 ticks until release', () => {
    expect(
      run(
        [
          [0, 'softDrop', 'press'],
          [17, 'softDrop', 'release'],
        ],
        30,
      ),
    ).toEqual(['0 softDrop', '10 softDrop', '12 softDrop', '14 softDrop', '16 softDrop']);
  });

  it('shifts and soft-drops together', () => {
    const moves = run(
      [
        [0, 'softDrop', 'press'],
        [0, 'left', 'press'],
        [14, 'left', 'release'],
        [14, 'softDrop', 'release'],
      ],
      20,
    );
    // Tick 14 starts with both keys still down; they come up during it.
    expect(moves).toEqual(['0 softDrop', '0 left', '10 left', '10 softDrop', '12 left', '12 softDrop', '14 left', '14 softDrop']);
  });

  it.each<InputName>(['hardDrop', 'cw', 'ccw', 'hold', 'pause'])('acts once on a press of %s: no repeat, nothing on release', (input) => {
    const events: Event[] = [
      [0, input, 'press'],
      [5, input, 'repeat'],
      [6, input, 'repeat'],
      [30, input, 'release'],
    ];
    expect(run(events, 40)).toEqual([`0 ${input}`]);
  });

  it('takes other timings', () => {
    const handling = { das: 4, arr: 1, softDropDelay: 0, softDrop: 3 };
    expect(
      run(
        [
          [0, 'right', 'press'],
          [7, 'right', 'release'],
        ],
        10,
        handling,
      ),
    ).toEqual(['0 right', '4 right', '5 right', '6 right', '7 right']);
    // No soft-drop delay: a row at the press, then every 3 ticks.
    expect(
      run(
        [
          [0, 'softDrop', 'press'],
          [8, 'softDrop', 'release'],
        ],
        10,
        handling,
      ),
    ).toEqual(['0 softDrop', '3 softDrop', '6 softDrop']);
  });

  it('says whether ticks must be stepped one by one', () => {
    expect(holding(NO_KEYS_HELD)).toBe(false);
    const pressed = keyEvent(NO_KEYS_HELD, 'left', 'press', 0).held;
    expect(holding(pressed)).toBe(true);
    expect(holding(keyEvent(pressed, 'left', 'release', 3).held)).toBe(false);
  });

  it('holds nothing once both held keys are released, and repeats nothing after', () => {
    let held = keyEvent(NO_KEYS_HELD, 'left', 'press', 0).held;
    held = keyEvent(held, 'softDrop', 'press', 0).held;
    expect(holding(held)).toBe(true);
    held = keyEvent(keyEvent(held, 'softDrop', 'release', 1).held, 'left', 'release', 1).held;
    expect(holding(held)).toBe(false);
    for (let tick = 2; tick < 30; tick++) expect(heldInputs(held, tick)).toEqual([]);
  });
});

describe('key events without press and release (most terminals)', () => {
  it("makes each event one input, the terminal's auto-repeat included", () => {
    const events: Event[] = [
      [0, 'left', 'tap'],
      [30, 'left', 'tap'],
      [32, 'left', 'tap'],
      [33, 'softDrop', 'tap'],
      [33, 'cw', 'tap'],
    ];
    expect(run(events, 60)).toEqual(['0 left', '30 left', '32 left', '33 softDrop', '33 cw']);
  });

  it('never auto-shifts by itself', () => {
    expect(holding(keyEvent(NO_KEYS_HELD, 'right', 'tap', 0).held)).toBe(false);
  });
});

/** The game inputs of a recorded action, each with its tick, through the default keys and handling. */
function recorded(terminal: TerminalName, keys: string): string[] {
  const events: Event[] = [];
  for (const { tick, event } of recordedKeys(terminal, keys)) {
    const command = matchCommand(DEFAULT_KEYMAP, event);
    if (isInputName(command)) events.push([tick, command, event.type]);
  }
  return run(events, 60);
}

/** The tick of the last key event of a recorded action (its release). */
function releaseTick(terminal: TerminalName, keys: string): number {
  return recordedKeys(terminal, keys).at(-1)!.tick;
}

describe.each(TERMINALS)('keys held and tapped in real %s (tests/fixtures/terminal-keys.json)', (terminal) => {
  // Released 807 to 844 ms after the press (tick 48 to 50), which starts with the key still down.
  it.each<[string, InputName]>([
    ['hold left 800 ms', 'left'],
    ['hold right 800 ms', 'right'],
    ['caps lock on: hold left 800 ms', 'left'],
    ['num lock on: hold left 800 ms', 'left'],
    ['hold down 800 ms', 'softDrop'],
  ])('repeats "%s" at the press, at tick 10, then every 2 ticks until the release: the terminal\'s own repeats ignored', (keys, input) => {
    const release = releaseTick(terminal, keys);
    expect(release).toBeGreaterThanOrEqual(48);
    const expected = [`0 ${input}`];
    for (let tick = 10; tick <= release; tick += 2) expected.push(`${tick} ${input}`);
    expect(recorded(terminal, keys)).toEqual(expected);
  });

  it.each(['tap down 75 ms', 'caps lock on: tap down 75 ms', 'num lock on: tap down 75 ms'])('drops one row for "%s"', (keys) => {
    expect(recorded(terminal, keys)).toEqual(['0 softDrop']);
  });

  it('moves one column for "tap left 75 ms"', () => {
    expect(recorded(terminal, 'tap left 75 ms')).toEqual(['0 left']);
  });
});

describe('ARR 0 and instant soft drop', () => {
  const instant = { ...DEFAULT_HANDLING, arr: 0, softDrop: 0 };

  it('with ARR 0, moves once on press, then all the way to the wall on the tick DAS ends, and every tick after', () => {
    const moves = run(
      [
        [0, 'left', 'press'],
        [12, 'left', 'release'],
      ],
      20,
      instant,
    );
    expect(moves.filter((m) => m.startsWith('0 '))).toEqual(['0 left']);
    expect(moves.filter((m) => m.startsWith('10 '))).toHaveLength(10);
    expect(moves.filter((m) => m.startsWith('11 '))).toHaveLength(10);
    expect(moves.filter((m) => m.startsWith('12 '))).toHaveLength(10);
    expect(moves.filter((m) => Number(m.split(' ')[0]) > 12)).toEqual([]);
  });

  it('with an instant soft drop, the press drops to the floor, and so does a tap', () => {
    const pressed = keyEvent(NO_KEYS_HELD, 'softDrop', 'press', 3, instant);
    expect(pressed.inputs).toHaveLength(22);
    expect(new Set(pressed.inputs)).toEqual(new Set(['softDrop']));
    expect(keyEvent(NO_KEYS_HELD, 'softDrop', 'tap', 3, instant).inputs).toHaveLength(22);
    // The default handling keeps one row a press.
    expect(keyEvent(NO_KEYS_HELD, 'softDrop', 'press', 3).inputs).toEqual(['softDrop']);
  });
});
