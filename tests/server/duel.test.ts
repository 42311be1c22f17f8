/**
 * A versus between two sessions of a server, without SSH: two front doors
 * (each its own loop, on one fake clock) seated in one lobby as session.ts
 * seats them (lobby-seat.ts). ann challenges bob from the Lobby, bob
 * accepts; the match runs on ann's screen, bob's keys reach bob's board
 * only, both see the match (each their own board on the left) and the
 * result, a rematch needs both, one leaving ends it for the other, and the
 * inputs ann's screen recorded replay (runMatch) to the match shown.
 */
import { describe, expect, it } from 'vitest';
import type { ReplayInput } from '../../src/core/index.js';
import { runMatch, type MatchState } from '../../src/core/match.js';
import { Lobby } from '../../src/server/lobby.js';
import { joinLobby, type LobbySeat } from '../../src/server/lobby-seat.js';
import { APP, appModel, type AppModel } from '../../src/ui/drivers/app.js';
import { DEFAULT_CHOICES } from '../../src/ui/drivers/menu.js';
import type { MenuView } from '../../src/ui/drivers/menu-view.js';
import type { Driver, ScreenView } from '../../src/ui/drivers/screen.js';
import type { VersusView } from '../../src/ui/drivers/versus-view.js';
import { DEFAULT_HANDLING } from '../../src/ui/input/handling.js';
import type { KeyEvent } from '../../src/ui/input/key-events.js';
import { fakeTime, SETTINGS, screenHarness } from '../ui/helpers.js';

const ROOMY = { columns: 120, rows: 30 };

function server() {
  const time = fakeTime();
  const tasks: (() => void)[] = [];
  const lobby = new Lobby({ timers: time.timers, later: (task) => void tasks.push(task) });
  const flush = () => {
    while (tasks.length > 0) tasks.shift()!();
  };
  let nextId = 1;
  /** A session: its front door on its own loop, seated in the lobby as session.ts does it. */
  const connect = (player: string, seed: number) => {
    const id = nextId++;
    let seat: LobbySeat | null = null;
    const driver: Driver<AppModel> = {
      ...APP,
      reduce(before, event) {
        const result = APP.reduce(before, event);
        if (result.model !== before) seat?.changed(result.model);
        return result;
      },
    };
    const model = appModel({
      choices: { ...DEFAULT_CHOICES, item: 'Lobby' },
      settings: SETTINGS,
      seedOf: (n) => seed + n,
      files: { bests: null, scores: [], replays: [], live: [] },
      size: ROOMY,
      lobby: true,
    });
    const screen = screenHarness(driver, model, time, {
      size: ROOMY,
      onEffect: (effect) => {
        if (effect.kind === 'request') seat!.request(effect.request);
        return undefined;
      },
    });
    seat = joinLobby(lobby, id, player, () => ({ keymap: SETTINGS.keys, handling: DEFAULT_HANDLING }));
    seat.attach(screen.loop);
    screen.start();
    flush();
    const shown = (): ScreenView => APP.view(screen.loop.model);
    return {
      id,
      screen,
      shown,
      menu: (): MenuView => {
        const view = shown();
        if (view.kind !== 'menu') throw new Error(`${player} sees a ${view.kind}`);
        return view;
      },
      versus: (): VersusView => {
        const view = shown();
        if (view.kind !== 'versus') throw new Error(`${player} sees a ${view.kind}`);
        return view;
      },
      press: (name: string, type: KeyEvent['type'] = 'tap') => {
        screen.key({ name, ctrl: false, type });
        flush();
      },
      leave: () => {
        screen.stop();
        seat!.leave();
        flush();
      },
    };
  };
  /** Let `ms` of the clock pass on every screen, the news sent on the way. */
  const wait = (ms: number) => {
    for (let t = 0; t < ms; t += 16) {
      time.advance(Math.min(16, ms - t));
      flush();
    }
  };
  return { time, lobby, connect, flush, wait };
}

/** ann challenges bob from the Lobby (the menu's Lobby item, then bob's row), and bob accepts. */
function duel() {
  const s = server();
  const ann = s.connect('ann', 100);
  const bob = s.connect('bob', 900);
  ann.press('return');
  expect(ann.menu().title).toBe('LOBBY');
  expect(ann.menu().rows.map((r) => r.text.trimEnd())).toEqual([
    'Next free opponent',
    '',
    'PLAYERS ONLINE',
    'ann (you)         in the lobby',
    'bob               in the menu',
  ]);
  ann.press('down');
  ann.press('return');
  expect(ann.menu().message).toBe('waiting for bob to answer');
  expect(bob.menu().title).toBe('CHALLENGE');
  expect(bob.menu().rows[0]!.text).toBe('ann challenges you to a match');
  expect(bob.menu().rows[1]!.text).toBe('rules: nes, level 0');
  bob.press('y');
  return { ...s, ann, bob };
}

/** The inputs of each side that ann's screen recorded (its matchInput effects) since its last matchStart. */
function recorded(ann: ReturnType<ReturnType<typeof server>['connect']>) {
  const effects = ann.screen.effects;
  const start = effects.findLastIndex((e) => e.kind === 'matchStart');
  const inputs: [ReplayInput[], ReplayInput[]] = [[], []];
  for (const e of effects.slice(start)) if (e.kind === 'matchInput') inputs[e.side].push([e.tick, e.input]);
  const begun = effects[start];
  const ended = effects.slice(start).find((e) => e.kind === 'matchEnd');
  return {
    names: begun?.kind === 'matchStart' ? begun.names : null,
    settings: begun?.kind === 'matchStart' ? begun.settings : null,
    inputs,
    end: ended?.kind === 'matchEnd' ? (ended.state as MatchState) : null,
  };
}

const cellsOf = (view: VersusView, side: 0 | 1) => JSON.stringify(view.sides[side].game.board);
const pieceOf = (view: VersusView, side: 0 | 1) => JSON.stringify(view.sides[side].game.active);

describe('a versus between two sessions', () => {
  it('runs on the challenger screen; each player keys reach their own board only, each sees their own board on the left', () => {
    const { ann, bob, wait } = duel();
    wait(50);
    expect(ann.versus().sides.map((s) => s.name)).toEqual(['ann', 'bob']);
    expect(bob.versus().sides.map((s) => s.name)).toEqual(['bob', 'ann']);
    const annBefore = pieceOf(ann.versus(), 0);
    const bobBefore = pieceOf(ann.versus(), 1);
    bob.press('left');
    bob.press('left');
    expect(pieceOf(ann.versus(), 0)).toBe(annBefore);
    expect(pieceOf(ann.versus(), 1)).not.toBe(bobBefore);
    // bob's screen shows the same match, turned round.
    expect(pieceOf(bob.versus(), 0)).toBe(pieceOf(ann.versus(), 1));
    const bobMoved = pieceOf(ann.versus(), 1);
    ann.press('right');
    expect(pieceOf(ann.versus(), 1)).toBe(bobMoved);
    expect(pieceOf(ann.versus(), 0)).not.toBe(annBefore);
    const annBoard = cellsOf(ann.versus(), 0);
    const bobBoard = cellsOf(ann.versus(), 1);
    bob.press('space');
    expect(cellsOf(ann.versus(), 0)).toBe(annBoard);
    expect(cellsOf(ann.versus(), 1)).not.toBe(bobBoard);
    expect(ann.versus().sides[1].game.pieces).toBe(ann.versus().sides[0].game.pieces + 1);
  });

  it('holds the guest key with the guest handling: a held left moves again after DAS, and stops at its release', () => {
    const { ann, bob, wait } = duel();
    wait(50);
    const start = ann.versus().sides[1].game.active!.x;
    bob.press('left', 'press');
    expect(ann.versus().sides[1].game.active!.x).toBe(start - 1);
    wait(400);
    const held = ann.versus().sides[1].game.active!.x;
    expect(held).toBeLessThan(start - 1);
    bob.press('left', 'release');
    wait(300);
    expect(ann.versus().sides[1].game.active!.x).toBe(held);
    expect(ann.versus().sides[0].game.active!.x).toBe(start);
  });

  it('pauses both games for a pause by either, and for the guest terminal too small', () => {
    const { ann, bob, wait } = duel();
    wait(50);
    bob.press('p');
    expect(ann.versus().paused).toBe(true);
    expect(bob.versus().paused).toBe(true);
    ann.press('p');
    expect(ann.versus().paused).toBe(false);
    bob.screen.resize({ columns: 80, rows: 24 });
    wait(20);
    expect(ann.versus().paused).toBe(true);
    expect(ann.versus().pauseNote).toEqual(["bob's terminal", 'is too small']);
    // ann's pause key does not resume what bob's terminal paused.
    ann.press('p');
    expect(ann.versus().paused).toBe(true);
    bob.screen.resize(ROOMY);
    wait(20);
    expect(ann.versus().paused).toBe(false);
  });

  it('plays to a result shown on both, rematches only when both ask, and the recorded inputs replay to the match shown', () => {
    const { ann, bob, wait } = duel();
    wait(50);
    bob.press('left');
    for (let i = 0; i < 60 && ann.versus().winner === undefined; i++) {
      ann.press('space');
      wait(20);
    }
    wait(20);
    expect(ann.versus().winner).toBe(2);
    expect(bob.versus().winner).toBe(1);
    expect(bob.versus().sides[0].name).toBe('bob');
    const record = recorded(ann);
    expect(record.names).toEqual(['ann', 'bob']);
    expect(record.inputs[1][0]?.[1]).toBe('left');
    const replayed = runMatch(record.settings!, record.inputs, record.end!.tick);
    expect(replayed.winner).toBe(record.end!.winner);
    expect(replayed.players.map((p) => p.game.board)).toEqual(record.end!.players.map((p) => p.game.board));
    expect(replayed.players.map((p) => p.game.score)).toEqual(ann.versus().sides.map((s) => s.game.score));
    // Bob's help key does not cover ann's result box (the keys over it are each screen's own).
    bob.press('?');
    expect(ann.versus().help).toBe(false);
    // A rematch needs both: ann asks (with the keys shown, her restart key asks too), bob sees it asked of him, then asks too.
    ann.press('?');
    ann.press('r');
    ann.press('?');
    expect(ann.versus().winner).toBe(2);
    ann.press('r');
    expect(ann.versus().rematchAsked).toEqual([true, false]);
    expect(bob.versus().rematchAsked).toEqual([false, true]);
    expect(ann.versus().winner).toBe(2);
    bob.press('r');
    expect(ann.versus().winner).toBeUndefined();
    expect(bob.versus().winner).toBeUndefined();
    expect(ann.screen.effects.filter((e) => e.kind === 'matchStart')).toHaveLength(2);
  });

  it('ends the match for the host when the guest leaves or disconnects, the match kept, nothing left running', () => {
    const { ann, bob, wait, time, lobby } = duel();
    wait(50);
    bob.press('space');
    bob.press('q');
    expect(bob.menu().message).toBe('you left the match with ann');
    expect(ann.menu().message).toBe('bob left the match');
    expect(ann.screen.effects.filter((e) => e.kind === 'matchEnd')).toHaveLength(1);
    expect(recorded(ann).inputs[1].map(([, input]) => input)).toEqual(['hardDrop']);
    // Again, and bob's connection drops mid-match.
    ann.press('l');
    ann.press('down');
    ann.press('return');
    bob.press('y');
    wait(50);
    expect(ann.versus().sides[1].name).toBe('bob');
    bob.leave();
    expect(ann.menu().message).toBe('bob left the match');
    expect(ann.screen.effects.filter((e) => e.kind === 'matchEnd')).toHaveLength(2);
    expect(lobby.players(ann.id).map((p) => [p.name, p.busy])).toEqual([['ann', false]]);
    // The menu's clock is stopped: no timer of the match is left.
    expect(time.pending()).toBe(0);
  });

  it('ends the match for the guest when the host leaves it or disconnects, the match kept by the host', () => {
    const { ann, bob, wait, time } = duel();
    wait(50);
    ann.press('q');
    expect(ann.menu().title).toBe('INKTRIS');
    expect(bob.menu().message).toBe('ann left the match');
    ann.press('l');
    ann.press('down');
    ann.press('return');
    bob.press('y');
    wait(50);
    bob.press('space');
    ann.leave();
    expect(bob.menu().message).toBe('ann left the match');
    expect(ann.screen.effects.filter((e) => e.kind === 'matchEnd')).toHaveLength(2);
    expect(recorded(ann).inputs[1].map(([, input]) => input)).toEqual(['hardDrop']);
    expect(time.pending()).toBe(0);
  });

  it('keeps a flood of the guest keys on the guest board', () => {
    const { ann, bob, wait } = duel();
    wait(50);
    const annPiece = pieceOf(ann.versus(), 0);
    const annBoard = cellsOf(ann.versus(), 0);
    for (let i = 0; i < 300; i++) bob.press(['left', 'right', 'up', 'z', 'down'][i % 5]!);
    expect(pieceOf(ann.versus(), 0)).toBe(annPiece);
    expect(cellsOf(ann.versus(), 0)).toBe(annBoard);
    expect(recorded(ann).inputs[0]).toEqual([]);
  });
});
