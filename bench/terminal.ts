/**
 * `inktris play` in a pseudo-terminal of 80 x 24: bench/pty-probe.py starts
 * the built program, writes the keys a session script gives it and logs
 * every chunk of output with a monotonic time, and the program's CPU time
 * and memory from /proc. This module writes those scripts and reads the
 * figures out of the logs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { playBot } from '../src/bot/index.js';
import type { InputName } from '../src/core/index.js';
import type { BenchContext } from './harness.js';
import { program, timeNode } from './program.js';

/** Ink wraps every frame in a synchronized update; this ends one (DEC mode 2026 reset). */
const FRAME_END = '\u001B[?2026l';
/** The board's bottom-right corner: the last of the border a frame draws. */
const BOARD_DRAWN = '┘';
const SIZE = { columns: 80, rows: 24 } as const;

/** The keys of the default keymap, as a terminal sends them. */
const KEY_BYTES: Readonly<Record<InputName, string>> = {
  left: '\u001B[D',
  right: '\u001B[C',
  softDrop: '\u001B[B',
  hardDrop: ' ',
  cw: '\u001B[A',
  ccw: 'z',
  hold: 'c',
  pause: 'p',
};

/** One step of a session script (see bench/pty-probe.py). */
type Step = { readonly at?: number } & (
  | { readonly wait_for: string; readonly label: string; readonly timeout?: number }
  | { readonly sleep: number }
  | { readonly anchor: true }
  | { readonly send: string; readonly label: string }
  | { readonly sample: string }
  | { readonly wait_exit: number }
);

interface Sample {
  readonly label: string;
  /** Seconds from the spawn. */
  readonly t: number;
  /** Clock ticks (`clock_ticks` a second) of user and system time, all threads. */
  readonly utime: number;
  readonly stime: number;
  /** Nanoseconds on a CPU, summed over the threads alive at the sample. */
  readonly run_ns: number;
  /** The same by thread name (MainThread, V8Worker, ...). */
  readonly threads: Readonly<Record<string, number>>;
  /** Peak and current resident set size, in bytes. */
  readonly vm_hwm: number;
  readonly vm_rss: number;
}

/** What the probe logged: times are seconds from the spawn. */
export interface ProbeLog {
  readonly pid: number;
  readonly clock_ticks: number;
  /** [time, bytes, frames ended in this chunk]. */
  readonly chunks: readonly (readonly [number, number, number])[];
  readonly sends: readonly (readonly [number, string])[];
  readonly marks: Readonly<Record<string, number>>;
  readonly samples: readonly Sample[];
  readonly exit: { readonly code?: number; readonly signal?: number };
  readonly error?: string;
}

let sessions = 0;

/** Run `inktris ARGS` in a pseudo-terminal through the probe's `steps`. */
async function session(
  ctx: BenchContext,
  args: readonly string[],
  steps: readonly Step[],
  size: { readonly columns: number; readonly rows: number } = SIZE,
): Promise<ProbeLog> {
  const { bin, dir } = await program(ctx);
  // Data and config folders of its own, new for each session: no high scores, replays or
  // settings of whoever runs the benchmark, nor of the sessions before.
  const home = join(ctx.scratch, `home-${++sessions}`);
  mkdirSync(home, { recursive: true });
  const request = {
    command: [process.execPath, bin, ...args],
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      NODE_ENV: 'production',
    },
    ...size,
    frame_end: FRAME_END,
    steps,
  };
  const run = spawnSync('python3', [join(ctx.root, 'bench', 'pty-probe.py')], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`python3 bench/pty-probe.py: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`bench/pty-probe.py exited with ${run.status}: ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
  const log = JSON.parse(run.stdout) as ProbeLog;
  if (log.error) throw new Error(`inktris ${args.join(' ')} in a pseudo-terminal: ${log.error}`);
  if (log.exit.code !== 0) throw new Error(`inktris ${args.join(' ')} ended with ${log.exit.code ?? `signal ${log.exit.signal}`} after q`);
  return log;
}

const sample = (log: ProbeLog, label: string): Sample => {
  const found = log.samples.find((s) => s.label === label);
  if (!found) throw new Error(`no sample ${label}`);
  return found;
};

/** CPU use over a window. */
export interface Cpu {
  /** Percent of one core, all threads. */
  readonly percent: number;
  readonly ms: number;
  /** Of which the main (JavaScript) thread; the rest is V8's compiler and GC threads. */
  readonly mainMs: number;
  /** The same percentage from /proc/PID/stat (10 ms clock ticks). */
  readonly statPercent: number;
  readonly seconds: number;
}

/** CPU use between two samples, in percent of one core: from schedstat (nanoseconds), and from /proc/PID/stat (clock ticks). */
function cpuBetween(log: ProbeLog, from: string, to: string): Cpu {
  const a = sample(log, from);
  const b = sample(log, to);
  const seconds = b.t - a.t;
  const ms = (b.run_ns - a.run_ns) / 1e6;
  const mainMs = ((b.threads.MainThread ?? 0) - (a.threads.MainThread ?? 0)) / 1e6;
  const ticks = b.utime + b.stime - a.utime - a.stime;
  return { percent: ms / 10 / seconds, ms, mainMs, statPercent: (100 * ticks) / log.clock_ticks / seconds, seconds };
}

/** One frame on the wire: the time its last byte arrived and its size. */
interface Frame {
  readonly t: number;
  readonly bytes: number;
}

/** The output as frames: each ends with the chunk that ends a synchronized update. */
function frames(log: ProbeLog): Frame[] {
  const out: Frame[] = [];
  let bytes = 0;
  for (const [t, n, ends] of log.chunks) {
    bytes += n;
    if (ends > 0) {
      out.push({ t, bytes });
      bytes = 0;
    }
  }
  return out;
}

/** A session of play with no keys, then paused, then single key presses. */
export interface IdleSession {
  readonly firstFrameMs: number;
  /** Falling at level 0, no input: bytes and CPU over the window. */
  readonly fallSeconds: number;
  readonly fallBytes: number;
  readonly fallCpu: Cpu;
  /** Frames in the window that drew one row of fall and nothing else (no change of TIME). */
  readonly fallFrames: number[];
  /** Frames in the window that only advanced TIME by a second. */
  readonly timeFrames: number[];
  /** Frames that did both. */
  readonly bothFrames: number[];
  readonly pausedBytes: number;
  readonly pausedCpu: Cpu;
  /** Milliseconds from writing each key to the end of the next frame. */
  readonly keyLatencies: number[];
  /** Keys whose frame ended only after the next key was written. */
  readonly lateKeys: number;
  /** Peak RSS of this process, in bytes. */
  readonly peakRss: number;
}

/** Level 0 gravity (RULES.md): a row every 48 ticks; TIME shows whole seconds, 60 ticks. */
const FALL_TICKS = 48;
const TICKS_PER_SECOND = 60;

/**
 * Which change a frame at `tick` after the game started drew: a row of fall
 * (every 48 ticks), a second of TIME (every 60), or both. Frames come a
 * little after their tick; six ticks (100 ms) either way still tell them
 * apart, since the nearest different ones are twelve ticks apart.
 */
function frameKind(tick: number): 'fall' | 'time' | 'both' | 'other' {
  const near = (period: number) => {
    const k = Math.round(tick / period);
    return k > 0 && Math.abs(tick - k * period) <= 6;
  };
  const fall = near(FALL_TICKS);
  const time = near(TICKS_PER_SECOND);
  return fall && time ? 'both' : fall ? 'fall' : time ? 'time' : 'other';
}

/** The durations of an idle session, in seconds, and the keys it presses. */
function idlePlan(ctx: BenchContext) {
  return ctx.quick
    ? { settle: 0.5, fall: 2, paused: 2, keys: 20, spacing: 0.05 }
    : { settle: 2, fall: 10, paused: 10, keys: 100, spacing: 0.05 };
}

/** Run one idle session: see {@link IdleSession}. */
async function idleSession(ctx: BenchContext): Promise<IdleSession> {
  const plan = idlePlan(ctx);
  const keySteps: Step[] = [];
  for (let i = 0; i < plan.keys; i++) {
    // Left and right in turn: every key moves the piece one cell, so every key draws a frame.
    keySteps.push({ send: i % 2 === 0 ? KEY_BYTES.left : KEY_BYTES.right, label: 'key', at: 0.4 + i * plan.spacing });
  }
  const log = await session(
    ctx,
    ['play', '--seed', '1'],
    [
      { wait_for: BOARD_DRAWN, label: 'first', timeout: 10 },
      { sleep: plan.settle },
      { sample: 'fall-start' },
      { sleep: plan.fall },
      { sample: 'fall-end' },
      { send: 'p', label: 'pause' },
      // The PAUSED frame, and whatever the pause sets off, come before the window.
      { sleep: 1 },
      { sample: 'paused-start' },
      { sleep: plan.paused },
      { sample: 'paused-end' },
      { send: 'p', label: 'resume' },
      // The game resumes after READY 3-2-1 (1.5 s); keys pressed during it wait for its end, so none is timed in it.
      { sleep: 1.8 },
      // A hard drop: the key presses move a new piece at the top of an almost empty board.
      { send: KEY_BYTES.hardDrop, label: 'drop' },
      { anchor: true },
      ...keySteps,
      { sample: 'end', at: 0.4 + plan.keys * plan.spacing + 0.2 },
      { send: 'q', label: 'quit' },
      { wait_exit: 10 },
    ],
  );
  const first = log.marks.first!;
  const fallStart = sample(log, 'fall-start').t;
  const fallEnd = sample(log, 'fall-end').t;
  const pausedStart = sample(log, 'paused-start').t;
  const pausedEnd = sample(log, 'paused-end').t;
  const bytesIn = (from: number, to: number) => log.chunks.filter(([t]) => t > from && t <= to).reduce((sum, [, n]) => sum + n, 0);
  const kinds = { fall: [] as number[], time: [] as number[], both: [] as number[], other: [] as number[] };
  for (const frame of frames(log)) {
    if (frame.t <= fallStart || frame.t > fallEnd) continue;
    kinds[frameKind((frame.t - first) * TICKS_PER_SECOND)].push(frame.bytes);
  }
  const keys = log.sends.filter(([, label]) => label === 'key').map(([t]) => t);
  const ends = log.chunks.filter(([, , n]) => n > 0).map(([t]) => t);
  // Every key moves the piece, so the next frame to end is the key's (or holds it, when frames merge).
  const keyLatencies = keys.map((t) => {
    const end = ends.find((e) => e > t);
    if (end === undefined) throw new Error('a key press drew no frame');
    return (end - t) * 1000;
  });
  const lateKeys = keyLatencies.filter((ms, i) => keys[i]! + ms / 1000 > (keys[i + 1] ?? Infinity)).length;
  return {
    firstFrameMs: first * 1000,
    fallSeconds: fallEnd - fallStart,
    fallBytes: bytesIn(fallStart, fallEnd),
    fallCpu: cpuBetween(log, 'fall-start', 'fall-end'),
    fallFrames: kinds.fall,
    timeFrames: kinds.time,
    bothFrames: kinds.both,
    pausedBytes: bytesIn(pausedStart, pausedEnd),
    pausedCpu: cpuBetween(log, 'paused-start', 'paused-end'),
    keyLatencies,
    lateKeys,
    peakRss: sample(log, 'end').vm_hwm,
  };
}

/** The idle sessions of this run (several, one after another), shared by their rows. */
export function idleSessions(ctx: BenchContext): Promise<IdleSession[]> {
  return ctx.memo('idle-sessions', async () => {
    const count = ctx.quick ? 1 : Math.max(3, Math.ceil(ctx.runs / 2));
    const out: IdleSession[] = [];
    for (let i = 0; i < count; i++) {
      ctx.note(`inktris play in a pseudo-terminal: session ${i + 1}/${count} (fall, pause, keys)`);
      out.push(await idleSession(ctx));
    }
    return out;
  });
}

/** Watching a replay in a pseudo-terminal while its piece falls (issue 16: the fast path while watching). */
export interface WatchSession {
  /** Bytes of each frame of the window that drew one row of fall and no new second of the replay's clock. */
  readonly fallFrames: number[];
  /** All bytes of the window, and the rows of fall in it. */
  readonly fallBytes: number;
  readonly fallRows: number;
}

/**
 * `inktris replay FILE` of a game with no inputs at level 0: the piece
 * falls a row every 48 ticks, and the sidebar's replay clock changes every
 * second. A frame that draws only a row of fall goes through the painter,
 * not a render of the screen, as in play.
 */
export function watchSession(ctx: BenchContext): Promise<WatchSession> {
  return ctx.memo('watch-session', async () => {
    const plan = idlePlan(ctx);
    const file = join(ctx.scratch, 'watch-fall.json');
    writeFileSync(file, JSON.stringify({ format: 'inktris-replay', version: 1, seed: 1, settings: {}, inputs: [], endTick: 60 * 60 }));
    ctx.note('inktris replay in a pseudo-terminal: a piece falling while watched');
    const log = await session(
      ctx,
      ['replay', file],
      [
        { wait_for: BOARD_DRAWN, label: 'first', timeout: 10 },
        { sleep: plan.settle },
        { sample: 'fall-start' },
        { sleep: plan.fall },
        { sample: 'fall-end' },
        { send: 'q', label: 'quit' },
        { wait_exit: 10 },
      ],
    );
    const first = log.marks.first!;
    const fallStart = sample(log, 'fall-start').t;
    const fallEnd = sample(log, 'fall-end').t;
    const fallFrames: number[] = [];
    let fallRows = 0;
    for (const frame of frames(log)) {
      if (frame.t <= fallStart || frame.t > fallEnd) continue;
      const kind = frameKind((frame.t - first) * TICKS_PER_SECOND);
      if (kind === 'fall') fallFrames.push(frame.bytes);
      if (kind === 'fall' || kind === 'both') fallRows++;
    }
    const fallBytes = log.chunks.filter(([t]) => t > fallStart && t <= fallEnd).reduce((sum, [, n]) => sum + n, 0);
    return { fallFrames, fallBytes, fallRows };
  });
}

/** Starts of the program to its first frame, each beside a start of `node -e 0`. */
export interface Starts {
  readonly firstFrameMs: number[];
  readonly bareNodeMs: number[];
}

/** Start `inktris play`, wait for the first frame, quit; in rounds with `node -e 0`. */
export function starts(ctx: BenchContext): Promise<Starts> {
  return ctx.memo('starts', async () => {
    const count = ctx.quick ? 2 : Math.max(9, 2 * ctx.runs - 1);
    const out: Starts = { firstFrameMs: [], bareNodeMs: [] };
    ctx.note(`inktris play in a pseudo-terminal: ${count} starts`);
    for (let i = 0; i < count; i++) {
      out.bareNodeMs.push(timeNode(['-e', '0']).ms);
      const log = await session(
        ctx,
        ['play', '--seed', '1'],
        [{ wait_for: BOARD_DRAWN, label: 'first', timeout: 10 }, { send: 'q', label: 'quit' }, { wait_exit: 10 }],
      );
      out.firstFrameMs.push(log.marks.first! * 1000);
    }
    return out;
  });
}

/** A session of play with the bot's keys: peak memory while the game goes on. */
export interface BotSession {
  readonly seconds: number;
  readonly peakRss: number;
  /** RSS every five seconds, in bytes. */
  readonly rssTrace: number[];
  /** Keys written. */
  readonly keys: number;
  /** What the game's recording replays to. */
  readonly replayed: { readonly pieces: number; readonly lines: number; readonly level: number; readonly state: string };
}

/** The bot's pace in the played session: a piece every half second (pace 30 ticks), for a busy screen. */
const BOT_PACE = 30;

/**
 * Play for a minute with the bot's keys: `playBot` decides a game of the
 * same seed headless, and its inputs are typed in real time at their ticks
 * (in the middle of the tick, against timer jitter). The game on screen
 * follows the bot's as long as the keys land in their ticks; its recording
 * is replayed afterwards to show how far it got. One session: it is long,
 * and peak memory varies little from run to run.
 */
export function botSession(ctx: BenchContext): Promise<BotSession> {
  return ctx.memo('bot-session', async () => {
    const seconds = ctx.quick ? 5 : 60;
    const game = playBot({ seed: 1, pieces: Math.ceil((seconds * TICKS_PER_SECOND) / BOT_PACE) + 10, pace: BOT_PACE });
    const steps: Step[] = [{ wait_for: BOARD_DRAWN, label: 'first', timeout: 10 }, { anchor: true }];
    let keys = 0;
    let nextSample = 5;
    for (const [tick, input] of game.inputs) {
      const at = (tick + 0.5) / TICKS_PER_SECOND;
      if (at >= seconds) break;
      for (; nextSample <= at; nextSample += 5) steps.push({ sample: `rss-${nextSample}`, at: nextSample });
      steps.push({ send: KEY_BYTES[input], label: input, at });
      keys++;
    }
    steps.push({ sample: 'end', at: seconds }, { send: 'q', label: 'quit' }, { wait_exit: 10 });
    const { bin } = await program(ctx);
    ctx.note(`inktris play in a pseudo-terminal: ${seconds} s of the bot's keys`);
    const record = join(ctx.scratch, 'bot-play.json');
    const log = await session(ctx, ['play', '--seed', '1', '--record', record], steps);
    const replayed = JSON.parse(timeNode([bin, 'replay', record, '--json']).stdout) as BotSession['replayed'];
    return {
      seconds,
      peakRss: sample(log, 'end').vm_hwm,
      rssTrace: log.samples.map((s) => s.vm_rss),
      keys,
      replayed: { pieces: replayed.pieces, lines: replayed.lines, level: replayed.level, state: replayed.state },
    };
  });
}

/** A local versus match in a pseudo-terminal of 120 x 30 while both pieces fall, then both players' keys. */
export interface VersusSession {
  /** Both pieces falling at level 0, no input: bytes and CPU over the window. */
  readonly fallSeconds: number;
  readonly fallBytes: number;
  readonly fallCpu: Cpu;
  /** Frames in the window. */
  readonly fallFrames: number;
  /** Milliseconds from writing each key to the end of the next frame. */
  readonly keyLatencies: number[];
  readonly lateKeys: number;
}

/** The versus screen's terminal: two boards need 108 x 24. */
const VERSUS_SIZE = { columns: 120, rows: 30 } as const;

/** Player 1's left and right (a, d), then player 2's (the arrows): each moves a piece a cell, and they come back. */
const VERSUS_KEYS = ['a', KEY_BYTES.left, 'd', KEY_BYTES.right] as const;

/**
 * `inktris versus --local` at level 0: after READY 3-2-1 both pieces fall
 * a row every 48 ticks, in the same tick, and the clock changes every
 * second. Then both players' moves in turn, 50 ms apart: every key moves
 * its player's piece one cell, a field the painter draws, and goes into
 * the match's file (rewritten at each input) as it would in play.
 */
async function versusSessionOnce(ctx: BenchContext, i: number, count: number): Promise<VersusSession> {
  {
    const plan = idlePlan(ctx);
    const keySteps: Step[] = [];
    for (let k = 0; k < plan.keys; k++)
      keySteps.push({ send: VERSUS_KEYS[k % VERSUS_KEYS.length]!, label: 'key', at: 0.2 + k * plan.spacing });
    ctx.note(`inktris versus --local in a pseudo-terminal: session ${i + 1}/${count} (both pieces falling, both players' moves)`);
    const log = await session(
      ctx,
      ['versus', '--local', '--seed', '1'],
      [
        { wait_for: BOARD_DRAWN, label: 'first', timeout: 10 },
        // READY 3-2-1 (1.5 s) is over before the window, even in a quick run.
        { sleep: Math.max(plan.settle, 2) },
        { sample: 'fall-start' },
        { sleep: plan.fall },
        { sample: 'fall-end' },
        { anchor: true },
        ...keySteps,
        { sample: 'end', at: 0.2 + plan.keys * plan.spacing + 0.2 },
        { send: '\u0003', label: 'quit' },
        { wait_exit: 10 },
      ],
      VERSUS_SIZE,
    );
    const fallStart = sample(log, 'fall-start').t;
    const fallEnd = sample(log, 'fall-end').t;
    const keys = log.sends.filter(([, label]) => label === 'key').map(([t]) => t);
    const ends = log.chunks.filter(([, , n]) => n > 0).map(([t]) => t);
    const keyLatencies = keys.map((t) => {
      const end = ends.find((e) => e > t);
      if (end === undefined) throw new Error('a key press drew no frame');
      return (end - t) * 1000;
    });
    return {
      fallSeconds: fallEnd - fallStart,
      fallBytes: log.chunks.filter(([t]) => t > fallStart && t <= fallEnd).reduce((sum, [, n]) => sum + n, 0),
      fallCpu: cpuBetween(log, 'fall-start', 'fall-end'),
      fallFrames: frames(log).filter((f) => f.t > fallStart && f.t <= fallEnd).length,
      keyLatencies,
      lateKeys: keyLatencies.filter((ms, k) => keys[k]! + ms / 1000 > (keys[k + 1] ?? Infinity)).length,
    };
  }
}

/** The versus sessions of this run, one after another, shared by their rows. */
export function versusSessions(ctx: BenchContext): Promise<VersusSession[]> {
  return ctx.memo('versus-sessions', async () => {
    const count = ctx.quick ? 1 : Math.max(3, Math.ceil(ctx.runs / 2));
    const out: VersusSession[] = [];
    for (let i = 0; i < count; i++) out.push(await versusSessionOnce(ctx, i, count));
    return out;
  });
}
