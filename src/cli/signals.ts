/**
 * The process's signals as the screen commands use them: what interrupts a
 * screen (signals, Ctrl-Z sent as SIGTSTP, errors nobody caught), stopping
 * the program for the shell, holding later signals while the files are
 * finished, and dying of the signal that ended it, as the shell expects.
 * Everything here takes the process as a value (`CliDeps.signals`), so
 * tests hand in a fake one.
 */
import type { Interruptions, StopProgram } from '../ui/terminal/run-screen.js';

/** Errors nobody caught: a screen ends on them with the terminal restored. */
type ErrorEvent = 'uncaughtException' | 'unhandledRejection';

/** The process, as far as its signals go: `process` is one. */
export interface ProcessSignals {
  readonly pid: number;
  on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  on(event: ErrorEvent, listener: (error: unknown) => void): unknown;
  once(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: ErrorEvent, listener: (error: unknown) => void): unknown;
  removeAllListeners(event: NodeJS.Signals): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** Signals that end a screen cleanly (the recording saved, the terminal restored). */
export const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

/**
 * End the program of `signal`, now that the terminal and the files are safe.
 * Listeners left (signal-exit's, for restore-cursor, loaded with Ink) would
 * catch it on a later turn of the event loop, which may never come, so the
 * program would end with 0: none may remain.
 */
export function dieOf(target: Pick<ProcessSignals, 'pid' | 'removeAllListeners' | 'kill'>, signal: NodeJS.Signals): void {
  target.removeAllListeners(signal);
  target.kill(target.pid, signal);
}

/** Signals and uncaught errors of `target`, as a screen takes them; SIGTSTP (`kill -TSTP`) suspends like Ctrl-Z. */
export function interruptionsOf(target: ProcessSignals): Interruptions {
  return (listener) => {
    const onSignal = (signal: NodeJS.Signals) => listener({ kind: 'signal', signal });
    const onSuspend = () => listener({ kind: 'suspend' });
    const onError = (error: unknown) => listener({ kind: 'error', error });
    for (const signal of ENDING_SIGNALS) target.on(signal, onSignal);
    target.on('SIGTSTP', onSuspend);
    target.on('uncaughtException', onError);
    target.on('unhandledRejection', onError);
    return () => {
      for (const signal of ENDING_SIGNALS) target.off(signal, onSignal);
      target.off('SIGTSTP', onSuspend);
      target.off('uncaughtException', onError);
      target.off('unhandledRejection', onError);
    };
  };
}

/**
 * Stop the program until the shell continues it, once the screen has given
 * the terminal back; settles on SIGCONT. SIGSTOP, since SIGTSTP is caught
 * here; to the whole process group, as the terminal's own Ctrl-Z is, so that
 * a process waiting on this one (bin/'s hand-over to Node 24, `npm start`)
 * stops too and the shell sees the job stopped.
 */
export function stopperOf(target: ProcessSignals): StopProgram {
  return () =>
    new Promise((resolve) => {
      target.once('SIGCONT', () => resolve());
      target.kill(0, 'SIGSTOP');
    });
}

/**
 * While the game runs and its files are finished, a signal after the one
 * that ends the game waits for them instead of killing the program half
 * way: closing the terminal sends SIGHUP to the game and, on Node 20, to
 * bin/'s process too, which passes it on. A third signal still ends the
 * program at once. Returns the release.
 */
export function holdSignals(target: ProcessSignals): () => void {
  let count = 0;
  const hold = (signal: NodeJS.Signals) => {
    if (++count < 3) return;
    dieOf(target, signal);
  };
  const release = () => {
    for (const signal of ENDING_SIGNALS) target.off(signal, hold);
  };
  for (const signal of ENDING_SIGNALS) target.on(signal, hold);
  return release;
}
