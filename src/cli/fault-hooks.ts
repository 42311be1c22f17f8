/**
 * A test hook, for the hardening tests only (tests/e2e/exit-paths.test.ts):
 * with the environment variable INKTRIS_FAULT=render a component throws
 * while drawing, with INKTRIS_FAULT=timer the loop's timer callback throws
 * (an uncaught error, as a bug in any timer would be). Either fires once a
 * piece has locked, so the game has started and inputs were recorded: the
 * render fault at the first render of Ink's after that (a lock itself is
 * drawn by the painter, so the test pauses to render). The
 * command line reads the variable once and hands the hooks to the screen
 * it runs; without the variable there are none.
 */
import type { FaultHooks } from '../ui/terminal/run-screen.js';

/** The hooks for INKTRIS_FAULT's value; undefined for none (unset, or a name it does not know). */
export function faultHooks(name: string | undefined): FaultHooks | undefined {
  if (name !== 'render' && name !== 'timer') return undefined;
  const fault = (): Error => new Error(`injected ${name} fault (INKTRIS_FAULT=${name})`);
  // The wake hook sees the view, whose pieces say a piece has locked; the render hook sees frames, whose NEXT moves on at a lock.
  let begun = false;
  let firstNext: string | undefined;
  return {
    wake: (view) => {
      begun ||= view.kind === 'versus' ? view.sides[0].game.pieces > 0 : view.kind !== 'menu' && view.game.pieces > 0;
      if (name === 'timer' && begun) throw fault();
    },
    render: (frame) => {
      // The first frame React renders after a lock: NEXT moves on when a piece locks (a wake may come only after the
      // next lock). The painter draws the lock itself, so that frame is the next change of structure (a pause, a panel).
      if (frame.kind === 'game') {
        firstNext ??= frame.next;
        begun ||= frame.next !== firstNext;
      }
      if (name === 'render' && begun) throw fault();
    },
  };
}
