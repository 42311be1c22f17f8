/**
 * `inktris versus`: its refusals (one line, exit 2, before any screen), the
 * keys in its help, the bot's pace range kept equal to the bot's, the match
 * file it writes read back by the replay reader, and the line after it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PPS, MAX_BOT_PPS, MIN_BOT_PPS } from '../../src/bot/opponent.js';
import { matchLine } from '../../src/cli/actions/versus.js';
import { BOT_PPS } from '../../src/cli/commands/versus.js';
import { runCli } from '../../src/cli/main.js';
import { createMatchLog } from '../../src/cli/match-recording.js';
import { openArchive } from '../../src/cli/play-recording.js';
import { createMatch, matchInput, matchTick, runMatch, inputAction, type MatchState } from '../../src/core/index.js';
import { parseMatchReplay } from '../../src/core/replay-reader.js';
import { memoryDeps } from './memory-deps.js';

async function run(argv: string[]) {
  const deps = memoryDeps();
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

describe('inktris versus', () => {
  it.each([
    [[], 'versus needs --bot (against the autoplayer) or --local (two players on one keyboard)'],
    [['--bot', '--local'], '--bot and --local together: a match is against the bot or between two players, not both'],
    [['--bot', '--mode', 'sprint'], '--mode sprint: a versus match is played in marathon'],
    [['--local', '--mode', 'dig'], '--mode dig: a versus match is played in marathon'],
    [
      ['--bot', '--bot-pps', '11'],
      "option '--bot-pps <n>' argument '11' is invalid. bot pace must be a number of pieces a second from 0.5 to 10, not 11",
    ],
    [
      ['--bot', '--bot-pps', '0.4'],
      "option '--bot-pps <n>' argument '0.4' is invalid. bot pace must be a number of pieces a second from 0.5 to 10, not 0.4",
    ],
    [['--local', '--bot-pps', '2'], '--bot-pps needs --bot'],
    [
      ['--bot', '--rules', 'guideline', '--level', '0'],
      "option '--level <n>' argument '0' is invalid. level under the guideline rules must be from 1 to 20, not 0",
    ],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    expect(await run(['versus', ...argv])).toEqual({ code: 2, out: '', err: `inktris: ${message}; see 'inktris versus --help'\n` });
  });

  it('needs a terminal once its options are good', async () => {
    const result = await run(['versus', '--bot']);
    expect(result.code).toBe(2);
    expect(result.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.err).toContain('versus:');
  });

  it('lists both players’ keys in --help', async () => {
    const { code, out } = await run(['versus', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('player 1 (left)   a d move   s soft drop   space hard drop');
    expect(out).toContain('player 2 (right)  arrows move   down soft drop   enter hard drop');
    expect(out).toContain('--bot-pps <n>');
    expect(out).toContain('r rematch');
  });

  it("keeps the bot's pace range as the bot has it", () => {
    expect(BOT_PPS).toEqual({ min: MIN_BOT_PPS, max: MAX_BOT_PPS, default: DEFAULT_BOT_PPS });
  });
});

describe('the match recording', () => {
  it('writes a version 2 file with players into replays/, which replays to the match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inktris-match-'));
    try {
      const log = createMatchLog({ archive: await openArchive(dir), version: '9.9.9', now: () => new Date('2026-12-02T10:00:00Z') });
      const settings = { rules: 'guideline', startLevel: 1, mode: 'marathon', seed: 7, digLines: 10, queue: '' } as const;
      log.start(settings, ['YOU', 'BOT']);
      let m: MatchState = createMatch(settings);
      const press = (side: 0 | 1, input: 'left' | 'hardDrop') => {
        log.input(side, m.tick, input);
        m = matchInput(m, side, inputAction(input));
      };
      press(0, 'left');
      press(1, 'hardDrop');
      for (let i = 0; i < 5; i++) m = matchTick(m);
      press(0, 'hardDrop');
      await log.end(m);
      const [name] = readdirSync(join(dir, 'replays'));
      expect(name).toMatch(/^2026-12-02T10-00-00-000Z-seed7\.json$/);
      expect(log.last).toBe(join(dir, 'replays', name!));
      const parsed = parseMatchReplay(readFileSync(log.last!, 'utf8'), 'f');
      if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
      expect(parsed.replay.players.map((p) => p.name)).toEqual(['YOU', 'BOT']);
      expect(parsed.replay.players[0].inputs).toEqual([
        [0, 'left'],
        [5, 'hardDrop'],
      ]);
      expect(parsed.replay.settings).toEqual({ rules: 'guideline', startLevel: 1, mode: 'marathon' });
      const again = runMatch(
        parsed.replay.settings && { ...parsed.replay.settings, seed: 7 },
        [parsed.replay.players[0].inputs, parsed.replay.players[1].inputs],
        parsed.replay.endTick,
      );
      expect(again.players.map((p) => p.game.pieces)).toEqual(m.players.map((p) => p.game.pieces));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has every input on disk as it happens: what a kill -9 mid-match leaves replays to the match so far', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inktris-match-'));
    try {
      const log = createMatchLog({ archive: await openArchive(dir), version: '9', now: () => new Date('2026-12-02T10:00:00Z') });
      const settings = { rules: 'nes', startLevel: 5, mode: 'marathon', seed: 3, digLines: 10, queue: '' } as const;
      log.start(settings, ['P1', 'P2']);
      const [name] = readdirSync(join(dir, 'replays'));
      const path = join(dir, 'replays', name!);
      let m: MatchState = createMatch(settings);
      const inputs: [Array<[number, string]>, Array<[number, string]>] = [[], []];
      for (let i = 0; i < 40; i++) {
        const side = (i % 2) as 0 | 1;
        const input = i % 4 < 2 ? 'left' : 'hardDrop';
        log.input(side, m.tick, input);
        inputs[side].push([m.tick, input]);
        m = matchInput(m, side, inputAction(input));
        m = matchTick(m);
        // The match is still running: no end, no exit handler, as after a kill -9.
        const parsed = parseMatchReplay(readFileSync(path, 'utf8'), name!);
        if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
        expect(parsed.replay.players.map((p) => p.inputs)).toEqual(inputs);
      }
      await log.end(m);
      const parsed = parseMatchReplay(readFileSync(path, 'utf8'), name!);
      if (!parsed?.ok) throw new Error(JSON.stringify(parsed));
      // 40 ticks simulated, 0 to 39: the last is the end tick.
      expect(parsed.replay.endTick).toBe(39);
      const again = runMatch({ ...settings }, [parsed.replay.players[0].inputs, parsed.replay.players[1].inputs], parsed.replay.endTick);
      expect(again.players.map((p) => [p.game.pieces, p.game.score])).toEqual(m.players.map((p) => [p.game.pieces, p.game.score]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps no file for a match left before anyone pressed a key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inktris-match-'));
    try {
      const log = createMatchLog({ archive: await openArchive(dir), version: '9', now: () => new Date() });
      const settings = { rules: 'nes', startLevel: 0, mode: 'marathon', seed: 1, digLines: 10, queue: '' } as const;
      log.start(settings, ['P1', 'P2']);
      await log.end(createMatch(settings));
      expect(readdirSync(join(dir, 'replays'))).toEqual([]);
      expect(log.last).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says who won after the screen', () => {
    const over = { ...createMatch({ seed: 1 }), status: 'over', winner: 2 } as MatchState;
    expect(matchLine(over, ['YOU', 'BOT'], '/d/m.json')).toBe('BOT won (sent 0-0); watch it: inktris replay /d/m.json');
    expect(matchLine({ ...over, winner: null }, ['P1', 'P2'], null)).toBe('match drawn (sent 0-0)');
  });
});
