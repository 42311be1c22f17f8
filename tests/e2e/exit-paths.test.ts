/**
 * Every way out of the game, in a real pseudo-terminal (tmux, 80 x 24, a
 * server of our own): `q`, Ctrl-C, SIGTERM, SIGHUP, the terminal closing,
 * an error thrown while drawing and one thrown in a timer (the
 * INKTRIS_FAULT test hook, src/cli/fault-hooks.ts). Each leaves the
 * terminal as it was (`stty -a` before and after, the alternate screen left,
 * the cursor shown) and the game's recording saved. Then a data folder that
 * cannot be written, and a disk that fills up mid-game: the game plays, and
 * the replay lands in the current folder, said in one line.
 *
 * The program is built into a folder of this test's own (the same
 * scripts/build.mjs and bin/inktris.js), so the build of another test file
 * running at the same time never pulls dist/ from under it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReplay } from '../../src/core/replay-reader.js';
import { OLD_NODE } from './old-node.js';
import { buildApp, ROOT } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const socket = `inktris-exit-${process.pid}`;
/**
 * A Node older than 22.12 that bin/inktris.js hands over from, as on a machine with the system's Node 20, and
 * the project's Node 24 in .node/ it hands over to: where Node 24 is on the PATH already, nothing installed one.
 */
const oldNode = OLD_NODE;
const handOverTo = existsSync(join(ROOT, '.node', 'node_modules', '.bin', 'node'));
const handOver = oldNode && handOverTo;

const ESC = '\u001B';
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until `probe` returns something, or fail saying what was awaited and what was last seen. */
async function until<T>(what: string, probe: () => T | undefined, seen: () => string = () => '', ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${seen()}`);
    await sleep(40);
  }
}

const readIf = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The number under SCORE on the screen. */
function score(text: string): number {
  const rows = text.split('\n');
  const at = rows.findIndex((row) => row.includes('SCORE'));
  if (at < 0) return Number.NaN;
  return Number(rows[at + 1]!.slice(rows[at]!.indexOf('SCORE')).trim().split(/\s+/)[0]);
}

/** A process that has ended (gone, or a zombie nobody reaps). */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  return / Z /.test(readIf(`/proc/${pid}/stat`)?.replace(/^.*\)/, ')') ?? ' Z ');
}

/** Whether this machine lets us mount a tiny tmpfs (root outside a locked-down container). */
function tryMount(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' }).status === 0) return true;
  rmSync(dir, { recursive: true });
  return false;
}

describe.skipIf(!hasTmux)('every way out of inktris play restores the terminal and keeps the game (tmux)', () => {
  let work = '';
  /** The private copy of the program: bin/, dist/, and .node/ for the hand-over from an old Node. */
  let app = '';
  const mounts: string[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'inktris-exit-'));
    app = buildApp(work);
    // A tmux server exits when its last session ends (exit-empty): a test's new-session that met the
    // server of the test before as it exited failed with "server exited unexpectedly" (the timer-fault
    // test, once in nine full runs). This server stays until afterAll kills it.
    tmux('start-server', ';', 'set-option', '-g', 'exit-empty', 'off');
  }, 60_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    for (const dir of mounts) spawnSync('umount', ['-l', dir]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A game running in its own tmux session, and the files its shell leaves behind. */
  interface Run {
    readonly name: string;
    readonly dir: string;
    readonly record: string | null;
    /** The pid of the program (bin/inktris.js's process). */
    readonly pid: number;
    screen(): string;
    keys(...keys: string[]): void;
    file(name: string): string | undefined;
  }

  interface LaunchOptions {
    readonly fault?: 'render' | 'timer';
    readonly node?: string;
    /** XDG_DATA_HOME. @default a fresh folder */
    readonly dataHome?: string;
    /** --record FILE. @default true */
    readonly record?: boolean;
  }

  /**
   * Start the game in a new 80 x 24 session through a shell script that
   * notes `stty -a` before and after, the exit status, and stderr; tmux's
   * pipe-pane copies everything the program writes to the terminal into
   * `out`. The script waits for `go` so that the copy misses nothing.
   */
  async function launch(name: string, options: LaunchOptions = {}): Promise<Run> {
    const dir = join(work, name);
    mkdirSync(dir);
    const record = options.record === false ? null : join(dir, 'game.json');
    const env = {
      XDG_DATA_HOME: options.dataHome ?? join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      CI: 'true',
    };
    const args = ['play', '--seed', '1', ...(record ? ['--record', record] : [])];
    writeFileSync(
      join(dir, 'run.sh'),
      [
        `cd ${quote(dir)}`,
        'while [ ! -e go ]; do sleep 0.02; done',
        'stty -a > before',
        `( echo $BASHPID > pid.tmp && mv pid.tmp pid; unset INKTRIS_FAULT NO_COLOR; export ${Object.entries(env)
          .map(([k, v]) => `${k}=${quote(v)}`)
          .join(' ')}` +
          `${options.fault ? ` INKTRIS_FAULT=${options.fault}` : ''}; exec ${quote(options.node ?? process.execPath)} ${quote(join(app, 'bin', 'inktris.js'))} ${args.map(quote).join(' ')} ) 2> err`,
        'echo $? > code.tmp; mv code.tmp code',
        'stty -a > after.tmp; mv after.tmp after',
        '',
      ].join('\n'),
    );
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', `bash --norc --noprofile ${quote(join(dir, 'run.sh'))}`);
    tmux('pipe-pane', '-o', '-t', name, `cat >> ${quote(join(dir, 'out'))}`);
    writeFileSync(join(dir, 'go'), '');
    const file = (file: string) => readIf(join(dir, file));
    const pid = await until(`${name}: the program's pid`, () => (file('pid') ? Number(file('pid')) : undefined));
    return {
      name,
      dir,
      record,
      pid,
      screen: () => tmux('capture-pane', '-p', '-t', name),
      keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
      file,
    };
  }

  const screenOf = (run: Run) => () => {
    try {
      return `the screen was:\n${run.screen()}\nstderr: ${run.file('err') ?? ''}`;
    } catch {
      return `stderr: ${run.file('err') ?? ''}`;
    }
  };

  /** Wait for the game screen, hard drop, and (unless it is about to crash) see the score it made. */
  async function dropOne(run: Run, waitForScore = true): Promise<number | null> {
    // The game screen, once its READY 3-2-1 is over (keys during it wait for its end).
    await until(
      `${run.name}: the game screen`,
      () => (run.screen().includes('HOLD') && !run.screen().includes('READY') ? true : undefined),
      screenOf(run),
    );
    run.keys('Space');
    if (!waitForScore) return null;
    return until(
      `${run.name}: a score after the hard drop`,
      () => {
        const points = score(run.screen());
        return points > 0 ? points : undefined;
      },
      screenOf(run),
    );
  }

  /** The shell's notes once the program has ended: exit status, stty before and after, stderr, and the terminal output. */
  async function finished(run: Run) {
    const code = Number(await until(`${run.name}: the exit status`, () => run.file('code'), screenOf(run)));
    const after = await until(`${run.name}: stty -a after the game`, () => run.file('after'));
    // What tmux copied from the terminal arrives a moment after the program wrote it.
    const out = await until(
      `${run.name}: the alternate screen left`,
      () => {
        const text = run.file('out') ?? '';
        return text.lastIndexOf(`${ESC}[?1049l`) > text.lastIndexOf(`${ESC}[?1049h`) ? text : undefined;
      },
      () => JSON.stringify((run.file('out') ?? '').slice(-300)),
    );
    // restore-cursor (Ink's cursor helper) writes ESC[?25h to stderr at exit, a file or not: escape codes are no text.
    const stderr = (run.file('err') ?? '').replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '');
    return { code, before: run.file('before')!, after, out, stderr };
  }

  /** The terminal as the program found it: settings, screen, cursor, keyboard protocol. */
  function expectRestored(result: Awaited<ReturnType<typeof finished>>): void {
    expect(result.after).toBe(result.before);
    const { out } = result;
    expect(out).toContain(`${ESC}[?1049h`);
    expect(out.lastIndexOf(`${ESC}[?1049l`)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?1049h`));
    expect(out.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(out.lastIndexOf(`${ESC}[?25l`));
    // The kitty keyboard protocol, if the terminal took it, is popped again.
    if (out.includes(`${ESC}[>`)) expect(out.lastIndexOf(`${ESC}[<u`)).toBeGreaterThan(out.lastIndexOf(`${ESC}[>`));
  }

  /** The --record FILE: a valid replay holding the hard drop, finished with an end tick. */
  function expectRecorded(run: Run): void {
    const text = readFileSync(run.record!, 'utf8');
    const read = parseReplay(text, run.record!);
    expect(read.ok, text).toBe(true);
    if (!read.ok) return;
    expect(read.replay.seed).toBe(1);
    expect(read.replay.inputs.map(([, input]) => input)).toContain('hardDrop');
    expect(read.replay.endTick).toBeGreaterThanOrEqual(read.replay.inputs.at(-1)![0]);
  }

  /**
   * The data folder's copy of the game, finished like the --record FILE (the
   * archive's file is closed after it: the program lived to finish both), and
   * no high score: a game left mid-way is no result.
   */
  function expectKeptNotScored(run: Run): void {
    const data = join(run.dir, 'data', 'inktris');
    const kept = readdirSync(join(data, 'replays'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(data, 'replays', kept[0]!), 'utf8')).toBe(readFileSync(run.record!, 'utf8'));
    expect(existsSync(join(data, 'scores.json'))).toBe(false);
  }

  it.each([
    ['q', 'q', 0],
    ['Ctrl-C', 'C-c', 0],
  ])('%s: exit 0, terminal restored, recording saved', async (name, key, status) => {
    const run = await launch(name === 'q' ? 'quit' : 'ctrl-c');
    await dropOne(run);
    run.keys(key);
    const result = await finished(run);
    expect(result.code, result.stderr).toBe(status);
    expect(result.stderr).toBe('');
    expectRestored(result);
    expectRecorded(run);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s to the program: it dies of the signal (exit %d), terminal restored, recording saved', async (signal, status) => {
    const run = await launch(signal.toLowerCase());
    await dropOne(run);
    process.kill(run.pid, signal);
    const result = await finished(run);
    expect(result.code, result.stderr).toBe(status);
    expect(result.stderr).toBe('');
    expectRestored(result);
    expectRecorded(run);
  });

  it.each(['render', 'timer'] as const)(
    'an error thrown in a %s: one line on stderr, exit 1, terminal restored, recording saved',
    async (fault) => {
      const run = await launch(`fault-${fault}`, { fault });
      // The timer fails at the next row of fall after the hard drop. The painter draws the lock itself (NEXT is a field),
      // so React renders next for the pause's panel, and drawing fails there.
      await dropOne(run, false);
      if (fault === 'render') run.keys('p');
      const result = await finished(run);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toBe(`inktris: internal error: injected ${fault} fault (INKTRIS_FAULT=${fault})\n`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expectRestored(result);
      expectRecorded(run);
    },
  );

  it("the terminal closing (SIGHUP to everything in it): the recording and the archive's copy are saved", async () => {
    const run = await launch('hangup');
    await dropOne(run);
    tmux('kill-session', '-t', run.name);
    await until('the program to end', () => (ended(run.pid) ? true : undefined));
    expectRecorded(run);
    expectKeptNotScored(run);
  });

  describe.skipIf(!handOver)(`started by ${oldNode ?? 'an old Node'}, bin/inktris.js hands over to the project's Node 24`, () => {
    it('SIGTERM to the first process reaches the game: exit 143, terminal restored, recording saved', async () => {
      const run = await launch('old-node-sigterm', { node: oldNode });
      await dropOne(run);
      process.kill(run.pid, 'SIGTERM');
      const result = await finished(run);
      expect(result.code, result.stderr).toBe(143);
      expect(result.stderr).toBe('');
      expectRestored(result);
      expectRecorded(run);
    });

    it("the terminal closing (SIGHUP to both processes, and passed on once more): the recording and the archive's copy are saved", async () => {
      const run = await launch('old-node-hangup', { node: oldNode });
      await dropOne(run);
      const game = await until('the Node 24 child', () => {
        const child = spawnSync('ps', ['-o', 'pid=', '--ppid', String(run.pid)], { encoding: 'utf8' }).stdout.trim();
        return child ? Number(child.split('\n')[0]) : undefined;
      });
      tmux('kill-session', '-t', run.name);
      await until('both processes to end', () => (ended(run.pid) && ended(game) ? true : undefined));
      expectRecorded(run);
      expectKeptNotScored(run);
    });
  });
  if (!oldNode) it.skip('hand-over from Node 20: no /usr/bin/node or /usr/local/bin/node older than 22.12 on this machine', () => {});
  else if (!handOverTo)
    it.skip('hand-over from Node 20: no Node 24 in .node/ (the Node on the PATH is new enough, so nothing installed one)', () => {});

  /** The one stderr line after a game whose files failed: it names the failure and the file the replay went to. */
  function rescued(run: Run, stderr: string, failure: RegExp): string {
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(failure);
    const match = /; the replay is in (\S+\/inktris-replay-[\w-]+-seed1\.json)$/.exec(lines[0]!);
    expect(match, lines[0]).not.toBeNull();
    expect(match![1]!.startsWith(run.dir)).toBe(true);
    return match![1]!;
  }

  /** What `inktris replay FILE --json` says the game came to. */
  function replayScore(file: string): number {
    const summary = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'replay', file, '--json'], { encoding: 'utf8' });
    expect(summary.status, summary.stderr).toBe(0);
    return (JSON.parse(summary.stdout) as { score: number }).score;
  }

  it('a data folder that cannot be written: the game plays, q exits 0, one line names the failure and the replay saved in the current folder', async () => {
    // A read-only file system where this machine can mount one (EROFS); else a data folder below a regular file (ENOTDIR): root writes through permissions.
    const readOnly = join(work, 'ro-data');
    const mounted = tryMount(readOnly, 'size=64k,ro');
    if (mounted) mounts.push(readOnly);
    else writeFileSync(readOnly, 'a file, not a folder');
    const run = await launch('read-only', { dataHome: readOnly, record: false });
    const points = await dropOne(run);
    run.keys('q');
    const result = await finished(run);
    expect(result.code, result.stderr).toBe(0);
    expectRestored(result);
    const reason = mounted ? 'read-only file system' : 'part of the path is a file';
    const file = rescued(
      run,
      result.stderr,
      new RegExp(`^inktris: ${readOnly}/inktris: cannot keep replays and high scores there \\(${reason}\\)`),
    );
    expect(replayScore(file)).toBe(points);
  });

  it('a disk that fills up mid-game (a 64 KiB tmpfs): the game plays on, q exits 0, one line, the whole replay in the current folder', async (context) => {
    const disk = join(work, 'full');
    if (!tryMount(disk, 'size=64k')) {
      context.skip('cannot mount a tmpfs here (needs root outside a locked-down container)');
    }
    mounts.push(disk);
    const run = await launch('disk-full', { dataHome: disk, record: false });
    await until(
      'the game screen',
      () => (run.screen().includes('HOLD') && !run.screen().includes('READY') ? true : undefined),
      screenOf(run),
    );
    // The replay file exists now, within its first 4 KiB page; fill every other page of the disk.
    const filler = openSync(join(disk, 'filler'), 'w');
    try {
      for (const size of [4096, 1]) {
        for (;;) {
          try {
            writeSync(filler, Buffer.alloc(size));
          } catch {
            break;
          }
        }
      }
    } finally {
      closeSync(filler);
    }
    // About 200 moves (each one moves the piece, so each is recorded) take the replay past its first page: its next write fails with ENOSPC.
    for (let i = 0; i < 4; i++) run.keys(...Array.from({ length: 60 }, (_, j) => (j % 2 === 0 ? 'Left' : 'Right')));
    run.keys('Space');
    const points = await until(
      'a score after the hard drop',
      () => {
        const value = score(run.screen());
        return value > 0 ? value : undefined;
      },
      screenOf(run),
    );
    run.keys('q');
    const result = await finished(run);
    expect(result.code, result.stderr).toBe(0);
    expectRestored(result);
    const file = rescued(run, result.stderr, /cannot write the replay \(no space left on the disk\)/);
    expect(replayScore(file)).toBe(points);
    const inputs = JSON.parse(readFileSync(file, 'utf8')).inputs as unknown[];
    expect(inputs.length).toBeGreaterThan(200);
    expect(readdirSync(join(disk, 'inktris', 'replays'))).toEqual([]);
  });
});

if (!hasTmux) {
  describe('every way out of inktris play (tmux)', () => {
    it.skip('needs tmux on the PATH to run the program in a pseudo-terminal', () => {});
  });
}
