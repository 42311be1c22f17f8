/**
 * How Ink writes to the terminal, as far as inktris counts on it: the only
 * module that knows. The field painter draws between Ink's frames and the
 * keyboard protocol is read off Ink's writes, so both rest on these facts,
 * and tests/ui/terminal/ink-protocol.test.ts holds real Ink (as patched in
 * patches/) to every one of them:
 * - Every frame is one synchronized update: its first write starts with
 *   {@link BEGIN_FRAME}, its last ends with {@link END_FRAME}, and frames do
 *   not nest. Nothing Ink draws while the app runs is outside a frame, save
 *   the erase of the screen when the terminal is resized (or handed back).
 * - What Ink writes between frames that draws nothing (the cursor hidden
 *   or shown, the alternate screen, the keyboard protocol) matches
 *   {@link MODES_ONLY}; the erase does not.
 * - Ink never saves or restores the cursor, so {@link SAVE_CURSOR} and
 *   {@link RESTORE_CURSOR} around cells drawn between its frames leave its
 *   own cursor bookkeeping as it was.
 * - The kitty keyboard protocol: Ink asks ({@link KITTY_QUERY}); once the
 *   terminal answers it pushes its flags, pops them when it gives the
 *   terminal up (a suspend, the end) and pushes them again on resume, all
 *   in the sequences {@link KITTY_STACK_SEQUENCE} reads.
 * - Effect order: Ink writes a commit's frame before React runs the
 *   commit's layout effects; a commit within 1/maxFps of Ink's last frame is
 *   queued instead, and its frame comes after the effects.
 */

/** Begin a synchronized update (DEC mode 2026): Ink starts every frame with it. */
export const BEGIN_FRAME = '\u001B[?2026h';
/** End a synchronized update: Ink ends every frame with it. */
export const END_FRAME = '\u001B[?2026l';

/** Save the cursor (DECSC); Ink never writes it, so cells drawn between it and a restore are invisible to Ink. */
export const SAVE_CURSOR = '\u001B7';
/** Restore the cursor saved by {@link SAVE_CURSOR} (DECRC); Ink never writes it either. */
export const RESTORE_CURSOR = '\u001B8';

/** Leave the alternate screen: Ink writes it as it exits (and as it hands the terminal over for Ctrl-Z); what is drawn after it lands on the shell's screen. */
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** Escape codes that set or query modes and draw nothing (`ESC[?25l`, `ESC[>11u`, `ESC[?u`...). */
export const MODES_ONLY = /^(?:\u001B\[[?>=<][\d;]*[A-Za-z])*$/;

/** The kitty keyboard protocol query Ink writes before it pushes any flags. */
export const KITTY_QUERY = '\u001B[?u';

/**
 * Kitty's "progressive enhancement" stack sequences: `CSI > flags u` pushes
 * flags, `CSI < n u` pops n entries, `CSI = flags ; mode u` changes the top
 * one (the query {@link KITTY_QUERY} is none of them). Groups: the operator,
 * the first number, the second.
 * @see https://sw.kovidgoyal.net/kitty/keyboard-protocol/#progressive-enhancement
 */
export const KITTY_STACK_SEQUENCE = /\u001B\[([<=>])(\d*)(?:;(\d*))?u/g;

/** Kitty flag 2, "report event types": keys come as press, repeat and release. */
export const KITTY_REPORT_EVENT_TYPES = 2;
