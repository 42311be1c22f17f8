/**
 * The server's lobby on its own: who is online and what they do, challenges
 * (accepted, declined, timed out, withdrawn, to a player who left, to a busy
 * player, to oneself), the next free opponent, and the traffic of a match
 * between two sessions (the guest's keys to the host, the host's view to
 * the guest turned round, either leaving). News goes out after the task in
 * progress: here a queue the test runs.
 */
import { describe, expect, it } from 'vitest';
import { createMatch } from '../../src/core/match.js';
import { Lobby, type SeatScreen } from '../../src/server/lobby.js';
import type { AppAnswer } from '../../src/ui/drivers/app-io.js';
import { matchSide } from '../../src/ui/drivers/match-sides.js';
import type { VersusView } from '../../src/ui/drivers/versus-view.js';
import { DEFAULT_HANDLING } from '../../src/ui/input/handling.js';
import { DEFAULT_KEYMAP } from '../../src/ui/input/keymap.js';
import { fakeTime } from '../ui/helpers.js';

const MENU: SeatScreen = { doing: 'in the menu', busy: false, free: true, inLobby: false, hosting: null };
const LOBBY: SeatScreen = { ...MENU, doing: 'in the lobby', inLobby: true };

function setup() {
  const time = fakeTime();
  const tasks: (() => void)[] = [];
  const lobby = new Lobby({ timers: time.timers, later: (task) => void tasks.push(task) });
  const inbox = new Map<number, AppAnswer[]>();
  /** Run the news queued, and what it queued. */
  const flush = () => {
    while (tasks.length > 0) tasks.shift()!();
  };
  const join = (id: number, player: string, keymap = DEFAULT_KEYMAP) => {
    inbox.set(id, []);
    lobby.join({
      id,
      player,
      send: (answer) => void inbox.get(id)!.push(answer),
      controls: () => ({ keymap, handling: DEFAULT_HANDLING }),
    });
    flush();
  };
  /** What session `id` was told since the last call, and the inbox emptied. */
  const told = (id: number): AppAnswer[] => {
    flush();
    const list = inbox.get(id)!;
    return list.splice(0, list.length);
  };
  const notes = (id: number) => told(id).flatMap((a) => (a.kind === 'lobbyNote' ? [a.message] : []));
  const challengeTo = (id: number) => {
    const got = told(id).find((a) => a.kind === 'challenged');
    if (got?.kind !== 'challenged') throw new Error(`session ${id} was not challenged`);
    return got.challenge;
  };
  return { time, lobby, join, told, notes, challengeTo, flush };
}

describe('the lobby', () => {
  it('lists who is online and what they do to every open lobby, this player marked, a player in a match busy', () => {
    const { lobby, join, told } = setup();
    join(1, 'ann');
    join(2, 'bob');
    join(3, 'cy');
    lobby.screen(1, LOBBY);
    lobby.screen(2, { ...MENU, doing: 'playing marathon', free: false });
    lobby.screen(3, { doing: 'in a match with the bot', busy: true, free: false, inLobby: false, hosting: null });
    const lists = told(1).filter((a) => a.kind === 'lobby');
    expect(lists.at(-1)).toEqual({
      kind: 'lobby',
      players: [
        { id: 1, name: 'ann', doing: 'in the lobby', busy: false, self: true },
        { id: 2, name: 'bob', doing: 'playing marathon', busy: false, self: false },
        { id: 3, name: 'cy', doing: 'in a match with the bot', busy: true, self: false },
      ],
    });
    // Nobody else has the lobby open: nobody else is sent the list.
    expect(told(2).some((a) => a.kind === 'lobby')).toBe(false);
    lobby.leave(2);
    const after = told(1)
      .filter((a) => a.kind === 'lobby')
      .at(-1);
    expect(after?.kind === 'lobby' && after.players.map((p) => p.name)).toEqual(['ann', 'cy']);
  });

  it('hands a challenge to its player; accepted, the match starts on the challenger screen with the guest keys', () => {
    const { lobby, join, told, notes, challengeTo } = setup();
    const bobKeys = { ...DEFAULT_KEYMAP, hardDrop: [{ name: 'w' }] };
    join(1, 'ann');
    join(2, 'bob', bobKeys);
    lobby.challenge(1, 2, 'nes, level 0');
    expect(notes(1)).toEqual(['waiting for bob to answer']);
    const challenge = challengeTo(2);
    expect(challenge).toMatchObject({ from: 'ann', rules: 'nes, level 0' });
    lobby.answer(2, challenge.id, true);
    expect(told(1)).toContainEqual({ kind: 'duelHost', player: 'ann', opponent: 'bob', keymap: bobKeys, handling: DEFAULT_HANDLING });
    expect(told(2)).toContainEqual({ kind: 'duelGuest', opponent: 'ann' });
    // Both are busy now.
    expect(lobby.players(3).map((p) => p.busy)).toEqual([true, true]);
  });

  it('tells the challenger "bob declined", and a challenge to a player in a game waits for the menu', () => {
    const { lobby, join, notes, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    lobby.screen(2, { ...MENU, doing: 'playing sprint', free: false });
    lobby.challenge(1, 2, 'nes, level 0');
    expect(notes(1)).toEqual(['waiting for bob to answer (playing sprint: they see it in the menu)']);
    lobby.answer(2, challengeTo(2).id, false);
    expect(notes(1)).toEqual(['bob declined']);
  });

  it('lets a challenge run out after 30 seconds, both told, and no timer left behind', () => {
    const { time, lobby, join, told, notes, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    lobby.challenge(1, 2, 'nes, level 0');
    notes(1);
    const { id } = challengeTo(2);
    time.advance(29_999);
    expect(notes(1)).toEqual([]);
    time.advance(1);
    expect(notes(1)).toEqual(['bob did not answer in 30 s']);
    expect(told(2)).toEqual([{ kind: 'challengeGone', id, message: "ann's challenge ran out" }]);
    // Too late: the answer starts nothing.
    lobby.answer(2, id, true);
    expect(told(1)).toEqual([]);
    expect(time.pending()).toBe(0);
  });

  it('withdraws a challenge whose challenger leaves or cancels, and tells the challenger when the challenged player leaves', () => {
    const { time, lobby, join, told, notes, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    join(3, 'cy');
    lobby.challenge(1, 2, 'nes, level 0');
    const first = challengeTo(2);
    lobby.cancel(1);
    expect(told(2)).toEqual([{ kind: 'challengeGone', id: first.id, message: 'ann withdrew the challenge' }]);
    lobby.challenge(1, 2, 'nes, level 0');
    const second = challengeTo(2);
    lobby.leave(1);
    expect(told(2)).toContainEqual({ kind: 'challengeGone', id: second.id, message: 'ann left' });
    lobby.challenge(3, 2, 'nes, level 0');
    notes(3);
    lobby.leave(2);
    expect(notes(3)).toEqual(['bob left']);
    expect(time.pending()).toBe(0);
  });

  it('refuses a challenge to oneself, to a player in a match, to one answering another, and to one who left', () => {
    const { lobby, join, notes, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    join(3, 'cy');
    join(4, 'di');
    lobby.challenge(1, 1, 'nes, level 0');
    expect(notes(1)).toEqual(['you cannot challenge yourself']);
    lobby.screen(2, { doing: 'in a match with the bot', busy: true, free: false, inLobby: false, hosting: null });
    lobby.challenge(1, 2, 'nes, level 0');
    expect(notes(1)).toEqual(['bob is in a match']);
    lobby.challenge(4, 3, 'nes, level 0');
    challengeTo(3);
    lobby.challenge(1, 3, 'nes, level 0');
    expect(notes(1)).toEqual(['cy is answering another challenge; try again soon']);
    lobby.challenge(1, 9, 'nes, level 0');
    expect(notes(1)).toEqual(['that player has left']);
  });

  it('pairs two players who ask for the next free opponent (the first to ask hosts), else challenges a free one', () => {
    const { lobby, join, told, notes, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    join(3, 'cy');
    lobby.screen(2, { ...MENU, doing: 'playing marathon', free: false });
    lobby.screen(3, { ...MENU, doing: 'watching', free: false });
    lobby.nextFree(1, 'nes, level 0');
    expect(notes(1)).toEqual(['waiting for the next free opponent']);
    lobby.screen(3, LOBBY);
    lobby.nextFree(3, 'guideline, level 1');
    expect(told(1)).toContainEqual(expect.objectContaining({ kind: 'duelHost', opponent: 'cy' }));
    expect(told(3)).toContainEqual({ kind: 'duelGuest', opponent: 'ann' });
    // With nobody waiting, the next free opponent is a challenge to a player in the menu.
    lobby.screen(2, MENU);
    join(4, 'di');
    lobby.nextFree(4, 'nes, level 5');
    expect(challengeTo(2)).toMatchObject({ from: 'di', rules: 'nes, level 5' });
  });

  it('carries a match between two sessions: guest keys to the host, the host view to the guest turned round, either leaving ends it', () => {
    const { lobby, join, told, challengeTo } = setup();
    join(1, 'ann');
    join(2, 'bob');
    lobby.challenge(1, 2, 'nes, level 0');
    lobby.answer(2, challengeTo(2).id, true);
    told(1);
    told(2);
    const key = { name: 'left', ctrl: false, type: 'press' } as const;
    lobby.duelKey(2, key);
    lobby.duelSmall(2, true);
    // The host's keys are its own screen's: sent nowhere.
    lobby.duelKey(1, key);
    expect(told(1)).toEqual([
      { kind: 'duelKey', key },
      { kind: 'duelSmall', small: true },
    ]);
    const match = createMatch({ seed: 5 });
    const view: VersusView = {
      kind: 'versus',
      sides: [matchSide(match, 0, 'ann', [], undefined), matchSide(match, 1, 'bob', [], undefined)],
      tick: 0,
      help: false,
      keymaps: [DEFAULT_KEYMAP, DEFAULT_KEYMAP],
      paused: false,
      winner: 1,
      rematchAsked: [true, false],
    };
    const hosting: SeatScreen = { doing: 'in a match with bob', busy: true, free: false, inLobby: false, hosting: () => view };
    // Three changes in one task: one view.
    lobby.screen(1, hosting);
    lobby.screen(1, hosting);
    lobby.screen(1, hosting);
    const views = told(2).filter((a) => a.kind === 'duelView');
    expect(views).toHaveLength(1);
    const seen = views[0]!.kind === 'duelView' ? views[0]!.view : null;
    expect(seen?.sides.map((s) => s.name)).toEqual(['bob', 'ann']);
    expect(seen?.winner).toBe(2);
    expect(seen?.rematchAsked).toEqual([false, true]);
    // The host's screen leaves the match: the guest is told.
    lobby.screen(1, MENU);
    expect(told(2)).toContainEqual({ kind: 'duelEnded', message: 'ann left the match' });
    expect(lobby.players(1).map((p) => p.busy)).toEqual([false, false]);
    // And a guest who leaves is named to the host.
    lobby.challenge(1, 2, 'nes, level 0');
    lobby.answer(2, challengeTo(2).id, true);
    lobby.screen(1, hosting);
    told(1);
    lobby.leave(2);
    expect(told(1)).toContainEqual({ kind: 'duelEnded', message: 'bob left the match' });
  });
});
