/**
 * What bare `inktris` does on a terminal: the front door (ui/drivers/app.ts),
 * a menu that starts games, shows the kept replays and the tables, and
 * changes the settings. This is the program's side of it: the files read
 * before the screen and handed in, the driver's requests answered (the
 * writes through the one safe writer), every game recorded as `play`
 * records it, and the screen shown again with a new look when Settings
 * changed it. Loaded by `play` with a dynamic import, as its own action.
 */
import type { Command } from 'commander';
import { afterScreen, lastWords } from '../session-end.js';
import { join } from 'node:path';
import { indexMatch } from '../../core/match-cursor.js';
import { indexReplay } from '../../core/replay-cursor.js';
import type { AppFiles, AppRequest, KeptReplay, ScoreSheet } from '../../ui/drivers/app-io.js';
import type { AppModel } from '../../ui/drivers/app.js';
import type { Loop } from '../../ui/drivers/loop.js';
import type { PlayOutcome } from '../../ui/terminal/run-screen.js';
import type { PlayOptions } from '../commands/play.js';
import { loadSettings, saveSettings } from '../config.js';
import type { CliDeps } from '../deps.js';
import { faultHooks } from '../fault-hooks.js';
import { loadScores, listReplays, replaysDir } from '../game-archive.js';
import { formatTable, shownTables, tableBests, tableTitle } from '../high-scores.js';
import { loadChoices, saveChoices } from '../menu-choices.js';
import { pathsFor } from '../paths.js';
import { createMatchLog } from '../match-recording.js';
import { createGameLog, openArchive } from '../play-recording.js';
import { loadReplayOrMatch } from '../replay-file.js';
import { bestPaces } from '../best-pace.js';
import { sessionSeed } from '../session-seeds.js';
import { holdSignals } from '../signals.js';

/** A kept replay's name as the Watch list shows it: `2026-12-02 07:05 UTC  seed 12`. */
export function replayLabel(name: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-\d\d-\d{3}Z-seed(\d+)\.json$/.exec(name);
  return match ? `${match[1]} ${match[2]}:${match[3]} UTC  seed ${match[4]}` : name;
}

/** The tables and the kept replays, read now. */
async function readFiles(dir: string, deps: CliDeps, warnings: string[]): Promise<AppFiles> {
  const table = await loadScores({ dir, now: deps.now, warn: (line) => warnings.push(line) });
  const scores: ScoreSheet[] = shownTables(table).map((key) => {
    // formatTable's own heading, and its blank line after the rows, are the screen's to draw.
    const lines = formatTable(table, [key]).split('\n').slice(1);
    while (lines.at(-1) === '') lines.pop();
    return { title: tableTitle(key), lines };
  });
  const replays: KeptReplay[] = (await listReplays(dir)).map((name) => ({ name, label: replayLabel(name) }));
  const bests = tableBests(table);
  const paces = await bestPaces({ dir, now: deps.now, warn: (line) => warnings.push(line) }, bests, deps);
  return { bests, scores, replays, paces };
}

/** The front door until the player quits. */
export async function frontDoorAction(options: PlayOptions, command: Command, deps: CliDeps): Promise<void> {
  deps.holdYoungGeneration();
  const paths = pathsFor(deps.env);
  const { lookFor, screenOnTerminal } = await import('../terminal-session.js');
  const warnings: string[] = [];
  const remembered = await loadChoices(paths.config);
  warnings.push(...remembered.warnings);
  const firstSeed = deps.randomSeed();
  const archive = await openArchive(paths.data);
  const log = createGameLog({ record: undefined, archive, version: deps.version, now: deps.now }, warnings);
  // Versus matches are kept beside the games (match-recording.ts), in no table.
  const matches = createMatchLog({ archive, version: deps.version, now: deps.now }, warnings);
  const files = await readFiles(paths.data, deps, warnings);
  // As the file says (NO_COLOR aside): what the Settings screen starts from and writes back.
  const { fileSettings } = await loadSettings(paths.config, deps.env);

  const { runScreen } = await import('../../ui/terminal/run-screen.js');
  const { APP, appModel } = await import('../../ui/drivers/app.js');
  const { effectsToHooks } = await import('../../ui/drivers/play.js');
  const { COUNTDOWN_TICKS } = await import('../../ui/drivers/countdown.js');
  const terminal = deps.terminal();
  let model: AppModel = appModel({
    choices: remembered.choices,
    settings: fileSettings,
    seedOf: (game) => sessionSeed(undefined, firstSeed, game),
    files,
    size: { columns: terminal.stdout.columns || 80, rows: terminal.stdout.rows || 24 },
    countdown: COUNTDOWN_TICKS,
  });
  /** The last game's end being recorded: the tables are read again after it. */
  let ended: Promise<unknown> = Promise.resolve();

  /** A request of the driver, answered on the loop; the promise is awaited before the screen settles. */
  const answer = (request: AppRequest, loop: Loop<AppModel>, again: (model: AppModel) => void): Promise<unknown> | undefined => {
    const failed = (what: string) => (error: unknown) => {
      loop.answer({ kind: 'failed', message: `${what}: ${error instanceof Error ? error.message : String(error)}` });
    };
    switch (request.kind) {
      case 'saveSettings':
        return saveSettings(paths.config, request.settings).catch(failed('settings not saved'));
      case 'saveChoices':
        return saveChoices(paths.config, request.choices).catch(() => {
          // The menu works without them: the next start is as new.
        });
      case 'loadReplay':
        return loadReplayOrMatch(join(replaysDir(paths.data), request.name), deps).then(
          (loaded) =>
            loop.answer(
              loaded.kind === 'match'
                ? { kind: 'matchReplay', name: request.name, index: indexMatch(loaded.replay) }
                : { kind: 'replay', name: request.name, index: indexReplay(loaded.replay) },
            ),
          failed('cannot watch it'),
        );
      case 'refresh':
        return ended
          .then(() => readFiles(paths.data, deps, warnings))
          .then((read) => loop.answer({ kind: 'files', files: read }), failed('cannot read the tables'));
      case 'relook':
        again(loop.model);
        return undefined;
      case 'watchLive':
        // Only a server has other players' games; its list is the only way here.
        loop.answer({ kind: 'liveEnded', id: request.id, message: 'no games are played live here' });
        return undefined;
      case 'unwatch':
        return undefined;
      case 'challenge':
      case 'nextFree':
      case 'cancelChallenge':
      case 'answerChallenge':
      case 'duelKey':
      case 'duelSmall':
      case 'duelLeave':
        // The lobby is a server's: bare inktris has no other players (and its menu no Lobby to ask from).
        return undefined;
      default: {
        const never: never = request;
        return never;
      }
    }
  };

  let outcome!: PlayOutcome;
  const release = holdSignals(deps.signals);
  try {
    for (;;) {
      // config.json's look, read again after Settings changed it.
      const look = await lookFor(options, command, deps);
      let next: AppModel | null = null;
      outcome = await runScreen({
        ...screenOnTerminal(deps, look),
        // The streams the first size was read from.
        terminal,
        faults: faultHooks(deps.env.INKTRIS_FAULT),
        driver: APP,
        model,
        onEffect: effectsToHooks<Loop<AppModel>>({
          onGameStart: (settings) => log.start(settings),
          onInput: (tick, input) => log.input(tick, input),
          onGameEnd: (state) => {
            const rank = log.end(state);
            ended = rank;
            return rank;
          },
          onMatchStart: (settings, names) => matches.start(settings, names),
          onMatchInput: (side, tick, input) => matches.input(side, tick, input),
          onMatchEnd: (state) => {
            const saved = matches.end(state);
            ended = saved;
            return saved;
          },
          onRequest: (request, loop) =>
            answer(request, loop, (m) => {
              next = m;
            }),
        }),
      });
      warnings.push(...look.warnings.filter((line) => !warnings.includes(line)));
      if (outcome.reason !== 'quit' || next === null) break;
      model = next;
    }
  } finally {
    release();
    afterScreen(deps, warnings, log);
    for (const text of matches.unsaved) deps.stdout.write(text);
  }
  lastWords(deps, log, outcome);
}
