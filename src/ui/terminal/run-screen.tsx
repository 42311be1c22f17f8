/**
 * Play in the terminal: render the app with Ink on the alternate screen and
 * settle when the player quits, with the terminal restored (cursor, raw mode,
 * alternate screen, keyboard protocol) on every way out: `q`, Ctrl-C, a
 * signal, an error. `runScreen` does this for any controller (a replay
 * watched, the demo); `runPlay` runs it with the game.
 */
import { render, type Instance, type KittyFlagName, type SuspendTerminal } from 'ink';
import { App } from '../components/App.js';
import { CrashGuard } from '../components/CrashGuard.js';
import { Loop, type Timers } from '../drivers/loop.js';
import { effectsToHooks, PLAY, playModel, type PlayConfig, type PlayHooks } from '../drivers/play.js';
import type { Driver, Effect, ScreenView } from '../drivers/screen.js';
import type { Now } from '../drivers/tick-clock.js';
import type { Frame } from '../frame/frame-model.js';
import { resolveDisplay, type Display, type DisplayOptions } from '../frame/theme.js';
import type { Keymap } from '../input/keymap.js';
import { compactStream } from './compact-output.js';
import { KeyboardProtocol } from './keyboard-protocol.js';
import { FieldPainter } from './painter.js';

/** The streams of the terminal the screen runs on. */
export interface PlayTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Something that ends the screen from outside its keys: a signal, an error, or Ctrl-Z's `suspend`. */
export type Interruption =
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'suspend' };

/**
 * Stop the program until the shell continues it (`fg`); settles then. The
 * command line sends its process group SIGSTOP and waits for SIGCONT.
 */
export type StopProgram = () => Promise<void>;

/** Subscribe to interruptions; returns the unsubscribe. The command line wires this to `process`. */
export type Interruptions = (listener: (interruption: Interruption) => void) => () => void;

/** Where time comes from: given by the command line, so that nothing here reads a global clock. */
export interface ScreenTime {
  /** Monotonic milliseconds. */
  readonly now: Now;
  readonly timers: Timers;
}

/** The test hooks of the hardening tests (tests/e2e/exit-paths.test.ts): called at each render and each wake of the loop. */
export interface FaultHooks {
  readonly render?: (frame: Frame) => void;
  readonly wake?: (view: ScreenView) => void;
}

/** Options of {@link runScreen}. */
export interface RunScreenOptions<M> {
  readonly display: DisplayOptions;
  /** @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  readonly terminal: PlayTerminal;
  readonly time: ScreenTime;
  /** Signals and uncaught errors; without it, only the keys end the session. */
  readonly interruptions?: Interruptions;
  /**
   * Stops the program after Ctrl-Z or a `suspend` interruption, once the
   * terminal is the shell's again (the screen left, the cursor shown, raw
   * mode and the keyboard protocol off); when it settles, all of that comes
   * back, the screen is drawn again and what was shown stays paused.
   * @default Ctrl-Z does nothing (a screen that is not the program's alone)
   */
  readonly stopProgram?: StopProgram;
  /** What the screen is: a game, a replay, the demo. */
  readonly driver: Driver<M>;
  readonly model: M;
  /** What the screen says happened (quit aside); a returned promise is awaited before the screen settles. */
  readonly onEffect?: (effect: Effect, loop: Loop<M>) => undefined | Promise<unknown>;
  readonly faults?: FaultHooks;
  /** Handed the screen's loop as soon as it is made: for a program that tells the screen news of its own (a server's lobby). */
  readonly onLoop?: (loop: Loop<M>) => void;
}

/** Options of {@link runPlay}. */
export interface RunPlayOptions extends PlayHooks, Omit<RunScreenOptions<unknown>, 'driver' | 'model' | 'onEffect'> {
  readonly config: PlayConfig;
}

/** How the session ended (an error rejects instead). */
export type PlayOutcome = { readonly reason: 'quit' } | { readonly reason: 'signal'; readonly signal: NodeJS.Signals };

/**
 * Keyboard protocol flags asked of terminals that speak the kitty protocol:
 * press/repeat/release for every key (real DAS, ARR and held soft drop), and
 * the text typed, so `?` still arrives as `?`.
 */
const KITTY_FLAGS: KittyFlagName[] = ['disambiguateEscapeCodes', 'reportEventTypes', 'reportAllKeysAsEscapeCodes', 'reportAssociatedText'];

type Ending = { readonly kind: 'quit' } | Exclude<Interruption, { readonly kind: 'suspend' }>;

/** Show the cursor (DECTCEM): Ink hides it for the game; the shell needs it while the program is stopped. */
const SHOW_CURSOR = '\u001B[?25h';

/**
 * Run games until the player quits. Settles after the terminal is restored
 * and every `onGameEnd` has settled; rejects with the error if one ended the
 * game (the caller prints it, now that the screen is back).
 */
export function runPlay(options: RunPlayOptions): Promise<PlayOutcome> {
  const { config, onGameStart, onInput, onGameEnd, onLeave, ...screen } = options;
  return runScreen({
    ...screen,
    driver: PLAY,
    model: playModel({ ...config, keymap: config.keymap ?? options.keymap }),
    onEffect: effectsToHooks({ onGameStart, onInput, onGameEnd, onLeave }),
  });
}

/**
 * Show a screen until the viewer quits. Settles after the terminal is
 * restored and what the screen's effects started has settled; rejects with
 * the error if one ended the session.
 */
export async function runScreen<M>(options: RunScreenOptions<M>): Promise<PlayOutcome> {
  const { terminal } = options;
  const display: Display = resolveDisplay({ ...options.display, keymap: options.keymap });
  let instance: Instance | null = null;
  let early: Ending | null = null;
  let finished = false;
  let unsubscribe = () => {};
  let settle: { resolve: (outcome: PlayOutcome) => void; reject: (error: unknown) => void } | null = null;
  const outcome = new Promise<PlayOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  /** What the effects started (saving recordings): awaited before the screen settles. */
  const pending: Promise<unknown>[] = [];

  /** The one way out: stop the screen, restore the terminal, then settle. */
  const finish = (ending: Ending): void => {
    if (finished) return;
    // An error while the first frame draws comes before `render` returns; it is handled right after.
    if (!instance) {
      early ??= ending;
      return;
    }
    finished = true;
    unsubscribe();
    // After SIGHUP the terminal is gone: writing to it fails, and that must not end the program before the recording is saved.
    if (ending.kind === 'signal') terminal.stdout.on('error', () => {});
    let failure: unknown = ending.kind === 'error' ? ending.error : undefined;
    try {
      // The painter draws nothing after the last frame; the loop ends what runs.
      painter?.close();
      loop.stop();
    } catch (error) {
      failure ??= error;
    }
    try {
      instance.unmount();
    } catch (error) {
      failure ??= error;
    }
    restoreInput(terminal.stdin);
    Promise.all(pending).then(
      () => {
        if (failure !== undefined) settle!.reject(failure);
        else settle!.resolve(ending.kind === 'signal' ? { reason: 'signal', signal: ending.signal } : { reason: 'quit' });
      },
      (error: unknown) => settle!.reject(failure ?? error),
    );
  };

  const loop: Loop<M> = new Loop(options.driver, options.model, {
    now: options.time.now,
    timers: options.time.timers,
    display,
    size: { columns: terminal.stdout.columns || 80, rows: terminal.stdout.rows || 24 },
    onEffect: (effect) => {
      const started = options.onEffect?.(effect, loop);
      if (started) pending.push(started);
    },
    onError: (error) => finish({ kind: 'error', error }),
    onWake: options.faults?.wake,
  });
  options.onLoop?.(loop);

  // On a terminal the board rows and the numbers are drawn as they change, not by a render of the whole tree.
  const screenStream = compactStream(terminal.stdout);
  const painter = terminal.stdout.isTTY ? new FieldPainter(loop, display, screenStream) : undefined;
  // Ink says only to the terminal whether it switched key press and release on: read it there.
  const keyboard = new KeyboardProtocol();

  /** Set while the terminal is the shell's (Ctrl-Z until `fg`): a second Ctrl-Z or SIGTSTP then does nothing. */
  let suspended = false;
  /** Ink's hand-over of the terminal, from inside the app (Ink's instance does not offer it). */
  let suspendTerminal: SuspendTerminal | null = null;
  /**
   * Ctrl-Z, as a good TUI does it (vim, less, htop): pause what is shown,
   * give the terminal back as it was found, stop; on `fg`, take it again and
   * draw the whole screen, still paused.
   */
  const suspend = (): void => {
    const stopProgram = options.stopProgram;
    const handOver = suspendTerminal;
    if (!stopProgram || !handOver || finished || suspended) return;
    suspended = true;
    loop.suspend();
    painter?.suspend();
    // Ink erases its frame, pops the keyboard protocol, leaves the alternate screen and turns raw mode off;
    // after the callback, raw mode, the alternate screen and the protocol again, and a full redraw (which hides the cursor).
    handOver(async () => {
      terminal.stdout.write(SHOW_CURSOR);
      await stopProgram();
    }).then(
      () => {
        suspended = false;
        painter?.resumed();
      },
      (error: unknown) => finish({ kind: 'error', error }),
    );
  };

  // Raw mode at once, before the alternate screen: keys typed while the app
  // starts are then read as keys, not echoed onto the game screen.
  if (terminal.stdin.isTTY) terminal.stdin.setRawMode(true);
  try {
    instance = render(
      <CrashGuard onCrash={(error) => finish({ kind: 'error', error })}>
        <App
          loop={loop}
          display={display}
          painter={painter}
          keyboard={keyboard}
          onSuspend={options.stopProgram ? suspend : undefined}
          onSuspendTerminal={(handOver) => {
            suspendTerminal = handOver;
          }}
          onRender={options.faults?.render}
        />
      </CrashGuard>,
      {
        stdin: terminal.stdin,
        stdout: keyboard.watch(painter?.stream ?? screenStream),
        stderr: terminal.stderr,
        // CI=true makes Ink non-interactive (final frame only); a terminal is a terminal.
        interactive: Boolean(terminal.stdout.isTTY),
        alternateScreen: true,
        incrementalRendering: true,
        maxFps: 60,
        kittyKeyboard: { mode: 'auto', flags: KITTY_FLAGS },
        // Ctrl-C is a key of the game: the recording is saved before the program ends.
        exitOnCtrlC: false,
        patchConsole: false,
      },
    );
  } catch (error) {
    restoreInput(terminal.stdin);
    throw error;
  }
  unsubscribe =
    options.interruptions?.((interruption) => (interruption.kind === 'suspend' ? suspend() : finish(interruption))) ?? unsubscribe;
  instance.waitUntilExit().then(
    () => finish({ kind: 'quit' }),
    (error: unknown) => finish({ kind: 'error', error }),
  );
  if (early) finish(early);
  return outcome;
}

/** Raw mode off and stdin released, at once: Ink defers this to a microtask that a signal's exit may never reach. */
function restoreInput(stdin: NodeJS.ReadStream): void {
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    stdin.pause();
    stdin.unref?.();
  } catch {
    // The terminal may already be gone (SIGHUP); nothing is left to restore.
  }
}
