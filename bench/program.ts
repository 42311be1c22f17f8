/**
 * The real program, for the rows that run it whole: dist/ built by
 * scripts/build.mjs (unchanged) into this run's scratch folder, with
 * bin/inktris.js and package.json beside it, so the layout is the
 * repository's. A copy of its own because other work in the checkout may
 * rebuild dist/ (which starts by deleting it) while the benchmark runs.
 * Also: timing whole processes, side by side with `node -e 0`.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './harness.js';

/** The built program. */
export interface Program {
  /** The folder with bin/, dist/ and package.json. */
  readonly dir: string;
  /** bin/inktris.js in it. */
  readonly bin: string;
}

/** Build the program into `ctx.scratch` once per run and share it between rows. */
export function program(ctx: BenchContext): Promise<Program> {
  return ctx.memo('program', () => {
    const dir = join(ctx.scratch, 'program');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    // scripts/build.mjs reads src/ and writes dist/ in its working folder.
    symlinkSync(join(ctx.root, 'src'), join(dir, 'src'));
    ctx.note('building the program (scripts/build.mjs)');
    const build = spawnSync(process.execPath, [join(ctx.root, 'scripts', 'build.mjs')], { cwd: dir, encoding: 'utf8' });
    rmSync(join(dir, 'src'));
    if (build.status !== 0) throw new Error(`scripts/build.mjs failed: ${build.stderr.trim().split('\n').slice(-3).join(' ')}`);
    copyFileSync(join(ctx.root, 'bin', 'inktris.js'), join(dir, 'bin', 'inktris.js'));
    // "type": "module" for dist/ and bin/, as in the repository.
    copyFileSync(join(ctx.root, 'package.json'), join(dir, 'package.json'));
    return { dir, bin: join(dir, 'bin', 'inktris.js') };
  });
}

/** What one timed process did. */
export interface ProcessRun {
  /** Wall time from spawn to exit, in milliseconds. */
  readonly ms: number;
  readonly stdout: string;
}

/** Run `node ARGS` with this Node (process.execPath) to its end; throws unless it exits 0. */
export function timeNode(args: readonly string[], options: SpawnSyncOptions = {}): ProcessRun {
  const start = performance.now();
  const run = spawnSync(process.execPath, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = performance.now() - start;
  if (run.status !== 0) {
    const stderr =
      String(run.stderr ?? '')
        .trim()
        .split('\n')
        .at(-1) ?? '';
    throw new Error(`node ${args.join(' ')} exited with ${run.status ?? run.signal}: ${stderr}`);
  }
  return { ms, stdout: String(run.stdout) };
}

/** The game the process row replays, recorded by the program itself. */
export const RECORDED_GAME = { seed: 1, pieces: 10_000, pace: 60 } as const;

/** Record RECORDED_GAME with `inktris bot --record` once per run; returns the file. */
export function recordedGame(ctx: BenchContext): Promise<string> {
  return ctx.memo('recorded-game', async () => {
    const { bin } = await program(ctx);
    const file = join(ctx.scratch, 'bot-10000.json');
    const { seed, pieces, pace } = RECORDED_GAME;
    ctx.note(`recording a ${pieces.toLocaleString('en-US')}-piece bot game`);
    timeNode([bin, 'bot', '--seed', String(seed), '--pieces', String(pieces), '--pace', String(pace), '--record', file], {
      stdio: 'ignore',
    });
    return file;
  });
}

/** Per-command times of interleaved process rounds, in milliseconds. */
export interface ProcessRounds {
  readonly bare: number[];
  readonly version: number[];
  readonly replay: number[];
  /** The summary `replay --json` printed (the same every round). */
  readonly summary: { readonly pieces: number; readonly lines: number; readonly tick: number };
}

/**
 * `node -e 0`, `inktris --version` and `inktris replay FILE --json`, run in
 * rounds, the order turning each round, so that all three see the same
 * machine: the figures are ratios to `node -e 0` of the same round.
 */
export function processRounds(ctx: BenchContext): Promise<ProcessRounds> {
  return ctx.memo('process-rounds', async () => {
    const { bin } = await program(ctx);
    const file = await recordedGame(ctx);
    const commands: Record<'bare' | 'version' | 'replay', readonly string[]> = {
      bare: ['-e', '0'],
      version: [bin, '--version'],
      replay: [bin, 'replay', file, '--json'],
    };
    const names = Object.keys(commands) as (keyof typeof commands)[];
    // Warm-up: files into the page cache.
    for (const name of names) timeNode(commands[name]);
    const rounds = ctx.quick ? 3 : Math.max(11, 2 * ctx.runs + 1);
    const out = { bare: [] as number[], version: [] as number[], replay: [] as number[] };
    let stdout = '';
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const run = timeNode(commands[name]);
        out[name].push(run.ms);
        if (name === 'replay') stdout = run.stdout;
      }
    }
    const summary = JSON.parse(stdout) as ProcessRounds['summary'];
    if (summary.pieces !== RECORDED_GAME.pieces)
      throw new Error(`the recorded game replays to ${summary.pieces} pieces, not ${RECORDED_GAME.pieces}`);
    return { ...out, summary };
  });
}
