/**
 * A test hook, for the hardening tests only (tests/e2e/exit-paths.test.ts):
 * with the environment variable INKTRIS_FAULT=render a component throws
 * while drawing, with INKTRIS_FAULT=timer the game loop's timer callback
 * throws outside the controller's own guard (an uncaught error, as a bug in
 * any timer would be). Either fires once a piece has locked, so the game has
 * started and inputs were recorded. The command line reads the variable and
 * hands the fault to the screen it runs as a value (src/ui reads no
 * environment and keeps no state of its own here); with none, each hook
 * costs one comparison.
 */
import type { GameState } from '../core/index.js';

/** Where a fault can be injected. */
export type Fault = 'render' | 'timer';

/** The fault INKTRIS_FAULT names; anything else (unset, unknown) is none. */
export function faultNamed(name: string | undefined): Fault | null {
  return name === 'render' || name === 'timer' ? name : null;
}

/** Throw here if `armed` is `where` and the game has begun (a piece locked). */
export function injectFault(armed: Fault | null | undefined, where: Fault, state: GameState): void {
  if (armed === where && state.pieces > 0) throw new Error(`injected ${where} fault (INKTRIS_FAULT=${where})`);
}
