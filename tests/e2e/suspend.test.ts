/**
 * Ctrl-Z and `fg` with the real program in a real pseudo-terminal (tmux, its
 * own server): while the game is stopped the shell has its terminal back
 * (normal screen, cursor shown, the line discipline cooked); after `fg` the
 * game is drawn again, paused, and keys are keys again, not echoed `^[[D`.
 * The same for SIGTSTP sent by `kill -TSTP`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, EXIT_LINE, HAS_TMUX, tmuxServer } from './tmux.js';

const socket = `inktris-e2e-suspend-${process.pid}`;
const { tmux, waitFor, kill } = tmuxServer(socket);

/** `#{alternate_on} #{cursor_flag}` of the pane: `1 0` while the game has it, `0 1` for the shell. */
const screenModes = (session: string): string => tmux('display-message', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim();

/** Type a command line into the pane's shell. */
function type(session: string, line: string): void {
  tmux('send-keys', '-t', session, '-l', line);
  tmux('send-keys', '-t', session, 'Enter');
}

/** The game's process id: the shell's child running bin/inktris.js. */
function gamePid(session: string): number {
  const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', shell], { encoding: 'utf8' }).trim().split('\n');
  const game = children.find((line) => line.includes('bin/inktris.js'));
  expect(game, children.join('\n')).toBeDefined();
  return Number(game!.trim().split(/\s+/)[0]);
}

/** The text under a sidebar label (SCORE, TIME), or '' when nothing is drawn there. */
function under(text: string, label: string): string {
  const rows = text.split('\n');
  const at = rows.findIndex((row) => row.includes(label));
  if (at < 0) return '';
  const column = rows[at]!.indexOf(label);
  return rows[at + 1]!.slice(column).trim().split(/\s+/)[0] ?? '';
}

/** The board's rows on the screen (between its top and bottom borders). */
function boardRows(text: string): string {
  return text
    .split('\n')
    .filter((row) => /[│|].*[│|]/.test(row))
    .join('\n');
}

describe.skipIf(!HAS_TMUX)('Ctrl-Z and fg (tmux)', () => {
  let dir = '';
  let app = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inktris-e2e-suspend-'));
    // A build of its own: a parallel rebuild of dist/ cannot pull files from under the game.
    app = buildApp(dir);
  }, 60_000);

  afterAll(() => {
    if (HAS_TMUX) kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A shell in a new 80 x 24 session running the game alone (a list after it would run on when it stops). */
  async function startGame(session: string): Promise<void> {
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', 'bash --norc --noprofile');
    type(session, `cd ${JSON.stringify(app)} && stty -a > ${dir}/${session}-stty-before.txt`);
    type(
      session,
      `XDG_DATA_HOME=${dir}/${session}-data XDG_CONFIG_HOME=${dir}/${session}-config CI=true ${JSON.stringify(process.execPath)} bin/inktris.js play --seed 3`,
    );
    await waitFor(session, 'the game screen', (t) => t.includes('HOLD') && t.includes('█'));
    expect(screenModes(session)).toBe('1 0');
  }

  /** While stopped: the shell's prompt on the normal screen, the cursor shown, the terminal cooked. */
  async function expectShellHasTerminal(session: string): Promise<void> {
    const stopped = await waitFor(session, 'the shell saying the job stopped', (t) => /Stopped/.test(t));
    expect(stopped).not.toContain('HOLD');
    expect(screenModes(session)).toBe('0 1');
    const file = `${dir}/${session}-stty-stopped.txt`;
    type(session, `stty -a > ${file}`);
    await waitFor(session, 'stty -a while stopped', () => existsSync(file) && readFileSync(file, 'utf8').length > 0);
    const stty = readFileSync(file, 'utf8');
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
    expect(stty).toBe(readFileSync(`${dir}/${session}-stty-before.txt`, 'utf8'));
  }

  /** After `fg`: the game again, paused, and keys work: p resumes, left moves the piece. */
  async function expectGameBack(session: string): Promise<void> {
    type(session, 'fg');
    // The numbers are drawn too (straight to the terminal, not by Ink, in a write of their own just after
    // Ink's frame, which a capture can fall between): the whole screen is back.
    const back = await waitFor(
      session,
      'the game drawn again, paused, with its numbers',
      (t) => t.includes('HOLD') && t.includes('PAUSED') && under(t, 'SCORE') === '0',
    );
    expect(back).not.toContain('Stopped');
    expect(under(back, 'TIME')).toMatch(/^0:0\d$/);
    expect(screenModes(session)).toBe('1 0');
    tmux('send-keys', '-t', session, 'p');
    const playing = await waitFor(session, 'the board after p', (t) => !t.includes('PAUSED') && t.includes('█'));
    tmux('send-keys', '-t', session, 'Left');
    tmux('send-keys', '-t', session, 'Left');
    const moved = await waitFor(session, 'the piece moved left', (t) => boardRows(t) !== boardRows(playing) && t.includes('█'));
    // In cooked mode the terminal would have echoed the arrows instead.
    expect(moved).not.toContain('^[');
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, 'the shell after q', (t) => !t.includes('HOLD'));
    type(session, 'echo "EXIT=$?"');
    const after = await waitFor(session, 'the exit status', (t) => EXIT_LINE.test(t));
    expect(after.match(EXIT_LINE)![1], after).toBe('0');
    expect(screenModes(session)).toBe('0 1');
  }

  it('gives the terminal back on Ctrl-Z and takes it again, paused, on fg', async () => {
    const session = 'ctrlz';
    await startGame(session);
    tmux('send-keys', '-t', session, 'C-z');
    await expectShellHasTerminal(session);
    await expectGameBack(session);
  }, 60_000);

  it('does the same on SIGTSTP from kill', async () => {
    const session = 'tstp';
    await startGame(session);
    process.kill(gamePid(session), 'SIGTSTP');
    await expectShellHasTerminal(session);
    await expectGameBack(session);
  }, 60_000);
});

if (!HAS_TMUX) {
  describe('Ctrl-Z and fg (tmux)', () => {
    it.skip('needs tmux on the PATH to run the program in a pseudo-terminal', () => {});
  });
}
