/**
 * The bytes real terminals sent (tests/fixtures/terminal-keys.json), read by
 * Ink's own parser in a rendered app and turned into key events by
 * `keyEventsFromInk` with the protocol on, each at the tick it came at.
 */
import { useInput } from 'ink';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { keyEventsFromInk, type KeyEvent } from '../../src/ui/input/key-events.js';
import { TICK_MS } from '../../src/ui/drivers/tick-clock.js';
import TERMINAL_KEYS from '../fixtures/terminal-keys.json' with { type: 'json' };

/** The terminals recorded. */
export type TerminalName = keyof typeof TERMINAL_KEYS.terminals;

/** The terminals recorded, by name. */
export const TERMINALS = Object.keys(TERMINAL_KEYS.terminals) as TerminalName[];

/** A key event from a recording, at the tick its bytes arrived (ms after the action's first byte). */
export interface RecordedKey {
  readonly tick: number;
  readonly event: KeyEvent;
}

/** The key events `terminal` sent for the recorded action `keys` (e.g. `hold left 800 ms`). */
export function recordedKeys(terminal: TerminalName, keys: string): RecordedKey[] {
  const action = TERMINAL_KEYS.terminals[terminal].events.find((e) => e.keys === keys);
  if (!action) throw new Error(`no recording of "${keys}" in ${terminal}`);
  const out: RecordedKey[] = [];
  let tick = 0;
  // biome-ignore lint/correctness/noComponentHookFactories: one probe per recording, rendered once, closing over its events
  const Probe = () => {
    useInput((input, key) => {
      for (const event of keyEventsFromInk(input, key, true)) out.push({ tick, event });
    });
    return null;
  };
  const app = render(createElement(Probe));
  try {
    // Ink reads and parses a write at once, so each read's events come at its own tick.
    for (const [ms, bytes] of action.reads as [number, string][]) {
      tick = Math.floor(ms / TICK_MS);
      app.stdin.write(bytes);
    }
  } finally {
    app.unmount();
  }
  return out;
}
