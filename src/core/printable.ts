/**
 * Text from files and arguments made safe to print on a terminal: one line
 * that can neither move the cursor, set a title, clear the screen, nor
 * reorder what the reader sees. Pure, so the replay reader's messages and
 * the command line's share it.
 */

/**
 * What a terminal would act on instead of showing, each replaced by `?`:
 * - C0 controls U+0000-U+001F and DEL U+007F: ESC starts every escape sequence
 *   (`ESC ] 2 ; title BEL` sets the title, `ESC [ 2 J` clears the screen), and a
 *   newline or carriage return breaks the one-line message CLI.md promises.
 * - C1 controls U+0080-U+009F: U+009B is CSI and U+009D is OSC on terminals that
 *   take 8-bit controls, the same sequences without the ESC.
 * - The bidirectional embeddings, overrides and isolates U+202A-U+202E and
 *   U+2066-U+2069 and the marks U+200E, U+200F and U+061C (the "Trojan Source"
 *   set, CVE-2021-42574): they make a line read in another order than it is written.
 * - The line and paragraph separators U+2028 and U+2029: some terminals and
 *   viewers break the line there.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `text` as one printable line: every character a terminal would act on (see {@link UNPRINTABLE}) becomes `?`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}
