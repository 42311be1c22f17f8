/**
 * JSON read with the text of its numbers kept: `JSON.parse` turns `1e309`
 * into Infinity and `9007199254740993` into 9007199254740992, and a message
 * that quotes the value would then name a number the file does not hold.
 * Uses the reviver's source text (TC39 "JSON.parse source text access",
 * V8 11.4, Node 21 and later).
 */

/** The text a number of the parsed value had in the file: the object or list holding it, and its key (a list's index as a string). */
export type NumberText = (holder: object, key: string) => string | undefined;

/** The reviver's third argument where the engine gives it: the source text of a primitive value. */
interface ReviverContext {
  readonly source?: string;
}

/** `JSON.parse(text)` and the text of every number in it whose value reads differently (throws what JSON.parse throws). */
export function parseJsonKeepingNumbers(text: string): { value: unknown; numberText: NumberText } {
  const sources = new WeakMap<object, Map<string, string>>();
  const value: unknown = JSON.parse(text, function (this: object, key: string, found: unknown, context?: ReviverContext) {
    // Only numbers whose value reads back as other text: the rest say what the file says already.
    if (typeof found === 'number' && context?.source !== undefined && context.source !== String(found)) {
      let keys = sources.get(this);
      if (!keys) {
        keys = new Map();
        sources.set(this, keys);
      }
      keys.set(key, context.source);
    }
    return found;
  });
  return { value, numberText: (holder, key) => sources.get(holder)?.get(key) };
}
