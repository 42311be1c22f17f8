/**
 * The lobby as the front door shows it (a server's front door: `lobby`):
 * the Lobby item, the list of who is online (this player and busy players
 * shown, never chosen), a challenge made and withdrawn, the prompt a
 * challenged player answers (at once in the menu, after the game in a
 * game), and a guest's keys at a match on another screen handed on as
 * requests.
 */
import { describe, expect, it } from 'vitest';
import { APP, appModel, type AppConfig } from '../../../src/ui/drivers/app.js';
import type { AppRequest, LobbyPlayer } from '../../../src/ui/drivers/app-io.js';
import { DEFAULT_CHOICES } from '../../../src/ui/drivers/menu.js';
import type { MenuView } from '../../../src/ui/drivers/menu-view.js';
import type { KeyEvent } from '../../../src/ui/input/key-events.js';
import { fakeTime, SETTINGS, screenHarness } from '../helpers.js';

const PLAYERS: LobbyPlayer[] = [
  { id: 1, name: 'ann', doing: 'in the lobby', busy: false, self: true },
  { id: 2, name: 'bob', doing: 'in a match with cy', busy: true, self: false },
  { id: 3, name: 'cy', doing: 'in a match with bob', busy: true, self: false },
  { id: 4, name: 'di', doing: 'playing marathon', busy: false, self: false },
];

function setup(config: Partial<AppConfig> = {}) {
  const time = fakeTime();
  const size = config.size ?? { columns: 120, rows: 30 };
  const model = appModel({
    choices: DEFAULT_CHOICES,
    settings: SETTINGS,
    seedOf: (n) => 100 + n,
    files: { bests: null, scores: [], replays: [], live: [] },
    size,
    lobby: true,
    ...config,
  });
  const screen = screenHarness(APP, model, time, { size });
  screen.start();
  const press = (name: string, type: KeyEvent['type'] = 'tap', ctrl = false) => screen.key({ name, ctrl, type });
  const shown = (): MenuView => {
    const view = APP.view(screen.loop.model);
    if (view.kind !== 'menu') throw new Error(`a ${view.kind} is shown, not a menu`);
    return view;
  };
  const requests = (): AppRequest[] => screen.effects.flatMap((e) => (e.kind === 'request' ? [e.request] : []));
  const selected = () => shown().rows[shown().selected]?.text.trimEnd();
  return { time, screen, press, shown, requests, selected, model: () => screen.loop.model };
}

describe('the lobby of a server front door', () => {
  it('is an item of a server menu only, after Versus', () => {
    const local = setup({ lobby: false });
    expect(local.shown().rows.map((r) => r.text)).not.toContain('Lobby');
    local.press('l');
    expect(local.shown().title).toBe('INKTRIS');
    const served = setup();
    expect(
      served
        .shown()
        .rows.slice(0, 10)
        .map((r) => r.text),
    ).toEqual(['Marathon', 'Sprint', 'Ultra', 'Dig', 'Versus', 'Lobby', 'Watch', 'Scores', 'Settings', 'Quit']);
    served.press('l');
    expect(served.shown().title).toBe('LOBBY');
  });

  it('lists who is online; this player and busy players are shown but never chosen; Enter challenges under the menu rules', () => {
    const { press, shown, selected, requests, screen } = setup();
    press('l');
    screen.loop.answer({ kind: 'lobby', players: PLAYERS });
    expect(shown().rows.map((r) => r.text.trimEnd())).toEqual([
      'Next free opponent',
      '',
      'PLAYERS ONLINE',
      'ann (you)         in the lobby',
      'bob               in a match with cy (busy)',
      'cy                in a match with bob (busy)',
      'di                playing marathon',
    ]);
    expect(selected()).toBe('Next free opponent');
    press('down');
    expect(selected()).toBe('di                playing marathon');
    press('down');
    expect(selected()).toBe('Next free opponent');
    press('up');
    press('return');
    expect(requests().at(-1)).toEqual({ kind: 'challenge', id: 4, rules: 'nes, level 0' });
    expect(shown().message).toBe('challenging di...');
    expect(shown().footer).toBe('esc cancel');
    // Enter while waiting does not challenge again; Esc withdraws.
    press('return');
    expect(requests().filter((r) => r.kind === 'challenge')).toHaveLength(1);
    press('escape');
    expect(requests().at(-1)).toEqual({ kind: 'cancelChallenge' });
    expect(shown().title).toBe('LOBBY');
    press('n');
    expect(requests().at(-1)).toEqual({ kind: 'nextFree', rules: 'nes, level 0' });
    screen.loop.answer({ kind: 'lobbyNote', message: 'di declined', waiting: false });
    expect(shown().message).toBe('di declined');
    expect(shown().footer).toMatch(/enter challenge/);
  });

  it('asks a challenged player in the menu at once: y accepts, Esc declines, a withdrawn challenge goes with its message', () => {
    const { press, shown, requests, screen } = setup();
    screen.loop.answer({ kind: 'challenged', challenge: { id: 7, from: 'bob', rules: 'guideline, level 3' } });
    expect(shown().title).toBe('CHALLENGE');
    expect(
      shown()
        .rows.map((r) => r.text)
        .slice(0, 2),
    ).toEqual(['bob challenges you to a match', 'rules: guideline, level 3']);
    press('y');
    expect(requests().at(-1)).toEqual({ kind: 'answerChallenge', id: 7, accept: true });
    expect(shown().title).toBe('INKTRIS');
    screen.loop.answer({ kind: 'challenged', challenge: { id: 8, from: 'cy', rules: 'nes, level 0' } });
    press('escape');
    expect(requests().at(-1)).toEqual({ kind: 'answerChallenge', id: 8, accept: false });
    screen.loop.answer({ kind: 'challenged', challenge: { id: 9, from: 'di', rules: 'nes, level 0' } });
    screen.loop.answer({ kind: 'challengeGone', id: 9, message: "di's challenge ran out" });
    expect(shown().title).toBe('INKTRIS');
    expect(shown().message).toBe("di's challenge ran out");
  });

  it('keeps a challenge that comes during a game for the menu after it', () => {
    const { press, shown, requests, screen } = setup();
    press('return');
    expect(APP.view(screen.loop.model).kind).toBe('play');
    screen.loop.answer({ kind: 'challenged', challenge: { id: 3, from: 'bob', rules: 'nes, level 0' } });
    expect(APP.view(screen.loop.model).kind).toBe('play');
    // The game's keys are still the game's: y is nothing there.
    press('y');
    expect(requests().some((r) => r.kind === 'answerChallenge')).toBe(false);
    press('q');
    expect(shown().title).toBe('CHALLENGE');
    press('down');
    press('return');
    expect(requests().at(-1)).toEqual({ kind: 'answerChallenge', id: 3, accept: false });
  });

  it('hands a guest keys on to the host as they come (press, repeat, release), leaves on q, and says when the terminal is too small', () => {
    const { press, shown, requests, screen } = setup();
    screen.loop.answer({ kind: 'duelGuest', opponent: 'ann' });
    expect(shown().rows[0]!.text).toBe('starting the match with ann...');
    press('left', 'press');
    press('left', 'repeat');
    press('left', 'release');
    // A key of no command is not sent.
    press('k');
    expect(requests().filter((r) => r.kind === 'duelKey')).toEqual(
      (['press', 'repeat', 'release'] as const).map((type) => ({ kind: 'duelKey', key: { name: 'left', ctrl: false, type } })),
    );
    screen.resize({ columns: 80, rows: 24 });
    expect(requests().at(-1)).toEqual({ kind: 'duelSmall', small: true });
    screen.resize({ columns: 120, rows: 30 });
    expect(requests().at(-1)).toEqual({ kind: 'duelSmall', small: false });
    press('q');
    expect(requests().slice(-2)).toEqual([{ kind: 'duelLeave' }, { kind: 'refresh' }]);
    expect(shown().message).toBe('you left the match with ann');
  });
});
