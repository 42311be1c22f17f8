/**
 * The end of a session on the terminal (`play`, the front door), once the
 * screen is the shell's again: what was held back for after it, then the
 * last game's line, then dying of the signal that ended it.
 */
import type { PlayOutcome } from '../ui/terminal/run-screen.js';
import type { CliDeps } from './deps.js';
import { warningLine } from './errors.js';
import type { GameLog } from './play-recording.js';
import { quitLine } from './quit-line.js';
import { dieOf } from './signals.js';

/** The warnings, and a replay no file could take (on stdout), now that the screen is gone. */
export function afterScreen(deps: CliDeps, warnings: readonly string[], log: GameLog): void {
  for (const line of warnings) deps.stderr.write(warningLine(line));
  for (const text of log.unsaved) deps.stdout.write(text);
}

/**
 * The last game's result and how to watch it, last of all, where the player
 * looks (not after SIGHUP: that terminal is gone); then die of the signal, as
 * the shell expects, now that the terminal and the recordings are safe.
 */
export function lastWords(deps: CliDeps, log: GameLog, outcome: PlayOutcome): void {
  const line = log.last && !(outcome.reason === 'signal' && outcome.signal === 'SIGHUP') ? quitLine(log.last, log.recorded) : null;
  if (line) deps.stdout.write(`${line}\n`);
  if (outcome.reason === 'signal') dieOf(deps.signals, outcome.signal);
}
