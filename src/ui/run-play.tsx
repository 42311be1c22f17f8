/**
 * Play in the terminal: render the app with Ink on the alternate screen and
 * settle when the player quits, with the terminal restored (cursor, raw mode,
 * alternate screen, keyboard protocol) on every way out: `q`, Ctrl-C, a
 * signal, an error. `runScreen` does this for any controller (a replay
 * watched, the demo); `runPlay` runs it with the game.
 */
import { render, type Instance, type KittyFlagName, type SuspendTerminal } from 'ink';
import type { PersonalBests } from '../core/index.js';
import { App } from './App.js';
import { compactStream } from './compact-output.js';
import { CrashGuard } from './CrashGuard.js';
import type { Fault } from './fault-injection.js';
import { FieldPainter } from './field-painter.js';
import { KeyboardProtocol } from './keyboard-protocol.js';
import type { Keymap } from './keymap.js';
import type { Timers } from './loop-controller.js';
import { PlayController, type PlayHooks, type PlaySettings } from './play-controller.js';
import type { ScreenController } from './screen-controller.js';
import { resolveDisplay, type Display, type DisplayOptions } from './theme.js';
import type { Now } from './tick-clock.js';
import type { Handling } from './timing.js';

/** The terminal the game runs in. */
export interface PlayTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Something from outside: a signal or an error nobody caught, which end the
 * game; or `suspend` (SIGTSTP, e.g. `kill -TSTP`), which hands the terminal
 * back to the shell like Ctrl-Z.
 */
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

/** Options of {@link runPlay}. */
export interface RunPlayOptions extends PlayHooks {
  readonly settings: PlaySettings;
  /** The seed of each game: the first, then one per restart. */
  readonly nextSeed: () => number;
  readonly display: DisplayOptions;
  /** @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  /** DAS, ARR and soft drop repeat, where the terminal reports key releases. @default DEFAULT_HANDLING */
  readonly handling?: Handling;
  readonly terminal: PlayTerminal;
  /** Signals and uncaught errors; without it, only the keys end the game. */
  readonly interruptions?: Interruptions;
  /** How Ctrl-Z stops the program, as in {@link RunScreenOptions}. @default Ctrl-Z does nothing */
  readonly stopProgram?: StopProgram;
  /** The player's bests at the start, for the end panel. @default none shown */
  readonly personalBests?: PersonalBests;
  /** The hardening tests' fault (fault-injection.ts), given by the command line. @default none */
  readonly fault?: Fault | null;
}

/** What `runScreen` gives the controller it makes. */
export interface ScreenContext {
  /** The display options with every default filled in. */
  readonly display: Display;
  /** Monotonic milliseconds. */
  readonly now: Now;
  readonly timers: Timers;
  /** An error inside the controller's timers: the screen closes and `runScreen` rejects with it. */
  readonly onError: (error: unknown) => void;
}

/** Options of {@link runScreen}. */
export interface RunScreenOptions {
  readonly display: DisplayOptions;
  /** @default DEFAULT_KEYMAP */
  readonly keymap?: Keymap;
  readonly terminal: PlayTerminal;
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
  /** Makes what the screen shows and the keys drive: a game, a replay, the demo. */
  readonly controller: (context: ScreenContext) => ScreenController;
  /** The hardening tests' fault (fault-injection.ts): `render` throws while the screen draws. @default none */
  readonly fault?: Fault | null;
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
  return runScreen({
    display: options.display,
    keymap: options.keymap,
    terminal: options.terminal,
    interruptions: options.interruptions,
    stopProgram: options.stopProgram,
    fault: options.fault,
    controller: ({ display, ...clock }) =>
      new PlayController({
        settings: options.settings,
        nextSeed: options.nextSeed,
        preview: display.preview,
        keymap: options.keymap,
        handling: options.handling,
        hooks: { onGameStart: options.onGameStart, onInput: options.onInput, onGameEnd: options.onGameEnd },
        personalBests: options.personalBests,
        fault: options.fault,
        ...clock,
      }),
  });
}

/**
 * Show a controller's views until it quits. Settles after the terminal is
 * restored and the controller has settled; rejects with the error if one
 * ended the session.
 */
export async function runScreen(options: RunScreenOptions): Promise<PlayOutcome> {
  const { terminal } = options;
  const display = resolveDisplay({ ...options.display, keymap: options.keymap });
  let instance: Instance | null = null;
  let early: Ending | null = null;
  let finished = false;
  let unsubscribe = () => {};
  let settle: { resolve: (outcome: PlayOutcome) => void; reject: (error: unknown) => void } | null = null;
  const outcome = new Promise<PlayOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });

  /** The one way out: stop the game, restore the terminal, then settle. */
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
      // The painter stops its controller, and draws nothing after the last frame.
      (painter ?? controller).stop();
    } catch (error) {
      failure ??= error;
    }
    try {
      instance.unmount();
    } catch (error) {
      failure ??= error;
    }
    restoreInput(terminal.stdin);
    controller.settled().then(
      () => {
        if (failure !== undefined) settle!.reject(failure);
        else settle!.resolve(ending.kind === 'signal' ? { reason: 'signal', signal: ending.signal } : { reason: 'quit' });
      },
      (error: unknown) => settle!.reject(failure ?? error),
    );
  };

  const controller = options.controller({
    display,
    now: () => performance.now(),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    onError: (error) => finish({ kind: 'error', error }),
  });

  // On a terminal the board rows and the numbers are drawn as they change, not by a render of the whole tree.
  const screenStream = compactStream(terminal.stdout);
  const painter = terminal.stdout.isTTY ? new FieldPainter(controller, display, screenStream) : undefined;
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
    (painter ?? controller).suspend();
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
          controller={controller}
          display={display}
          painter={painter}
          keyboard={keyboard}
          onSuspend={options.stopProgram ? suspend : undefined}
          fault={options.fault}
          onSuspendTerminal={(handOver) => {
            suspendTerminal = handOver;
          }}
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
