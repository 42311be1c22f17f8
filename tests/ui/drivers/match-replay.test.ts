/**
 * The match watcher with fake time: it plays a match file at its own pace on
 * both boards, with a solo replay's keys (space, steps, speed, g, ?, q),
 * stops at the end with the result, waits while the terminal is too small,
 * and sleeps between the frames that change.
 */
import { describe, expect, it } from 'vitest';
import { indexMatch, matchAtPieces, matchPieces, matchRunTo, matchStart, type MatchState } from '../../../src/core/index.js';
import { MATCH_REPLAY, matchReplayModel } from '../../../src/ui/drivers/match-replay.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { fakeTime, screenHarness } from '../helpers.js';
import { versusFixture, versusViewOf } from '../versus-helpers.js';

const REPLAY = versusFixture();
const INDEX = indexMatch(REPLAY);
const SIZE = { columns: 120, rows: 30 };
const DISPLAY = resolveDisplay();

function setup(speed?: number) {
  const time = fakeTime();
  const controller = screenHarness(MATCH_REPLAY, matchReplayModel(INDEX, speed), time, { size: SIZE });
  const press = (name: string, type: KeyEvent['type'] = 'tap') => controller.key({ name, ctrl: false, type });
  const view = () => MATCH_REPLAY.view(controller.loop.model) as VersusView;
  return { time, controller, press, view };
}

/** What both boards show for `view` (the watcher sleeps through ticks that change nothing on them). */
function screenOf(view: VersusView): string {
  const frame = frameOf(view, DISPLAY, SIZE);
  if (frame.kind !== 'versus') throw new Error(`a ${frame.kind} frame`);
  return JSON.stringify(frame.sides.map((side) => [side.board, side.numbers, side.meter, side.next, side.hold]));
}

/** What both boards show for match `m`. */
const screenAt = (m: MatchState) => screenOf(versusViewOf(m, { keymaps: [] }));

/** The match through the tick before the one in progress after `ms` at `speed`. */
const expectedAt = (ms: number, speed = 1) => matchRunTo(REPLAY, matchStart(REPLAY), Math.floor((ms * 60 * speed) / 1000 + 1e-9) - 1).state;

describe('the match watcher', () => {
  it('plays both games at 60 ticks a second, as the headless match has them, with the names and a status', () => {
    const { time, controller, view } = setup();
    controller.start();
    time.advance(1000);
    expect(screenOf(view())).toBe(screenAt(expectedAt(1000)));
    time.advance(4000);
    expect(screenOf(view())).toBe(screenAt(expectedAt(5000)));
    const v = view();
    expect(v.sides.map((side) => side.name)).toEqual(['ANN', 'BOT']);
    expect(v.sides[0].game).toBe(controller.loop.model.position.state.players[0].game);
    expect(v.keymaps).toEqual([]);
    expect(v.status).toMatchObject({ speed: 1, paused: false, ended: false, endTick: 748, totalPieces: INDEX.totalPieces });
  });

  it('shows the garbage pending for player 2, and when it is ready', () => {
    const { time, controller, view } = setup();
    controller.start();
    time.advance(Math.ceil((311 * 1000) / 60));
    expect(view().sides[1]).toMatchObject({ pending: 10, ready: 0 });
    time.advance(Math.ceil((30 * 1000) / 60));
    expect(view().sides[1]).toMatchObject({ pending: 10, ready: 10 });
    expect(view().sides[0].sent).toBe(10);
  });

  it('pauses on space, steps a piece of either player on right and back on left, and plays on', () => {
    const { time, controller, press, view } = setup();
    controller.start();
    time.advance(2000);
    press('space');
    expect(view().status?.paused).toBe(true);
    const paused = controller.loop.model.position;
    time.advance(5000);
    expect(controller.loop.model.position).toBe(paused);
    expect(time.pending()).toBe(0);
    const pieces = matchPieces(paused.state);
    press('right');
    expect(matchPieces(controller.loop.model.position.state)).toBeGreaterThan(pieces);
    press('left');
    press('left');
    expect(matchPieces(controller.loop.model.position.state)).toBeLessThan(pieces);
    expect(controller.loop.model.position.state).toEqual(matchAtPieces(INDEX, matchPieces(controller.loop.model.position.state)).state);
    press('space');
    const from = controller.loop.model.position;
    time.advance(1000);
    expect(screenOf(view())).toBe(screenAt(matchRunTo(REPLAY, from, from.state.tick + 59).state));
  });

  it('plays twice as fast after +, and ends on the result box with the winner', () => {
    const { time, controller, press, view } = setup();
    controller.start();
    press('+');
    expect(view().status?.speed).toBe(2);
    time.advance(2000);
    expect(screenOf(view())).toBe(screenAt(expectedAt(2000, 2)));
    time.advance(20_000);
    expect(view().winner).toBe(1);
    expect(view().status?.ended).toBe(true);
    expect(time.pending()).toBe(0);
    // g starts again from the first tick.
    press('g');
    expect(controller.loop.model.position.state.tick).toBe(0);
    expect(view().winner).toBeUndefined();
  });

  it('shows the keys on ?, stopped, and leaves on q', () => {
    const { time, controller, press, view } = setup();
    controller.start();
    time.advance(1000);
    press('?');
    expect(view().help).toBe(true);
    const at = controller.loop.model.position;
    time.advance(3000);
    expect(controller.loop.model.position).toBe(at);
    press('?');
    expect(view().help).toBe(false);
    press('q');
    expect(controller.effects).toEqual([{ kind: 'quit' }]);
  });

  it('waits while the terminal is too small for two boards', () => {
    const { time, controller, view } = setup();
    controller.start();
    time.advance(1000);
    controller.resize({ columns: 100, rows: 30 });
    const at = controller.loop.model.position;
    time.advance(3000);
    expect(controller.loop.model.position).toBe(at);
    controller.resize(SIZE);
    time.advance(1000);
    expect(screenOf(view())).toBe(screenAt(matchRunTo(REPLAY, at, at.state.tick + 59).state));
  });

  it('sleeps between changes: a second of a match with no inputs wakes for the falls and the clock only', () => {
    const still = indexMatch({ seed: 1, settings: {}, players: [{ inputs: [] }, { inputs: [] }], endTick: 600 });
    const model = { ...matchReplayModel(still), started: true };
    const wakes: number[] = [];
    let m = model;
    for (let i = 0; i < 6; i++) {
      const wake = MATCH_REPLAY.nextWake(m)!;
      wakes.push(wake);
      m = MATCH_REPLAY.reduce(m, { kind: 'tick', tick: wake }).model;
    }
    // nes level 0: a row every 48 ticks; the clock every 60.
    expect(wakes).toEqual([48, 60, 96, 120, 144, 180]);
    expect(matchReplayModel(still).names).toEqual(['P1', 'P2']);
  });
});
