/**
 * The server under load (issue 20): `inktris serve` (the built program)
 * with 64 players over loopback, each an ssh2 client with an 80 x 24 pty
 * that starts a marathon and sends bot-like keys at about two pieces a
 * second (a few moves and rotations, then a hard drop; `r` after a game
 * over), for 60 s (10 s with --quick). Measured: the server's CPU (user +
 * system over the wall time, as a share of 2 cores), its peak RSS
 * (VmHWM), key-to-frame at the clients (from writing a hard drop, a key
 * that always changes the screen, to the next bytes of screen arriving), and the sessions that ended before the end.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { BenchContext, BenchRow, Measurement } from './harness.js';
import { program } from './program.js';

const PLAYERS = 64;
const MB = 1024 * 1024;

interface LoadResult {
  readonly players: number;
  readonly seconds: number;
  readonly cpuShareOfTwoCores: number;
  readonly peakRssMB: number;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
  readonly dropped: number;
  readonly games: number;
}

/** utime + stime of `pid`, in seconds (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRss(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? (Number(match[1]) * 1024) / MB : Number.NaN;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One player: connect, open the menu, start a marathon, play until `until`; latencies pushed into `latencies`. */
async function playOne(port: number, name: string, until: number, latencies: number[]): Promise<{ dropped: boolean; games: number }> {
  const client = new ssh2.Client();
  let games = 0;
  let closed = false;
  let screen = '';
  /** When the last key was written, waiting for its frame; -1 when none waits. */
  let sentAt = -1;
  /**
   * Keys are timed from here: not during READY 3-2-1 (a game's first 3 s,
   * whose keys draw nothing), nor after GAME OVER (the end screen ignores them).
   */
  let timedFrom = Number.POSITIVE_INFINITY;
  await new Promise<void>((resolve, reject) => {
    client.on('ready', () => {
      // As OpenSSH does for an interactive session: no Nagle on the keys.
      client.setNoDelay(true);
      resolve();
    });
    client.on('error', reject);
    client.connect({ host: '127.0.0.1', port, username: name, password: 'x', readyTimeout: 30_000 });
  });
  const stream = await new Promise<ssh2.ClientChannel>((resolve, reject) =>
    client.shell({ term: 'xterm-256color', cols: 80, rows: 24 }, (error, channel) => (error ? reject(error) : resolve(channel))),
  );
  stream.on('data', (data: Buffer) => {
    if (sentAt >= 0) {
      latencies.push(performance.now() - sentAt);
      sentAt = -1;
    }
    screen = (screen + data.toString('utf8')).slice(-4000);
  });
  stream.on('close', () => {
    closed = true;
  });
  const wait = async (text: string, ms: number) => {
    const deadline = performance.now() + ms;
    while (!screen.includes(text) && !closed && performance.now() < deadline) await sleep(20);
    return screen.includes(text);
  };
  /** A key; only a hard drop is timed: it always changes the screen, where a move into a wall or a turned O draws nothing. */
  const key = (bytes: string) => {
    if (closed) return;
    const now = performance.now();
    sentAt = bytes === ' ' && now >= timedFrom && !screen.includes('GAME OVER') ? now : -1;
    stream.write(bytes);
  };
  await wait('Marathon', 20_000);
  screen = '';
  stream.write('\r');
  games++;
  timedFrom = performance.now() + 3500;
  // The bot's rhythm: each piece moved and turned a little, then dropped, about every half second.
  let n = 0;
  while (performance.now() < until && !closed) {
    if (screen.includes('GAME OVER')) {
      screen = '';
      await sleep(200);
      stream.write('r');
      games++;
      timedFrom = performance.now() + 3500;
      await sleep(300);
      continue;
    }
    const moves = n++ % 5;
    const side = n % 2 === 0 ? '\u001b[D' : '\u001b[C';
    for (let i = 0; i < moves && !closed; i++) {
      key(side);
      await sleep(60);
    }
    if (n % 3 === 0) {
      key('\u001b[A');
      await sleep(60);
    }
    key(' ');
    await sleep(500 - 60 * moves - (n % 3 === 0 ? 60 : 0));
  }
  const dropped = closed;
  client.end();
  return { dropped, games };
}

/** The load run, once per bench run and shared by its rows. */
function load(ctx: BenchContext): Promise<LoadResult> {
  return ctx.memo('serve-load', async () => {
    const built = await program(ctx);
    const seconds = ctx.quick ? 10 : 60;
    const child = spawn(
      process.execPath,
      [built.bin, 'serve', '--port', '0', '--data', join(ctx.scratch, 'serve'), '--max-per-address', String(PLAYERS)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.resume();
    const deadline = Date.now() + 20_000;
    let port = 0;
    while (port === 0) {
      const match = /port (\d+);/.exec(out);
      if (match) port = Number(match[1]);
      else if (Date.now() > deadline) throw new Error(`the server did not start: ${out}`);
      else await sleep(50);
    }
    ctx.note(`serve: ${PLAYERS} players for ${seconds} s`);
    const latencies: number[] = [];
    const pid = child.pid!;
    // The players connect over two seconds, then the clock runs.
    const started = performance.now();
    const until = started + 2000 + seconds * 1000;
    const players = Array.from({ length: PLAYERS }, (_, i) =>
      sleep((i * 2000) / PLAYERS).then(() => playOne(port, `p${i}`, until, latencies)),
    );
    await sleep(2000 + 5000);
    // The window measured: after every player is in its game.
    const cpuStart = cpuSeconds(pid);
    const wallStart = performance.now();
    const firstSample = latencies.length;
    const results = await Promise.allSettled(players);
    const cpu = cpuSeconds(pid) - cpuStart;
    const wall = (performance.now() - wallStart) / 1000;
    const rss = peakRss(pid);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    const sorted = latencies.slice(firstSample).sort((a, b) => a - b);
    return {
      players: PLAYERS,
      seconds,
      cpuShareOfTwoCores: (100 * cpu) / wall / 2,
      peakRssMB: rss,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      samples: sorted.length,
      dropped: results.filter((r) => r.status === 'rejected' || r.value.dropped).length,
      games: results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value.games : 0), 0),
    };
  });
}

function loadRow(
  id: string,
  figure: string,
  unit: string,
  target: BenchRow['target'],
  pick: (r: LoadResult) => number,
  digits = 1,
): BenchRow {
  return {
    id,
    figure,
    unit,
    digits,
    target,
    async measure(ctx): Promise<Measurement> {
      const result = await load(ctx);
      const value = pick(result);
      return {
        value,
        runs: [value],
        detail: {
          how: `inktris serve, ${result.players} ssh2 clients over loopback (80 x 24 pty, nes marathon, a piece every ~0.5 s: moves, a rotation, a hard drop; r after a game over), ${result.seconds} s measured after all joined; key-to-frame from writing a hard drop (a key that always changes the screen) to the next screen bytes at the client`,
          ...result,
        },
      };
    },
  };
}

/** The server rows: CPU, RSS, key-to-frame p50 and p99, sessions dropped. */
export const SERVE_ROWS: readonly BenchRow[] = [
  loadRow('serve-cpu', 'serve: server CPU with 64 players (share of 2 cores)', '%', { op: '<=', value: 50 }, (r) => r.cpuShareOfTwoCores),
  loadRow('serve-rss', 'serve: server peak RSS with 64 players', 'MB', { op: '<=', value: 400 }, (r) => r.peakRssMB),
  loadRow('serve-key-to-frame-p50', 'serve: key-to-frame p50 at the clients, 64 players', 'ms', { op: '<=', value: 20 }, (r) => r.p50),
  loadRow('serve-key-to-frame-p99', 'serve: key-to-frame p99 at the clients, 64 players', 'ms', { op: '<=', value: 20 }, (r) => r.p99),
  loadRow('serve-dropped', 'serve: sessions dropped of 64', 'sessions', { op: '<=', value: 0 }, (r) => r.dropped, 0),
];
