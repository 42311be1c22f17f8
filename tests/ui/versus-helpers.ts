/**
 * The versus fixture (tests/fixtures/matches/versus.json: two bots, 748
 * ticks, player 1 sends 14 rows and wins) as matches at chosen ticks and as
 * the views a versus screen shows of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMatch, type MatchState } from '../../src/core/match.js';
import { parseMatchReplay, type MatchReplay } from '../../src/core/replay-reader.js';
import { matchSide } from '../../src/ui/drivers/match-sides.js';
import type { VersusView } from '../../src/ui/drivers/versus-view.js';
import { DEFAULT_KEYMAP } from '../../src/ui/input/keymap.js';

/** The fixture match file. */
export function versusFixture(): MatchReplay {
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'matches', 'versus.json'), 'utf8');
  const parsed = parseMatchReplay(text, 'versus.json');
  if (!parsed?.ok) throw new Error('the versus fixture does not read');
  return parsed.replay;
}

/** The fixture's match with ticks 0 to `tick` played (to its end without). */
export function fixtureMatch(tick?: number): MatchState {
  const replay = versusFixture();
  return runMatch({ seed: replay.seed, ...replay.settings }, [replay.players[0].inputs, replay.players[1].inputs], tick ?? replay.endTick);
}

/** The view of match `m` as the live screen against the bot shows it (player 1's keymap), with `extra` over it. */
export function versusViewOf(m: MatchState, extra: Partial<VersusView> = {}): VersusView {
  return {
    kind: 'versus',
    sides: [matchSide(m, 0, 'ANN'), matchSide(m, 1, 'BOT')],
    tick: m.tick,
    help: false,
    keymaps: [DEFAULT_KEYMAP],
    paused: m.status === 'paused',
    ...(m.status === 'over' ? { winner: m.winner } : {}),
    ...extra,
  };
}
