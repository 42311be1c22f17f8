/**
 * The rows that need the real program (issue 5): whole processes beside
 * `node -e 0`, `inktris play` in a pseudo-terminal, and one frame rendered
 * in process. Ordered into the table by rows.ts.
 */
import { median, type BenchContext, type BenchRow, type Measurement } from './harness.js';
import { processRounds, RECORDED_GAME } from './program.js';
import { botSession, idleSessions, starts, versusSessions, watchSession, type IdleSession, type VersusSession } from './terminal.js';

const MB = 1024 * 1024;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The value at rank `p` (0-1) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** A measurement whose value is the median of `runs`. */
function medianOf(runs: number[], detail: Record<string, unknown>): Measurement {
  return { value: median(runs), runs, detail };
}

/** Per-round ratios of one command's time to `node -e 0`'s. */
async function ratioRow(ctx: BenchContext, name: 'version' | 'replay', how: string): Promise<Measurement> {
  const r = await processRounds(ctx);
  const runs = r[name].map((ms, i) => ms / r.bare[i]!);
  return medianOf(runs, {
    how,
    medianMs: round(median(r[name])),
    bareNodeMedianMs: round(median(r.bare)),
    rounds: r.bare.length,
    ...(name === 'replay' ? { game: { ...RECORDED_GAME, lines: r.summary.lines, ticks: r.summary.tick + 1 } } : {}),
  });
}

export const VERSION_ROW: BenchRow = {
  id: 'version-vs-node',
  figure: '`inktris --version`, whole process, x `node -e 0`',
  unit: 'x',
  digits: 2,
  target: { op: '<=', value: 1.5 },
  measure: (ctx) =>
    ratioRow(
      ctx,
      'version',
      'wall time of `node bin/inktris.js --version` over `node -e 0`, same Node, in rounds that take turns; the median of the per-round ratios',
    ),
};

export const REPLAY_ROW: BenchRow = {
  id: 'replay-json-vs-node',
  figure: '`inktris replay FILE --json` of that game, whole process, x `node -e 0`',
  unit: 'x',
  digits: 2,
  target: { op: '<=', value: 2.5 },
  measure: (ctx) =>
    ratioRow(
      ctx,
      'replay',
      'wall time of `node bin/inktris.js replay FILE --json` (FILE recorded by `inktris bot --seed 1 --pieces 10000 --pace 60 --record`) over `node -e 0`, in the same rounds',
    ),
};

export const FIRST_FRAME_ROW: BenchRow = {
  id: 'play-first-frame',
  figure: '`inktris play`: start to first frame, in a pseudo-terminal',
  unit: 'ms',
  target: { op: '<=', value: 300 },
  async measure(ctx) {
    const s = await starts(ctx);
    const sessions = await idleSessions(ctx);
    return medianOf(s.firstFrameMs, {
      how: 'spawn of `node bin/inktris.js play --seed 1` in an 80 x 24 pty to the read that completes the board (its bottom-right corner); each start beside a `node -e 0`',
      bareNodeMedianMs: round(median(s.bareNodeMs)),
      ratioToBareNode: round(median(s.firstFrameMs) / median(s.bareNodeMs), 2),
      playSessionsMs: sessions.map((x) => round(x.firstFrameMs)),
    });
  },
};

interface RenderRun {
  readonly ms: number[];
  readonly bytes: number[];
}

/** Moves before the timed ones: the first frames run in V8's interpreter, tens of times slower. */
const RENDER_WARM_UP = 20;

export const RENDER_ROW: BenchRow = {
  id: 'render-move-frame',
  figure: 'render: one frame after a one-cell move, median',
  unit: 'ms',
  digits: 2,
  target: { op: '<=', value: 1 },
  async measure(ctx) {
    const children = ctx.quick ? 1 : 3;
    const moves = ctx.quick ? 60 : 300;
    const out: RenderRun[] = [];
    for (let i = 0; i < children; i++) out.push(ctx.child<RenderRun>('render-frame', ['--moves', String(moves)]));
    const runs = out.map((r) => median(r.ms.slice(RENDER_WARM_UP)));
    return medianOf(runs, {
      how: `runPlay on fake 80 x 24 streams, production React: an arrow key handed to Ink's stdin to the end of its frame's write; ${moves} moves 20 ms apart per process, the first ${RENDER_WARM_UP} not counted; the median of ${children} processes`,
      firstTenMovesMedianMs: round(median(out.flatMap((r) => r.ms.slice(0, 10))), 2),
      p99Ms: round(
        percentile(
          out.flatMap((r) => r.ms.slice(RENDER_WARM_UP)),
          0.99,
        ),
        2,
      ),
      bytesPerMoveFrame: median(out.flatMap((r) => r.bytes)),
    });
  },
};

/** The frames drawn in a session's fall window: rows of fall, new seconds of TIME, and both at once. */
function fallWindowFrames(s: IdleSession): number {
  return s.fallFrames.length + s.timeFrames.length + s.bothFrames.length;
}

/** A row from the idle sessions: one value per session, the median of them. */
function idleRow(
  ctx: BenchContext,
  value: (s: IdleSession) => number,
  detail: (sessions: IdleSession[]) => Record<string, unknown>,
): Promise<Measurement> {
  return idleSessions(ctx).then((sessions) => medianOf(sessions.map(value), detail(sessions)));
}

const fallRows = (s: IdleSession) => s.fallFrames.length + s.bothFrames.length;

export const FALL_ROW_BYTES_ROW: BenchRow = {
  id: 'fall-row-bytes',
  figure: 'bytes written for one row of fall, in a pseudo-terminal',
  unit: 'bytes',
  target: { op: '<=', value: 200 },
  measure: (ctx) =>
    idleRow(
      ctx,
      (s) => median(s.fallFrames),
      (sessions) => ({
        how: "the frames of the fall window (a frame ends with Ink's end of synchronized update) that came at a row of fall (every 48 ticks) and not at a new second of TIME: their bytes, median per session",
        fallFrames: sessions.map((s) => s.fallFrames.length),
        timeOnlyFrameBytes: median(sessions.flatMap((s) => s.timeFrames)),
        fallAndTimeFrameBytes: sessions.some((s) => s.bothFrames.length > 0) ? median(sessions.flatMap((s) => s.bothFrames)) : null,
        allBytesPerRowOfFall: round(median(sessions.map((s) => s.fallBytes / fallRows(s))), 0),
      }),
    ),
};

export const WATCH_FALL_ROW_BYTES_ROW: BenchRow = {
  id: 'watch-fall-row-bytes',
  figure: 'bytes written for one row of fall while a replay is watched, in a pseudo-terminal',
  unit: 'bytes',
  target: { op: '<=', value: 100 },
  measure: (ctx) =>
    watchSession(ctx).then((s) => ({
      value: median(s.fallFrames),
      runs: s.fallFrames,
      detail: {
        how: "`inktris replay` of a game without inputs: the frames of the window that came at a row of fall (every 48 ticks) and not at a new second of the replay's clock, median of their bytes",
        fallFrames: s.fallFrames.length,
        allBytesPerRowOfFall: s.fallRows > 0 ? round(s.fallBytes / s.fallRows, 0) : null,
      },
    })),
};

export const FALL_BYTES_PER_SECOND_ROW: BenchRow = {
  id: 'fall-bytes-per-second',
  figure: 'bytes written per second while a piece falls at level 0, no input',
  unit: 'B/s',
  target: { op: '<=', value: 250 },
  measure: (ctx) =>
    idleRow(
      ctx,
      (s) => s.fallBytes / s.fallSeconds,
      (sessions) => ({
        how: 'every byte read from the pty master in the fall window (from 2 s after the first frame, 10 s long), over its length',
        windowSeconds: round(median(sessions.map((s) => s.fallSeconds)), 2),
        framesPerSecond: round(median(sessions.map((s) => fallWindowFrames(s) / s.fallSeconds)), 2),
        forScale: { vitetris: 175, inkTetrisOnNpm: 3400 },
      }),
    ),
};

export const FALL_CPU_ROW: BenchRow = {
  id: 'fall-cpu',
  figure: 'CPU while a piece falls at level 0, over 10 s',
  unit: '%',
  digits: 1,
  target: { op: '<=', value: 1 },
  measure: (ctx) =>
    idleRow(
      ctx,
      (s) => s.fallCpu.percent,
      (sessions) => ({
        how: "CPU time of all the process's threads (sum of /proc/PID/task/*/schedstat) over the fall window, in percent of one core",
        cpuMs: sessions.map((s) => round(s.fallCpu.ms)),
        mainThreadMs: sessions.map((s) => round(s.fallCpu.mainMs)),
        fromProcStatPercent: sessions.map((s) => round(s.fallCpu.statPercent, 2)),
        cpuMsPerFrame: round(median(sessions.map((s) => s.fallCpu.ms / fallWindowFrames(s))), 2),
        forScale: { vitetris: 0, inkTetrisOnNpm: 3.7 },
      }),
    ),
};

export const PAUSED_CPU_ROW: BenchRow = {
  id: 'paused-cpu',
  figure: 'CPU while paused, over 10 s',
  unit: '%',
  digits: 1,
  target: { op: '<=', value: 0 },
  measure: (ctx) =>
    idleRow(
      ctx,
      (s) => s.pausedCpu.percent,
      (sessions) => ({
        how: 'as the falling row, over 10 s from 1 s after `p`; judged as printed, to 0.1 % (under 5 ms in 10 s)',
        cpuMs: sessions.map((s) => round(s.pausedCpu.ms, 2)),
        fromProcStatPercent: sessions.map((s) => round(s.pausedCpu.statPercent, 2)),
        bytesWritten: sessions.map((s) => s.pausedBytes),
      }),
    ),
};

function latencyRow(id: string, p: number, target: number): BenchRow {
  const name = `p${Math.round(p * 100)}`;
  return {
    id,
    figure: `key press to frame written, ${name}`,
    unit: 'ms',
    digits: 1,
    target: { op: '<=', value: target },
    measure: (ctx) =>
      idleRow(
        ctx,
        (s) => percentile(s.keyLatencies, p),
        (sessions) => {
          const all = sessions.flatMap((s) => s.keyLatencies);
          return {
            how: `left and right arrows in turn, 50 ms apart, written to the pty master; from the write to the read that ends the next frame. ${name} per session, the median of the sessions`,
            keys: all.length,
            framesAfterTheNextKey: sessions.reduce((sum, s) => sum + s.lateKeys, 0),
            pooled: { p50: round(percentile(all, 0.5), 2), p99: round(percentile(all, 0.99), 2), max: round(Math.max(...all), 2) },
          };
        },
      ),
  };
}

export const LATENCY_P50_ROW = latencyRow('key-latency-p50', 0.5, 5);
export const LATENCY_P99_ROW = latencyRow('key-latency-p99', 0.99, 17);

export const PLAY_PEAK_RSS_ROW: BenchRow = {
  id: 'play-peak-rss',
  figure: "peak RSS while playing (a minute of the bot's keys)",
  unit: 'MB',
  digits: 1,
  target: { op: '<=', value: 100 },
  async measure(ctx) {
    const bot = await botSession(ctx);
    const idle = await idleSessions(ctx);
    const peak = bot.peakRss / MB;
    return {
      value: peak,
      runs: [peak],
      detail: {
        how: "VmHWM of `inktris play --seed 1` after the bot's keys for the same seed (pace 30: a piece every half second), typed at their ticks in real time; one session",
        seconds: bot.seconds,
        keys: bot.keys,
        game: bot.replayed,
        rssEveryFiveSecondsMB: bot.rssTrace.map((b) => round(b / MB)),
        idleSessionsPeakMB: round(median(idle.map((s) => s.peakRss / MB))),
      },
    };
  },
};

function versusRow(
  ctx: BenchContext,
  value: (s: VersusSession) => number,
  detail: (sessions: VersusSession[]) => Record<string, unknown>,
): Promise<Measurement> {
  return versusSessions(ctx).then((sessions) => medianOf(sessions.map(value), detail(sessions)));
}

const VERSUS_HOW =
  '`inktris versus --local --seed 1` (nes level 0) in a pty of 120 x 30, from 2 s after the first frame (READY 3-2-1 is over)';

export const VERSUS_LATENCY_P99_ROW: BenchRow = {
  id: 'versus-key-latency-p99',
  figure: 'versus: key press to frame written, p99',
  unit: 'ms',
  digits: 1,
  target: { op: '<=', value: 5 },
  measure: (ctx) =>
    versusRow(
      ctx,
      (s) => percentile(s.keyLatencies, 0.99),
      (sessions) => {
        const all = sessions.flatMap((s) => s.keyLatencies);
        return {
          how: `${VERSUS_HOW}: player 1's a and d and player 2's left and right arrows in turn, 50 ms apart (each moves its player's piece a cell); from the write to the read that ends the next frame, p99 per session, the median of the sessions`,
          keys: all.length,
          framesAfterTheNextKey: sessions.reduce((sum, s) => sum + s.lateKeys, 0),
          pooled: { p50: round(percentile(all, 0.5), 2), p99: round(percentile(all, 0.99), 2), max: round(Math.max(...all), 2) },
        };
      },
    ),
};

export const VERSUS_FALL_CPU_ROW: BenchRow = {
  id: 'versus-fall-cpu',
  figure: 'versus: CPU while both pieces fall at level 0, no input, over 10 s',
  unit: '%',
  digits: 2,
  target: { op: '<=', value: 0.5 },
  measure: (ctx) =>
    versusRow(
      ctx,
      (s) => s.fallCpu.percent,
      (sessions) => ({
        how: `${VERSUS_HOW}: CPU time of all the process's threads (schedstat) over the fall window, in percent of one core`,
        cpuMs: sessions.map((s) => round(s.fallCpu.ms)),
        mainThreadMs: sessions.map((s) => round(s.fallCpu.mainMs)),
        fromProcStatPercent: sessions.map((s) => round(s.fallCpu.statPercent, 2)),
        framesPerSecond: round(median(sessions.map((s) => s.fallFrames / s.fallSeconds)), 2),
      }),
    ),
};

export const VERSUS_FALL_BYTES_PER_SECOND_ROW: BenchRow = {
  id: 'versus-fall-bytes-per-second',
  figure: 'versus: bytes written per second while both pieces fall at level 0, no input',
  unit: 'B/s',
  target: { op: '<=', value: 250 },
  measure: (ctx) =>
    versusRow(
      ctx,
      (s) => s.fallBytes / s.fallSeconds,
      (sessions) => ({
        how: `${VERSUS_HOW}: every byte read from the pty master in the fall window (from 2 s after the first frame, 10 s long), over its length`,
        windowSeconds: round(median(sessions.map((s) => s.fallSeconds)), 2),
        framesPerSecond: round(median(sessions.map((s) => s.fallFrames / s.fallSeconds)), 2),
      }),
    ),
};
