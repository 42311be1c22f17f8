/**
 * The personal best the end panel compares with, through a play session:
 * the best from the table at the start, then each game that beats it.
 */
import { describe, expect, it } from 'vitest';
import type { PlayView } from '../../../src/ui/drivers/screen.js';
import { PLAY, playModel } from '../../../src/ui/drivers/play.js';
import { fakeTime, screenHarness } from '../helpers.js';

function session(personalBests?: { marathon: number | null; sprint: number | null }) {
  const time = fakeTime();
  const controller = screenHarness(PLAY, playModel({ settings: {}, seedOf: () => 1, bests: personalBests }), time);
  const tap = (name: string) => controller.key({ name, ctrl: false, type: 'tap' });
  /** Hard-drop until the game tops out. */
  const topOut = () => {
    for (let i = 0; i < 200 && controller.state.status !== 'over'; i++) {
      tap('space');
      time.advance(50);
    }
  };
  return { controller, tap, topOut };
}

describe('the personal best of a play session', () => {
  it('shows the best from the start of the session on the first game', () => {
    const { controller, topOut } = session({ marathon: 100_000, sprint: null });
    controller.start();
    topOut();
    expect(controller.view()).toMatchObject({ best: 100_000 });
    expect(controller.state.status).toBe('over');
  });

  it('compares the next game with a game of the session that beat the best', () => {
    const { controller, tap, topOut } = session({ marathon: 10, sprint: null });
    controller.start();
    topOut();
    const first = controller.state.score;
    expect(first).toBeGreaterThan(10);
    tap('r');
    expect((controller.view() as PlayView).best).toBe(first);
  });

  it('keeps a best the game did not beat', () => {
    const { controller, tap, topOut } = session({ marathon: 1_000_000, sprint: 3000 });
    controller.start();
    topOut();
    tap('r');
    expect((controller.view() as PlayView).best).toBe(1_000_000);
  });

  it('shows no best when none was given', () => {
    const { controller } = session();
    controller.start();
    expect((controller.view() as PlayView).best).toBeUndefined();
  });
});
