/** Small builders for core tests: a game on a prepared board, actions by name. */
import {
  boardFromRows,
  createGame,
  inputAction,
  lowestRow,
  step,
  TICK,
  type GameSettings,
  type GameState,
  type InputName,
  type Placement,
} from '../../src/core/index.js';

/** A fresh game with `rows` (top row first, bottom row last = row 0) as its board and, optionally, an active piece. */
export function gameOn(rows: readonly string[], active?: Placement, settings: Partial<GameSettings> = {}): GameState {
  const base = createGame({ seed: 1, ...settings });
  const board = boardFromRows(rows);
  const piece = active ?? base.active;
  return { ...base, board, active: piece, lowestRow: piece ? lowestRow(piece) : 0 };
}

/** Apply actions given as space-separated names; `tick` and `tick*N` pass ticks. */
export function play(state: GameState, script: string): GameState {
  let s = state;
  for (const word of script.split(/\s+/).filter(Boolean)) {
    const [name, times] = word.split('*');
    for (let i = 0; i < Number(times ?? 1); i++) {
      s = step(s, name === 'tick' ? TICK : inputAction(name as InputName));
    }
  }
  return s;
}

/** `n` tick actions, one by one (the reference that `advance` must equal). */
export function ticks(state: GameState, n: number): GameState {
  let s = state;
  for (let i = 0; i < n; i++) s = step(s, TICK);
  return s;
}

/** Ten-character rows, repeated. */
export const rowsOf = (row: string, count: number): string[] => Array.from({ length: count }, () => row);

/** A T-spin double slot at columns 0-2 with an overhang over column 0. */
export const TSD = ['X.........', '...XXXXXXX', 'X.XXXXXXXX'];
/** A T-spin triple slot: the T comes in from above row 3 by the fifth kick of 0->R (-1, -2). */
export const TST = ['.X........', '..........', 'X.XXXXXXXX', 'X..XXXXXXX', 'X.XXXXXXXX'];
/** The same with the front corner at (2, 0) open: a mini by its corners. */
export const TST_OPEN_FRONT = ['.X........', '..........', 'X.XXXXXXXX', 'X..XXXXXXX', 'X..XXXXXXX'];
