/**
 * The placements a piece can reach, found with the core's own piece motion:
 * every route is a list of real inputs (rotations first, then left or right
 * presses), each applied by `rotatedPiece` / `movedPiece`, the functions
 * `step` moves the piece with, so a placement is listed only if the core
 * would move the piece there (SRS kicks included). No game state is made
 * per press: the search is the bot's hot loop, and a state per press was
 * most of its memory traffic. The landing place is the core's own
 * `dropPosition`, the row a hard drop goes to; `decide` then plays the
 * chosen route through `step` and checks where the piece locked.
 */
import {
  dropPosition,
  movedPiece,
  rotatedPiece,
  twentyG,
  type Board,
  type GameState,
  type InputName,
  type Placement,
} from '../core/index.js';

/** A place the active piece can be hard-dropped into, and the inputs that get it there. */
export interface Candidate {
  /** Inputs before the hard drop: a `hold` if the route starts with one, rotations, then moves. */
  readonly inputs: readonly InputName[];
  /** Where the piece locks after those inputs and a hard drop. */
  readonly landed: Placement;
}

/** The rotation routes tried, shortest first: none, one turn either way, a half turn. */
const ROTATION_ROUTES: readonly (readonly InputName[])[] = [[], ['cw'], ['ccw'], ['cw', 'cw']];

/** Where a piece that moved to `p` is: there, or at 20G on its landing row, as the core puts it (RULES.md "Levels and gravity"). */
type Settle = (board: Board, p: Placement) => Placement;
const stay: Settle = (_board, p) => p;

/** The piece after the rotations of `route`; null if the core refuses one of them. */
function turnedBy(state: GameState, p: Placement, route: readonly InputName[], settle: Settle): Placement | null {
  let at: Placement | null = p;
  for (const input of route) {
    at = rotatedPiece(state.board, at, input === 'cw' ? 1 : -1);
    if (!at) return null;
    at = settle(state.board, at);
  }
  return at;
}

/** The sideways presses and the column each moves by. */
const SIDEWAYS: readonly (readonly [InputName, -1 | 1])[] = [
  ['left', -1],
  ['right', 1],
];

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
  const add = (p: Placement, route: readonly InputName[], dir: InputName | null, presses: number) => {
    const landed = dropPosition(state.board, p);
    const key = placementKey(landed);
    if (seen.has(key)) return;
    seen.add(key);
    const inputs = [...prefix, ...route];
    for (let i = 0; i < presses; i++) inputs.push(dir!);
    out.push({ inputs, landed });
  };
  // O never turns (RULES.md), so only its first route can move it.
  const routes = state.active.type === 'O' ? ROTATION_ROUTES.slice(0, 1) : ROTATION_ROUTES;
  const settle = twentyG(state) ? dropPosition : stay;
  for (const route of routes) {
    const turned = turnedBy(state, state.active, route, settle);
    if (!turned) continue;
    add(turned, route, null, 0);
    for (const [dir, dx] of SIDEWAYS) {
      let at = turned;
      for (let presses = 1; ; presses++) {
        const next = movedPiece(state.board, at, dx);
        if (!next) break;
        at = settle(state.board, next);
        add(at, route, dir, presses);
      }
    }
  }
  return out;
}
