/**
 * The game screen as plain text, snapshot by snapshot (fixed seeds, colour
 * off), rendered the way the terminal renders it (ink-testing-library).
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { advance, placePiece, type GameState } from '../../../src/core/index.js';
import { GameFrame } from '../../../src/ui/components/GameFrame.js';
import { stillView, type PlayView } from '../../../src/ui/drivers/screen.js';
import { frameOf as toFrame, type GameScreenFrame } from '../../../src/ui/frame/frame-model.js';
import { LAYOUT, SPAWN_ROWS, type TerminalSize } from '../../../src/ui/frame/layout.js';
import { Screen } from '../../../src/ui/components/Screen.js';
import { DIM, PALETTE_256, resolveDisplay, type Display, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import { HoldPanel } from '../../../src/ui/components/HoldPanel.js';
import { fresh, gameOver, midGame, play, rowsAboutToClear } from '../helpers.js';

afterEach(() => cleanup());

/** The frame model of a game played, drawn at the game screen's own size. */
function gameScreen(game: GameState, display: Display, help = false, rank: number | null = null): GameScreenFrame {
  const frame = toFrame({ kind: 'play', game, help, best: undefined, rank }, display, { columns: LAYOUT.width, rows: LAYOUT.height });
  if (frame.kind !== 'game') throw new Error('the game screen does not fit its own size');
  return frame;
}

/** The last frame a component drew (never empty: an empty frame fails the test). */
function frameOf(state: GameState, options: DisplayOptions = {}, help = false): string {
  const display = resolveDisplay(options);
  const { frames } = render(<GameFrame frame={gameScreen(state, display, help)} display={display} />);
  const frame = frames.filter((f) => f.trim() !== '').at(-1) ?? '';
  expect(frame.trim()).not.toBe('');
  return frame;
}

const lines = (frame: string) => frame.split('\n');

describe('the game screen', () => {
  it('draws a fresh game: the first piece at the top, its ghost on the floor, NEXT and zeros', () => {
    const frame = frameOf(fresh());
    expect(frame).toMatchSnapshot();
    expect(lines(frame)).toHaveLength(LAYOUT.height);
    expect(Math.max(...lines(frame).map((l) => l.length))).toBeLessThanOrEqual(LAYOUT.width);
    expect(frame).toContain('HOLD');
    expect(frame).toContain('NEXT');
    expect(frame).toMatch(/SCORE\s*\n.*│\s+0/);
    expect(frame).toContain('0:00');
    expect(frame).toContain('[]');
    expect(frame).not.toMatch(/\u001B\[/);
  });

  it('draws a game in progress with a held piece, locked blocks and the ghost under the falling piece', () => {
    const state = midGame();
    expect(state.hold).not.toBeNull();
    const frame = frameOf(state);
    expect(frame).toMatchSnapshot();
    // The held piece is drawn under HOLD (rows 3-4 of the well, the first column; the spawn rows above it).
    expect(
      lines(frame)
        .slice(3 + SPAWN_ROWS, 5 + SPAWN_ROWS)
        .some((l) => l.slice(0, 8).includes('██')),
    ).toBe(true);
    expect(frame).toContain('[]');
  });

  it('draws rows about to clear, with the ghost filling the gap', () => {
    const frame = frameOf(rowsAboutToClear());
    expect(frame).toMatchSnapshot();
    const board = lines(frame)
      .slice(17 + SPAWN_ROWS, 21 + SPAWN_ROWS)
      .map((l) => l.slice(20, 42));
    for (const row of board) expect(row).toContain('[]');
  });

  it('hides the board, NEXT and HOLD behind PAUSED while paused', () => {
    const state = play(midGame(), 'pause');
    const frame = frameOf(state);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('PAUSED');
    expect(frame).toContain('p esc to resume');
    expect(frame).not.toContain('██');
    expect(frame).not.toContain('[]');
    expect(frame).toContain('SCORE');
  });

  it('shows the result and the keys to play again or quit when the game is over', () => {
    const state = gameOver();
    const frame = frameOf(state);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('GAME OVER');
    expect(frame).toMatch(new RegExp(`SCORE\\s+${state.score} `));
    expect(frame).toContain('PIECES/S');
    expect(frame).toContain('play again');
    expect(frame).toContain('quit');
  });

  it('shows the place the game took in the high-score table', () => {
    const display = resolveDisplay({});
    const { frames } = render(<GameFrame frame={gameScreen(gameOver(), display, false, 4)} display={display} />);
    const frame = frames.filter((f) => f.trim() !== '').at(-1) ?? '';
    expect(frame).toMatch(/HIGH SCORE\s+#4 /);
    expect(frameOf(gameOver())).not.toContain('HIGH SCORE');
  });

  it('calls a finished sprint FINISHED and counts lines left while it runs', () => {
    const running = frameOf(fresh({ mode: 'sprint' }));
    expect(running).toContain('LINES LEFT');
    expect(running).toMatch(/LINES LEFT\s*\n.*│\s+40/);
    const done: GameState = { ...fresh({ mode: 'sprint' }), status: 'over', lines: 40, active: null };
    expect(frameOf(done)).toContain('FINISHED');
  });

  it('draws with ASCII only under --ascii', () => {
    const frame = frameOf(midGame(), { ascii: true });
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('[]');
    expect(frame).toContain('::');
    expect(frame).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('leaves the ghost out under --no-ghost and shows the chosen number of NEXT pieces', () => {
    const frame = frameOf(fresh(), { ghost: false, preview: 1 });
    expect(frame).not.toContain('[]');
    // One piece under NEXT: nothing drawn in the NEXT column below its first piece.
    expect(
      lines(frame)
        .slice(6 + SPAWN_ROWS)
        .every((l) => !l.slice(10, 18).includes('██')),
    ).toBe(true);
  });

  it('shows the keys over the board on ?', () => {
    const frame = frameOf(fresh(), {}, true);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('KEYS');
    expect(frame).toContain('rotate right');
    expect(frame).toContain('hard drop');
  });

  it('draws colour only when given a palette', () => {
    const plain = frameOf(fresh());
    const colour = frameOf(fresh(), {
      color: { I: 'cyan', O: 'yellow', T: 'magenta', S: 'green', Z: 'red', J: 'blue', L: 'yellowBright' },
    });
    expect(plain).not.toMatch(/\u001B\[/);
    // Same picture, whatever the escape codes.
    expect(colour.replace(/\u001B\[[\d;]*m/g, '')).toBe(plain);
  });
});

describe('the terminal around it', () => {
  const screen = (size: TerminalSize) => toFrame(stillView(fresh()), resolveDisplay(), size);

  it('centres the game in a larger terminal', () => {
    const { frames } = render(<Screen frame={screen({ columns: 100, rows: 30 })} display={resolveDisplay()} />);
    const frame = frames.at(-1)!;
    const rows = frame.split('\n');
    const top = rows.findIndex((l) => l.includes('┌'));
    // The top border is under the two spawn rows.
    expect(top).toBe(Math.floor((30 - LAYOUT.height) / 2) + SPAWN_ROWS);
    expect(rows[top]!.indexOf('┌')).toBe(Math.floor((100 - LAYOUT.width) / 2) + 20);
  });

  it('asks for a bigger terminal when the game does not fit', () => {
    const { frames } = render(<Screen frame={screen({ columns: 40, rows: 15 })} display={resolveDisplay()} />);
    const frame = frames.at(-1)!;
    expect(frame).toMatchSnapshot();
    expect(frame).toContain(`Terminal too small: need ${LAYOUT.width} x ${LAYOUT.height}`);
    expect(frame).not.toContain('HOLD');
  });
});

describe('HOLD used up', () => {
  it('dims the held piece where there is colour, and says (used) where there is none', () => {
    const colour = resolveDisplay({ color: PALETTE_256 });
    const used = render(<HoldPanel piece="T" used display={colour} />).lastFrame()!;
    expect(used).toContain(DIM);
    expect(render(<HoldPanel piece="T" display={colour} />).lastFrame()).not.toContain(DIM);
    expect(render(<HoldPanel piece="T" used display={resolveDisplay()} />).lastFrame()).toContain('(used)');
    expect(render(<HoldPanel piece="T" display={resolveDisplay()} />).lastFrame()).not.toContain('(used)');
  });
});

describe('the feel of play (issue 17)', () => {
  /** A play view with the extras a play screen adds, drawn whole. */
  function drawn(view: Partial<PlayView> & { game: GameState }, options: DisplayOptions = {}): string {
    const display = resolveDisplay(options);
    const frame = toFrame({ kind: 'play', help: false, best: undefined, rank: null, ...view }, display, {
      columns: LAYOUT.width,
      rows: LAYOUT.height,
    });
    if (frame.kind !== 'game') throw new Error('the game screen does not fit its own size');
    const { frames } = render(<GameFrame frame={frame} display={display} />);
    return frames.at(-1)!;
  }

  it('shows the last clears under the numbers', () => {
    const frame = drawn({ game: midGame(), feedback: ['T-SPIN DOUBLE +1200', 'BACK-TO-BACK', '3 COMBO', 'LEVEL 3'] });
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('BACK-TO-BACK');
    // Broken at a space to fit the sidebar: the name over the points.
    expect(frame).toMatch(/T-SPIN DOUBLE\s*\n.*\+1200/);
  });

  it('flashes the cleared rows where they were, with the new piece above', () => {
    const before = rowsAboutToClear();
    const after = play(before, 'hardDrop');
    const board = placePiece(before.board, after.events.locked!);
    const frame = drawn({ game: after, flash: { board, rows: after.events.clearedRows } });
    expect(frame).toMatchSnapshot();
    expect(frame.match(/════════════════════|====================/g)?.length ?? 0).toBe(0);
    expect(lines(frame).filter((l) => l.includes('│████████████████████│')).length).toBe(4);
  });

  it('draws READY and the count in a box over the board, which shows', () => {
    const frame = drawn({ game: midGame(), countdown: '2' });
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('READY');
    expect(frame).toContain('[]');
  });

  it('shows the sprint clock to the hundredth, ultra time left and dig garbage left', () => {
    const sprint = drawn({ game: advance(fresh({ mode: 'sprint' }), 75) });
    expect(sprint).toMatch(/TIME\s*\n.*0:01\.25/);
    const ultra = drawn({ game: advance(fresh({ mode: 'ultra' }), 75) });
    expect(ultra).toMatch(/TIME LEFT\s*\n.*1:58\.75/);
    const dig = drawn({ game: fresh({ mode: 'dig', digLines: 18 }) });
    expect(dig).toMatch(/GARBAGE LEFT\s*\n.*18/);
  });
});
