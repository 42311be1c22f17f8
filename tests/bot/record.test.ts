/**
 * Recording a bot game while it plays: the same file `serializeReplay`
 * writes, made a piece at a time, and never past the byte limit: a game
 * that would pass it stops at the last whole piece that fits, and the file
 * reads back to that game.
 */
import { describe, expect, it } from 'vitest';
import { playBot, recordBot, type PlayBotOptions } from '../../src/bot/index.js';
import { MAX_TAIL_BYTES, parseReplay, runReplay, serializeReplay, summarize, utf8Bytes } from '../../src/core/index.js';

const textOf = (pieces: Iterable<string>): string => [...pieces].join('');

describe('recordBot', () => {
  it.each<[string, PlayBotOptions]>([
    ['a paced game stopped by its piece count', { seed: 11, pieces: 60, pace: 30, startLevel: 0, mode: 'marathon' }],
    ['a game of pace 0, all in tick 0', { seed: 3, pieces: 40 }],
    ['a sprint that ends by itself', { seed: 3, pieces: 1000, mode: 'sprint', startLevel: 5 }],
  ])('writes what serializeReplay writes for the same game: %s', (_name, options) => {
    const recording = recordBot(options, { program: 'inktris 0.1.0' });
    const text = textOf(recording.text);
    const played = playBot(options);
    const settings = { startLevel: options.startLevel, mode: options.mode };
    expect(text).toBe(
      serializeReplay(
        { seed: options.seed, settings, inputs: played.inputs, endTick: summarize(played.state).tick },
        { program: 'inktris 0.1.0' },
      ),
    );
    expect(recording.final).toEqual(played.state);
    expect(recording.full).toBe(false);
  });

  it('makes the file a piece at a time: each piece after the head holds one piece of inputs', () => {
    const pieces = [...recordBot({ seed: 5, pieces: 12, pace: 10 }).text];
    // The head, one piece of text per piece played, the tail.
    expect(pieces).toHaveLength(1 + 12 + 1);
    for (const piece of pieces.slice(1, -1)) expect(piece.match(/"hardDrop"/g)).toHaveLength(1);
  });

  it.each([2_000, 5_000, 20_000])('stops at the last whole piece that fits in %i bytes, and the file replays to that game', (maxBytes) => {
    const options = { seed: 9, pieces: 10_000, pace: 20 };
    const recording = recordBot(options, {}, maxBytes);
    const text = textOf(recording.text);
    expect(recording.full).toBe(true);
    expect(utf8Bytes(text)).toBeLessThanOrEqual(maxBytes);
    const final = recording.final!;
    expect(final.pieces).toBeGreaterThan(0);
    expect(final.pieces).toBeLessThan(options.pieces);
    // The bot's own game cut at the same piece is what was recorded.
    expect(final).toEqual(playBot({ ...options, pieces: final.pieces }).state);
    // Room is kept for the longest tail; with it, one more piece would not have fit.
    const body = (file: string) => utf8Bytes(file.slice(0, file.lastIndexOf('\n  ]')));
    expect(body(text) + MAX_TAIL_BYTES).toBeLessThanOrEqual(maxBytes);
    expect(body(textOf(recordBot({ ...options, pieces: final.pieces + 1 }).text)) + MAX_TAIL_BYTES).toBeGreaterThan(maxBytes);
    const parsed = parseReplay(text, 'bot.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(summarize(runReplay(parsed.replay))).toEqual(summarize(final));
  });
});
