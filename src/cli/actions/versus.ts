/**
 * What `inktris versus` does once its options are parsed: the TTY check,
 * config.json's look (and, against the bot, its keys and handling), the
 * match recording, then the match screen until the player quits; w at the
 * result watches the match just played. Loaded by the command when it runs.
 */
import type { Command } from 'commander';
import type { VersusOptions } from '../commands/versus.js';
import type { CliDeps } from '../deps.js';
import { warningLine } from '../errors.js';
import { faultHooks } from '../fault-hooks.js';
import { createMatchLog } from '../match-recording.js';
import { gameSettingsOf } from '../options.js';
import { pathsFor } from '../paths.js';
import { openArchive } from '../play-recording.js';
import { shellWord } from '../quit-line.js';
import { loadReplayOrMatch } from '../replay-file.js';
import { requireScreen } from '../require-screen.js';
import { sessionSeed } from '../session-seeds.js';
import { dieOf, holdSignals } from '../signals.js';
import type { MatchState } from '../../core/match.js';
import type { PlayOutcome } from '../../ui/terminal/run-screen.js';
import { DEFAULT_HANDLING } from '../../ui/input/handling.js';

/** The line after the screen: who won the last match, and how to see it again. */
export function matchLine(state: MatchState, names: readonly [string, string], file: string | null): string {
  const result =
    state.status !== 'over' ? 'match left before its end' : state.winner === null ? 'match drawn' : `${names[state.winner - 1]} won`;
  const sent = `sent ${state.players[0].sent}-${state.players[1].sent}`;
  return file ? `${result} (${sent}); watch it: inktris replay ${shellWord(file)}` : `${result} (${sent})`;
}

/** A match in the terminal until the player quits. */
export async function versusAction(options: VersusOptions, command: Command, deps: CliDeps): Promise<void> {
  requireScreen(deps, 'versus:', 'a match needs a terminal; `inktris replay FILE --json` prints a match file headless');
  deps.holdYoungGeneration();
  const paths = pathsFor(deps.env);
  const { lookFor, screenOnTerminal } = await import('../terminal-session.js');
  const look = await lookFor(options, command, deps);
  const warnings: string[] = [...look.warnings];
  const settings = { ...gameSettingsOf({ ...options, mode: 'marathon' }), queue: '' };
  const firstSeed = options.seed ?? deps.randomSeed();
  const seedOf = (match: number) => sessionSeed(options.seed, firstSeed, match);
  const archive = await openArchive(paths.data);
  const log = createMatchLog({ archive, version: deps.version, now: deps.now }, warnings);

  const { runScreen } = await import('../../ui/terminal/run-screen.js');
  const { VERSUS, versusModel, defaultNames, LOCAL_KEYMAP_P1, LOCAL_KEYMAP_P2 } = await import('../../ui/drivers/versus.js');
  const { effectsToHooks } = await import('../../ui/drivers/play.js');
  const { COUNTDOWN_TICKS } = await import('../../ui/drivers/countdown.js');
  const { BOT_PPS } = await import('../commands/versus.js');
  const opponent = options.local
    ? ({ kind: 'local', keymap: LOCAL_KEYMAP_P2 } as const)
    : ({ kind: 'bot', pps: options.botPps ?? BOT_PPS.default } as const);
  const names = defaultNames(opponent);
  let leave: 'menu' | 'watchLast' | null = null;
  let outcome!: PlayOutcome;
  const release = holdSignals(deps.signals);
  try {
    outcome = await runScreen({
      ...screenOnTerminal(deps, look),
      faults: faultHooks(deps.env.INKTRIS_FAULT),
      driver: VERSUS,
      model: versusModel({
        settings,
        seedOf,
        opponent,
        // Against the bot the player's own keys (config.json); two players get keys that do not clash.
        keymap: options.local ? LOCAL_KEYMAP_P1 : look.keymap,
        handling: { ...DEFAULT_HANDLING, das: look.config.das, arr: look.config.arr, softDrop: look.config.softDrop },
        countdown: COUNTDOWN_TICKS,
        names,
        watchLast: true,
      }),
      onEffect: effectsToHooks({
        onMatchStart: (full, players) => log.start(full, players),
        onMatchInput: (side, tick, input) => log.input(side, tick, input),
        onMatchEnd: (state) => log.end(state),
        onLeave: (to) => {
          leave = to;
        },
      }),
    });
  } finally {
    release();
    for (const line of warnings) deps.stderr.write(warningLine(line));
    for (const text of log.unsaved) deps.stdout.write(text);
  }
  if (leave === 'watchLast' && outcome.reason === 'quit' && log.last) {
    const loaded = await loadReplayOrMatch(log.last, deps);
    if (loaded.kind === 'match') {
      const { runOnTerminal } = await import('../terminal-session.js');
      const { indexMatch } = await import('../../core/match-cursor.js');
      const { MATCH_REPLAY, matchReplayModel } = await import('../../ui/drivers/match-replay.js');
      await runOnTerminal(deps, look, MATCH_REPLAY, matchReplayModel(indexMatch(loaded.replay)));
    }
  }
  if (log.result && !(outcome.reason === 'signal' && outcome.signal === 'SIGHUP')) {
    deps.stdout.write(`${matchLine(log.result, names, log.last)}\n`);
  }
  if (outcome.reason === 'signal') dieOf(deps.signals, outcome.signal);
}
