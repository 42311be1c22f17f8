/**
 * What `inktris play` does once its options are parsed: the TTY check,
 * config.json, the recordings, signals, then the game. Loaded by the command
 * with a dynamic import, so `--version` and the headless commands never pay
 * for it; Ink, React and the UI load later still, once the checks pass.
 */
import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import type { CliDeps } from '../deps.js';
import { warningLine } from '../errors.js';
import { gameSettingsOf } from '../options.js';
import { pathsFor } from '../paths.js';
import { requireScreen } from '../require-screen.js';
import { faultHooks } from '../fault-hooks.js';
import { sessionSeed } from '../session-seeds.js';
import { processTime } from '../screen-time.js';
import { personalBests } from '../game-archive.js';
import { createGameLog, openArchive } from '../play-recording.js';
import { quitLine } from '../quit-line.js';
import { guardStart } from '../start-guard.js';
import type { Interruptions, PlayOutcome, StopProgram } from '../../ui/terminal/run-screen.js';
import { DEFAULT_HANDLING } from '../../ui/input/handling.js';
import type { PlayOptions } from '../commands/play.js';

/** Signals that end a game cleanly (the recording saved, the terminal restored). */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

/** Signals and uncaught errors of this process, as `runPlay` takes them; SIGTSTP (`kill -TSTP`) suspends like Ctrl-Z. */
export const processInterruptions: Interruptions = (listener) => {
  const onSignal = (signal: NodeJS.Signals) => listener({ kind: 'signal', signal });
  const onSuspend = () => listener({ kind: 'suspend' });
  const onError = (error: unknown) => listener({ kind: 'error', error });
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('SIGTSTP', onSuspend);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('SIGTSTP', onSuspend);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
};

/**
 * Stop this program until the shell continues it, once the screen has given
 * the terminal back; settles on SIGCONT. SIGSTOP, since SIGTSTP is caught
 * here; to the whole process group, as the terminal's own Ctrl-Z is, so that
 * a process waiting on this one (bin/'s hand-over to Node 24, `npm start`)
 * stops too and the shell sees the job stopped.
 */
export const stopProcess: StopProgram = () =>
  new Promise((resolve) => {
    process.once('SIGCONT', () => resolve());
    process.kill(0, 'SIGSTOP');
  });

/**
 * While the game runs and its files are finished, a signal after the one
 * that ends the game waits for them instead of killing the program half
 * way: closing the terminal sends SIGHUP to the game and, on Node 20, to
 * bin/'s process too, which passes it on. A third signal still ends the
 * program at once. Returns the release.
 */
function holdSignals(): () => void {
  let count = 0;
  const hold = (signal: NodeJS.Signals) => {
    if (++count < 3) return;
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of SIGNALS) process.off(signal, hold);
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  return release;
}

/** Play: the game in the terminal until the player quits, then one line on the last game (quit-line.ts). */
export async function playAction(options: PlayOptions, command: Command, deps: CliDeps): Promise<void> {
  requireScreen(deps, 'play:', 'for a headless game see `inktris bot` or `inktris replay FILE --json`');
  deps.holdYoungGeneration();
  const paths = pathsFor(deps.env);
  const loaded = await loadSettings(paths.config, deps.env);
  const config = loaded.settings;
  // Lines for after the game, when the screen is the shell's again.
  const warnings: string[] = [...loaded.warnings];
  const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';

  const settings = { ...gameSettingsOf(options), queue: options.queue ?? '' };
  // A fixed --seed replays the same pieces after a restart; otherwise each game gets a new one.
  const firstSeed = options.seed ?? deps.randomSeed();
  const seedOf = (game: number) => sessionSeed(options.seed, firstSeed, game);
  const archive = await openArchive(paths.data);
  const log = createGameLog({ record: options.record, archive, version: deps.version, now: () => new Date() }, warnings);
  // A signal before the screen is up ends the program without an empty replay left among the kept ones.
  const unguard = guardStart(log, SIGNALS, process);
  // The first game's files exist before the screen changes, so a --record path that cannot be written is one line and exit 2.
  try {
    log.start({ ...settings, seed: firstSeed });
  } catch (error) {
    unguard();
    throw error;
  }
  // The bests so far, for the end panel (the table's order: marathon by score, sprint by time).
  const bests = await personalBests({ dir: paths.data, now: () => new Date(), warn: (line) => warnings.push(line) });

  const { runPlay } = await import('../../ui/terminal/run-screen.js');
  const { screenPalette } = await import('../color-depth.js');
  const color = fromCli('color') ? options.color : config.color;
  let games = 0;
  let outcome!: PlayOutcome;
  const release = holdSignals();
  // runPlay subscribes to the signals before it returns: from here on they are the screen's.
  unguard();
  try {
    outcome = await runPlay({
      config: { settings, seedOf, handling: { ...DEFAULT_HANDLING, das: config.das, arr: config.arr }, bests },
      display: {
        ascii: options.ascii ?? false,
        ghost: fromCli('ghost') ? options.ghost : config.ghost,
        preview: options.preview ?? config.preview,
        color: screenPalette(color, deps.env, process.stdout),
      },
      keymap: config.keys,
      terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
      time: processTime(),
      interruptions: processInterruptions,
      stopProgram: stopProcess,
      faults: faultHooks(deps.env.INKTRIS_FAULT),
      // A restart never throws for want of a replay file: the game goes on, the line comes after it.
      onGameStart: (game) => {
        if (games++ > 0) log.start(game);
      },
      onInput: (tick, input) => log.input(tick, input),
      onGameEnd: (state) => log.end(state),
    });
  } finally {
    release();
    for (const line of warnings) deps.stderr.write(warningLine(line));
    // A replay no file could take: on stdout, now that the screen is the shell's again.
    for (const text of log.unsaved) deps.stdout.write(text);
  }
  // The last game's result and how to watch it, last of all, where the player looks; not after
  // SIGHUP: that terminal is gone.
  const line = log.last && !(outcome.reason === 'signal' && outcome.signal === 'SIGHUP') ? quitLine(log.last, log.recorded) : null;
  if (line) deps.stdout.write(`${line}\n`);
  if (outcome.reason === 'signal') {
    // Die of the signal, as the shell expects, now that the terminal and the recordings are safe.
    // Listeners left (signal-exit's, for restore-cursor) would catch it on a later turn of the
    // event loop, which may never come, so the program would end with 0: none may remain.
    process.removeAllListeners(outcome.signal);
    process.kill(process.pid, outcome.signal);
  }
}
