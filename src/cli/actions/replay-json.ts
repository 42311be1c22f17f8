/**
 * What `inktris replay FILE --json` does: print the summary of a recorded
 * game, or of a versus match, headless. A module of its own: the lean
 * bundle (lean-replay-json.ts) runs it for the plain `replay FILE --json`,
 * without commander or any other command, and the replay action runs it
 * for every other spelling, so that both print the same.
 */
import { runPackedReplay } from '../../core/replay-cursor.js';
import { summarize } from '../../core/views.js';
import type { CliDeps } from '../deps.js';
import { QUICK_FOLD_BYTES } from '../heap.js';
import { loadReplayOrMatch } from '../replay-file.js';
import { formatSummary } from '../summary-json.js';

/** Print the summary of the game (or match) in `file`, or throw the InputError that refuses it. */
export async function replayJson(file: string, deps: CliDeps): Promise<void> {
  // Decided before reading: the reading, too, is done sooner without TurboFan (heap.ts).
  const loaded = await loadReplayOrMatch(file, deps, (bytes) => {
    if (bytes <= QUICK_FOLD_BYTES) deps.skipOptimizingCompiler();
  });
  if (loaded.kind === 'match') {
    // Loaded only for a match: a game's summary parses none of the versus fold.
    const { runMatch, summarizeMatch } = await import('../../core/match.js');
    const { replay } = loaded;
    const settings = { seed: replay.seed, ...replay.settings };
    const match = runMatch(settings, [replay.players[0].inputs, replay.players[1].inputs], replay.endTick);
    deps.stdout.write(formatSummary(summarizeMatch(match)));
    return;
  }
  deps.stdout.write(formatSummary(summarize(runPackedReplay(loaded.replay))));
}
