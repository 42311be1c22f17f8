/**
 * The play screen's feel (issue 17): a text and a flash for every clear,
 * seen whatever the loop skips; READY 3-2-1 that the game does not tick
 * through and the replay does not keep; the end panel's menu and watch keys.
 */
import { describe, expect, it } from 'vitest';
import { playBot } from '../../../src/bot/index.js';
import { advanceUntil, createGame, paceCurve, timeAtLines, type GameState, type InputName } from '../../../src/core/index.js';
import { clearTexts, FLASH_TICKS, TEXT_TICKS } from '../../../src/ui/drivers/feedback.js';
import { COUNTDOWN_TICKS } from '../../../src/ui/drivers/countdown.js';
import { PLAY, playModel, type PlayConfig, type PlayModel } from '../../../src/ui/drivers/play.js';
import type { Effect, PlayView } from '../../../src/ui/drivers/screen.js';
import { TICK_MS } from '../../../src/ui/drivers/tick-clock.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTime, gameOn, screenHarness } from '../helpers.js';

const SIZE = { columns: 80, rows: 24 };

function setup(config: Partial<PlayConfig> = {}) {
  const time = fakeTime();
  const model = playModel({ settings: { queue: 'OOOOOOO' }, seedOf: () => 7, ...config });
  const h = screenHarness(PLAY, model, time);
  const press = (name: string) => h.key({ name, ctrl: false, type: 'tap' });
  const inputs = () => h.effects.filter((e): e is Extract<Effect, { kind: 'input' }> => e.kind === 'input').map((e) => [e.tick, e.input]);
  return { time, h, press, inputs, view: () => h.view() as PlayView };
}

/** Five O pieces side by side: two rows cleared by the fifth. */
function fiveOs(press: (name: string) => void): void {
  for (const moves of [['left', 'left', 'left', 'left'], ['left', 'left'], [], ['right', 'right'], ['right', 'right', 'right', 'right']]) {
    for (const move of moves) press(move);
    press('space');
  }
}

describe('clearTexts', () => {
  it.each([
    [{ rows: 1, tspin: null, backToBack: false, combo: 0, perfectClear: false, points: 40 }, 'nes', ['SINGLE +40']],
    [{ rows: 4, tspin: null, backToBack: false, combo: 0, perfectClear: false, points: 1200 }, 'nes', ['TETRIS +1200']],
    [
      { rows: 2, tspin: 'full', backToBack: true, combo: 2, perfectClear: false, points: 1800 },
      'guideline',
      ['T-SPIN DOUBLE +1800', 'BACK-TO-BACK', '2 COMBO'],
    ],
    [{ rows: 0, tspin: 'mini', backToBack: false, combo: -1, perfectClear: false, points: 100 }, 'guideline', ['T-SPIN MINI +100']],
    [
      { rows: 4, tspin: null, backToBack: true, combo: 0, perfectClear: true, points: 3200 },
      'guideline',
      ['TETRIS +3200', 'BACK-TO-BACK', 'PERFECT CLEAR'],
    ],
    // nes names the clear and shows what it counts (combo, perfect clear), never a back-to-back.
    [
      { rows: 2, tspin: null, backToBack: true, combo: 1, perfectClear: true, points: 100 },
      'nes',
      ['DOUBLE +100', '1 COMBO', 'PERFECT CLEAR'],
    ],
    [{ rows: 0, tspin: null, backToBack: false, combo: -1, perfectClear: false, points: 0 }, 'nes', []],
  ] as const)('%o under %s says %o', (clear, rules, texts) => {
    expect(clearTexts(clear, rules)).toEqual(texts);
  });
});

describe('feedback on a clear', () => {
  it('shows what the clear was and scored, flashes the rows, and takes each away on time without a key', () => {
    const { time, h, press, view } = setup();
    h.start();
    fiveOs(press);
    expect(h.state.lines).toBe(2);
    // Five Os on an empty board clear it: a perfect clear, which nes counts too.
    expect(view().feedback).toEqual(['DOUBLE +100', 'PERFECT CLEAR']);
    expect(view().flash?.rows).toEqual([0, 1]);
    const frame = frameOf(view(), resolveDisplay(), SIZE);
    if (frame.kind !== 'game') throw new Error('expected the game screen');
    expect(frame.feedback).toBe('DOUBLE +100\nPERFECT CLEAR');
    // The cleared rows flash where they were: the well's last two rows.
    expect(frame.board!.slice(-2)).toEqual(['='.repeat(10), '='.repeat(10)]);
    let frames = 0;
    h.subscribe(() => frames++);
    time.advance(FLASH_TICKS * TICK_MS + 1);
    expect(view().flash).toBeNull();
    expect(view().feedback).toEqual(['DOUBLE +100', 'PERFECT CLEAR']);
    expect(frames).toBeGreaterThan(0);
    time.advance((TEXT_TICKS - FLASH_TICKS) * TICK_MS + 1);
    expect(view().feedback).toEqual([]);
  });

  it('sees every lock of a stretch the loop skips in one go', () => {
    // Level 19: an I over a four-row gap falls and locks by itself, and the next piece after it.
    const start = gameOn(
      ['.ZZ......J', 'SSZZ.LLLJJ', 'OOTT.LOOII', 'OOLT.TOOII', 'LLLJ.OOTTT'],
      { type: 'I', x: 2, y: 8, rotation: 1 },
      { startLevel: 19 },
    );
    const second = advanceUntil(start, 10_000, (s) => s.pieces === 2);
    expect(second.lines).toBe(4);
    const model: PlayModel = { ...playModel({ settings: { startLevel: 19 }, seedOf: () => 1 }), game: start, started: true };
    const { model: after } = PLAY.reduce(model, { kind: 'tick', tick: second.tick });
    expect(after.game.pieces).toBe(2);
    expect(PLAY.view(after).kind === 'play' && (PLAY.view(after) as PlayView).feedback).toEqual(['TETRIS +24000']);
    // The loop wakes when the text goes.
    const wake = PLAY.nextWake(after)!;
    const firstLock = advanceUntil(start, 10_000, (s) => s.pieces === 1);
    expect(wake).toBeLessThanOrEqual(after.game.tick + (firstLock.time + TEXT_TICKS - after.game.time));
  });
});

describe('the countdown', () => {
  it('shows READY 3-2-1 before the first game, while the game does not tick; keys wait for its end', () => {
    const { time, h, press, inputs, view } = setup({ countdown: COUNTDOWN_TICKS });
    h.start();
    expect(view().countdown).toBe('3');
    const frame = frameOf(view(), resolveDisplay(), SIZE);
    expect(frame.kind === 'game' && frame.cover?.kind).toBe('countdown');
    press('left');
    time.advance(30 * TICK_MS + 1);
    expect(view().countdown).toBe('2');
    expect(h.state.tick).toBe(0);
    time.advance(60 * TICK_MS + 1);
    expect(view().countdown).toBeNull();
    // The left pressed during the countdown, at the tick the game goes on from.
    expect(inputs()).toEqual([[0, 'left']]);
    time.advance(100 * TICK_MS);
    expect(h.state.tick).toBeGreaterThan(90);
    expect(h.state.time).toBe(h.state.tick);
  });

  it('runs after an unpause and after the terminal fits again; the replay keeps the pause and the resume only', () => {
    const { time, h, press, inputs, view } = setup({ countdown: COUNTDOWN_TICKS });
    h.start();
    time.advance(COUNTDOWN_TICKS * TICK_MS + 200);
    press('p');
    const pausedAt = h.state.tick;
    time.advance(1000);
    press('p');
    expect(view().countdown).toBe('3');
    expect(h.state.status).toBe('paused');
    const resumeTick = h.state.tick;
    time.advance(COUNTDOWN_TICKS * TICK_MS + 1);
    expect(h.state.status).toBe('playing');
    expect(inputs()).toEqual([
      [pausedAt, 'pause'],
      [resumeTick, 'pause'],
    ]);
    h.resize({ columns: 40, rows: 10 });
    expect(h.state.status).toBe('paused');
    h.resize(SIZE);
    expect(view().countdown).toBe('3');
    time.advance(COUNTDOWN_TICKS * TICK_MS + 1);
    expect(h.state.status).toBe('playing');
  });

  it('replays to the same game: the countdown is not in the recording', () => {
    const { time, h, press, inputs } = setup({ countdown: COUNTDOWN_TICKS });
    h.start();
    time.advance(2000);
    press('p');
    time.advance(500);
    press('p');
    time.advance(3000);
    press('space');
    const game = h.state;
    let s: GameState = createGame(game.settings);
    for (const [tick, input] of inputs() as [number, InputName][]) {
      s = advanceUntil(s, tick - s.tick, () => false);
      s = PLAY.reduce(
        { ...playModel({ settings: {}, seedOf: () => 7 }), game: s, started: true },
        { kind: 'key', key: { name: input === 'pause' ? 'p' : 'space', ctrl: false, type: 'tap' } },
      ).model.game;
    }
    expect(s.board).toEqual(game.board);
    expect(s.score).toBe(game.score);
  });
});

describe('the end panel', () => {
  function topOut(config: Partial<PlayConfig>) {
    const t = setup(config);
    t.h.start();
    let guard = 0;
    while (t.h.state.status !== 'over' && guard++ < 100) {
      t.press('space');
      t.time.advance(20);
    }
    return t;
  }

  it('offers m for the menu and w to watch the game, which leave the screen as their effects', () => {
    const { press, h } = topOut({ menu: true, watchLast: true });
    const frame = frameOf(h.view(), resolveDisplay(), SIZE);
    if (frame.kind !== 'game' || frame.cover?.kind !== 'over') throw new Error('expected the end panel');
    expect(frame.cover.keys.map((k) => k.action)).toEqual(['play again', 'menu', 'watch it', 'quit']);
    expect(frame.cover.under).toHaveLength(22);
    expect(press('w')).toBe('quit');
    expect(h.effects.at(-1)).toEqual({ kind: 'watchLast' });
  });

  it('leaves for the menu on m', () => {
    const { press, h } = topOut({ menu: true });
    expect(press('m')).toBe('quit');
    expect(h.effects.at(-1)).toEqual({ kind: 'menu' });
  });

  it('ignores m and w when they are not offered', () => {
    const { press, h } = topOut({});
    expect(press('m')).toBeNull();
    expect(press('w')).toBeNull();
    expect(h.effects.some((e) => e.kind === 'menu' || e.kind === 'watchLast')).toBe(false);
  });
});

describe('the pace against the best game', () => {
  it('says after each new line count how far ahead or behind the best sprint the game is', () => {
    const best = playBot({ seed: 5, pieces: 40, pace: 20, mode: 'sprint' });
    const curve = paceCurve({ seed: 5, settings: { mode: 'sprint' }, inputs: best.inputs, endTick: best.inputs.at(-1)![0] + 90 });
    const { h, press, view } = setup({ settings: { queue: 'OOOOOOO', mode: 'sprint' }, pace: curve });
    h.start();
    expect(view().pace).toBeNull();
    fiveOs(press);
    // Two lines at once, straight away: far ahead of a bot that drops a piece every 20 ticks.
    const behind = h.state.time - timeAtLines(curve, 2)!;
    expect(behind).toBeLessThan(0);
    expect(view().pace).toBe(`-${(-behind / 60).toFixed(2)}`);
    const frame = frameOf(view(), resolveDisplay(), SIZE);
    expect(frame.kind === 'game' && frame.pace).toBe(view().pace);
  });

  it('has nothing to say without a best game', () => {
    const { h, press, view } = setup({ settings: { queue: 'OOOOOOO', mode: 'sprint' } });
    h.start();
    fiveOs(press);
    expect(view().pace).toBeNull();
  });
});
