/**
 * One SSH session's front door: the same menu, games and watching as bare
 * `inktris` on a terminal (ui/drivers/app.ts), on the channel's streams.
 * The player's settings and menu choices live as long as the session; the
 * games are the server's: every input the screen took is kept, and at a
 * game's end the server runs them again in the core and keeps that run
 * (leaderboard.ts) before the result is shown.
 */
import { join } from 'node:path';
import {
  indexReplay,
  matchFileSettings,
  replaySettingsOf,
  summarize,
  summarizeMatch,
  type GameSettings,
  type ReplayInput,
} from '../core/index.js';
import { screenPalette } from '../cli/color-depth.js';
import { DEFAULT_SETTINGS } from '../cli/config.js';
import { listReplays, replaysDir } from '../cli/game-archive.js';
import { shownTables, tableBests, tableTitle } from '../cli/high-scores.js';
import { loadReplayOrMatch } from '../cli/replay-file.js';
import { indexMatch } from '../core/match-cursor.js';
import { processTime } from '../cli/screen-time.js';
import { sessionSeed } from '../cli/session-seeds.js';
import { replayLabel } from '../cli/actions/front-door.js';
import type { AppFiles, AppRequest, LiveGame, LiveView, PlayerSettings, ScoreSheet } from '../ui/drivers/app-io.js';
import { APP, appModel, type AppModel } from '../ui/drivers/app.js';
import type { Loop } from '../ui/drivers/loop.js';
import { DEFAULT_CHOICES } from '../ui/drivers/menu.js';
import { COUNTDOWN_TICKS } from '../ui/drivers/countdown.js';
import { effectsToHooks, PLAY } from '../ui/drivers/play.js';
import type { Driver } from '../ui/drivers/screen.js';
import { versusView } from '../ui/drivers/versus.js';
import type { VersusSide } from '../ui/drivers/versus-view.js';
import { DEFAULT_HANDLING } from '../ui/input/handling.js';
import { runScreen, type Interruption } from '../ui/terminal/run-screen.js';
import type { ChannelTerminal } from './channel-terminal.js';
import { formatServerTable, type Leaderboard } from './leaderboard.js';
import type { Lobby } from './lobby.js';
import { joinLobby } from './lobby-seat.js';
import type { SessionRegistry } from './server.js';

/** What a session needs of the server. */
export interface SessionContext {
  /** This session in `sessions`. */
  readonly id: number;
  /** Every session of the server: the games in progress to watch, and this one's feed to its watchers. */
  readonly sessions: SessionRegistry;
  readonly player: string;
  readonly terminal: ChannelTerminal;
  /** The client's TERM (pty-req), for the colours. */
  readonly term: string;
  readonly board: Leaderboard;
  readonly now: () => Date;
  readonly randomSeed: () => number;
  /** The seed of every game (`serve --seed`): games take it as `play --seed` gives it; undefined for the random stream. */
  readonly seed?: number;
  readonly readFile: (path: string) => Promise<string>;
  readonly fileSize: (path: string) => Promise<number>;
  /** Ends the screen from outside (the server stops, the session idles out). */
  readonly interruptions: (listener: (interruption: Interruption) => void) => () => void;
  /** The server's lobby: who is online, challenges, matches between sessions. */
  readonly lobby: Lobby;
}

const points = (score: number) => score.toLocaleString('en-US');

/** How the Watch list names a game in progress: `LIVE  ann  nes marathon  1,200`, a match `LIVE  ann vs BOT  nes versus  1,200 - 800`. */
export function liveLabel(player: string, view: LiveView): string {
  if (view.kind !== 'versus') {
    const { mode, rules } = view.game.settings;
    return `LIVE  ${player}  ${rules} ${mode}  ${points(view.game.score)}`;
  }
  const [a, b] = view.sides;
  return `LIVE  ${a.name} vs ${b.name}  ${a.game.settings.rules} versus  ${points(a.game.score)} - ${points(b.game.score)}`;
}

/** The games and matches in progress on the server but `self`'s, for the top of the Watch list. */
export function liveGames(sessions: SessionRegistry, self: number): LiveGame[] {
  const games: LiveGame[] = [];
  for (const entry of sessions.list()) {
    const view = entry.id === self ? null : entry.feed.current();
    if (view) games.push({ id: entry.id, label: liveLabel(entry.player, view) });
  }
  return games;
}

/**
 * What a session's watchers see of its front door: the game in play, the
 * match (the player's side under their server name, where their own screen
 * says YOU), or nothing (a menu).
 */
export function liveViewOf(model: AppModel, player: string): LiveView | null {
  const { screen } = model;
  if (screen.kind === 'versus') {
    const view = versusView(screen.model);
    const named = (side: VersusSide): VersusSide => (side.name === 'YOU' ? { ...side, name: player } : side);
    return { ...view, sides: [named(view.sides[0]), named(view.sides[1])] };
  }
  if (screen.kind !== 'play') return null;
  const view = PLAY.view(screen.model);
  return view.kind === 'menu' || view.kind === 'versus' ? null : view;
}

/** The server's table and replays (and the games in progress, `live`), as the front door shows them. */
export function serverFiles(board: Leaderboard, replays: readonly string[], live: readonly LiveGame[] = []): AppFiles {
  const table = board.table();
  const scores: ScoreSheet[] = shownTables(table).map((key) => {
    // formatTable's own heading, and its blank line after the rows, are the screen's to draw.
    const lines = formatServerTable(table, [key]).split('\n').slice(1);
    while (lines.at(-1) === '') lines.pop();
    return { title: tableTitle(key), lines };
  });
  return { bests: tableBests(table), scores, replays: replays.map((name) => ({ name, label: replayLabel(name) })), live };
}

/** Run the front door on the session's terminal until the player quits or the session is ended. */
export async function runSession(ctx: SessionContext): Promise<void> {
  const { board, terminal } = ctx;
  let settings: PlayerSettings = DEFAULT_SETTINGS;
  const firstSeed = ctx.randomSeed();
  const readFiles = async () => serverFiles(board, await listReplays(board.dir), liveGames(ctx.sessions, ctx.id));
  const feed = ctx.sessions.get(ctx.id)?.feed;
  const seat = joinLobby(ctx.lobby, ctx.id, ctx.player, () => ({
    keymap: settings.keys,
    handling: { ...DEFAULT_HANDLING, das: settings.das, arr: settings.arr, softDrop: settings.softDrop },
  }));
  /** The front door, its every new model shown to this session's watchers and told to the lobby. */
  const driver: Driver<AppModel> = {
    ...APP,
    reduce(before, event) {
      const result = APP.reduce(before, event);
      if (result.model !== before) {
        if (feed) feed.changed(() => liveViewOf(result.model, ctx.player));
        seat.changed(result.model);
      }
      return result;
    },
  };
  /** Stops the live watch this session is on, if any. */
  let unwatch = () => {};
  let model: AppModel = appModel({
    choices: DEFAULT_CHOICES,
    settings,
    seedOf: (game) => sessionSeed(ctx.seed, firstSeed, game),
    files: await readFiles(),
    size: { columns: terminal.stdout.columns, rows: terminal.stdout.rows },
    countdown: COUNTDOWN_TICKS,
    lobby: true,
  });
  /** The game in play: its settings and every input the screen took. */
  let game: { settings: Required<GameSettings>; inputs: ReplayInput[]; started: Date } | null = null;
  let match: { settings: Required<GameSettings>; names: readonly [string, string]; inputs: [ReplayInput[], ReplayInput[]] } | null = null;
  const env = { TERM: ctx.term };

  const answer = (request: AppRequest, loop: Loop<AppModel>, again: (model: AppModel) => void): Promise<unknown> | undefined => {
    const failed = (what: string) => (error: unknown) => {
      loop.answer({ kind: 'failed', message: `${what}: ${error instanceof Error ? error.message : String(error)}` });
    };
    switch (request.kind) {
      case 'saveSettings':
        // Kept for the session: a server keeps no player's settings.
        settings = request.settings;
        return undefined;
      case 'saveChoices':
        // The model holds them for the session; a server keeps none.
        return undefined;
      case 'loadReplay':
        return loadReplayOrMatch(join(replaysDir(board.dir), request.name), { readFile: ctx.readFile, fileSize: ctx.fileSize }).then(
          (loaded) =>
            loop.answer(
              loaded.kind === 'match'
                ? { kind: 'matchReplay', name: request.name, index: indexMatch(loaded.replay) }
                : { kind: 'replay', name: request.name, index: indexReplay(loaded.replay) },
            ),
          failed('cannot watch it'),
        );
      case 'refresh':
        return readFiles().then((files) => loop.answer({ kind: 'files', files }), failed('cannot read the tables'));
      case 'relook':
        settings = request.settings;
        again(loop.model);
        return undefined;
      case 'watchLive': {
        unwatch();
        const { id } = request;
        const watched = ctx.sessions.get(id);
        if (!watched) {
          queueMicrotask(() => loop.answer({ kind: 'liveEnded', id, message: 'that game has ended' }));
          return undefined;
        }
        unwatch = watched.feed.watch({
          view: (view) => loop.answer({ kind: 'live', id, player: watched.player, view }),
          ended: (message) => loop.answer({ kind: 'liveEnded', id, message }),
        });
        return undefined;
      }
      case 'unwatch':
        unwatch();
        unwatch = () => {};
        return undefined;
      case 'challenge':
      case 'nextFree':
      case 'cancelChallenge':
      case 'answerChallenge':
      case 'duelKey':
      case 'duelSmall':
      case 'duelLeave':
        seat.request(request);
        return undefined;
      default: {
        const never: never = request;
        return never;
      }
    }
  };

  try {
    await runScreens();
  } finally {
    // A watch, a challenge and a match with another session do not outlive the session, however it ends.
    unwatch();
    seat.leave();
  }

  async function runScreens(): Promise<void> {
    for (;;) {
      let next: AppModel | null = null;
      const outcome = await runScreen({
        display: {
          ascii: settings.ascii,
          big: settings.big,
          ghost: settings.ghost,
          preview: settings.preview,
          color: screenPalette(settings.color, env, terminal.stdout),
        },
        keymap: settings.keys,
        terminal,
        time: processTime(),
        interruptions: ctx.interruptions,
        driver,
        model,
        onLoop: (loop) => seat.attach(loop),
        onEffect: effectsToHooks<Loop<AppModel>>({
          onGameStart: (gameSettings) => {
            game = { settings: gameSettings, inputs: [], started: ctx.now() };
          },
          onInput: (tick, input) => {
            game?.inputs.push([tick, input]);
          },
          onGameEnd: (state) => {
            const played = game;
            game = null;
            if (!played) return undefined;
            const { settings: s, inputs } = played;
            if (state.pieces === 0 && inputs.length === 0) return undefined;
            const endTick = Math.max(summarize(state).tick, inputs.at(-1)?.[0] ?? 0);
            // Kept (replay fsynced, row committed) before this returns, so before the result is drawn.
            const kept = board.keep(ctx.player, { seed: s.seed, settings: replaySettingsOf(s), inputs, endTick }, ctx.now());
            return Promise.resolve(kept.rank);
          },
          onMatchStart: (matchSettings, names) => {
            // Against the bot the player's side is named by the server, as its games are.
            match = { settings: matchSettings, names: [names[0] === 'YOU' ? ctx.player : names[0], names[1]], inputs: [[], []] };
          },
          onMatchInput: (side, tick, input) => {
            match?.inputs[side].push([tick, input]);
          },
          onMatchEnd: (state) => {
            const played = match;
            match = null;
            if (!played || played.inputs[0].length + played.inputs[1].length === 0) return undefined;
            const [a, b] = played.inputs;
            const endTick = Math.max(summarizeMatch(state).tick, a.at(-1)?.[0] ?? 0, b.at(-1)?.[0] ?? 0);
            board.keepMatch(
              {
                seed: played.settings.seed,
                settings: matchFileSettings(played.settings),
                players: [
                  { name: played.names[0], inputs: a },
                  { name: played.names[1], inputs: b },
                ],
                endTick,
              },
              ctx.now(),
            );
            return undefined;
          },
          onRequest: (request, loop) =>
            answer(request, loop, (m) => {
              next = m;
            }),
        }),
      });
      // A watch does not outlive its screen; the lobby's news waits for the next.
      unwatch();
      unwatch = () => {};
      seat.attach(null);
      if (outcome.reason !== 'quit' || next === null) break;
      model = next;
    }
  }
}
