/**
 * The versus driver's model, without rendering: both players' keys reach
 * their own boards, the bot plays, a pause pauses both, the result and the
 * rematch, and the recorded inputs replay (runMatch) to the match shown.
 */
import { describe, expect, it } from 'vitest';
import { runMatch, summarizeMatch } from '../../../src/core/match.js';
import type { InputName, ReplayInput } from '../../../src/core/index.js';
import type { Effect, ScreenEvent } from '../../../src/ui/drivers/screen.js';
import {
  LOCAL_KEYMAP_P1,
  LOCAL_KEYMAP_P2,
  VERSUS,
  versusModel,
  type VersusConfig,
  type VersusModel,
} from '../../../src/ui/drivers/versus.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import { COMMAND_ORDER } from '../../../src/ui/input/keymap.js';
import type { KeyEventType } from '../../../src/ui/input/key-events.js';

const SETTINGS = { rules: 'guideline', startLevel: 1, mode: 'marathon', queue: '' } as const;

/** A driver run by hand: events in, effects kept. */
function run(config: Partial<VersusConfig> = {}) {
  let model: VersusModel = versusModel({
    settings: SETTINGS,
    seedOf: (n) => 100 + n,
    opponent: { kind: 'local', keymap: LOCAL_KEYMAP_P2 },
    keymap: LOCAL_KEYMAP_P1,
    ...config,
  });
  const effects: Effect[] = [];
  let tick = 0;
  const send = (event: ScreenEvent) => {
    const out = VERSUS.reduce(model, event);
    model = out.model;
    effects.push(...out.effects);
  };
  send({ kind: 'resize', size: { columns: 120, rows: 30 } });
  send({ kind: 'start' });
  return {
    get model() {
      return model;
    },
    get view(): VersusView {
      return VERSUS.view(model) as VersusView;
    },
    effects,
    send,
    key: (name: string, type: KeyEventType = 'tap', ctrl = false) => send({ kind: 'key', key: { name, ctrl, type } }),
    /** Time on by `ticks` of the screen's clock. */
    wait: (ticks: number) => {
      tick = Math.max(tick, VERSUS.clock(model).tick) + ticks;
      send({ kind: 'tick', tick });
    },
  };
}

/** The inputs each player's effects recorded, for runMatch. */
function recorded(effects: readonly Effect[], match = 1): [ReplayInput[], ReplayInput[]] {
  const lists: [ReplayInput[], ReplayInput[]] = [[], []];
  for (const e of effects) if (e.kind === 'matchInput' && e.match === match) lists[e.side].push([e.tick, e.input] as [number, InputName]);
  return lists;
}

const column = (view: VersusView, side: 0 | 1) => view.sides[side].game.active?.x;

describe('the versus driver', () => {
  it('sends each local player their own keys: a moves player 1, the left arrow player 2', () => {
    const s = run();
    const start = [column(s.view, 0), column(s.view, 1)];
    s.key('a');
    expect(column(s.view, 0)).toBe(start[0]! - 1);
    expect(column(s.view, 1)).toBe(start[1]);
    s.key('left');
    s.key('left');
    expect(column(s.view, 1)).toBe(start[1]! - 2);
    expect(column(s.view, 0)).toBe(start[0]! - 1);
    expect(s.effects.filter((e) => e.kind === 'matchInput').map((e) => e.kind === 'matchInput' && [e.side, e.input])).toEqual([
      [0, 'left'],
      [1, 'left'],
      [1, 'left'],
    ]);
  });

  it('gives both players DAS and ARR where the terminal reports key release', () => {
    const s = run({ countdown: 0 });
    const start = [column(s.view, 0), column(s.view, 1)];
    s.key('d', 'press');
    s.key('right', 'press');
    s.wait(9);
    expect([column(s.view, 0), column(s.view, 1)]).toEqual([start[0]! + 1, start[1]! + 1]);
    s.wait(3);
    expect(column(s.view, 0)).toBeGreaterThan(start[0]! + 1);
    expect(column(s.view, 1)).toBeGreaterThan(start[1]! + 1);
    s.key('d', 'release');
    s.key('right', 'release');
    const held = [column(s.view, 0), column(s.view, 1)];
    s.wait(10);
    expect([column(s.view, 0), column(s.view, 1)]).toEqual(held);
  });

  it('waits for READY 3-2-1 before the match starts', () => {
    const s = run({ countdown: 90 });
    expect(s.view.countdown).toBe('3');
    s.key('a');
    s.wait(60);
    expect(s.view.countdown).toBe('1');
    expect(s.model.match.tick).toBe(0);
    s.wait(30);
    expect(s.view.countdown).toBeNull();
    s.wait(10);
    expect(s.model.match.tick).toBe(10);
  });

  it('pauses both games when either player pauses, and resumes after the countdown', () => {
    const s = run({ countdown: 30 });
    s.wait(40);
    s.key('p');
    expect(s.view.paused).toBe(true);
    expect(s.model.match.players.map((p) => p.game.status)).toEqual(['paused', 'paused']);
    const tick = s.model.match.players[0].game.time;
    s.wait(100);
    expect(s.model.match.players[1].game.time).toBe(tick);
    s.key('left');
    expect(s.model.match.players[1].game.active?.x).toBe(s.model.base.players[1].game.active?.x);
    s.key('p');
    expect(s.view.countdown).toBe('1');
    s.wait(40);
    expect(s.model.match.status).toBe('playing');
  });

  it('pauses when the terminal is too small for two boards, and goes on once it fits', () => {
    const s = run({ countdown: 0 });
    s.wait(5);
    s.send({ kind: 'resize', size: { columns: 80, rows: 24 } });
    expect(s.model.match.status).toBe('paused');
    s.key('a');
    s.send({ kind: 'resize', size: { columns: 120, rows: 30 } });
    expect(s.model.match.status).toBe('playing');
  });

  it('lets the bot play player 2 at its pace and ignores player 2 keys then', () => {
    const s = run({ opponent: { kind: 'bot', pps: 3 }, keymap: undefined, countdown: 0 });
    s.key('left');
    for (let i = 0; i < 60 * 10; i++) s.wait(1);
    const [me, bot] = s.model.match.players;
    expect(me.game.pieces).toBe(0);
    expect(bot.game.pieces).toBeGreaterThanOrEqual(25);
    expect(bot.game.pieces).toBeLessThanOrEqual(35);
    expect(s.effects.some((e) => e.kind === 'matchInput' && e.side === 1 && e.input === 'hardDrop')).toBe(true);
  });

  it('shows the result when a player tops out, offers a rematch with the next seed, and replays to the same match', () => {
    const s = run({ opponent: { kind: 'bot', pps: 2 }, keymap: undefined, countdown: 0, watchLast: true });
    for (let i = 0; i < 40 && s.model.match.status !== 'over'; i++) {
      s.key('space');
      s.wait(2);
    }
    expect(s.view.winner).toBe(2);
    expect(s.view.rematch).toBe(true);
    const end = s.effects.find((e) => e.kind === 'matchEnd');
    expect(end?.kind === 'matchEnd' && end.state).toBe(s.model.match);
    const start = s.effects.find((e) => e.kind === 'matchStart');
    if (start?.kind !== 'matchStart') throw new Error('no matchStart');
    expect(start.names).toEqual(['YOU', 'BOT']);
    const replayed = runMatch(start.settings, recorded(s.effects));
    expect(summarizeMatch(replayed)).toEqual(summarizeMatch(s.model.match));
    s.key('r');
    expect(s.model.number).toBe(2);
    expect(s.model.match.players[0].game.settings.seed).toBe(102);
    expect(s.model.match.status).toBe('playing');
    expect(s.effects.filter((e) => e.kind === 'matchStart')).toHaveLength(2);
  });

  it('replays a local match with keys of both players in one tick, in either order, to the match shown', () => {
    const s = run({ countdown: 0 });
    const script: [string, number][] = [
      ['left', 0],
      ['a', 0],
      ['return', 3],
      ['space', 0],
      ['up', 7],
      ['w', 0],
      ['return', 0],
      ['p', 0],
      ['p', 40],
      ['s', 0],
      ['space', 12],
      ['return', 0],
    ];
    for (let round = 0; round < 6; round++) {
      for (const [name, wait] of script) {
        s.wait(wait || 0);
        s.key(name);
      }
      s.wait(20);
    }
    const start = s.effects.find((e) => e.kind === 'matchStart');
    if (start?.kind !== 'matchStart') throw new Error('no matchStart');
    const replayed = runMatch(start.settings, recorded(s.effects), s.model.match.tick - 1);
    expect(replayed.players[0].game.board).toEqual(s.model.match.players[0].game.board);
    expect(replayed.players[1].game.board).toEqual(s.model.match.players[1].game.board);
    expect(replayed.players.map((p) => p.sent)).toEqual(s.model.match.players.map((p) => p.sent));
  });

  it('says "+N sent" on the side that attacked', () => {
    // Five O pieces side by side: a double that leaves the board empty, a perfect clear (10 rows under guideline).
    const s = run({ settings: { ...SETTINGS, queue: 'OOOOOOOOOO' }, countdown: 0 });
    // Player 1 builds two rows with O pieces: columns 0-1, 2-3, 4-5, 6-7, 8-9.
    for (const moves of [['a', 'a', 'a', 'a'], ['a', 'a'], [], ['d', 'd'], ['d', 'd', 'd', 'd']]) {
      for (const m of moves) s.key(m);
      s.key('space');
      s.wait(1);
    }
    expect(s.model.match.players[0].sent).toBe(10);
    expect(s.view.sides[0].feedback).toContain('+10 sent');
    expect(s.view.sides[0].feedback).toContain('PERFECT CLEAR');
    expect(s.view.sides[1].pending).toBe(10);
    expect(s.view.sides[1].feedback).toEqual([]);
  });

  it('keeps the two local keymaps apart from each other and from pause, help and quit', () => {
    const bound = (keymap: typeof LOCAL_KEYMAP_P1) =>
      COMMAND_ORDER.filter((c) => !['pause', 'restart', 'quit', 'help'].includes(c)).flatMap((c) => keymap[c].map((k) => k.name));
    const p1 = bound(LOCAL_KEYMAP_P1);
    const p2 = bound(LOCAL_KEYMAP_P2);
    const shared = ['p', 'escape', '?'];
    expect(new Set([...p1, ...p2, ...shared]).size).toBe(p1.length + p2.length + shared.length);
  });

  it('quits from the result with q, and reports the match end once on quit mid-match', () => {
    const s = run({ countdown: 0 });
    s.wait(3);
    s.key('c', 'tap', true);
    expect(s.effects.filter((e) => e.kind === 'matchEnd')).toHaveLength(1);
    expect(s.effects.at(-1)).toEqual({ kind: 'quit' });
  });
});
