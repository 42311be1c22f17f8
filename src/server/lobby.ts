/**
 * The server's lobby: who is online and what each does, challenges between
 * players (one waiting answer per player, 30 seconds to answer), the queue
 * for the next free opponent, and the matches between two sessions.
 *
 * A match between two sessions runs on ONE screen: the challenger's (the
 * host's), whose front door plays it as a versus against a remote opponent
 * (ui/drivers/versus.ts), records it as every match of that session is
 * recorded, and shows it to its watchers. The other session (the guest)
 * sends its keys here, which hands them to the host's screen, and is sent
 * the host's view of the match turned round (its own board on the left).
 *
 * The lobby talks to each session's front door with its answers
 * (ui/drivers/app-io.ts), always after the task in progress (`later`): a
 * session's request never runs another session's screen inside its own.
 */
import type { Handling } from '../ui/input/handling.js';
import type { KeyEvent } from '../ui/input/key-events.js';
import type { Keymap } from '../ui/input/keymap.js';
import type { AppAnswer, LobbyPlayer } from '../ui/drivers/app-io.js';
import { mirrorVersus, type VersusView } from '../ui/drivers/versus-view.js';

/** How long a challenge waits for its answer. */
export const CHALLENGE_TIMEOUT_MS = 30_000;

/** A session in the lobby: how to tell its front door, and the keys it plays with. */
export interface LobbyMember {
  readonly id: number;
  readonly player: string;
  /** Hand `answer` to the session's screen. */
  send(answer: AppAnswer): void;
  /** The player's keys and handling now, for a match on another session's screen. */
  controls(): { readonly keymap: Keymap; readonly handling: Handling };
}

/** What a session's screen shows now, as the lobby needs it (session.ts reports it after each change). */
export interface SeatScreen {
  /** What the lobby list says the player does ("in the menu", "playing marathon"). */
  readonly doing: string;
  /** In a match: nobody can challenge them now. */
  readonly busy: boolean;
  /** In the menu or the lobby: "next free opponent" may challenge them. */
  readonly free: boolean;
  /** The lobby screen is open: it is sent the list as it changes. */
  readonly inLobby: boolean;
  /** The match against a remote opponent on this screen, as a view (null when none is shown). */
  readonly hosting: (() => VersusView) | null;
}

/** One-shot timers (the server's own; a test's fake ones). */
export interface LobbyTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Seat {
  readonly member: LobbyMember;
  screen: SeatScreen;
  /** The challenge this player made, waiting for its answer. */
  outgoing: Pending | null;
  /** The challenge to this player, waiting for their answer. */
  incoming: Pending | null;
  /** Waiting for the next free opponent. */
  queued: boolean;
  duel: Duel | null;
}

interface Pending {
  readonly id: number;
  readonly from: Seat;
  readonly to: Seat;
  readonly rules: string;
  readonly timer: unknown;
}

interface Duel {
  readonly host: Seat;
  readonly guest: Seat;
  /** The host's screen has shown the match (until then it cannot have left it). */
  shown: boolean;
  /** A view for the guest is queued for the end of the task. */
  viewQueued: boolean;
  view: (() => VersusView) | null;
}

const IN_MENU: SeatScreen = Object.freeze({ doing: 'in the menu', busy: false, free: true, inLobby: false, hosting: null });

/** The lobby of one server. */
export class Lobby {
  private readonly seats = new Map<number, Seat>();
  private nextChallenge = 1;
  private listQueued = false;
  private readonly timers: LobbyTimers;
  private readonly timeoutMs: number;
  private readonly later: (task: () => void) => void;

  constructor(options: { readonly timers?: LobbyTimers; readonly timeoutMs?: number; readonly later?: (task: () => void) => void } = {}) {
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => {
        const handle = setTimeout(callback, ms);
        handle.unref();
        return handle;
      },
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
    this.timeoutMs = options.timeoutMs ?? CHALLENGE_TIMEOUT_MS;
    this.later = options.later ?? queueMicrotask;
  }

  /** A session came in (in the menu). */
  join(member: LobbyMember): void {
    this.seats.set(member.id, { member, screen: IN_MENU, outgoing: null, incoming: null, queued: false, duel: null });
    this.listChanged();
  }

  /** A session ended: its challenges are withdrawn and its match ends, each other player told. */
  leave(id: number): void {
    const seat = this.seats.get(id);
    if (!seat) return;
    const name = seat.member.player;
    this.withdraw(seat, `${name} left`);
    if (seat.incoming) this.drop(seat.incoming, null, `${name} left`);
    if (seat.duel) this.endDuel(seat.duel, `${name} left the match`, seat);
    this.seats.delete(id);
    this.listChanged();
  }

  /** The players as session `id` lists them (itself included, marked). */
  players(id: number): LobbyPlayer[] {
    return [...this.seats.values()].map((seat) => ({
      id: seat.member.id,
      name: seat.member.player,
      doing: seat.screen.doing,
      busy: seat.screen.busy || seat.duel !== null,
      self: seat.member.id === id,
    }));
  }

  /** Session `id`'s screen changed: the list follows what it does; a host's match goes to its guest, a host who left it ends it. */
  screen(id: number, screen: SeatScreen): void {
    const seat = this.seats.get(id);
    if (!seat) return;
    const before = seat.screen;
    seat.screen = screen;
    if (before.doing !== screen.doing || before.busy !== screen.busy) this.listChanged();
    else if (screen.inLobby && !before.inLobby) this.sendList(seat);
    const duel = seat.duel;
    if (duel?.host !== seat) return;
    if (screen.hosting) {
      duel.shown = true;
      duel.view = screen.hosting;
      this.queueView(duel);
    } else if (duel.shown) {
      this.endDuel(duel, `${seat.member.player} left the match`, seat);
    }
  }

  /** Session `id` challenges session `to` to a match under `rules`. */
  challenge(id: number, to: number, rules: string): void {
    const from = this.seats.get(id);
    if (!from || from.duel) return;
    this.withdraw(from, `${from.member.player} withdrew the challenge`);
    const target = this.seats.get(to);
    const refusal =
      target === undefined
        ? 'that player has left'
        : target === from
          ? 'you cannot challenge yourself'
          : target.duel || target.screen.busy
            ? `${target.member.player} is in a match`
            : target.incoming || target.outgoing
              ? `${target.member.player} is answering another challenge; try again soon`
              : null;
    if (refusal !== null || !target) {
      this.note(from, refusal ?? 'that player has left', false);
      return;
    }
    // One who waits for the next free opponent takes a challenge as that opponent.
    if (target.queued) {
      this.startDuel(from, target);
      return;
    }
    const pending: Pending = {
      id: this.nextChallenge++,
      from,
      to: target,
      rules,
      timer: this.timers.setTimeout(() => this.expire(pending), this.timeoutMs),
    };
    from.outgoing = pending;
    target.incoming = pending;
    const name = target.member.player;
    this.send(target, { kind: 'challenged', challenge: { id: pending.id, from: from.member.player, rules } });
    const where = target.screen.free ? '' : ` (${target.screen.doing}: they see it in the menu)`;
    this.note(from, `waiting for ${name} to answer${where}`, true);
  }

  /** Session `id` asks for the next free opponent: one waiting already, else a challenge to a free player, else a place in the queue. */
  nextFree(id: number, rules: string): void {
    const seat = this.seats.get(id);
    if (!seat || seat.duel) return;
    this.withdraw(seat, `${seat.member.player} withdrew the challenge`);
    const others = [...this.seats.values()].filter((s) => s !== seat && !s.duel && !s.screen.busy);
    const waiting = others.find((s) => s.queued);
    if (waiting) {
      // The one who waited longest hosts: they asked first.
      this.startDuel(waiting, seat);
      return;
    }
    const free = others.find((s) => s.screen.free && !s.incoming && !s.outgoing);
    if (free) {
      this.challenge(id, free.member.id, rules);
      return;
    }
    seat.queued = true;
    this.note(seat, 'waiting for the next free opponent', true);
  }

  /** Session `id` withdraws its challenge or leaves the queue. */
  cancel(id: number): void {
    const seat = this.seats.get(id);
    if (seat) this.withdraw(seat, `${seat.member.player} withdrew the challenge`);
  }

  /** Session `id` answers challenge `challenge`: accepted, the match starts on the challenger's screen. */
  answer(id: number, challenge: number, accept: boolean): void {
    const seat = this.seats.get(id);
    const pending = seat?.incoming;
    if (!seat || !pending || pending.id !== challenge) return;
    const { from } = pending;
    this.drop(pending, null, accept ? null : `${seat.member.player} declined`);
    if (!accept) return;
    if (from.duel || from.screen.busy) {
      this.send(seat, { kind: 'duelEnded', message: `${from.member.player} is in another match now` });
      return;
    }
    this.startDuel(from, seat);
  }

  /** A key of session `id`'s player, the guest of a match: to the host's screen, for the guest's board. */
  duelKey(id: number, key: KeyEvent): void {
    const duel = this.seats.get(id)?.duel;
    if (duel && duel.guest.member.id === id) this.send(duel.host, { kind: 'duelKey', key });
  }

  /** The guest's terminal is too small for the match, or large enough again. */
  duelSmall(id: number, small: boolean): void {
    const duel = this.seats.get(id)?.duel;
    if (duel && duel.guest.member.id === id) this.send(duel.host, { kind: 'duelSmall', small });
  }

  /** The guest left the match (for the menu): the host's screen ends it. */
  duelLeave(id: number): void {
    const seat = this.seats.get(id);
    const duel = seat?.duel;
    if (seat && duel && duel.guest === seat) this.endDuel(duel, `${seat.member.player} left the match`, seat);
  }

  /** How many sessions are in the lobby (all of the server's). */
  get size(): number {
    return this.seats.size;
  }

  private startDuel(host: Seat, guest: Seat): void {
    for (const seat of [host, guest]) {
      seat.queued = false;
      this.withdraw(seat, `${seat.member.player} is in a match now`);
      if (seat.incoming) this.drop(seat.incoming, null, `${seat.member.player} is in a match now`);
    }
    const duel: Duel = { host, guest, shown: false, viewQueued: false, view: null };
    host.duel = duel;
    guest.duel = duel;
    const { keymap, handling } = guest.member.controls();
    this.send(host, { kind: 'duelHost', player: host.member.player, opponent: guest.member.player, keymap, handling });
    this.send(guest, { kind: 'duelGuest', opponent: host.member.player });
    this.listChanged();
  }

  /** End `duel`: the player who did not leave (`by`) is told `message`. */
  private endDuel(duel: Duel, message: string, by: Seat): void {
    duel.host.duel = null;
    duel.guest.duel = null;
    duel.view = null;
    this.send(by === duel.host ? duel.guest : duel.host, { kind: 'duelEnded', message });
    this.listChanged();
  }

  /** The host's view, sent to the guest once at the end of the task that changed it (a burst of ticks and keys is one view). */
  private queueView(duel: Duel): void {
    if (duel.viewQueued) return;
    duel.viewQueued = true;
    this.later(() => {
      duel.viewQueued = false;
      if (duel.guest.duel !== duel || !duel.view) return;
      duel.guest.member.send({ kind: 'duelView', view: mirrorVersus(duel.view()) });
    });
  }

  /** `seat`'s own challenge withdrawn (its player told `message`) and its place in the queue given up. */
  private withdraw(seat: Seat, message: string): void {
    seat.queued = false;
    if (seat.outgoing) this.drop(seat.outgoing, message, null);
  }

  /** A challenge is over: its player is told `toMessage`, its challenger `fromMessage` (null: nothing). */
  private drop(pending: Pending, toMessage: string | null, fromMessage: string | null): void {
    this.timers.clearTimeout(pending.timer);
    if (pending.from.outgoing === pending) pending.from.outgoing = null;
    if (pending.to.incoming === pending) pending.to.incoming = null;
    if (toMessage !== null) this.send(pending.to, { kind: 'challengeGone', id: pending.id, message: toMessage });
    if (fromMessage !== null) this.note(pending.from, fromMessage, false);
  }

  private expire(pending: Pending): void {
    if (pending.from.outgoing !== pending) return;
    const seconds = Math.round(this.timeoutMs / 1000);
    this.drop(pending, `${pending.from.member.player}'s challenge ran out`, `${pending.to.member.player} did not answer in ${seconds} s`);
  }

  private note(seat: Seat, message: string, waiting: boolean): void {
    this.send(seat, { kind: 'lobbyNote', message, waiting });
  }

  private send(seat: Seat, answer: AppAnswer): void {
    this.later(() => {
      // A session that left meanwhile is told nothing more.
      if (this.seats.get(seat.member.id) === seat) seat.member.send(answer);
    });
  }

  private sendList(seat: Seat): void {
    this.send(seat, { kind: 'lobby', players: this.players(seat.member.id) });
  }

  /** Every open lobby is sent the list, once at the end of the task. */
  private listChanged(): void {
    if (this.listQueued) return;
    this.listQueued = true;
    this.later(() => {
      this.listQueued = false;
      for (const seat of this.seats.values()) {
        if (seat.screen.inLobby) seat.member.send({ kind: 'lobby', players: this.players(seat.member.id) });
      }
    });
  }
}
