/**
 * The placements a piece can reach, found by playing the core: every route
 * is a list of real inputs (rotations first, then left or right presses),
 * stepped through `step`, so a placement is listed only if the core itself
 * moved the piece there (SRS kicks included). The landing place is the
 * core's own `dropPosition`, the row a hard drop goes to.
 */
import { dropPosition, inputAction, step, type GameState, type InputName, type Placement } from '../core/index.js';

/** A place the active piece can be hard-dropped into, and the inputs that get it there. */
export interface Candidate {
  /** Inputs before the hard drop: a `hold` if the route starts with one, rotations, then moves. */
  readonly inputs: readonly InputName[];
  /** Where the piece locks after those inputs and a hard drop. */
  readonly landed: Placement;
}

/** The rotation routes tried, shortest first: none, one turn either way, a half turn. */
const ROTATION_ROUTES: readonly (readonly InputName[])[] = [[], ['cw'], ['ccw'], ['cw', 'cw']];

/** Step `inputs` from `state`; null if any of them was refused (the core returned the same state). */
function stepAll(state: GameState, inputs: readonly InputName[]): GameState | null {
  let s = state;
  for (const input of inputs) {
    const next = step(s, inputAction(input));
    if (next === s) return null;
    s = next;
  }
  return s;
}

/** A small integer naming a placement, for removing routes that land in the same place. */
function placementKey(p: Placement): number {
  return (p.rotation * 32 + (p.x + 8)) * 64 + p.y;
}

/**
 * Every placement the active piece of `state` reaches with rotations, then
 * sideways moves, then a hard drop, one route per landing place (the first
 * found, so the shortest). `prefix` is prepended to every route's inputs (a
 * `hold` that produced this state). Empty when there is no piece to move.
 */
export function reachablePlacements(state: GameState, prefix: readonly InputName[] = []): Candidate[] {
  if (state.status !== 'playing' || !state.active) return [];
  const out: Candidate[] = [];
  const seen = new Set<number>();
  const add = (s: GameState, inputs: InputName[]) => {
    const landed = dropPosition(s.board, s.active!);
    const key = placementKey(landed);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ inputs, landed });
  };
  // O never turns (RULES.md), so only its first route can move it.
  const routes = state.active.type === 'O' ? ROTATION_ROUTES.slice(0, 1) : ROTATION_ROUTES;
  for (const route of routes) {
    const turned = stepAll(state, route);
    if (!turned || !turned.active) continue;
    const base = [...prefix, ...route];
    add(turned, base);
    for (const dir of ['left', 'right'] as const) {
      let s = turned;
      const inputs = [...base];
      for (;;) {
        const next = step(s, inputAction(dir));
        if (next === s || !next.active) break;
        s = next;
        inputs.push(dir);
        add(s, [...inputs]);
      }
    }
  }
  return out;
}
