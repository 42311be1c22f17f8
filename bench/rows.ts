/**
 * The figures `npm run bench` measures (issue 5), as data: one entry per row
 * of the table, in the order. The rows that run the real program
 * (process start, the terminal, one frame) are in program-rows.ts.
 */
import { playBot, type BotGame } from '../src/bot/index.js';
import { createGame, inputAction, step, summarize, TICK, type GameState, type RuleSet } from '../src/core/index.js';
import { packReplay, replayEndTick, type Replay } from '../src/core/replay.js';
import { runPackedReplaySteps, runReplay } from '../src/core/replay-cursor.js';
import { median, timed, type BenchContext, type BenchRow } from './harness.js';
import { SERVE_ROWS } from './serve-load.js';
import {
  FALL_BYTES_PER_SECOND_ROW,
  FALL_CPU_ROW,
  FALL_ROW_BYTES_ROW,
  WATCH_FALL_ROW_BYTES_ROW,
  FIRST_FRAME_ROW,
  LATENCY_P50_ROW,
  LATENCY_P99_ROW,
  PAUSED_CPU_ROW,
  PLAY_PEAK_RSS_ROW,
  RENDER_ROW,
  REPLAY_ROW,
  VERSION_ROW,
  VERSUS_FALL_BYTES_PER_SECOND_ROW,
  VERSUS_FALL_CPU_ROW,
  VERSUS_LATENCY_P99_ROW,
} from './program-rows.js';

const MB = 1024 * 1024;

/** The recorded game the core row replays: 10,000 bot pieces at pace 60. */
const REPLAY_GAME = { seed: 1, pieces: 10_000, pace: 60 } as const;
/** The game the bot row plays: pace 0, so only the bot and the core's input steps are timed. */
const SPEED_GAME = { seed: 2, pieces: 2_000, pace: 0 } as const;
/** Headless bot games the memory rows compare (with `--quick`, a long game of 10,000 pieces). */
const SHORT_GAME = 1_000;
const LONG_GAME = 100_000;
const longGame = (ctx: BenchContext) => (ctx.quick ? 10_000 : LONG_GAME);

/** The same fold, one tick at a time with no `advance`: for comparison in the details only. */
function foldEveryTick(replay: Replay): GameState {
  const end = replayEndTick(replay);
  let s = createGame({ seed: replay.seed, ...replay.settings });
  let i = 0;
  for (let t = 0; t <= end && s.status !== 'over'; t++) {
    while (i < replay.inputs.length && replay.inputs[i]![0] === t) s = step(s, inputAction(replay.inputs[i++]![1]));
    if (s.status !== 'over') s = step(s, TICK);
  }
  return s;
}

interface RssSample {
  readonly pieces: number;
  readonly topOut: string | null;
  readonly rss: number;
  readonly maxRss: number;
  readonly retainedHeap: number;
  /** Milliseconds the game took. */
  readonly ms: number;
}

interface RssRounds {
  readonly short: RssSample[];
  readonly long: RssSample[];
  /** The same games with V8's default young generation, which grows (the program holds it: src/cli/heap.ts). */
  readonly shortDefault: RssSample[];
  readonly longDefault: RssSample[];
  readonly bare: number[];
}

/**
 * V8 grows its young generation (up to 16 MB per semi-space) during a long
 * run that allocates steadily, whether or not anything leaks; the program
 * holds it at its starting size (src/cli/heap.ts), and so does the child by
 * default. This argument leaves V8's default, measured beside, for the details.
 */
const V8_DEFAULT = ['--v8-default'];

/** Child processes for the memory rows, run side by side per round: bare Node, then 1,000 and 100,000 pieces. */
function rssRounds(ctx: BenchContext): Promise<RssRounds> {
  return ctx.memo('rss', () => {
    const rounds = ctx.quick ? 1 : Math.max(3, Math.ceil(ctx.runs / 2));
    const out: RssRounds = { short: [], long: [], shortDefault: [], longDefault: [], bare: [] };
    const game = (pieces: number, args: readonly string[] = []) =>
      ctx.child<RssSample>('bot-rss', ['--pieces', String(pieces), ...args], ['--expose-gc']);
    for (let i = 0; i < rounds; i++) {
      ctx.note(`memory round ${i + 1}/${rounds}`);
      out.bare.push(ctx.bareNode<number>('process.stdout.write(String(process.resourceUsage().maxRSS * 1024))'));
      out.short.push(game(SHORT_GAME));
      out.long.push(game(longGame(ctx)));
      out.shortDefault.push(game(SHORT_GAME, V8_DEFAULT));
      out.longDefault.push(game(longGame(ctx), V8_DEFAULT));
    }
    for (const sample of [...out.short, ...out.long, ...out.shortDefault, ...out.longDefault]) {
      if (sample.topOut) throw new Error(`the headless bot topped out after ${sample.pieces} pieces`);
    }
    return out;
  });
}

/** Pieces per second of the games, the median. */
const speed = (samples: readonly RssSample[]) => Math.round(median(samples.map((s) => s.pieces / (s.ms / 1000))));

/** Per-round growth of peak RSS from the short game to the long one, in percent. */
function growth(short: readonly RssSample[], long: readonly RssSample[]): number[] {
  return long.map((l, i) => (100 * (l.maxRss - short[i]!.maxRss)) / short[i]!.maxRss);
}

const mb = (samples: readonly RssSample[], key: 'maxRss' | 'retainedHeap') =>
  Math.round((10 * median(samples.map((s) => s[key]))) / MB) / 10;

/** The core row of a rule set: the bot's 10,000-piece game at pace 60 replayed, inputs via step, the ticks between via advance. */
function coreRow(id: string, figure: string, target: number, rules: RuleSet): BenchRow {
  const settings = rules === 'nes' ? {} : { rules };
  return {
    id,
    figure,
    unit: 'ticks/s',
    target: { op: '>=', value: target },
    async measure(ctx) {
      const game = await ctx.memo<BotGame>(rules === 'nes' ? 'replay-game' : `replay-game-${rules}`, () =>
        playBot({ ...REPLAY_GAME, ...settings }),
      );
      const replay: Replay = { seed: REPLAY_GAME.seed, settings, inputs: game.inputs };
      // The replay must be the game, or the figure means nothing.
      if (JSON.stringify(summarize(runReplay(replay))) !== JSON.stringify(summarize(game.state))) {
        throw new Error('the recorded bot game does not replay to the same summary');
      }
      const packed = packReplay(replay);
      const ticks = replayEndTick(replay) + 1;
      // The core itself: the fold of step and advance, not the quick fold a marathon's headless run takes.
      runPackedReplaySteps(packed); // warm-up
      const runs: number[] = [];
      // A replay takes a tenth of a second: many runs are cheap and steady the median.
      for (let i = 0; i < (ctx.quick ? 3 : Math.max(15, 3 * ctx.runs)); i++)
        runs.push(ticks / (timed(() => runPackedReplaySteps(packed)).ms / 1000));
      const quickRuns: number[] = [];
      for (let i = 0; i < (ctx.quick ? 3 : 15); i++) quickRuns.push(ticks / (timed(() => runReplay(replay)).ms / 1000));
      const perTick: number[] = [];
      for (let i = 0; i < (ctx.quick ? 1 : 3); i++) perTick.push(ticks / (timed(() => foldEveryTick(replay)).ms / 1000));
      return {
        value: median(runs),
        runs,
        detail: {
          fold: 'runPackedReplaySteps (src/core/replay-cursor.ts): inputs via step, the ticks between them via advance',
          quickFoldTicksPerSecond: Math.round(median(quickRuns)),
          rules,
          pieces: game.state.pieces,
          lines: game.state.lines,
          level: game.state.level,
          ticks,
          inputs: game.inputs.length,
          everyTickFoldTicksPerSecond: Math.round(median(perTick)),
        },
      };
    },
  };
}

export const ROWS: readonly BenchRow[] = [
  coreRow('core-ticks-per-second', 'core: ticks per second replaying a 10,000-piece bot game at --pace 60', 5_000_000, 'nes'),
  coreRow(
    'core-guideline-ticks-per-second',
    'core: ticks per second replaying a 10,000-piece bot game at --pace 60, guideline rules',
    20_000_000,
    'guideline',
  ),
  {
    id: 'bot-pieces-per-second',
    figure: 'bot: pieces decided per second',
    unit: 'pieces/s',
    target: { op: '>=', value: 2_000 },
    async measure(ctx) {
      playBot({ ...SPEED_GAME, pieces: 200 }); // warm-up
      const runs: number[] = [];
      let game: BotGame | null = null;
      for (let i = 0; i < ctx.runs; i++) {
        const run = timed(() => playBot(SPEED_GAME));
        game = run.result;
        runs.push(game.state.pieces / (run.ms / 1000));
      }
      return {
        value: median(runs),
        runs,
        detail: {
          how: 'playBot at pace 0: each piece decided (search, El-Tetris scores, a check through the core) and played through the core',
          pieces: SPEED_GAME.pieces,
          lines: game?.state.lines,
        },
      };
    },
  },
  VERSION_ROW,
  REPLAY_ROW,
  FIRST_FRAME_ROW,
  RENDER_ROW,
  FALL_ROW_BYTES_ROW,
  WATCH_FALL_ROW_BYTES_ROW,
  FALL_BYTES_PER_SECOND_ROW,
  FALL_CPU_ROW,
  PAUSED_CPU_ROW,
  LATENCY_P50_ROW,
  LATENCY_P99_ROW,
  PLAY_PEAK_RSS_ROW,
  {
    id: 'bot-peak-rss',
    figure: 'peak RSS, 100,000 headless bot pieces',
    unit: 'MB',
    digits: 1,
    target: { op: '<=', value: 100 },
    async measure(ctx) {
      const r = await rssRounds(ctx);
      const runs = r.long.map((s) => s.maxRss / MB);
      return {
        value: median(runs),
        runs,
        detail: {
          how: 'resourceUsage().maxRSS of a child process playing the pieces headless, its young generation held as `inktris bot` holds it; bare `node -e` measured in the same rounds',
          bareNodePeakMB: Math.round((10 * median(r.bare)) / MB) / 10,
          v8DefaultPeakMB: mb(r.longDefault, 'maxRss'),
        },
      };
    },
  },
  {
    id: 'bot-rss-growth',
    figure: 'RSS growth from 1,000 to 100,000 headless bot pieces',
    unit: '%',
    digits: 1,
    target: { op: '<=', value: 10 },
    async measure(ctx) {
      const r = await rssRounds(ctx);
      // Each round's two games ran side by side; the growth is taken per round, then the median.
      const runs = growth(r.short, r.long);
      return {
        value: median(runs),
        runs,
        detail: {
          how: 'peak RSS (resourceUsage().maxRSS) of a child playing 1,000 and one playing 100,000 pieces, inputs streamed and not kept, the young generation held as `inktris bot` holds it (src/cli/heap.ts)',
          peakMB: { [SHORT_GAME]: mb(r.short, 'maxRss'), [longGame(ctx)]: mb(r.long, 'maxRss') },
          retainedHeapAfterGcMB: { [SHORT_GAME]: mb(r.short, 'retainedHeap'), [longGame(ctx)]: mb(r.long, 'retainedHeap') },
          bareNodePeakMB: Math.round((10 * median(r.bare)) / MB) / 10,
          v8DefaultGrowthPercent: Math.round(10 * median(growth(r.shortDefault, r.longDefault))) / 10,
          v8DefaultPeakMB: { [SHORT_GAME]: mb(r.shortDefault, 'maxRss'), [longGame(ctx)]: mb(r.longDefault, 'maxRss') },
          // The speed of a long headless game with the young generation held and with V8's default.
          longGamePiecesPerSecond: { held: speed(r.long), v8Default: speed(r.longDefault) },
        },
      };
    },
  },
  ...SERVE_ROWS,
  VERSUS_LATENCY_P99_ROW,
  VERSUS_FALL_CPU_ROW,
  VERSUS_FALL_BYTES_PER_SECOND_ROW,
];
