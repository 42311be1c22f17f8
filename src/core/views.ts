/**
 * Derived views of a game, so that the UI, the headless summary and the bot
 * only read (STYLE.md: derived views live in the core).
 */
import { boardRows, cellAt, cellsOf, dropPosition, HEIGHT, VISIBLE_HEIGHT, WIDTH, type Placement } from './board.js';
import type { GameState, Mode, Status, TopOut } from './game.js';
import type { BlockLetter, PieceType } from './pieces.js';

/** What one visible cell shows. */
export type CellView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'block'; readonly piece: BlockLetter }
  | { readonly kind: 'active'; readonly piece: PieceType }
  | { readonly kind: 'ghost'; readonly piece: PieceType };

const EMPTY: CellView = Object.freeze({ kind: 'empty' });

/** Where the active piece would land with a hard drop, or null with no active piece. */
export function ghostPosition(s: GameState): Placement | null {
  return s.active ? dropPosition(s.board, s.active) : null;
}

/**
 * The 20 visible rows, top row first, 10 cells each: locked blocks, the
 * active piece, and (when `ghost` is on) its landing place under it. With
 * `above`, that many rows over the visible ones come first (the spawn rows
 * 20 and 21, where a new piece appears).
 */
export function visibleCells(s: GameState, options: { ghost?: boolean; above?: number } = {}): CellView[][] {
  const rows: CellView[][] = [];
  const top = VISIBLE_HEIGHT + Math.max(0, Math.min(HEIGHT - VISIBLE_HEIGHT, options.above ?? 0));
  for (let y = top - 1; y >= 0; y--) {
    const row: CellView[] = [];
    for (let x = 0; x < WIDTH; x++) {
      const piece = cellAt(s.board, x, y);
      row.push(piece ? { kind: 'block', piece } : EMPTY);
    }
    rows.push(row);
  }
  const paint = (p: Placement, kind: 'active' | 'ghost') => {
    for (const c of cellsOf(p)) {
      if (c.y < top) rows[top - 1 - c.y]![c.x] = { kind, piece: p.type };
    }
  };
  if (s.active) {
    if (options.ghost ?? true) paint(ghostPosition(s)!, 'ghost');
    paint(s.active, 'active');
  }
  return rows;
}

/** The next `count` pieces (at most the six the core always knows). */
export function nextPieces(s: GameState, count = 6): PieceType[] {
  return s.queue.slice(0, count);
}

/** The game as the headless summary shows it (RULES.md "Game state"). */
export interface Summary {
  readonly score: number;
  readonly lines: number;
  readonly level: number;
  readonly pieces: number;
  /** The last tick simulated: the end tick, or the tick the game ended. */
  readonly tick: number;
  /** Ticks of play, paused ticks not counted. */
  readonly time: number;
  readonly mode: Mode;
  readonly state: Status;
  readonly topOut: TopOut | null;
  readonly current: PieceType | null;
  readonly hold: PieceType | null;
  readonly next: PieceType[];
  /** 20 strings, top visible row first; `.` empty, else the piece letter (`G` garbage). No active piece. */
  readonly board: string[];
  /** Dig only: garbage rows still to be removed (digLines minus those removed). */
  readonly garbageLeft?: number;
}

/** The summary of a game; `tick` counts the tick in progress as not yet simulated unless the game is over. */
export function summarize(s: GameState): Summary {
  const summary: Summary = {
    score: s.score,
    lines: s.lines,
    level: s.level,
    pieces: s.pieces,
    tick: s.status === 'over' ? s.tick : Math.max(0, s.tick - 1),
    time: s.time,
    mode: s.settings.mode,
    state: s.status,
    topOut: s.topOut,
    current: s.active?.type ?? null,
    hold: s.hold,
    next: nextPieces(s, 6),
    board: boardRows(s.board),
  };
  return s.settings.mode === 'dig' ? { ...summary, garbageLeft: s.settings.digLines - s.garbage.cleared } : summary;
}
