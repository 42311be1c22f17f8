/**
 * A faster `string-width` for Ink, with the same answers. Ink measures the
 * width of every text on the screen on every frame (to lay it out, to place
 * it, and to find where a changed line starts), and `string-width` runs
 * Unicode segmentation and several Unicode-property regular expressions on
 * any text that is not plain ASCII, such as the board's rows. The bundle
 * (scripts/bundle-options.mjs) hands Ink `fastWidth(stringWidth)` instead.
 */

/** `string-width`'s signature. */
export type MeasureWidth = (text: string, options?: object) => number;

/** Texts remembered before the memory starts over. */
const DEFAULT_LIMIT = 4096;

/**
 * Colour and style codes (SGR) in the forms chalk writes; `string-width`
 * strips them before measuring. A code outside these forms is left in
 * place, and then the text goes the slow way.
 */
const SGR = /\u001B\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/**
 * Whether every UTF-16 unit is printable ASCII or a box-drawing or
 * block-element character (U+2500 to U+259F). Each of those is one cell:
 * none is wide, combining or an emoji, and the ambiguous ones count as
 * narrow, as `string-width` counts them by default.
 */
function narrowOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0x2500 && c <= 0x259f)) continue;
    return false;
  }
  return true;
}

/**
 * `measure` (string-width) with two shortcuts that keep its answers. Text
 * of printable ASCII and box-drawing or block characters, with or without
 * colour codes, is as wide as it has characters. Any other text measured
 * with the default options is measured once and remembered, up to `limit`
 * texts, after which the memory starts over. Calls with options go
 * straight to `measure`.
 */
export function fastWidth(measure: MeasureWidth, limit = DEFAULT_LIMIT): MeasureWidth {
  let known = new Map<string, number>();
  return (text, options) => {
    if (options !== undefined || typeof text !== 'string') return measure(text, options);
    const visible = text.includes('\u001B') ? text.replace(SGR, '') : text;
    if (narrowOnly(visible)) return visible.length;
    let width = known.get(text);
    if (width === undefined) {
      width = measure(text);
      if (known.size >= limit) known = new Map();
      known.set(text, width);
    }
    return width;
  };
}
