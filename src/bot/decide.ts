/**
 * The bot's choice for one piece: every reachable placement of the active
 * piece, and of the piece a `hold` would bring out (the held piece, or the
 * next one when the box is empty), scored with the El-Tetris evaluation;
 * the best one whose inputs the core really turns into that placement wins.
 * So hold is used exactly when the other piece has the better placement.
 *
 * There is no deeper search over the preview: with this one the bot clears
 * 0.3998 lines per piece with no top out over 10 seeds x 10,000 pieces and
 * never stacks above 9 rows (bench/bot-strength.ts), so a two-piece search,
 * some 30 times the work per piece, would buy nothing measurable.
 */
import { inputAction, step, type GameState, type InputName, type Placement } from '../core/index.js';
import { evaluatePlacement } from './features.js';
import { reachablePlacements, type Candidate } from './placements.js';

/** What the bot does with the active piece. */
export interface BotMove {
  /** The inputs in order: `hold` if chosen, rotations, moves, and `hardDrop` last. */
  readonly inputs: readonly InputName[];
  /** Where the piece locks. */
  readonly landed: Placement;
  /** Its El-Tetris score (higher is better). */
  readonly score: number;
  /** The game after the inputs, as the core played them. */
  readonly after: GameState;
}

const HARD_DROP = inputAction('hardDrop');

/** Whether two placements are the same piece in the same place and state. */
export function samePlacement(a: Placement, b: Placement): boolean {
  return a.type === b.type && a.x === b.x && a.y === b.y && a.rotation === b.rotation;
}

/**
 * Play a candidate's inputs and the hard drop through the core. Returns the
 * game after the drop, or null when the core did not lock the piece exactly
 * where the search said it would.
 */
function playCandidate(state: GameState, candidate: Candidate): GameState | null {
  let s = state;
  for (const input of candidate.inputs) s = step(s, inputAction(input));
  if (s.status !== 'playing' || !s.active) return null;
  const dropped = step(s, HARD_DROP);
  const locked = dropped.events.locked;
  if (dropped.pieces !== state.pieces + 1 || !locked || !samePlacement(locked, candidate.landed)) return null;
  return dropped;
}

/** Every placement to consider: the active piece's, then (when allowed) the ones after a `hold`. */
function candidatesFor(state: GameState): Candidate[] {
  const own = reachablePlacements(state);
  if (state.holdUsed) return own;
  const held = step(state, inputAction('hold'));
  if (held === state || held.status !== 'playing') return own;
  return own.concat(reachablePlacements(held, ['hold']));
}

/**
 * The best move for the active piece, or null when there is none (the game
 * is over or paused). Candidates are tried best first; each is played
 * through the core, and one that does not lock where planned is skipped for
 * the next. A move that tops out is taken only when every move does.
 */
export function decide(state: GameState): BotMove | null {
  if (state.status !== 'playing' || !state.active) return null;
  const candidates = candidatesFor(state);
  const scores = candidates.map((c) => evaluatePlacement(state.board, c.landed));
  // Best first; equal scores keep the search order (fewer inputs first).
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);

  let fallback: BotMove | null = null;
  for (const i of order) {
    const candidate = candidates[i]!;
    const after = playCandidate(state, candidate);
    if (!after) continue;
    const move: BotMove = { inputs: [...candidate.inputs, 'hardDrop'], landed: candidate.landed, score: scores[i]!, after };
    if (after.topOut === null) return move;
    fallback ??= move;
  }
  return fallback;
}
