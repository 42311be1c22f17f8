/**
 * A bot game recorded while it is played: the replay file's text made a
 * piece at a time, for the caller to write as it comes, so neither the
 * game's inputs nor the file's text is ever held whole (issue 15: 6 million
 * pieces ran out of memory; 250,000 wrote a file the reader refuses).
 *
 * The file never passes the reader's limit (limits.ts): when the next
 * piece's inputs would take it past `MAX_REPLAY_BYTES`, the game stops
 * after the piece before, and the file ends there, a valid replay of the
 * game so far. The text is exactly what `serializeReplay` writes for the
 * same inputs.
 */
import {
  MAX_REPLAY_BYTES,
  MAX_TAIL_BYTES,
  REPLAY_VERSION,
  replayEntry,
  replayHead,
  replaySettingsOf,
  replayTail,
  replayVersionFor,
  summarize,
  utf8Bytes,
  type GameState,
  type ReplayExtras,
} from '../core/index.js';
import { botTurns, closeLastTick, type PlayBotOptions } from './play.js';

/** A bot game being recorded. */
export interface BotRecording {
  /** The replay file's text in pieces, each made (and its part of the game played) when it is asked for. */
  readonly text: Iterable<string>;
  /** The game at its end, as `BotGame.state` describes: null until `text` has been read to its end. */
  readonly final: GameState | null;
  /** Whether the game was stopped early because the next piece's inputs would not have fit in the file. */
  readonly full: boolean;
}

/**
 * Record the bot's game for `options` into a replay file's text of at most
 * `maxBytes` bytes (UTF-8), `extras` in its head. Throws RangeError on bad
 * options, as `botTurns` does, once the text is read.
 */
export function recordBot(options: PlayBotOptions, extras: ReplayExtras = {}, maxBytes = MAX_REPLAY_BYTES): BotRecording {
  let final: GameState | null = null;
  let full = false;
  // A game version 1 holds is written as it always was; another names its rule set and dig lines (version 2).
  const plain = { startLevel: options.startLevel, mode: options.mode, queue: options.queue };
  const settings = replayVersionFor(options) === REPLAY_VERSION ? plain : replaySettingsOf(options);

  function* text(): Generator<string, void, void> {
    const head = replayHead({ seed: options.seed, settings }, extras);
    // The tail is written last, with an endTick not known yet: room is kept for the longest one.
    let bytes = utf8Bytes(head) + MAX_TAIL_BYTES;
    yield head;
    const turns = botTurns(options);
    let last: GameState | null = null;
    for (;;) {
      const next = turns.next();
      if (next.done) {
        final = next.value;
        break;
      }
      let entries = '';
      for (const input of next.value.inputs) entries += replayEntry(input, last === null && entries === '');
      const size = utf8Bytes(entries);
      if (bytes + size > maxBytes) {
        if (last === null) throw new RangeError(`a replay of at most ${maxBytes} bytes cannot hold one piece`);
        // The piece that does not fit is not played: the game ends as the file does.
        full = true;
        final = closeLastTick(last);
        break;
      }
      bytes += size;
      last = next.value.state;
      yield entries;
    }
    yield replayTail(summarize(final).tick);
  }

  return {
    text: text(),
    get final() {
      return final;
    },
    get full() {
      return full;
    },
  };
}
