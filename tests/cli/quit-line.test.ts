/** The line `inktris play` prints when the player leaves: the last game's result, whether it counts, and how to watch it. */
import { describe, expect, it } from 'vitest';
import { advance, createGame, inputAction, step, type GameSettings, type GameState } from '../../src/core/index.js';
import type { EndedGame } from '../../src/cli/play-recording.js';
import { quitLine, shellWord } from '../../src/cli/quit-line.js';

/** A real game of `drops` hard drops, a second apart (or until it tops out). */
function played(drops: number, settings: Partial<GameSettings> = {}): GameState {
  let s = createGame({ seed: 1, ...settings });
  for (let i = 0; i < drops && s.status !== 'over'; i++) s = step(advance(s, 60), inputAction('hardDrop'));
  return s;
}

const ended = (state: GameState, fields: Partial<EndedGame> = {}): EndedGame => ({
  state,
  recordedIn: null,
  archived: true,
  rank: null,
  tabled: false,
  ...fields,
});

describe('the line after the game', () => {
  it('says a marathon left mid-game is not in the table, with its numbers and how to watch it', () => {
    const state = { ...played(3), score: 2448, lines: 31, level: 3, time: 134 * 60 };
    expect(quitLine(ended(state))).toBe(
      'inktris: marathon not finished: 2,448 points, 31 lines, level 3, 2:14 · not in the high-score table · watch it: inktris replay --last',
    );
  });

  it('gives a marathon that topped out its place in the table', () => {
    const state = played(200);
    expect(state.status).toBe('over');
    const line = quitLine(ended(state, { rank: 3, tabled: true }));
    expect(line).toMatch(
      new RegExp(
        `^inktris: marathon game over: ${state.score} points, ${state.lines} lines, level 0, \\d:\\d\\d · #3 in the high-score table · watch it: inktris replay --last$`,
      ),
    );
    expect(quitLine(ended(state, { rank: null, tabled: true }))).toContain(' · not in the top 10 · ');
    // The table failed (its own line on stderr says so): no word on the table here.
    expect(quitLine(ended(state, { rank: null, tabled: false }))).not.toMatch(/high-score table|top 10/);
  });

  it.each([
    [
      'a finished sprint',
      { mode: 'sprint', topOut: null, lines: 40 },
      'inktris: sprint finished: 1:23.45, 40 lines, 104 pieces · #1 in the high-score table',
    ],
    [
      'a sprint that topped out',
      { mode: 'sprint', topOut: 'lockOut', lines: 12 },
      'inktris: sprint game over: 1:23.45, 12 lines, 104 pieces · topped out before 40 lines: not in the high-score table',
    ],
    [
      'a practice marathon',
      { queue: 'OOOO', topOut: 'blockOut', lines: 12 },
      'inktris: marathon game over: 1,234 points, 12 lines, level 1, 1:23 · practice game (--queue): not in the high-score table',
    ],
    [
      'a marathon without a point',
      { topOut: 'blockOut', score: 0, lines: 0 },
      'inktris: marathon game over: 0 points, 0 lines, level 1, 1:23 · no points: not in the high-score table',
    ],
  ] as const)('words %s', (_name, fields, head) => {
    const { mode, queue, ...rest } = { mode: undefined, queue: undefined, score: 1234, ...fields };
    const base = played(2, { ...(mode ? { mode } : {}), ...(queue ? { queue } : {}) });
    const state: GameState = { ...base, status: 'over', active: null, level: 1, pieces: 104, time: 5007, ...rest };
    expect(quitLine(ended(state, { rank: 1, tabled: true }))).toBe(`${head} · watch it: inktris replay --last`);
  });

  it('counts one line and one piece in the singular', () => {
    const state: GameState = { ...played(1, { mode: 'sprint' }), lines: 1, pieces: 1, time: 62 };
    expect(quitLine(ended(state))).toMatch(/^inktris: sprint not finished: 0:01\.03, 1 line, 1 piece · /);
  });

  it('names the --record file of the game, and those of the earlier games of the session', () => {
    const state = played(2);
    expect(quitLine(ended(state, { recordedIn: 'game-3.json' }), ['game.json', 'game-2.json', 'game-3.json'])).toMatch(
      / · watch it: inktris replay --last · recorded in game-3\.json, the earlier games in game\.json, game-2\.json$/,
    );
    // Without the archive (a data folder that cannot be written), the file is the way to watch it.
    expect(quitLine(ended(state, { recordedIn: "my games/it's.json", archived: false }), ["my games/it's.json"])).toMatch(
      / · watch it: inktris replay 'my games\/it'\\''s\.json'$/,
    );
  });

  it('prints nothing for a game kept nowhere because nothing happened in it, unless --record holds it', () => {
    const idle = played(0);
    expect(quitLine(ended(idle, { archived: false }))).toBeNull();
    expect(quitLine(ended(idle, { archived: false, recordedIn: 'game.json' }), ['game.json'])).toBe(
      'inktris: marathon not finished: 0 points, 0 lines, level 0, 0:00 · not in the high-score table · watch it: inktris replay game.json',
    );
  });

  it('leaves out how to watch a game whose files failed (the line on stderr says where it went)', () => {
    expect(quitLine(ended(played(2), { archived: false }))).not.toContain('watch it');
  });

  it.each([
    ['game.json', 'game.json'],
    ['/tmp/a-b/c_d.json', '/tmp/a-b/c_d.json'],
    ['my game.json', "'my game.json'"],
    ["it's.json", "'it'\\''s.json'"],
    ['$HOME.json', "'$HOME.json'"],
  ])('quotes %s for the shell as %s', (path, word) => {
    expect(shellWord(path)).toBe(word);
  });
});
