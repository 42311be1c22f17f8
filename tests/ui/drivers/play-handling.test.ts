/**
 * The play screen with the handling of experienced players: ARR 0 takes a
 * held piece to the wall on the tick DAS ends, an instant soft drop takes it
 * to the floor without locking it, and both are recorded as the inputs that
 * moved the piece (so the replay is the same game).
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, dropDistance, isInputName } from '../../../src/core/index.js';
import { PLAY, playModel } from '../../../src/ui/drivers/play.js';
import { TICK_MS } from '../../../src/ui/drivers/tick-clock.js';
import { DEFAULT_HANDLING } from '../../../src/ui/input/handling.js';
import { fakeTime, screenHarness } from '../helpers.js';

function game(handling = { ...DEFAULT_HANDLING, arr: 0, softDrop: 0 }) {
  const time = fakeTime();
  const screen = screenHarness(
    PLAY,
    playModel({ settings: { startLevel: 0, mode: 'marathon', queue: 'T' }, seedOf: () => 5, handling }),
    time,
  );
  screen.start();
  return { time, screen };
}

const leftmost = (screen: ReturnType<typeof game>['screen']) => Math.min(...cellsOf(screen.state.active!).map((c) => c.x));

describe('ARR 0 and instant soft drop in play', () => {
  it('moves a held piece one column on press, then to the wall on the tick DAS ends', () => {
    const { time, screen } = game();
    screen.key({ name: 'left', ctrl: false, type: 'press' });
    const afterPress = leftmost(screen);
    expect(afterPress).toBeGreaterThan(0);
    time.advance(TICK_MS * (DEFAULT_HANDLING.das - 1));
    expect(leftmost(screen)).toBe(afterPress);
    time.advance(TICK_MS * 1.5);
    expect(leftmost(screen)).toBe(0);
    // Only the moves that moved the piece are recorded: the press, then one per column to the wall.
    const lefts = screen.effects.filter((e) => e.kind === 'input' && e.input === 'left');
    expect(lefts.length).toBe(1 + afterPress);
    expect(screen.effects.every((e) => e.kind !== 'input' || isInputName(e.input))).toBe(true);
  });

  it('drops the piece to the floor on the press of an instant soft drop, and does not lock it', () => {
    const { screen } = game();
    screen.key({ name: 'down', ctrl: false, type: 'press' });
    const state = screen.state;
    expect(state.pieces).toBe(0);
    expect(state.status).toBe('playing');
    expect(dropDistance(state.board, state.active!)).toBe(0);
  });

  it('keeps one row a press with the default handling', () => {
    const { screen } = game(DEFAULT_HANDLING);
    const before = dropDistance(screen.state.board, screen.state.active!);
    screen.key({ name: 'down', ctrl: false, type: 'press' });
    expect(dropDistance(screen.state.board, screen.state.active!)).toBe(before - 1);
  });
});
