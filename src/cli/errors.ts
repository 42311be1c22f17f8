/**
 * Errors the command line turns into exit codes (CLI.md): bad usage or bad
 * input is exit 2 with one line on stderr; anything else is exit 1.
 */
import { printable } from '../core/printable.js';
import type { Output } from './deps.js';

/** Bad usage or bad input: the message is the whole line the user sees. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes of the public contract. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

/**
 * Text as one printable line: control characters (a newline in a file
 * name, an escape sequence in a key of a hand-edited config file), C1
 * controls and bidirectional overrides become `?`, so that a message is
 * always the one line CLI.md promises and never acts on the terminal.
 * Every string from a file or an argument goes through it before it is
 * printed; the rules live in core/printable.ts, shared with the replay reader.
 */
export { printable } from '../core/printable.js';

/** A warning as the program prints it on stderr: `inktris: ` and the line, made printable (a file name or a key from a file may hold escape codes). */
export function warningLine(line: string): string {
  return `inktris: ${printable(line)}\n`;
}

/**
 * Report an error that ended a command and return its exit code: an
 * InputError is its one line (exit 2), anything else an internal error
 * (exit 1), never a stack trace.
 */
export function reportError(error: unknown, stderr: Output): number {
  if (error instanceof InputError) {
    stderr.write(`inktris: ${printable(error.message)}\n`);
    return EXIT.input;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`inktris: internal error: ${printable(message)}\n`);
  return EXIT.internal;
}
