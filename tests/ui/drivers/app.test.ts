/**
 * The front door with fake time: the menu and its shortcuts, the choices a
 * game starts with, a game and back (its effects renumbered over the
 * session and still reported), Settings (rebinding, refusals, presets,
 * handling) and what leaving it asks the program to do, Watch and Scores,
 * and the answers the program gives.
 */
import { describe, expect, it } from 'vitest';
import { indexMatch } from '../../../src/core/match-cursor.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import { fixtureMatch, versusFixture, versusViewOf } from '../versus-helpers.js';
import { playBot } from '../../../src/bot/index.js';
import { createGame, indexReplay, paceCurve, type Replay } from '../../../src/core/index.js';
import { APP, appModel, type AppConfig, type AppModel } from '../../../src/ui/drivers/app.js';
import type { AppFiles, AppRequest } from '../../../src/ui/drivers/app-io.js';
import { DEFAULT_CHOICES } from '../../../src/ui/drivers/menu.js';
import type { MenuView } from '../../../src/ui/drivers/menu-view.js';
import { stillView, type Effect, type PlayView } from '../../../src/ui/drivers/screen.js';
import { TICK_MS } from '../../../src/ui/drivers/tick-clock.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import { PRESETS } from '../../../src/ui/input/keymap-presets.js';
import { fakeTime, SETTINGS, screenHarness } from '../helpers.js';

const FILES: AppFiles = {
  bests: null,
  scores: [
    { title: 'MARATHON', lines: ['   #     SCORE', '   1      1200'] },
    { title: 'SPRINT (40 lines)', lines: ['  no games yet'] },
  ],
  replays: [
    { name: 'b.json', label: '2026-12-02 07:10  seed 2' },
    { name: 'a.json', label: '2026-12-01 20:00  seed 1' },
  ],
};

function setup(config: Partial<AppConfig> = {}) {
  const time = fakeTime();
  const model = appModel({
    choices: DEFAULT_CHOICES,
    settings: SETTINGS,
    seedOf: (n) => 100 + n,
    files: FILES,
    size: { columns: 80, rows: 24 },
    ...config,
  });
  // The loop starts at the terminal's size, as the program's does.
  const screen = screenHarness(APP, model, time, { size: config.size ?? { columns: 80, rows: 24 } });
  screen.start();
  const press = (name: string, ctrl = false, type: KeyEvent['type'] = 'tap') => screen.key({ name, ctrl, type });
  const shown = (): MenuView => {
    const view = APP.view(screen.loop.model);
    if (view.kind !== 'menu') throw new Error(`a ${view.kind} is shown, not a menu`);
    return view;
  };
  const kind = () => APP.view(screen.loop.model).kind;
  const requests = (): AppRequest[] => screen.effects.flatMap((e) => (e.kind === 'request' ? [e.request] : []));
  return { time, screen, press, shown, kind, requests, model: (): AppModel => screen.loop.model };
}

const selectedText = (view: MenuView) => view.rows[view.selected]?.text;
const gameEffects = (effects: readonly Effect[]) =>
  effects
    .filter((e) => e.kind === 'gameStart' || e.kind === 'gameEnd' || e.kind === 'quit')
    .map((e) => `${e.kind}${'game' in e ? ` ${e.game}` : ''}`);

describe('the front door menu', () => {
  it('opens on the menu, the item chosen last selected; the arrows move over the blank row, round', () => {
    const { shown, press } = setup({ choices: { ...DEFAULT_CHOICES, item: 'Scores' } });
    expect(shown().title).toBe('INKTRIS');
    expect(
      shown()
        .rows.map((r) => r.text)
        .slice(0, 9),
    ).toEqual(['Marathon', 'Sprint', 'Ultra', 'Dig', 'Versus', 'Watch', 'Scores', 'Settings', 'Quit']);
    expect(selectedText(shown())).toBe('Scores');
    press('down');
    press('down');
    press('down');
    expect(selectedText(shown())).toMatch(/^Rules/);
    press('up');
    press('up');
    press('up');
    press('up');
    expect(selectedText(shown())).toBe('Watch');
  });

  it('changes the rule set and the start level with left and right, keeping the level in the rule set range', () => {
    const { shown, press, model } = setup({ choices: { ...DEFAULT_CHOICES, item: 'Quit' } });
    press('down');
    press('right');
    expect(model().menu.choices).toMatchObject({ rules: 'guideline', level: 1 });
    press('down');
    press('left');
    expect(model().menu.choices.level).toBe(20);
    press('right');
    expect(model().menu.choices.level).toBe(1);
    press('down');
    press('right');
    expect(model().menu.choices.digLines).toBe(18);
    expect(selectedText(shown())).toBe('Dig lines   < 18 >');
  });

  it('takes a letter only one item has as the choice, and moves over the items a shared letter has', () => {
    const { press, shown, kind } = setup();
    press('s');
    expect(selectedText(shown())).toBe('Sprint');
    press('s');
    expect(selectedText(shown())).toBe('Scores');
    press('s');
    expect(selectedText(shown())).toBe('Settings');
    press('s');
    expect(selectedText(shown())).toBe('Sprint');
    press('w');
    expect(shown().title).toBe('WATCH');
    press('escape');
    expect(shown().title).toBe('INKTRIS');
    press('u');
    expect(kind()).toBe('play');
  });

  it('quits with q, writing the choices only when they changed', () => {
    const same = setup();
    same.press('q');
    expect(same.screen.effects).toEqual([{ kind: 'quit' }]);
    const changed = setup();
    // Round from the first item: Bot speed, Versus, then Dig lines.
    changed.press('up');
    changed.press('up');
    changed.press('up');
    changed.press('right');
    changed.press('q');
    expect(changed.requests()).toEqual([{ kind: 'saveChoices', choices: { ...DEFAULT_CHOICES, digLines: 18 } }]);
    expect(changed.screen.effects.at(-1)).toEqual({ kind: 'quit' });
  });
});

describe('a versus match from the front door', () => {
  it('opens with the Versus choices (two players), plays both keymaps, and comes back to the menu after the result', () => {
    const { press, kind, screen, time, model, shown } = setup({ size: { columns: 120, rows: 30 } });
    // The Versus choice row: two players.
    press('up');
    press('up');
    press('right');
    expect(selectedText(shown())).toBe('Versus      < two players >');
    press('v');
    expect(kind()).toBe('versus');
    const view = () => APP.view(model()) as Extract<ReturnType<typeof APP.view>, { kind: 'versus' }>;
    expect(view().sides.map((s) => s.name)).toEqual(['P1', 'P2']);
    expect(view().keymaps).toHaveLength(2);
    const start = screen.effects.find((e) => e.kind === 'matchStart');
    expect(start?.kind === 'matchStart' && start.settings.seed).toBe(101);
    press('a');
    press('left');
    expect(screen.effects.filter((e) => e.kind === 'matchInput').map((e) => e.kind === 'matchInput' && e.side)).toEqual([0, 1]);
    // Player 1 tops out by hard drops; m at the result goes back to the menu.
    for (let i = 0; i < 40 && view().winner === undefined; i++) {
      press('space');
      time.advance(TICK_MS * 2);
    }
    expect(view().winner).toBe(2);
    expect(view().menu).toBe(true);
    press('m');
    expect(kind()).toBe('menu');
    expect(screen.effects.filter((e) => e.kind === 'matchEnd')).toHaveLength(1);
  });
});

describe('a game from the front door', () => {
  it('starts the chosen mode with the choices, remembers them, and comes back to the menu on quit', () => {
    const { press, kind, screen, requests, time } = setup({ choices: { rules: 'guideline', level: 5, digLines: 18, item: 'Dig' } });
    press('return');
    expect(kind()).toBe('play');
    expect(screen.state.settings).toMatchObject({ rules: 'guideline', startLevel: 5, mode: 'dig', digLines: 18, seed: 101 });
    expect(requests()).toEqual([{ kind: 'saveChoices', choices: { rules: 'guideline', level: 5, digLines: 18, item: 'Dig' } }]);
    time.advance(TICK_MS * 30);
    press('space');
    // The game's clock ran while it showed: the drop came at the tick in progress.
    const drop = screen.effects.find((e) => e.kind === 'input' && e.input === 'hardDrop');
    expect(drop).toMatchObject({ game: 1, tick: 30 });
    press('q');
    expect(kind()).toBe('menu');
    // The game's quit is the menu's, not the program's: the end is reported, the tables asked for again.
    expect(gameEffects(screen.effects)).toEqual(['gameStart 1', 'gameEnd 1']);
    expect(requests().at(-1)).toEqual({ kind: 'refresh' });
    // No timer while the menu shows.
    expect(time.pending()).toBe(0);
  });

  it('numbers the games over the session, restarts included, and hands the rank to the game it is for', () => {
    const { press, screen } = setup();
    press('m');
    press('r');
    press('q');
    press('m');
    expect(gameEffects(screen.effects)).toEqual(['gameStart 1', 'gameEnd 1', 'gameStart 2', 'gameEnd 2', 'gameStart 3']);
    expect(screen.state.settings.seed).toBe(103);
    press('q');
    screen.loop.rank(3, 4);
    expect(APP.view(screen.loop.model).kind).toBe('menu');
  });

  it('leaves the program on Ctrl-C in a game, its end reported first; q only leaves the game', () => {
    const { press, screen, model } = setup();
    press('m');
    press('c', true);
    expect(gameEffects(screen.effects)).toEqual(['gameStart 1', 'gameEnd 1', 'quit']);
    expect(model().stopped).toBe(true);
  });

  it('reports the end of a game in play when the program stops', () => {
    const { press, screen } = setup();
    press('m');
    screen.stop();
    expect(gameEffects(screen.effects)).toEqual(['gameStart 1', 'gameEnd 1']);
  });

  it('pauses a game started in a terminal too small, and plays it once the terminal grows', () => {
    const { press, screen } = setup({ size: { columns: 40, rows: 15 } });
    press('m');
    expect(screen.state.status).toBe('paused');
    screen.resize({ columns: 100, rows: 30 });
    expect(screen.state.status).toBe('playing');
  });
});

describe('pace from the front door', () => {
  const sprint = playBot({ seed: 4, pieces: 30, pace: 20, mode: 'sprint' });
  const curve = paceCurve({ seed: 4, settings: { mode: 'sprint' }, inputs: sprint.inputs });
  const playing = (model: AppModel) => (model.screen.kind === 'play' ? model.screen.model : null);

  it("gives a sprint the best sprint's curve, as `inktris play` does, and a marathon none", () => {
    const paced = setup({ files: { ...FILES, paces: { sprint: curve } } });
    paced.press('s');
    paced.press('return');
    expect(playing(paced.model())?.game.settings.mode).toBe('sprint');
    expect(playing(paced.model())?.config.pace).toBe(curve);
    const marathon = setup({ files: { ...FILES, paces: { sprint: curve, marathon: curve } } });
    marathon.press('m');
    expect(playing(marathon.model())?.config.pace ?? null).toBeNull();
  });
});

describe('Settings', () => {
  const open = (config: Partial<AppConfig> = {}) => {
    const t = setup(config);
    t.press('s');
    t.press('s');
    t.press('s');
    t.press('return');
    expect(t.shown().title).toBe('SETTINGS');
    return t;
  };

  it('binds rotate right to the key pressed after Enter, and a game from the menu then rotates with it', () => {
    const t = open();
    for (let i = 0; i < 4; i++) t.press('down');
    expect(selectedText(t.shown())).toMatch(/^rotate right/);
    t.press('return');
    expect(selectedText(t.shown())).toContain('[press a key]');
    t.press('w');
    expect(t.model().screen.kind === 'settings' && t.model().screen).toBeTruthy();
    expect(t.shown().message).toBe('rotate right: w');
    t.press('escape');
    const requests = t.requests();
    expect(requests[0]).toMatchObject({ kind: 'saveSettings', settings: { keys: { cw: [{ name: 'w' }] } } });
    // The keys in the panels changed: the program shows the screen again, from this model.
    expect(requests[1]?.kind).toBe('relook');
    expect(t.screen.effects.at(-1)).toEqual({ kind: 'quit' });
    expect(t.model().stopped).toBe(false);
    expect(t.model().settings.keys.cw).toEqual([{ name: 'w' }]);
  });

  it('refuses a key another command has, naming it, and keeps waiting; Esc keeps the old key', () => {
    const t = open();
    t.press('return');
    t.press('space');
    expect(t.shown().message).toBe('space is already hard drop: press another key, or esc');
    expect(selectedText(t.shown())).toContain('[press a key]');
    t.press('escape');
    expect(t.shown().message).toBe('move left: unchanged');
    expect(t.model().screen.kind).toBe('settings');
    t.press('escape');
    // Nothing changed: nothing written, no new look.
    expect(t.requests()).toEqual([]);
    expect(t.shown().title).toBe('INKTRIS');
  });

  it('turns the presets, ARR down to 0 (to the wall) and the soft drop down to instant, and plays with them', () => {
    const t = open();
    const go = (row: RegExp) => {
      for (let i = 0; i < 30 && !row.test(selectedText(t.shown()) ?? ''); i++) t.press('down');
    };
    go(/^Keys preset/);
    t.press('right');
    expect(selectedText(t.shown())).toBe('Keys preset  < WASD >');
    expect(t.model().screen.kind === 'settings' ? t.model().screen : null).toMatchObject({ model: { settings: { keys: PRESETS.WASD } } });
    t.press('left');
    go(/^ARR/);
    t.press('left');
    t.press('left');
    t.press('left');
    expect(selectedText(t.shown())).toBe('ARR          < 0: to the wall >');
    go(/^Soft drop/);
    t.press('left');
    t.press('left');
    expect(selectedText(t.shown())).toBe('Soft drop    < instant >');
    t.press('escape');
    expect(t.requests()).toEqual([{ kind: 'saveSettings', settings: { ...SETTINGS, arr: 0, softDrop: 0 } }]);
    // Handling only: no new look needed, the menu is back at once.
    expect(t.shown().title).toBe('INKTRIS');
    t.press('m');
    t.press('down', false, 'press');
    expect(t.screen.state.pieces).toBe(0);
    expect(t.screen.effects.filter((e) => e.kind === 'input' && e.input === 'softDrop').length).toBeGreaterThan(15);
  });
  it('turns big cells on in the last row, writes them with the others, and shows the screens again with the new look', () => {
    const t = open();
    // Up from the first row is the last one.
    t.press('up');
    expect(selectedText(t.shown())).toBe('Big cells    < off >');
    t.press('right');
    expect(selectedText(t.shown())).toBe('Big cells    < on from 120 x 48 >');
    t.press('escape');
    expect(t.requests()).toEqual([
      { kind: 'saveSettings', settings: { ...SETTINGS, big: true } },
      { kind: 'relook', settings: { ...SETTINGS, big: true } },
    ]);
    expect(t.model().settings.big).toBe(true);
  });
});

describe('Watch and Scores', () => {
  const replay: Replay = { seed: 4, settings: {}, inputs: [[5, 'hardDrop']], endTick: 60 };

  it('lists the kept replays newest first, asks for the one chosen, watches it, and comes back to the list', () => {
    const { press, shown, requests, screen, kind } = setup();
    press('w');
    expect(shown().rows.map((r) => r.text)).toEqual(['2026-12-02 07:10  seed 2', '2026-12-01 20:00  seed 1']);
    press('down');
    press('return');
    expect(requests()).toEqual([{ kind: 'loadReplay', name: 'a.json' }]);
    // An answer for another replay (one asked for before going back) is not shown.
    screen.loop.answer({ kind: 'replay', name: 'b.json', index: indexReplay(replay) });
    expect(kind()).toBe('menu');
    screen.loop.answer({ kind: 'replay', name: 'a.json', index: indexReplay(replay) });
    expect(kind()).toBe('replay');
    expect(screen.state.settings.seed).toBe(4);
    press('q');
    expect(shown().title).toBe('WATCH');
    expect(selectedText(shown())).toBe('2026-12-01 20:00  seed 1');
  });

  it('watches a kept versus match on both boards, and q comes back to the list', () => {
    const { press, shown, screen, kind, time, model } = setup({ size: { columns: 120, rows: 30 } });
    press('w');
    press('return');
    screen.loop.answer({ kind: 'matchReplay', name: 'b.json', index: indexMatch(versusFixture()) });
    expect(kind()).toBe('versus');
    time.advance(2000);
    const view = APP.view(model()) as VersusView;
    expect(view.sides.map((side) => side.name)).toEqual(['ANN', 'BOT']);
    expect(view.status?.tick).toBeGreaterThan(60);
    expect(APP.nextWake(model())).not.toBeNull();
    press('q');
    expect(shown().title).toBe('WATCH');
  });

  it('shows a replay that could not be read as one line on the list', () => {
    const { press, shown, screen } = setup();
    press('w');
    press('return');
    screen.loop.answer({ kind: 'failed', message: 'b.json: not valid JSON' });
    expect(shown()).toMatchObject({ title: 'WATCH', message: 'b.json: not valid JSON' });
  });

  it('says so when no replay is kept yet, and Enter does nothing', () => {
    const { press, shown, requests } = setup({ files: { ...FILES, replays: [] } });
    press('w');
    expect(shown().rows).toEqual([{ text: 'no kept replays yet: play a game', inert: true }]);
    press('return');
    expect(requests()).toEqual([]);
  });

  it('turns the high-score tables with left and right, and shows the tables the program read again', () => {
    const { press, shown, screen } = setup();
    press('s');
    press('s');
    press('return');
    expect(shown().title).toBe('SCORES: MARATHON');
    press('right');
    expect(shown()).toMatchObject({ title: 'SCORES: SPRINT (40 lines)', message: 'table 2 of 2' });
    screen.loop.answer({ kind: 'files', files: { ...FILES, scores: [{ title: 'SPRINT (40 lines)', lines: ['   1  0:59.00'] }] } });
    expect(shown().rows).toEqual([{ text: '   1  0:59.00', inert: true }]);
  });
});

describe('Watch on a server: games in progress', () => {
  const LIVE: AppFiles = { ...FILES, live: [{ id: 7, label: 'LIVE  bob  nes marathon  1,200' }] };
  /** A game's view as the watched player's session sends it. */
  const liveGame = (seed: number): PlayView => stillView(createGame({ seed }));

  it('reads the list again as Watch opens, lists the games first, watches one live and goes back with q', () => {
    const { press, shown, requests, screen, kind } = setup({ files: LIVE });
    press('w');
    expect(requests()).toEqual([{ kind: 'refresh' }]);
    expect(shown().rows.map((r) => r.text)).toEqual([
      'LIVE  bob  nes marathon  1,200',
      '2026-12-02 07:10  seed 2',
      '2026-12-01 20:00  seed 1',
    ]);
    press('return');
    expect(requests().at(-1)).toEqual({ kind: 'watchLive', id: 7 });
    // Until the first view comes, and while the player is in the menu: a line saying so.
    expect(shown().title).toBe('WATCHING');
    screen.loop.answer({ kind: 'live', id: 7, player: 'bob', view: null });
    expect(shown()).toMatchObject({ title: 'WATCHING bob', footer: 'q back' });
    screen.loop.answer({ kind: 'live', id: 7, player: 'bob', view: liveGame(3) });
    expect(kind()).toBe('play');
    expect(screen.state.settings.seed).toBe(3);
    // An answer of another session's game is not shown.
    screen.loop.answer({ kind: 'live', id: 8, player: 'cy', view: liveGame(9) });
    expect(screen.state.settings.seed).toBe(3);
    // The game's keys are the player's: a hard drop here changes nothing.
    press('space');
    expect(screen.state.pieces).toBe(0);
    press('q');
    expect(shown().title).toBe('WATCH');
    expect(requests().slice(-2)).toEqual([{ kind: 'unwatch' }, { kind: 'refresh' }]);
  });

  it('ends the watch with the message when the watched session ends', () => {
    const { press, shown, screen } = setup({ files: LIVE });
    press('w');
    press('return');
    screen.loop.answer({ kind: 'live', id: 7, player: 'bob', view: liveGame(3) });
    screen.loop.answer({ kind: 'liveEnded', id: 7, message: 'bob has left the server' });
    expect(shown()).toMatchObject({ title: 'WATCH', message: 'bob has left the server' });
  });

  it('leaves the end panel of the watched game without the choices that are its player keys', () => {
    const { press, screen } = setup({ files: LIVE });
    press('w');
    press('return');
    screen.loop.answer({ kind: 'live', id: 7, player: 'bob', view: { ...liveGame(3), menu: true, watch: true } });
    expect(APP.view(screen.loop.model)).toMatchObject({ kind: 'play', menu: false, watch: false, live: true });
  });

  it('watches a match live: both boards, without the keys, help or result choices of its players', () => {
    const { press, screen } = setup({ files: LIVE });
    press('w');
    press('return');
    const theirs = versusViewOf(fixtureMatch(300), { help: true });
    screen.loop.answer({ kind: 'live', id: 7, player: 'ann', view: theirs });
    expect(APP.view(screen.loop.model)).toEqual({
      ...theirs,
      keymaps: [],
      help: false,
      rematch: false,
      menu: false,
      watch: false,
      live: true,
    });
    // The match's keys are the players': a hard drop or a pause here changes nothing, q leaves.
    press('space');
    press('p');
    expect(APP.view(screen.loop.model)).toMatchObject({ kind: 'versus', tick: theirs.tick, paused: false });
    const over = versusViewOf(fixtureMatch(), { rematch: true, menu: true, watch: true });
    screen.loop.answer({ kind: 'live', id: 7, player: 'ann', view: over });
    expect(APP.view(screen.loop.model)).toMatchObject({
      kind: 'versus',
      winner: 1,
      keymaps: [],
      rematch: false,
      menu: false,
      watch: false,
    });
    press('q');
    expect((APP.view(screen.loop.model) as MenuView).title).toBe('WATCH');
  });

  it('opens Watch without reading the files again where nothing is played live (bare inktris)', () => {
    const { press, requests } = setup();
    press('w');
    expect(requests()).toEqual([]);
  });
});
