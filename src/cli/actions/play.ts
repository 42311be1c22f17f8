/**
 * What `inktris play` does once its options are parsed: the TTY check,
 * config.json, the recordings, signals, then the game. Loaded by the command
 * with a dynamic import, so `--version` and the headless commands never pay
 * for it; Ink, React and the UI load later still, once the checks pass.
 */
import type { Command } from 'commander';
import { afterScreen, lastWords } from '../session-end.js';
import type { CliDeps } from '../deps.js';
import { gameSettingsOf } from '../options.js';
import { pathsFor } from '../paths.js';
import { requireScreen } from '../require-screen.js';
import { findReplay, personalBests } from '../game-archive.js';
import { loadPackedReplay } from '../replay-file.js';
import { createGame, indexReplay } from '../../core/index.js';
import { paceFor } from '../best-pace.js';
import { COUNTDOWN_TICKS } from '../../ui/drivers/countdown.js';
import { createGameLog, openArchive } from '../play-recording.js';
import { ENDING_SIGNALS, holdSignals } from '../signals.js';
import { guardStart } from '../start-guard.js';
import type { PlayOutcome } from '../../ui/terminal/run-screen.js';
import { DEFAULT_HANDLING } from '../../ui/input/handling.js';
import { faultHooks } from '../fault-hooks.js';
import { sessionSeed } from '../session-seeds.js';
import type { PlayOptions } from '../commands/play.js';

/** Play: the game in the terminal until the player quits, then one line on the last game (quit-line.ts). */
export async function playAction(options: PlayOptions, command: Command, deps: CliDeps): Promise<void> {
  requireScreen(deps, 'play:', 'for a headless game see `inktris bot` or `inktris replay FILE --json`');
  // Bare `inktris` on a terminal: the front door (its menu starts the games).
  if (command.parent?.args.length === 0) return (await import('./front-door.js')).frontDoorAction(options, command, deps);
  deps.holdYoungGeneration();
  const paths = pathsFor(deps.env);
  const { lookFor, screenOnTerminal } = await import('../terminal-session.js');
  const look = await lookFor(options, command, deps);
  // Lines for after the game, when the screen is the shell's again.
  const warnings: string[] = [...look.warnings];

  const settings = { ...gameSettingsOf(options), queue: options.queue ?? '' };
  // A fixed --seed replays the same pieces after a restart; otherwise each game gets a new one.
  const firstSeed = options.seed ?? deps.randomSeed();
  const seedOf = (game: number) => sessionSeed(options.seed, firstSeed, game);
  const archive = await openArchive(paths.data);
  const log = createGameLog({ record: options.record, archive, version: deps.version, now: deps.now }, warnings);
  // A signal before the screen is up ends the program without an empty replay left among the kept ones.
  const unguard = guardStart(log, ENDING_SIGNALS, deps.signals);
  // The first game's files exist before the screen changes, so a --record path that cannot be written is one line and exit 2.
  try {
    log.start({ ...settings, seed: firstSeed });
  } catch (error) {
    unguard();
    throw error;
  }
  // The bests so far, for the end panel (the table's order: marathon by score, sprint by time).
  const bests = await personalBests({ dir: paths.data, now: deps.now, warn: (line) => warnings.push(line) });
  // The kept replay of the best game of this table, for the pace in the sidebar (sprint, ultra, dig).
  const pace = await paceFor(
    { dir: paths.data, now: deps.now, warn: (line) => warnings.push(line) },
    createGame({ ...settings, seed: 0 }).settings,
    deps,
  );

  const { runPlay } = await import('../../ui/terminal/run-screen.js');
  let games = 0;
  let outcome!: PlayOutcome;
  let leave: 'menu' | 'watchLast' | null = null;
  const release = holdSignals(deps.signals);
  // runPlay subscribes to the signals before it returns: from here on they are the screen's.
  unguard();
  try {
    outcome = await runPlay({
      config: {
        settings,
        seedOf,
        handling: { ...DEFAULT_HANDLING, das: look.config.das, arr: look.config.arr, softDrop: look.config.softDrop },
        bests,
        countdown: COUNTDOWN_TICKS,
        pace,
        // w at the end of a game: it is kept (the archive or --record), so it can be watched at once.
        watchLast: true,
      },
      ...screenOnTerminal(deps, look),
      // The hardening tests' hook (tests/e2e/exit-paths.test.ts): a component or a timer that throws.
      faults: faultHooks(deps.env.INKTRIS_FAULT),
      // A restart never throws for want of a replay file: the game goes on, the line comes after it.
      onGameStart: (game) => {
        if (games++ > 0) log.start(game);
      },
      onInput: (tick, input) => log.input(tick, input),
      onGameEnd: (state) => log.end(state),
      onLeave: (to) => {
        leave = to;
      },
    });
  } finally {
    release();
    afterScreen(deps, warnings, log);
  }
  // w at the end of a game: watch it now, in the watcher, before the line about it.
  if (leave === 'watchLast' && outcome.reason === 'quit' && log.last) {
    const file =
      log.last.recordedIn ?? (log.last.archived ? await findReplay({ dir: paths.data, now: deps.now, warn: () => {} }, 'last') : null);
    if (file) {
      const replay = await loadPackedReplay(file, deps);
      const { runOnTerminal } = await import('../terminal-session.js');
      const { REPLAY, replayModel } = await import('../../ui/drivers/replay.js');
      await runOnTerminal(deps, look, REPLAY, replayModel(indexReplay(replay)));
    }
  }
  lastWords(deps, log, outcome);
}
