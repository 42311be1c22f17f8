/**
 * What `inktris bot` does: the autoplayer plays headless, and the game is
 * printed (and recorded). Loaded by the command when it runs.
 */
import { botTurns, type TimedInput } from '../../bot/index.js';
import { serializeReplay } from '../../core/replay.js';
import { summarize } from '../../core/views.js';
import type { GameState } from '../../core/index.js';
import type { BotOptions } from '../commands/bot.js';
import type { CliDeps } from '../deps.js';
import { InputError } from '../errors.js';
import { formatSummary } from '../summary-json.js';

/** Play the bot's game, then write the replay (`--record`) and the summary. */
export async function botAction(options: BotOptions, deps: CliDeps): Promise<void> {
  deps.holdYoungGeneration();
  const seed = options.seed ?? deps.randomSeed();
  const settings = { startLevel: options.level, mode: options.mode };
  // Inputs are kept only when they are to be saved, so a long headless game runs in flat memory.
  const inputs: TimedInput[] = [];
  const turns = botTurns({ seed, pieces: options.pieces, pace: options.pace, ...settings });
  let final: GameState;
  for (;;) {
    const next = turns.next();
    if (next.done) {
      final = next.value;
      break;
    }
    if (options.record) for (const input of next.value.inputs) inputs.push(input);
  }
  const summary = summarize(final);
  if (options.record) {
    const text = serializeReplay({ seed, settings, inputs, endTick: summary.tick }, { program: `inktris ${deps.version}` });
    try {
      await deps.writeFile(options.record, text);
    } catch (error) {
      // A path refused for what it is (a FIFO, a read-only file) has its own line.
      if (error instanceof InputError) throw error;
      throw new InputError(`${options.record}: cannot write the replay (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (options.json) {
    deps.stdout.write(formatSummary(summary));
  } else {
    const end = summary.state === 'over' ? (summary.topOut ? `topped out (${summary.topOut})` : 'finished') : 'stopped';
    deps.stdout.write(
      `seed ${seed}: ${summary.pieces} pieces, ${summary.lines} lines (${(summary.lines / Math.max(1, summary.pieces)).toFixed(3)} per piece), score ${summary.score}, level ${summary.level}; ${end}\n`,
    );
  }
}
