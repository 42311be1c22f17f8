/**
 * `inktris serve` with the real OpenSSH client (ssh, sftp, ssh-keygen) and,
 * for the interactive sessions, tmux: the menu over SSH, a game played to
 * its end and then on the server's table (in the menu and `inktris scores
 * --server`), every refusal with its message, the limits, idle close,
 * SIGTERM, and kill -9 with the table and replays intact afterwards.
 *
 * Two games are played to their end with the real keys over SSH. A
 * guideline marathon of hard drops to the top (hard drops score points under
 * the guideline rules), for the table, kill -9 and restarts. And a sprint to
 * its 40 lines on a server started with `--seed`: the bot plans it headless
 * on that seed, every piece placed by hold, rotations, sideways moves and a
 * hard drop from where it spawns (so the tick a key arrives in does not
 * matter), and the test presses each piece's keys once the screen shows the
 * last piece locked where the plan put it and the next one in play.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botTurns } from '../../src/bot/index.js';
import { VISIBLE_HEIGHT, WIDTH, type Board, type InputName } from '../../src/core/index.js';
import { formatTime } from '../../src/ui/frame/layout.js';
import { buildApp, HAS_TMUX, tmuxServer } from './tmux.js';

const HAS_SSH = spawnSync('ssh', ['-V'], { encoding: 'utf8' }).status === 0;
const socket = `inktris-serve-${process.pid}`;
const { tmux, waitFor, kill: killTmux } = tmuxServer(socket);
const SSH_OPTIONS = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR'];

/** The tmux key for each input the sprint plan presses (the session's default keymap, src/ui/input/keymap.ts). */
const TMUX_KEY: Partial<Record<InputName, string>> = { left: 'Left', right: 'Right', cw: 'Up', ccw: 'z', hold: 'c', hardDrop: 'Space' };

/** Rows of the well compared with the plan, from the floor up: the piece in play spawns and falls above them. */
const CHECKED_ROWS = 16;

/** The well's rows on a screen, the floor first, each a string of `#` (a block) and `.` (empty or the ghost); null if no well is shown. */
function wellRows(text: string): string[] | null {
  const lines = text.split('\n');
  const top = lines.findIndex((line) => line.includes(`┌${'─'.repeat(2 * WIDTH)}┐`));
  if (top === -1 || lines.length < top + VISIBLE_HEIGHT + 1) return null;
  const left = [...lines[top]!].indexOf('┌') + 1;
  const rows: string[] = [];
  for (let y = 0; y < VISIBLE_HEIGHT; y++) {
    const line = [...lines[top + VISIBLE_HEIGHT - y]!];
    let row = '';
    for (let x = 0; x < WIDTH; x++) row += line[left + 2 * x] === '█' ? '#' : '.';
    rows.push(row);
  }
  return rows;
}

/** The core's locked board as `wellRows` shows it, the floor first. */
function boardRows(board: Board): string[] {
  const rows: string[] = [];
  for (let y = 0; y < VISIBLE_HEIGHT; y++) {
    let row = '';
    for (let x = 0; x < WIDTH; x++) row += board[y * WIDTH + x] ? '#' : '.';
    rows.push(row);
  }
  return rows;
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly fingerprint: string;
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe.skipIf(!HAS_TMUX || !HAS_SSH)('inktris serve with the OpenSSH client', () => {
  let work = '';
  let app = '';
  const servers: ChildProcess[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'inktris-serve-'));
    app = buildApp(work);
  }, 60_000);

  afterAll(() => {
    killTmux();
    for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Start `inktris serve --port 0` with `args`; settles once it prints its port and fingerprint. */
  async function serve(data: string, ...args: string[]): Promise<Server> {
    const child = spawn(process.execPath, [join(app, 'bin', 'inktris.js'), 'serve', '--port', '0', '--data', data, ...args], {
      env: { ...process.env, XDG_DATA_HOME: join(work, 'xdg') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    servers.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 15_000;
    for (;;) {
      const match = /port (\d+); host key ED25519 (SHA256:\S+)/.exec(stdout);
      if (match) return { child, port: Number(match[1]), fingerprint: match[2]!, output: () => ({ stdout, stderr }), exited };
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const ssh = (port: number, ...args: string[]) =>
    spawnSync('ssh', ['-p', String(port), ...SSH_OPTIONS, ...args], { encoding: 'utf8', timeout: 20_000, input: '' });

  /** An interactive ssh in a tmux pane of 80 x 30. */
  function player(name: string, port: number, user = 'ann', extra: string[] = []) {
    const command = [
      'ssh',
      '-tt',
      '-p',
      String(port),
      ...SSH_OPTIONS,
      ...extra,
      `${user}@127.0.0.1`,
      ';',
      'echo',
      'SSH-EXIT=$?',
      ';',
      'sleep',
      '30',
    ].join(' ');
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '30', command);
    return { keys: (...list: string[]) => tmux('send-keys', '-t', name, ...list) };
  }

  /** Hard drops until GAME OVER shows; the screen then. */
  async function dropToTheEnd(who: { keys: (...list: string[]) => string }, pane: string): Promise<string> {
    for (let i = 0; i < 80; i++) {
      who.keys('Space');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const text = tmux('capture-pane', '-p', '-t', pane);
      if (text.includes('GAME OVER')) return text;
    }
    throw new Error('the game did not end');
  }

  it('makes an ed25519 host key with mode 0600 and prints the fingerprint OpenSSH sees', async () => {
    const data = join(work, 'key');
    const server = await serve(data);
    expect(statSync(join(data, 'host_ed25519_key')).mode & 0o777).toBe(0o600);
    const scan = spawnSync('ssh-keyscan', ['-t', 'ed25519', '-p', String(server.port), '127.0.0.1'], { encoding: 'utf8' });
    const keyFile = join(work, 'scanned.pub');
    writeFileSync(keyFile, scan.stdout);
    const listed = execFileSync('ssh-keygen', ['-l', '-f', keyFile], { encoding: 'utf8' });
    expect(listed).toContain(server.fingerprint);
    // The same key at the next start.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    const again = await serve(data);
    expect(again.fingerprint).toBe(server.fingerprint);
    again.child.kill('SIGTERM');
    await again.exited;
  }, 30_000);

  it('refuses exec, sftp, forwarding and a session without a terminal, each with its message', async () => {
    const server = await serve(join(work, 'refusals'));
    const exec = ssh(server.port, 'ann@127.0.0.1', 'echo', 'hi');
    expect(exec.status).not.toBe(0);
    expect(exec.stdout).not.toContain('hi');
    expect(exec.stderr).toContain('inktris: no commands here');
    // OpenSSH asks for chacha20-poly1305 first; the server offers AES only (node crypto, not ssh2's JavaScript).
    const kex = spawnSync('ssh', ['-v', '-p', String(server.port), ...SSH_OPTIONS, 'ann@127.0.0.1', 'true'], {
      encoding: 'utf8',
      timeout: 20_000,
      input: '',
    });
    expect(kex.stderr).toMatch(/kex: server->client cipher: aes128-ctr/);
    expect(kex.stderr).not.toMatch(/cipher: chacha20/);

    const sftp = spawnSync('sftp', ['-P', String(server.port), ...SSH_OPTIONS, 'ann@127.0.0.1'], {
      encoding: 'utf8',
      timeout: 20_000,
      input: '',
    });
    expect(sftp.status).not.toBe(0);
    expect(sftp.stderr).toContain('inktris: no sftp here');

    const remote = ssh(server.port, '-N', '-o', 'ExitOnForwardFailure=yes', '-R', '0:127.0.0.1:9', 'ann@127.0.0.1');
    expect(remote.status).toBe(255);
    expect(remote.stderr).toMatch(/remote port forwarding failed/);

    const noPty = ssh(server.port, '-T', 'ann@127.0.0.1');
    expect(noPty.status).not.toBe(0);
    expect(noPty.stderr).toContain('inktris: a terminal is needed to play');
    server.child.kill('SIGTERM');
    await server.exited;
  }, 60_000);

  it('refuses -L: the forwarded connection is closed and ssh says the channel was refused', async () => {
    const server = await serve(join(work, 'local-forward'));
    const local = 20000 + (process.pid % 20000);
    const child = spawn(
      'ssh',
      ['-p', String(server.port), ...SSH_OPTIONS.slice(0, -2), '-N', '-L', `${local}:127.0.0.1:${server.port}`, 'ann@127.0.0.1'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const net = await import('node:net');
    const deadline = Date.now() + 10_000;
    while (!/open failed/.test(stderr) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const c = net.connect(local, '127.0.0.1', () => c.write('x'));
        c.on('error', () => resolve());
        c.on('close', () => resolve());
        setTimeout(() => {
          c.destroy();
          resolve();
        }, 500);
      });
    }
    child.kill();
    expect(stderr).toMatch(/open failed: administratively prohibited/);
    server.child.kill('SIGTERM');
    await server.exited;
  }, 30_000);

  it('refuses a name with escape characters, and prints nothing raw', async () => {
    const server = await serve(join(work, 'names'));
    // OpenSSH itself will not send such a name; ssh2's client does, and the server says no with a printable line.
    const said = await new Promise<{ text: string; code: number | null }>((resolve, reject) => {
      const client = new ssh2.Client();
      let text = '';
      client.on('ready', () => {
        client.shell({ term: 'xterm', cols: 80, rows: 24 }, (error, stream) => {
          if (error) return reject(error);
          let code: number | null = null;
          stream.on('exit', (c: number) => {
            code = c;
          });
          stream.on('data', (d: Buffer) => {
            text += d;
          });
          stream.stderr.on('data', (d: Buffer) => {
            text += d;
          });
          stream.on('close', () => {
            client.end();
            resolve({ text, code });
          });
        });
      });
      client.on('error', reject);
      client.connect({ host: '127.0.0.1', port: server.port, username: '\u001b]0;x\u0007', password: 'x' });
    });
    expect(said.code).toBe(2);
    expect(said.text).toContain('the player name (the SSH user name) has characters that are not printable');
    expect(said.text).not.toMatch(/[\u001b\u0007]/);
    // Too long a name, from OpenSSH.
    tmux(
      'new-session',
      '-d',
      '-s',
      'longname',
      '-x',
      '80',
      '-y',
      '24',
      `ssh -tt -p ${server.port} ${SSH_OPTIONS.join(' ')} abcdefghijklmnopq@127.0.0.1; echo SSH-EXIT=$?; sleep 30`,
    );
    const screen = await waitFor('longname', 'the refusal', (text) => /SSH-EXIT=\d+/.test(text));
    expect(screen).toContain('longer than 16 characters');
    expect(screen).toContain('SSH-EXIT=2');
    server.child.kill('SIGTERM');
    await server.exited;
  }, 30_000);

  it('with --authorized-keys takes only the listed key', async () => {
    const good = join(work, 'good_key');
    const bad = join(work, 'bad_key');
    for (const file of [good, bad]) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
    const authorized = join(work, 'authorized_keys');
    writeFileSync(authorized, `# the one player\n${execFileSync('cat', [`${good}.pub`], { encoding: 'utf8' })}`);
    const server = await serve(join(work, 'private'), '--authorized-keys', authorized);
    const denied = ssh(server.port, '-o', 'IdentitiesOnly=yes', '-i', bad, 'ann@127.0.0.1', 'echo', 'hi');
    expect(denied.status).toBe(255);
    expect(denied.stderr).toContain('Permission denied');
    const none = ssh(server.port, '-o', 'IdentitiesOnly=yes', '-o', 'PubkeyAuthentication=no', 'ann@127.0.0.1', 'echo', 'hi');
    expect(none.status).toBe(255);
    const allowed = ssh(server.port, '-o', 'IdentitiesOnly=yes', '-i', good, 'ann@127.0.0.1', 'echo', 'hi');
    // In: the server's own refusal of a command, past authentication.
    expect(allowed.stderr).toContain('inktris: no commands here');
    server.child.kill('SIGTERM');
    await server.exited;
    // A file that holds no key is bad input: one line, exit 2.
    writeFileSync(authorized, 'not a key\n');
    const refused = spawnSync(
      process.execPath,
      [join(app, 'bin', 'inktris.js'), 'serve', '--port', '0', '--data', join(work, 'private'), '--authorized-keys', authorized],
      {
        encoding: 'utf8',
      },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('plays a game over SSH to its end, keeps it on the table, and survives kill -9', async () => {
    const data = join(work, 'games');
    const server = await serve(data);
    const ann = player('ann', server.port);
    await waitFor('ann', 'the menu', (text) => text.includes('Marathon') && text.includes('Settings'));
    // The rule set (the row after Quit) to guideline, back to Marathon, play.
    for (let i = 0; i < 10; i++) ann.keys('Down');
    ann.keys('Right');
    await waitFor('ann', 'guideline chosen', (text) => text.includes('< guideline >'));
    for (let i = 0; i < 10; i++) ann.keys('Up');
    ann.keys('Enter');
    await waitFor('ann', 'the game', (text) => text.includes('SCORE') && text.includes('HOLD'));
    const over = await dropToTheEnd(ann, 'ann');
    await waitFor('ann', 'its rank', (text) => text.includes('HIGH SCORE') && text.includes('#1'));
    const score = Number(/SCORE\s+(\d+)\s*│/.exec(over)?.[1]);
    expect(score).toBeGreaterThan(0);

    // The server's table, in the menu and on the command line.
    ann.keys('m');
    await waitFor('ann', 'the menu again', (text) => text.includes('> Marathon'));
    for (let i = 0; i < 7; i++) ann.keys('Down');
    ann.keys('Enter');
    ann.keys('Left');
    await waitFor('ann', 'the server table', (text) => text.includes('GUIDELINE MARATHON') && /\b1\s+\d+.*\bann\b/.test(text));
    const table = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'scores', '--server', data, '--json'], { encoding: 'utf8' });
    expect(table.status).toBe(0);
    const [entry] = JSON.parse(table.stdout)['guideline-marathon'];
    expect(entry.player).toBe('ann');
    expect(readdirSync(join(data, 'replays'))).toContain(entry.replay);

    // A second game to its end, and kill -9 the moment GAME OVER shows: its row was committed before.
    ann.keys('Escape');
    await waitFor('ann', 'the menu', (text) => text.includes('> Scores'));
    for (let i = 0; i < 7; i++) ann.keys('Up');
    ann.keys('Enter');
    await waitFor('ann', 'a second game', (text) => text.includes('HOLD') && !text.includes('GAME OVER'));
    await dropToTheEnd(ann, 'ann');
    server.child.kill('SIGKILL');
    await server.exited;
    const check = (games: number) => {
      const db = new DatabaseSync(join(data, 'scores.sqlite'));
      expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      expect((db.prepare('SELECT COUNT(*) AS n FROM games').get() as { n: number }).n).toBe(games);
      const replays = (db.prepare('SELECT replay FROM games').all() as { replay: string }[]).map((row) => row.replay);
      db.close();
      for (const name of replays) expect(readdirSync(join(data, 'replays'))).toContain(name);
    };
    check(2);

    // Restarted: a game under way when kill -9 comes; the two finished ones are intact.
    const restarted = await serve(data);
    const bob = player('bob', restarted.port, 'bob');
    await waitFor('bob', 'the menu', (text) => text.includes('Marathon'));
    bob.keys('Enter');
    await waitFor('bob', 'a game', (text) => text.includes('HOLD'));
    bob.keys('Space');
    restarted.child.kill('SIGKILL');
    await restarted.exited;
    check(2);
    const again = await serve(data);
    const after = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'scores', '--server', data, '--json'], { encoding: 'utf8' });
    const kept = JSON.parse(after.stdout)['guideline-marathon'];
    expect(kept).toHaveLength(2);
    expect(kept.map((e: { score: number }) => e.score)).toContain(score);
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  }, 90_000);

  it('plays a sprint over SSH to its 40 lines with serve --seed, and the time is on the table and in the kept replay', async () => {
    // The plan, headless: the bot's sprint on the server's seed, every piece placed by hold, rotations, sideways moves
    // and a hard drop from where it spawns, so it does not depend on the tick a key arrives in.
    const seed = 7;
    const plan = [...botTurns({ seed, pieces: Number.POSITIVE_INFINITY, mode: 'sprint', rules: 'nes', startLevel: 0 })];
    expect(plan.at(-1)!.state.lines).toBe(40);
    expect(plan.at(-1)!.state.status).toBe('over');
    for (const turn of plan) for (const [, input] of turn.inputs) expect(TMUX_KEY[input]).toBeDefined();
    for (const turn of plan)
      expect(Math.max(...boardRows(turn.state.board).map((row, y) => (row.includes('#') ? y + 1 : 0)))).toBeLessThan(CHECKED_ROWS);

    const data = join(work, 'sprint');
    const server = await serve(data, '--seed', String(seed));
    const ann = player('ann-sprint', server.port, 'ann');
    await waitFor('ann-sprint', 'the menu', (text) => text.includes('Marathon') && text.includes('Settings'));
    ann.keys('Down');
    await waitFor('ann-sprint', 'Sprint chosen', (text) => text.includes('> Sprint'));
    ann.keys('Enter');
    const spawned = (text: string) => !text.includes('READY') && /\[\]/.test(text);
    await waitFor('ann-sprint', 'the sprint under way', (text) => text.includes('LINES LEFT') && spawned(text));
    // At most 100 key events a second reach a session (the rest are dropped): the plan keeps under 80.
    const sent: number[] = [];
    for (const [n, turn] of plan.entries()) {
      const keys = turn.inputs.map(([, input]) => TMUX_KEY[input]!);
      while (sent.length > 0 && sent.length + keys.length > 80 && Date.now() - sent[0]! < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() - sent[0]!)));
        while (sent.length > 0 && Date.now() - sent[0]! >= 1000) sent.shift();
      }
      ann.keys(...keys);
      for (const _ of keys) sent.push(Date.now());
      while (sent.length > 0 && Date.now() - sent[0]! >= 1000) sent.shift();
      // The piece locked where the plan put it, and the next one is in play (its ghost shows) before its keys go.
      const want = boardRows(turn.state.board).slice(0, CHECKED_ROWS).join('/');
      const last = n === plan.length - 1;
      await waitFor(
        'ann-sprint',
        `piece ${n + 1} of ${plan.length} (${turn.landed.type}: ${keys.join(' ')}) locked as planned: ${want}`,
        (text) => (last ? text.includes('FINISHED') : wellRows(text)?.slice(0, CHECKED_ROWS).join('/') === want && spawned(text)),
        10_000,
        // A piece without a clear is on the screen a frame or two after its keys: a short poll keeps 102 pieces to seconds.
        10,
      );
    }
    const end = await waitFor('ann-sprint', 'the rank', (text) => text.includes('FINISHED') && text.includes('HIGH SCORE'));
    const shownTime = /TIME\s+(\d+:\d\d\.\d\d) │/.exec(end)?.[1];
    expect(end).toMatch(/LINES\s+40 │/);

    // The server's table on the command line: the time shown, the pieces of the plan, on the server's seed.
    const table = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'scores', '--server', data, '--json'], { encoding: 'utf8' });
    expect(table.status).toBe(0);
    const [entry, ...others] = JSON.parse(table.stdout).sprint;
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ player: 'ann', lines: 40, pieces: plan.length, seed, startLevel: 0 });
    expect(formatTime(entry.time, true)).toBe(shownTime);
    // The kept replay replays to the same 40 lines and time, by the plan's very inputs: no key lost or doubled on the way.
    const file = join(data, 'replays', entry.replay);
    const summary = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'replay', file, '--json'], { encoding: 'utf8' });
    expect(summary.status).toBe(0);
    // The same placements, not the same score: each row gravity moves a piece before its hard drop is two points fewer (RULES.md).
    const replayed = JSON.parse(summary.stdout) as {
      state: string;
      topOut: null;
      lines: number;
      time: number;
      pieces: number;
      board: string[];
    };
    expect(replayed).toMatchObject({ state: 'over', topOut: null, lines: 40, time: entry.time, pieces: plan.length });
    expect(replayed.board.map((row) => row.replace(/[^.]/g, '#')).reverse()).toEqual(boardRows(plan.at(-1)!.state.board));
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { seed: number; inputs: [number, InputName][] };
    expect(kept.seed).toBe(seed);
    expect(kept.inputs.map(([, input]) => input)).toEqual(plan.flatMap((turn) => turn.inputs.map(([, input]) => input)));

    // And in the menu's Scores, on the sprint table.
    ann.keys('m');
    await waitFor('ann-sprint', 'the menu again', (text) => text.includes('> Sprint'));
    for (let i = 0; i < 6; i++) ann.keys('Down');
    await waitFor('ann-sprint', 'Scores chosen', (text) => text.includes('> Scores'));
    ann.keys('Enter');
    await waitFor('ann-sprint', 'the scores', (text) => text.includes('SCORES: MARATHON'));
    ann.keys('Right');
    const row = new RegExp(`^\\s*1\\s+${shownTime!.replace('.', '\\.')}\\s+${plan.length}\\s+0\\s+.*\\bann\\s*$`, 'm');
    await waitFor(
      'ann-sprint',
      `the sprint table with ${shownTime}`,
      (text) => text.includes('SCORES: SPRINT (40 lines)') && row.test(text),
    );
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 90_000);

  it('lets a second client watch a game in progress live, and ends the watch when its player leaves', async () => {
    const server = await serve(join(work, 'live'));
    const ann = player('ann-live', server.port, 'ann');
    await waitFor('ann-live', 'the menu', (text) => text.includes('Marathon') && text.includes('Settings'));
    ann.keys('Enter');
    await waitFor('ann-live', 'the game', (text) => text.includes('HOLD') && !text.includes('READY'));
    ann.keys('Space');
    ann.keys('Space');
    const cy = player('cy-live', server.port, 'cy');
    await waitFor('cy-live', 'the menu', (text) => text.includes('Marathon'));
    cy.keys('w');
    await waitFor('cy-live', 'the live game listed', (text) => /LIVE\s+ann\s+nes marathon/.test(text));
    cy.keys('Enter');
    // A late joiner sees the board as it is: the pieces ann dropped are on it at once.
    const first = await waitFor('cy-live', 'the watched game', (text) => text.includes('HOLD') && text.includes('SCORE'));
    const board = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.includes('│'))
        .join('\n');
    // Ann plays on; what cy sees changes with it, and cy's keys do nothing to it.
    cy.keys('Space');
    for (let i = 0; i < 3; i++) ann.keys('Space');
    await waitFor('cy-live', 'the board changed', (text) => board(text) !== board(first) && text.includes('HOLD'));
    // Cy's space dropped nothing in ann's game: ann's score is what ann's drops made it.
    expect(tmux('capture-pane', '-p', '-t', 'cy-live')).not.toContain('GAME OVER');
    // Ann's session ends: the watch ends with a message, back on the list.
    tmux('kill-session', '-t', 'ann-live');
    await waitFor('cy-live', 'the watch ended', (text) => text.includes('ann has left the server') && text.includes('WATCH'));
    cy.keys('q');
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);

  it('plays a versus match against the bot over SSH to its result, watched live by a second client, and keeps the match file', async () => {
    const data = join(work, 'versus');
    const server = await serve(data);
    const ann = player('ann-vs', server.port, 'ann');
    tmux('resize-window', '-t', 'ann-vs', '-x', '120', '-y', '30');
    await waitFor('ann-vs', 'the menu', (text) => text.includes('Marathon') && text.includes('< bot >'));
    // Marathon, Sprint, Ultra, Dig, Versus.
    for (let i = 0; i < 4; i++) ann.keys('Down');
    ann.keys('Enter');
    await waitFor('ann-vs', 'both boards', (text) => text.includes('BOT') && text.includes('SENT') && !text.includes('READY'));
    ann.keys('Space');
    // A second client watches the match live: both boards, ann under her server name.
    const cy = player('cy-vs', server.port, 'cy');
    tmux('resize-window', '-t', 'cy-vs', '-x', '120', '-y', '30');
    await waitFor('cy-vs', 'the menu', (text) => text.includes('Marathon'));
    cy.keys('w');
    await waitFor('cy-vs', 'the live match listed', (text) => /LIVE\s+ann vs BOT\s+nes versus/.test(text));
    cy.keys('Enter');
    await waitFor('cy-vs', 'the watched match', (text) => /\bann\b/.test(text) && text.includes('BOT') && text.includes('SENT'));
    let result = '';
    for (let i = 0; i < 80 && !result; i++) {
      ann.keys('Space');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const text = tmux('capture-pane', '-p', '-t', 'ann-vs');
      if (/WINS|DRAW/.test(text)) result = text;
    }
    expect(result).toMatch(/BOT WINS/);
    // The watcher sees the result too, without the keys of the players' result box.
    const watched = await waitFor('cy-vs', 'the result watched', (text) => text.includes('BOT WINS'));
    expect(watched).not.toContain('rematch');
    // The match file is in the server's replays before the result shows, the player named as the server knows them.
    const [name] = readdirSync(join(data, 'replays'));
    const summary = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'replay', join(data, 'replays', name!), '--json'], {
      encoding: 'utf8',
    });
    expect(summary.status).toBe(0);
    const match = JSON.parse(summary.stdout);
    expect(match.winner).toBe(2);
    expect(match.players[0].topOut).not.toBeNull();
    expect(match.players[0].pieces).toBeGreaterThan(5);
    expect(readFileSync(join(data, 'replays', name!), 'utf8')).toContain('"name": "ann"');
    // Ann leaves the result box for the menu: the watch waits for her next game.
    ann.keys('q');
    await waitFor('cy-vs', 'ann in the menu', (text) => text.includes('ann is not in a game now'));
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);

  it('lets ann challenge bob from the Lobby; bob accepts, they play to a result both see, cy watches it live, and the match file names both', async () => {
    const data = join(work, 'lobby');
    const server = await serve(data);
    const ann = player('ann-duel', server.port, 'ann');
    const bob = player('bob-duel', server.port, 'bob');
    for (const pane of ['ann-duel', 'bob-duel']) tmux('resize-window', '-t', pane, '-x', '120', '-y', '30');
    await waitFor('bob-duel', 'the menu', (text) => text.includes('Lobby') && text.includes('Settings'));
    await waitFor('ann-duel', 'the menu', (text) => text.includes('Lobby') && text.includes('Settings'));
    ann.keys('l');
    await waitFor('ann-duel', 'the lobby', (text) => text.includes('PLAYERS ONLINE') && /bob\s+in the menu/.test(text));
    ann.keys('Down');
    ann.keys('Enter');
    await waitFor('ann-duel', 'the wait', (text) => text.includes('waiting for bob to answer'));
    await waitFor(
      'bob-duel',
      'the challenge',
      (text) => text.includes('ann challenges you to a match') && text.includes('rules: nes, level 0'),
    );
    bob.keys('y');
    // Each sees both boards, their own on the left.
    const names = (text: string) => /^\s*(\S+)\s{20,}(\S+)\s*$/m.exec(text)?.slice(1);
    const annSees = await waitFor('ann-duel', 'the match', (text) => text.includes('SENT') && !text.includes('READY'));
    const bobSees = await waitFor('bob-duel', 'the match', (text) => text.includes('SENT') && !text.includes('READY'));
    expect(names(annSees)).toEqual(['ann', 'bob']);
    expect(names(bobSees)).toEqual(['bob', 'ann']);
    // A third client watches the match live: listed once (the host's), both boards.
    const cy = player('cy-duel', server.port, 'cy');
    tmux('resize-window', '-t', 'cy-duel', '-x', '120', '-y', '30');
    await waitFor('cy-duel', 'the menu', (text) => text.includes('Lobby') && text.includes('Settings'));
    cy.keys('w');
    const list = await waitFor('cy-duel', 'the live match listed', (text) => /LIVE\s+ann vs bob\s+nes versus/.test(text));
    expect(list.match(/LIVE/g)).toHaveLength(1);
    cy.keys('Enter');
    const cySees = await waitFor('cy-duel', 'the watched match', (text) => text.includes('SENT') && text.includes('q back'));
    expect(names(cySees)).toEqual(['ann', 'bob']);
    // bob moves his piece; ann hard-drops to the top.
    bob.keys('Left');
    let result = '';
    for (let i = 0; i < 80 && !result; i++) {
      ann.keys('Space');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const text = tmux('capture-pane', '-p', '-t', 'ann-duel');
      if (/WINS|DRAW/.test(text)) result = text;
    }
    expect(result).toContain('bob WINS');
    await waitFor('bob-duel', 'the result', (text) => text.includes('bob WINS') && text.includes('rematch'));
    const cyResult = await waitFor('cy-duel', 'the result watched', (text) => text.includes('bob WINS'));
    expect(cyResult).not.toContain('rematch');
    // Kept before the result showed, under both server names.
    const [name] = readdirSync(join(data, 'replays'));
    const text = readFileSync(join(data, 'replays', name!), 'utf8');
    expect(text).toContain('"name": "ann"');
    expect(text).toContain('"name": "bob"');
    const summary = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), 'replay', join(data, 'replays', name!), '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(summary.stdout).winner).toBe(2);
    // bob goes back to the menu: ann is told.
    bob.keys('m');
    await waitFor('ann-duel', 'the menu with the news', (screen) => screen.includes('bob left the match'));
    await waitFor('cy-duel', 'ann in the menu', (text) => text.includes('ann is not in a game now'));
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);

  it('keeps the limits: sessions per address, sessions in all, idle minutes', async () => {
    const perAddress = await serve(join(work, 'limits'), '--max-per-address', '1', '--idle-minutes', '0.05');
    player('first', perAddress.port);
    await waitFor('first', 'the menu', (text) => text.includes('Marathon'));
    player('second', perAddress.port, 'bob');
    const second = await waitFor('second', 'the refusal', (text) => /SSH-EXIT=\d+/.test(text));
    expect(second).toContain('too many sessions from your address');
    // Three seconds without a key: the first is closed with a message.
    const idle = await waitFor('first', 'the idle close', (text) => /SSH-EXIT=\d+/.test(text), 15_000);
    expect(idle).toContain('closed after 0.05 minutes without a key');
    perAddress.child.kill('SIGTERM');
    await perAddress.exited;

    const full = await serve(join(work, 'full'), '--max-sessions', '1');
    player('one', full.port);
    await waitFor('one', 'the menu', (text) => text.includes('Marathon'));
    player('two', full.port, 'bob');
    const two = await waitFor('two', 'the refusal', (text) => /SSH-EXIT=\d+/.test(text));
    expect(two).toContain('the server is full');
    // SIGTERM: the session in play is told, the server ends with 0.
    full.child.kill('SIGTERM');
    expect((await full.exited).code).toBe(0);
    const one = await waitFor('one', 'the goodbye', (text) => /SSH-EXIT=\d+/.test(text));
    expect(one).toContain('the server is shutting down');
  }, 90_000);

  it('survives garbage bytes, a client gone mid-packet and a key flood; the other sessions go on', async () => {
    const server = await serve(join(work, 'hostile'), '--max-per-address', '16');
    const net = await import('node:net');
    /** An ssh2 session in the menu, with what it has been sent so far. */
    const open = async (name: string) => {
      const client = new ssh2.Client();
      await new Promise<void>((resolve, reject) => {
        client.on('ready', () => resolve());
        client.on('error', reject);
        client.connect({ host: '127.0.0.1', port: server.port, username: name, password: 'x' });
      });
      const stream = await new Promise<ssh2.ClientChannel>((resolve, reject) =>
        client.shell({ term: 'xterm', cols: 80, rows: 24 }, (error, channel) => (error ? reject(error) : resolve(channel))),
      );
      const seen = { text: '' };
      stream.on('data', (d: Buffer) => {
        seen.text += d;
      });
      const deadline = Date.now() + 10_000;
      while (!seen.text.includes('Marathon') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(seen.text).toContain('Marathon');
      return { client, stream, seen };
    };
    const calm = await open('calm');
    // Garbage instead of a protocol, and garbage after a good banner.
    for (const bytes of [
      Buffer.from([0, 255, 13, 10, 27, 91, 50, 74]),
      Buffer.concat([Buffer.from('SSH-2.0-x\r\n'), Buffer.alloc(70_000, 0x41)]),
    ]) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1', () => socket.write(bytes));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 1000);
      });
    }
    // A flood of keys, then the socket cut mid-packet.
    const flood = await open('flood');
    flood.stream.write('\u001b[B'.repeat(20_000));
    (flood.client as unknown as { _sock: import('node:net').Socket })._sock.destroy();
    // The calm session still answers its keys.
    calm.seen.text = '';
    calm.stream.write('\u001b[B');
    const deadline = Date.now() + 5000;
    while (!calm.seen.text.includes('> Sprint') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(calm.seen.text).toContain('> Sprint');
    calm.client.end();
    expect(server.child.exitCode).toBeNull();
    const exec = ssh(server.port, 'ann@127.0.0.1', 'true');
    expect(exec.stderr).toContain('inktris: no commands here');
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(server.output().stderr).not.toMatch(/uncaught/);
  }, 60_000);
});
