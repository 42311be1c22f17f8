/**
 * Fewer bytes per frame for the same picture. Ink's incremental renderer
 * steps over every unchanged line with its own "cursor next line" (`ESC[E`,
 * 3 bytes): on a 24-row screen that is most of what a falling piece costs.
 * Runs of them are the same as one counted move (`ESC[nE`), and an upward
 * move followed by one is the same as a single "cursor previous line"
 * (`ESC[nF`), since the column is set again right after. When it redraws
 * the end of a line it also replays every colour switched on and off before
 * that point (`ESC[35mESC[39m`): a pair that turns an attribute on and at
 * once off again draws nothing, since Ink ends every styled run with its
 * reset. This module makes those substitutions on the way to the terminal
 * and changes nothing else.
 */

const NEXT_LINES = /(?:\u001B\[(\d*)A)?((?:\u001B\[E)+)/g;

/** An attribute switched on and at once off again: foreground, background, bold/dim. */
const EMPTY_STYLE =
  /\u001B\[(?:3[0-7]|9[0-7]|38;[\d;]+)m\u001B\[39m|\u001B\[(?:4[0-7]|10[0-7]|48;[\d;]+)m\u001B\[49m|\u001B\[[12]m\u001B\[22m/g;

/** The same terminal output without style pairs that draw nothing (nested ones too). */
export function dropEmptyStyles(text: string): string {
  let out = text;
  for (;;) {
    const next = out.replace(EMPTY_STYLE, '');
    if (next === out) return out;
    out = next;
  }
}

/** The same picture in fewer bytes: cursor moves merged, empty style pairs dropped. */
export function compactOutput(text: string): string {
  return compactCursorMoves(text.includes('\u001B[') ? dropEmptyStyles(text) : text);
}

/** The same terminal output with runs of cursor moves written shorter. */
export function compactCursorMoves(text: string): string {
  if (!text.includes('\u001B[E\u001B[E') && !/\u001B\[\d*A\u001B\[E/.test(text)) return text;
  return text.replace(NEXT_LINES, (match: string, up: string | undefined, downs: string) => {
    const down = downs.length / 3;
    const hasUp = match.length > downs.length;
    if (!hasUp) return down === 1 ? downs : `\u001B[${down}E`;
    // A count of 0 or none means 1 (ECMA-48).
    const upLines = Number(up) || 1;
    const net = upLines - down;
    // CPL/CNL with a count of 0 would move one line; column 1 of this line is CHA 1.
    if (net === 0) return '\u001B[G';
    return net > 0 ? `\u001B[${net}F` : `\u001B[${-net}E`;
  });
}

/**
 * A view of a terminal stream whose `write` sends `compactOutput`; everything
 * else (size, `isTTY`, resize events) is the stream itself.
 */
export function compactStream<T extends NodeJS.WriteStream>(stream: T): T {
  return withWrite(stream, (chunk, ...rest) =>
    (stream.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? compactOutput(chunk) : chunk, ...rest),
  );
}

/**
 * A view of `stream` whose `write` is `write`; everything else is the
 * stream itself, its methods bound to it.
 */
export function withWrite<T extends NodeJS.WriteStream>(stream: T, write: (chunk: unknown, ...rest: unknown[]) => boolean): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods run on the real stream, whatever `this` the caller uses.
      let method = bound.get(property);
      if (method === undefined) {
        method = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(property, method);
      }
      return method;
    },
  });
}
