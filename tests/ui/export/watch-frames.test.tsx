/**
 * The screens of watching and of a game's end, as plain text (fixed seeds,
 * colour off): the replay's place in the sidebar, the watcher's keys, the
 * demo, and the statistics and personal best once a game is over.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playBot } from '../../../src/bot/index.js';
import type { GameState } from '../../../src/core/index.js';
import { App } from '../../../src/ui/components/App.js';
import { GameFrame } from '../../../src/ui/components/GameFrame.js';
import { indexReplay } from '../../../src/core/replay-cursor.js';
import type { ReplayStatus, ScreenView } from '../../../src/ui/drivers/screen.js';
import { frameOf as toFrame } from '../../../src/ui/frame/frame-model.js';
import { LAYOUT } from '../../../src/ui/frame/layout.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { REPLAY, replayModel } from '../../../src/ui/drivers/replay.js';
import { fakeTime, fresh, midGame, play, screenHarness } from '../helpers.js';

afterEach(() => cleanup());

/** What is watched, for the sidebar: a replay at its place, or the demo. */
type Watched = ({ readonly kind: 'replay' } & ReplayStatus) | { readonly kind: 'demo' };

/** The view of `game` as played (with a best), as a replay watched, or as the demo. */
function viewOf(game: GameState, { best, watch, help = false }: { best?: number | null; watch?: Watched; help?: boolean }): ScreenView {
  if (watch?.kind === 'replay') {
    const { kind: _, ...status } = watch;
    return { kind: 'replay', game, help, status };
  }
  if (watch?.kind === 'demo') return { kind: 'demo', game, help };
  return { kind: 'play', game, help, best, rank: null };
}

function frameOf(state: GameState, props: { best?: number | null; watch?: Watched; help?: boolean } = {}): string {
  const display = resolveDisplay();
  const model = toFrame(viewOf(state, props), display, { columns: LAYOUT.width, rows: LAYOUT.height });
  if (model.kind !== 'game') throw new Error('the game screen does not fit its own size');
  const { frames } = render(<GameFrame frame={model} display={display} />);
  const frame = frames.filter((f) => f.trim() !== '').at(-1) ?? '';
  expect(frame.trim()).not.toBe('');
  return frame;
}

const status = (fields: Partial<ReplayStatus> = {}): Watched => ({
  kind: 'replay',
  speed: 1,
  paused: false,
  ended: false,
  tick: 754,
  endTick: 12_000,
  pieces: 12,
  totalPieces: 143,
  ...fields,
});

/** A marathon over after 90 pieces in 45 s: 2 singles, a double, 3 tetrises (16 lines). */
function marathonOver(fields: Partial<GameState> = {}): GameState {
  return {
    ...fresh(),
    status: 'over',
    topOut: 'blockOut',
    active: null,
    score: 5140,
    lines: 16,
    level: 1,
    pieces: 90,
    time: 2700,
    clears: [2, 1, 0, 3],
    ...fields,
  };
}

/** A sprint finished in 50.25 s: 100 pieces, 4 singles, 2 doubles, 2 triples, 7 tetrises. */
function sprintFinished(fields: Partial<GameState> = {}): GameState {
  return {
    ...fresh({ mode: 'sprint' }),
    status: 'over',
    topOut: null,
    active: null,
    score: 9000,
    lines: 42,
    level: 4,
    pieces: 100,
    time: 3015,
    clears: [4, 2, 2, 7],
    ...fields,
  };
}

describe('watching a replay', () => {
  it('shows REPLAY with the speed, the replay clock and the pieces in the sidebar', () => {
    const frame = frameOf(midGame(), { watch: status() });
    expect(frame).toMatchSnapshot();
    expect(frame).toMatch(/REPLAY\s*\n.*x1\s*\n.*0:12\/3:20\s*\n/);
    expect(frame).toMatch(/PIECES\s*\n.*12\/143/);
  });

  it.each([
    // 1e15 ticks is 4629629629:37:46, six characters wider than the sidebar: it wrapped onto the PIECES label.
    [1e15, 1e15, '192901234d'],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, '4760273y'],
  ])('keeps a replay clock at tick %d of %d on one row of the sidebar: %s', (tick, endTick, clock) => {
    const frame = frameOf(midGame(), { watch: status({ tick, endTick }) });
    const rows = frame.split('\n').map((row) => row.trimEnd());
    const at = rows.findIndex((row) => /x1$/.test(row));
    expect(rows[at + 1]).toMatch(new RegExp(`\\s${clock}$`));
    // The next rows are the blank row and PIECES, as with a short clock.
    expect(rows[at + 2]).toMatch(/[│|]$/);
    expect(rows[at + 3]).toMatch(/PIECES$/);
  });

  it('marks a paused replay with || and an ended one with END', () => {
    expect(frameOf(midGame(), { watch: status({ speed: 0.25, paused: true }) })).toMatch(/x0\.25 \|\|/);
    expect(frameOf(midGame(), { watch: status({ speed: 16, ended: true }) })).toMatch(/x16 END/);
  });

  it("lists the watcher's keys on ?", () => {
    const frame = frameOf(midGame(), { watch: status(), help: true });
    for (const text of [
      'space  pause/play',
      '←      back a piece',
      '→      next piece',
      '+ =    faster',
      '- _    slower',
      'g      restart',
      'q ^C   quit',
    ]) {
      expect(frame).toContain(text);
    }
  });

  it('says where the recorded player paused', () => {
    const frame = frameOf(play(midGame(), 'pause'), { watch: status() });
    expect(frame).toContain('PAUSED');
    expect(frame).toContain('paused here');
    expect(frame).not.toContain('to resume');
  });

  it('offers to watch again or step back at the end of the game', () => {
    const frame = frameOf(marathonOver(), { watch: status({ ended: true }) });
    expect(frame).toContain('g     watch again');
    expect(frame).toContain('←     back a piece');
    expect(frame).not.toContain('play again');
    expect(frame).not.toContain('BEST');
  });
});

describe('the demo', () => {
  it('says DEMO, that any key shows the keys, and how to quit', () => {
    const frame = frameOf(midGame(), { watch: { kind: 'demo' } });
    expect(frame).toMatch(/DEMO\s*\n.*any key:\s*\n.*the keys/);
    expect(frame).toContain('q quit');
    expect(frame).not.toContain('? keys');
  });

  it("shows the game's keys, closed by any key", () => {
    const frame = frameOf(midGame(), { watch: { kind: 'demo' }, help: true });
    expect(frame).toContain('hard drop');
    expect(frame).toContain('any key to close');
  });
});

describe('the end of a game', () => {
  it('shows a marathon: score, lines, level, time, pieces per second, each clear and the tetris rate', () => {
    const frame = frameOf(marathonOver(), { best: 9000 });
    expect(frame).toMatchSnapshot();
    for (const row of [
      /SCORE\s+5140 /,
      /LINES\s+16 /,
      /LEVEL\s+1 /,
      /TIME\s+0:45\.00 /,
      /PIECES\/S\s+2\.00 /,
      /SINGLES\s+2 /,
      /DOUBLES\s+1 /,
      /TRIPLES\s+0 /,
      /TETRISES\s+3 /,
      /TETRIS RATE\s+75% /,
      /BEST\s+9000 /,
    ]) {
      expect(frame).toMatch(row);
    }
  });

  it('shows a finished sprint: its time to the hundredth first, pieces per second, each clear, the best', () => {
    const frame = frameOf(sprintFinished(), { best: 2700 });
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('FINISHED');
    const rows = frame.split('\n').map((line) => line.slice(20, 42));
    const at = (text: string) => rows.findIndex((row) => row.includes(text));
    expect(at('TIME')).toBeLessThan(at('PIECES/S'));
    expect(at('PIECES/S')).toBeLessThan(at('SINGLES'));
    for (const row of [
      /TIME\s+0:50\.25 /,
      /PIECES\/S\s+1\.99 /,
      /SINGLES\s+4 /,
      /DOUBLES\s+2 /,
      /TRIPLES\s+2 /,
      /TETRISES\s+7 /,
      /BEST\s+0:45\.00 /,
    ]) {
      expect(frame).toMatch(row);
    }
    expect(frame).not.toContain('TETRIS RATE');
  });

  it('says NEW PERSONAL BEST when the game beats the best, or is the first to count', () => {
    expect(frameOf(sprintFinished(), { best: 3100 })).toContain('NEW PERSONAL BEST');
    expect(frameOf(sprintFinished(), { best: null })).toContain('NEW PERSONAL BEST');
    expect(frameOf(marathonOver(), { best: 5000 })).toContain('NEW PERSONAL BEST');
    expect(frameOf(sprintFinished(), { best: 3015 })).not.toContain('NEW PERSONAL BEST');
  });

  it('says a practice game (a fixed queue) is unranked in place of the best, however good it was', () => {
    const practice = (state: GameState): GameState => ({ ...state, settings: { ...state.settings, queue: 'OOOO' } });
    const marathon = frameOf(practice(marathonOver()), { best: 10 });
    expect(marathon).toMatch(/PRACTICE, UNRANKED/);
    expect(marathon).not.toContain('BEST');
    expect(frameOf(practice(sprintFinished()), { best: null })).not.toContain('NEW PERSONAL BEST');
  });

  it('leaves the best out when it is not known, and a sprint that topped out is no new best', () => {
    expect(frameOf(sprintFinished())).not.toContain('BEST');
    const topped = frameOf(sprintFinished({ topOut: 'lockOut', lines: 12 }), { best: null });
    expect(topped).toContain('GAME OVER');
    expect(topped).not.toContain('BEST');
  });

  it('shows no tetris rate before the first line', () => {
    expect(frameOf(marathonOver({ lines: 0, clears: [0, 0, 0, 0] }))).toMatch(/TETRIS RATE\s+- /);
  });
});

describe('the watch app', () => {
  it('plays a replay, pauses on space, steps on right and quits on q', async () => {
    const game = playBot({ seed: 4, pieces: 12, pace: 40 });
    const index = indexReplay({ seed: 4, settings: {}, inputs: game.inputs });
    const time = fakeTime();
    const controller = screenHarness(REPLAY, replayModel(index), time);
    const app = render(<App loop={controller.loop} display={resolveDisplay()} size={{ columns: 80, rows: 24 }} />);
    const frame = () => app.frames.filter((f) => f.trim() !== '').at(-1) ?? '';
    await vi.waitFor(() => expect(frame()).toMatch(/PIECES\s*\n.*0\/12/));
    app.stdin.write(' ');
    await vi.waitFor(() => expect(frame()).toContain('x1 ||'));
    app.stdin.write('\u001B[C');
    await vi.waitFor(() => expect(frame()).toMatch(/PIECES\s*\n.*1\/12/));
    app.stdin.write('+');
    await vi.waitFor(() => expect(frame()).toContain('x2 ||'));
    app.stdin.write('q');
    await vi.waitFor(() => expect(time.pending()).toBe(0));
  });
});
