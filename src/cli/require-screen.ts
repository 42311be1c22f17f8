/**
 * The check before a full-screen command (`play`, `demo`, watching a
 * replay) takes over the terminal: one line and exit 2 where it cannot draw,
 * instead of a screen of escape codes.
 */
import type { CliDeps } from './deps.js';
import { InputError } from './errors.js';

/**
 * Refuse unless stdin and stdout are a terminal that can show the game:
 * TERM=dumb (Emacs' shell, some IDE consoles, `TERM=dumb ssh`) moves no
 * cursor and shows no colour, so the frame would be a heap of codes.
 * `needs` opens the line ("play:", "replay: watching a replay"), `otherwise`
 * ends it with the way to do without a screen.
 */
export function requireScreen(deps: CliDeps, needs: string, otherwise: string): void {
  if (!deps.isTTY) throw new InputError(`${needs} needs a terminal (stdin and stdout must be a TTY); ${otherwise}`);
  if (deps.env.TERM === 'dumb')
    throw new InputError(`${needs} needs a terminal that can move the cursor, and this one is TERM=dumb; ${otherwise}`);
}
