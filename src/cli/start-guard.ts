/**
 * The window between a game's first files and its screen: until the screen
 * takes the signals over, a SIGTERM, SIGHUP or SIGINT would end the program
 * by default and leave the first game's archive copy behind, a replay with
 * nothing in it. This guard abandons the game first (play-recording.ts
 * `abandon`), then ends the program of that signal, as the shell expects.
 */
import type { GameLog } from './play-recording.js';
import { dieOf } from './signals.js';

/** What the guard needs of the process: its signals, and dying of one. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeAllListeners(signal: NodeJS.Signals): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
  readonly pid: number;
}

/** Guard `log`'s game until the returned release is called (just before the screen subscribes to the signals). */
export function guardStart(log: Pick<GameLog, 'abandon'>, signals: readonly NodeJS.Signals[], target: SignalTarget): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    log.abandon();
    dieOf(target, signal);
  };
  const release = () => {
    for (const signal of signals) target.off(signal, onSignal);
  };
  for (const signal of signals) target.on(signal, onSignal);
  return release;
}
