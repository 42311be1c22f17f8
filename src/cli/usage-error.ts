/**
 * Commander's error about an argument (unknown command or option, a value a
 * parser refused, a missing or extra argument), as the one line CLI.md
 * promises: `inktris: unknown option '--sed' (did you mean --seed?); see
 * 'inktris play --help'`. Commander writes its suggestion on a line of its
 * own and echoes the argument as typed, so an ESC, BEL or newline in it
 * would reach the terminal; every line goes through `printable()` instead.
 */
import { printable } from './errors.js';

// Commander's suggestSimilar: "\n(Did you mean --seed?)" or "\n(Did you mean one of --seed, --sed?)", always last.
const SUGGESTION = /\n\(Did you mean ([^\n]*)\?\)$/;

/**
 * The line to print for commander's error `text` (as given to
 * `outputError`: `error: ...` and a newline), pointing at the help of
 * `commandPath` (`inktris play`), where the right spelling is.
 */
export function usageLine(text: string, commandPath: string): string {
  let message = text.replace(/\n$/, '').replace(/^error: /, '');
  let suggestion = '';
  const match = SUGGESTION.exec(message);
  if (match) {
    suggestion = ` (did you mean ${printable(match[1]!)}?)`;
    message = message.slice(0, match.index);
  }
  // An argument commander echoes whole (10,001 letters of --queue) is cut to what the line needs to show.
  message = message.replace(/'([^']{61,})'/g, (_all, argument: string) => `'${argument.slice(0, 40)}...' (${argument.length} characters)`);
  // Commander ends some messages with a full stop ("... got 1: x."), which would stand before the semicolon.
  return `inktris: ${printable(message).replace(/\.$/, '')}${suggestion}; see '${commandPath} --help'\n`;
}
