import { describe, expect, it } from 'vitest';
import { parseJsonKeepingNumbers } from '../../src/core/json-numbers.js';

describe('parseJsonKeepingNumbers', () => {
  it.each([
    ['1e309', Infinity],
    ['-1e309', -Infinity],
    ['9007199254740993', 9007199254740992],
    ['1.0', 1],
    ['1E2', 100],
  ])('keeps the text of %s, which JSON.parse reads as %d', (text, value) => {
    const { value: parsed, numberText } = parseJsonKeepingNumbers(`{"a": [${text}]}`);
    const list = (parsed as { a: number[] }).a;
    expect(list[0]).toBe(value);
    expect(numberText(list, '0')).toBe(text);
  });

  it('knows no text for numbers that read as written, nor for other values', () => {
    const { value, numberText } = parseJsonKeepingNumbers('{"a": 12, "b": "1e309", "c": -3}');
    expect(value).toEqual({ a: 12, b: '1e309', c: -3 });
    for (const key of ['a', 'b', 'c']) expect(numberText(value as object, key)).toBeUndefined();
  });

  it('throws what JSON.parse throws on text that is not JSON', () => {
    expect(() => parseJsonKeepingNumbers('{"a": 1,')).toThrow(SyntaxError);
  });
});
