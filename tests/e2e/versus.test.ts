/**
 * A versus match in a real pseudo-terminal (tmux, 120 x 30): against a fast
 * bot to its result while the player only hard-drops, and a local match in
 * which both players' keys move their own boards; each match file written
 * replays headless to the match summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, EXIT_LINE, HAS_TMUX, tmuxServer } from './tmux.js';

const socket = `inktris-versus-${process.pid}`;
const { tmux, screen, waitFor, kill } = tmuxServer(socket);

describe.skipIf(!HAS_TMUX)('inktris versus in a terminal (tmux)', () => {
  let dir = '';
  let app = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inktris-versus-'));
    app = buildApp(dir);
  }, 60_000);

  afterAll(() => {
    kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A shell at 120 x 30 running `inktris ARGS` with its own data folder, then printing EXIT=status. */
  const start = (session: string, args: string) => {
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', 'bash --norc --noprofile');
    const command =
      `cd ${JSON.stringify(app)} && XDG_DATA_HOME=${dir}/${session}-data XDG_CONFIG_HOME=${dir}/${session}-config ` +
      `${JSON.stringify(process.execPath)} bin/inktris.js ${args}; echo "EXIT=$?"`;
    tmux('send-keys', '-t', session, '-l', command);
    tmux('send-keys', '-t', session, 'Enter');
  };

  /** The match files in a session's data folder. */
  const kept = (session: string) => {
    const folder = join(dir, `${session}-data`, 'inktris', 'replays');
    return readdirSync(folder).map((name) => join(folder, name));
  };

  const summary = (file: string) =>
    JSON.parse(execFileSync(process.execPath, ['bin/inktris.js', 'replay', file, '--json'], { cwd: app, encoding: 'utf8' })) as {
      winner: number | null;
      players: { score: number; sent: number; pieces: number }[];
    };

  it('plays a match against a fast bot to its result, and its file replays to the same result', async () => {
    start('bot', 'versus --bot --bot-pps 10 --level 18 --seed 3');
    await waitFor('bot', 'both boards', (text) => text.includes('YOU') && text.includes('BOT') && !text.includes('READY'));
    // The player only hard-drops: the stack tops out in a few seconds.
    const shown = await (async () => {
      for (let i = 0; i < 60; i++) {
        tmux('send-keys', '-t', 'bot', 'Space');
        await new Promise((resolve) => setTimeout(resolve, 80));
        const text = screen('bot');
        if (text.includes('WINS') || text.includes('DRAW')) return text;
      }
      return waitFor('bot', 'the result box', (text) => text.includes('WINS') || text.includes('DRAW'));
    })();
    expect(shown).toContain('BOT WINS');
    expect(shown).toContain('rematch');
    tmux('send-keys', '-t', 'bot', 'q');
    const after = await waitFor('bot', 'the shell', (text) => EXIT_LINE.test(text));
    expect(EXIT_LINE.exec(after)![1]).toBe('0');
    expect(after).toContain('BOT won');
    const [file] = kept('bot');
    const match = summary(file!);
    expect(match.winner).toBe(2);
    expect(match.players[1]!.pieces).toBeGreaterThan(0);
  }, 20_000);

  it('moves both boards in a local match by their own keys', async () => {
    start('local', 'versus --local --seed 4');
    const first = await waitFor('local', 'both boards', (text) => text.includes('P1') && text.includes('P2') && !text.includes('READY'));
    // Player 1 hard-drops twice with space, player 2 once with Enter.
    tmux('send-keys', '-t', 'local', 'a', 'a', 'Space');
    tmux('send-keys', '-t', 'local', 'Right', 'Enter');
    await new Promise((resolve) => setTimeout(resolve, 200));
    tmux('send-keys', '-t', 'local', 'd', 'Space');
    const moved = await waitFor(
      'local',
      'both pieces down',
      (text) => text !== first && text.split('\n').at(-7) !== first.split('\n').at(-7),
    );
    expect(moved).toContain('P1');
    tmux('send-keys', '-t', 'local', 'C-c');
    const after = await waitFor('local', 'the shell', (text) => EXIT_LINE.test(text));
    expect(EXIT_LINE.exec(after)![1]).toBe('0');
    const [file] = kept('local');
    const match = summary(file!);
    expect(match.players[0]!.pieces).toBe(2);
    expect(match.players[1]!.pieces).toBe(1);
    expect(match.winner).toBeNull();
  }, 20_000);
});
