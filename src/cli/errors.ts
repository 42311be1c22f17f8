/**
 * Errors the command line turns into exit codes (CLI.md): bad usage or bad
 * input is exit 2 with one line on stderr; anything else is exit 1.
 */

/** Bad usage or bad input: the message is the whole line the user sees. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes of the public contract. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;
