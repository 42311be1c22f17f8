/**
 * The terminal for the commands that only watch (`replay FILE`, `demo`):
 * the look of the game from config.json and the command line, and a screen
 * that ends with the terminal restored, dying of a signal that ended it.
 * Ink and the UI load with dynamic imports, as in `play`.
 */
import type { Command } from 'commander';
import { type Settings, loadSettings } from './config.js';
import type { Driver } from '../ui/drivers/screen.js';
import type { DisplayOptions } from '../ui/frame/theme.js';
import type { Keymap } from '../ui/input/keymap.js';
import type { PlayOutcome } from '../ui/terminal/run-screen.js';
import { processTime } from './screen-time.js';
import type { CliDeps } from './deps.js';
import { warningLine } from './errors.js';
import { pathsFor } from './paths.js';
import { dieOf, interruptionsOf, stopperOf } from './signals.js';

/** The look options a watching command takes (CLI.md, options of `play`). */
export interface LookOptions {
  readonly preview?: number;
  readonly ghost: boolean;
  readonly ascii?: boolean;
  readonly big?: boolean;
  readonly color: boolean;
}

/** How the screen looks and which keys it names. */
export interface Look {
  readonly display: DisplayOptions;
  readonly keymap: Keymap;
  /** config.json's settings as read (the handling numbers of `play` come from here). */
  readonly config: Settings;
  /** Lines for after the screen is gone (unknown keys in config.json). */
  readonly warnings: readonly string[];
}

/**
 * The look of every screen command (`play`, `replay FILE`, `demo`), resolved
 * here only: config.json's settings, overridden by options given on the
 * command line; the colours the terminal has (color-depth.ts).
 */
export async function lookFor(options: LookOptions, command: Command, deps: CliDeps): Promise<Look> {
  const loaded = await loadSettings(pathsFor(deps.env).config, deps.env);
  const config = loaded.settings;
  const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';
  const { screenPalette } = await import('./color-depth.js');
  const color = fromCli('color') ? options.color : config.color;
  return {
    config,
    display: {
      ascii: options.ascii ?? config.ascii,
      big: options.big ?? config.big,
      ghost: fromCli('ghost') ? options.ghost : config.ghost,
      preview: fromCli('preview') ? options.preview : config.preview,
      color: screenPalette(color, deps.env, deps.terminal().stdout),
    },
    keymap: config.keys,
    warnings: loaded.warnings,
  };
}

/**
 * What every screen command hands runScreen of the process: the look, the
 * terminal, the clock, and the signals that interrupt the screen or stop
 * the program.
 */
export function screenOnTerminal(deps: CliDeps, look: Pick<Look, 'display' | 'keymap'>) {
  return {
    display: look.display,
    keymap: look.keymap,
    terminal: deps.terminal(),
    time: processTime(),
    interruptions: interruptionsOf(deps.signals),
    stopProgram: stopperOf(deps.signals),
  };
}

/**
 * Show a screen (`driver` from `model`) until the viewer quits, the
 * terminal restored on every way out; after a signal, die of it as the
 * shell expects.
 */
export async function runOnTerminal<M>(deps: CliDeps, look: Look, driver: Driver<M>, model: M): Promise<void> {
  deps.holdYoungGeneration();
  const { runScreen } = await import('../ui/terminal/run-screen.js');
  let outcome!: PlayOutcome;
  try {
    outcome = await runScreen({ ...screenOnTerminal(deps, look), driver, model });
  } finally {
    for (const line of look.warnings) deps.stderr.write(warningLine(line));
  }
  // Die of the signal, as the shell expects, now that the terminal is restored.
  if (outcome.reason === 'signal') dieOf(deps.signals, outcome.signal);
}
