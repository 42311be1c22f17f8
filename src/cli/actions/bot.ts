/**
 * What `inktris bot` does: the autoplayer plays headless, and the game is
 * printed (and recorded). Loaded by the command when it runs.
 */
import { botTurns, recordBot } from '../../bot/index.js';
import { MAX_REPLAY_PIECES, MAX_REPLAY_SIZE } from '../../core/limits.js';
import { summarize } from '../../core/views.js';
import type { GameState } from '../../core/index.js';
import type { BotOptions } from '../commands/bot.js';
import type { CliDeps } from '../deps.js';
import { InputError, printable } from '../errors.js';
import { gameSettingsOf } from '../options.js';
import { formatSummary } from '../summary-json.js';

/** The bot's game played to its end with nothing kept: a long headless game runs in flat memory. */
function playOut(turns: Generator<unknown, GameState, void>): GameState {
  for (;;) {
    const next = turns.next();
    if (next.done) return next.value;
  }
}

/**
 * The bot's game played while its replay is written to `path`, a piece at
 * a time (`recordBot`), ending early where the file is full.
 */
async function playRecorded(path: string, game: Parameters<typeof recordBot>[0], deps: CliDeps): Promise<GameState> {
  const recording = recordBot(game, { program: `inktris ${deps.version}` });
  try {
    await deps.writeFile(path, recording.text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // Not a write that failed: an error of the game itself, left to be an internal one.
    if (typeof code !== 'string') throw error;
    throw new InputError(`${printable(path)}: cannot write the replay (${code})`);
  }
  if (recording.full) {
    deps.stderr.write(`inktris: ${path}: the replay is full (a replay may have at most ${MAX_REPLAY_SIZE}); the game stopped there\n`);
  }
  return recording.final!;
}

/** Play the bot's game, writing the replay (`--record`) as it goes, then print the summary. */
export async function botAction(options: BotOptions, deps: CliDeps): Promise<void> {
  deps.holdYoungGeneration();
  if (options.record && options.pieces > MAX_REPLAY_PIECES) {
    throw new InputError(
      `bot: --pieces ${options.pieces} cannot be recorded: a replay holds at most ${MAX_REPLAY_PIECES} pieces (${MAX_REPLAY_SIZE})`,
    );
  }
  const seed = options.seed ?? deps.randomSeed();
  const game = { seed, pieces: options.pieces, pace: options.pace, ...gameSettingsOf(options) };
  const final = options.record ? await playRecorded(options.record, game, deps) : playOut(botTurns(game));
  const summary = summarize(final);
  if (options.json) {
    deps.stdout.write(formatSummary(summary));
  } else {
    const end = summary.state === 'over' ? (summary.topOut ? `topped out (${summary.topOut})` : 'finished') : 'stopped';
    deps.stdout.write(
      `seed ${seed}: ${summary.pieces} pieces, ${summary.lines} lines (${(summary.lines / Math.max(1, summary.pieces)).toFixed(3)} per piece), score ${summary.score}, level ${summary.level}; ${end}\n`,
    );
  }
}
