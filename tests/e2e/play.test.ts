/**
 * The real program in a real pseudo-terminal: the bundle built by
 * scripts/build.mjs, run by a shell inside tmux at 80 x 24, driven with
 * send-keys and read with capture-pane. Hard drop scores, p hides the board,
 * a small terminal pauses, q quits with the terminal settings as they were,
 * SIGTERM saves the recording.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_LINE, HAS_TMUX, ROOT, tmuxServer } from './tmux.js';

const root = ROOT;
const hasTmux = HAS_TMUX;
// A server of our own, so the test never touches another tmux session.
const socket = `inktris-e2e-${process.pid}`;
const { tmux, waitFor } = tmuxServer(socket);

/** The number under SCORE on the screen. */
function score(text: string): number {
  const rows = text.split('\n');
  const at = rows.findIndex((row) => row.includes('SCORE'));
  const column = rows[at]!.indexOf('SCORE');
  return Number(rows[at + 1]!.slice(column).trim().split(/\s+/)[0]);
}

/** `stty -a` as the shell saw it after the game, once it is written. */
async function sttyAfter(session: string, dir: string): Promise<string> {
  const file = join(dir, `${session}-stty-after.txt`);
  await waitFor(session, 'stty -a after the game', () => existsSync(file) && readFileSync(file, 'utf8').length > 0);
  return readFileSync(file, 'utf8');
}

/** Start a shell in a new 80 x 24 session that runs the game with `args` and notes `stty -a` before and after. */
function startGame(session: string, dir: string, args: string): void {
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', 'bash --norc --noprofile');
  const node = process.execPath;
  const command =
    `cd ${JSON.stringify(root)} && stty -a > ${dir}/${session}-stty-before.txt; ` +
    // Its own data and config folders: the test never touches the high scores of whoever runs it.
    `XDG_DATA_HOME=${dir}/${session}-data XDG_CONFIG_HOME=${dir}/${session}-config CI=true ${JSON.stringify(node)} bin/inktris.js ${args}; ` +
    `echo "EXIT=$?"; stty -a > ${dir}/${session}-stty-after.txt`;
  tmux('send-keys', '-t', session, '-l', command);
  tmux('send-keys', '-t', session, 'Enter');
}

describe.skipIf(!hasTmux)('inktris play in a terminal (tmux)', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inktris-e2e-'));
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);

  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('plays: hard drop scores, p hides the board, a small terminal pauses, q quits and restores the terminal', async () => {
    const session = 'play';
    const record = join(dir, 'game.json');
    startGame(session, dir, `play --seed 1 --record ${record}`);

    const first = await waitFor(session, 'the game screen', (t) => t.includes('HOLD') && t.includes('NEXT') && t.includes('SCORE'));
    expect(score(first)).toBe(0);
    expect(first).toContain('█');

    tmux('send-keys', '-t', session, 'Space');
    const dropped = await waitFor(session, 'a score after the hard drop', (t) => score(t) > 0);
    // A hard drop from the top of an empty board: 2 points a row.
    expect(score(dropped) % 2).toBe(0);

    tmux('send-keys', '-t', session, 'p');
    // The pause hides the board. The painter's cells and Ink's frame are separate writes: on a loaded
    // machine a capture can fall between them, so the screen is waited for, not read once.
    const paused = await waitFor(
      session,
      'PAUSED over a hidden board',
      (t) => t.includes('PAUSED') && !t.includes('█') && !t.includes('[]'),
    );
    expect(paused).toContain('p esc to resume');
    tmux('send-keys', '-t', session, 'p');
    await waitFor(session, 'the board again', (t) => !t.includes('PAUSED') && t.includes('█'));

    tmux('resize-window', '-t', session, '-x', '40', '-y', '15');
    await waitFor(session, 'the too-small message', (t) => /Terminal too small: need \d+ x \d+/.test(t));
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor(session, 'the game back', (t) => t.includes('HOLD') && !t.includes('PAUSED'));

    tmux('send-keys', '-t', session, 'q');
    const after = await waitFor(session, 'the shell after quitting', (t) => EXIT_LINE.test(t));
    expect(after.match(EXIT_LINE)![1], after).toBe('0');
    // The alternate screen is gone: no game left on the shell's screen.
    expect(after).not.toContain('HOLD');
    expect(await sttyAfter(session, dir)).toBe(readFileSync(join(dir, `${session}-stty-before.txt`), 'utf8'));

    const replay = JSON.parse(readFileSync(record, 'utf8')) as { seed: number; inputs: [number, string][] };
    expect(replay.seed).toBe(1);
    expect(replay.inputs.map(([, input]) => input)).toContain('hardDrop');
    // Every game is kept in the data folder too; one quit mid-way is no result for the high-score table.
    const kept = readdirSync(join(dir, `${session}-data`, 'inktris', 'replays'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, `${session}-data`, 'inktris', 'replays', kept[0]!), 'utf8')).toBe(readFileSync(record, 'utf8'));
    expect(existsSync(join(dir, `${session}-data`, 'inktris', 'scores.json'))).toBe(false);
  }, 60_000);

  it('records each game of a session into a file of its own, and says on quit how the last went and how to watch it', async () => {
    const session = 'again';
    const record = join(dir, 'again.json');
    startGame(session, dir, `play --seed 3 --record ${record}`);
    await waitFor(session, 'the game screen', (t) => t.includes('HOLD') && t.includes('SCORE'));
    tmux('send-keys', '-t', session, 'Space');
    const first = score(await waitFor(session, 'a score after the hard drop', (t) => score(t) > 0));
    // r: a new game (the same seed again, as --seed asks).
    tmux('send-keys', '-t', session, 'r');
    await waitFor(session, 'the new game', (t) => score(t) === 0);
    tmux('send-keys', '-t', session, 'Left');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor(session, 'a score in the second game', (t) => score(t) > 0);
    tmux('send-keys', '-t', session, 'Space');
    const second = score(await waitFor(session, 'the second hard drop', (t) => score(t) > first));
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, 'the shell after quitting', (t) => EXIT_LINE.test(t));
    // The line may be wider than the pane: -J joins what the terminal wrapped.
    const after = tmux('capture-pane', '-p', '-J', '-t', session);
    const again2 = join(dir, 'again-2.json');
    expect(after).toContain(`inktris: marathon not finished: ${second} points, 0 lines, level 0, 0:0`);
    expect(after).toContain(
      ` · not in the high-score table · watch it: inktris replay --last · recorded in ${again2}, the earlier games in ${record}\n`,
    );
    expect(after.match(EXIT_LINE)![1], after).toBe('0');

    // Each file holds its own game: the first one hard drop, the second its move and two drops.
    const inputs = (path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')) as { inputs: [number, string][] }).inputs.map(([, input]) => input);
    expect(inputs(record)).toEqual(['hardDrop']);
    expect(inputs(again2)).toEqual(['left', 'hardDrop', 'hardDrop']);
    const summary = (path: string) =>
      JSON.parse(execFileSync(process.execPath, ['bin/inktris.js', 'replay', path, '--json'], { cwd: root, encoding: 'utf8' })) as {
        score: number;
      };
    expect(summary(record).score).toBe(first);
    expect(summary(again2).score).toBe(second);
    // Both games are in the archive too, and neither in the high-score table.
    expect(readdirSync(join(dir, `${session}-data`, 'inktris', 'replays'))).toHaveLength(2);
    expect(existsSync(join(dir, `${session}-data`, 'inktris', 'scores.json'))).toBe(false);
  }, 60_000);

  it('saves the recording and restores the terminal on SIGTERM', async () => {
    const session = 'term';
    const record = join(dir, 'term.json');
    startGame(session, dir, `play --seed 2 --record ${record}`);
    await waitFor(session, 'the game screen', (t) => t.includes('HOLD'));
    tmux('send-keys', '-t', session, 'Left');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor(session, 'a score', (t) => score(t) > 0);

    const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', shell], { encoding: 'utf8' }).trim().split('\n');
    const game = children.find((line) => line.includes('bin/inktris.js'));
    expect(game, children.join('\n')).toBeDefined();
    process.kill(Number(game!.trim().split(/\s+/)[0]), 'SIGTERM');

    const after = await waitFor(session, 'the shell after SIGTERM', (t) => EXIT_LINE.test(t));
    // 128 + 15: the program ends by the signal, as the shell expects, after the line on the game.
    expect(after.match(EXIT_LINE)![1], after).toBe('143');
    expect(tmux('capture-pane', '-p', '-J', '-t', session)).toMatch(
      /^inktris: marathon not finished: \d+ points, .* · watch it: inktris replay --last · recorded in .*term\.json$/m,
    );
    expect(await sttyAfter(session, dir)).toBe(readFileSync(join(dir, `${session}-stty-before.txt`), 'utf8'));
    const text = readFileSync(record, 'utf8');
    const replay = JSON.parse(text) as { inputs: [number, string][]; endTick: number };
    expect(
      replay.inputs.map(([, input]) => input),
      text,
    ).toEqual(['left', 'hardDrop']);
    expect(replay.endTick).toBeGreaterThanOrEqual(replay.inputs.at(-1)![0]);
  }, 60_000);
});

if (!hasTmux) {
  describe('inktris play in a terminal (tmux)', () => {
    it.skip('needs tmux on the PATH to run the program in a pseudo-terminal', () => {});
  });
}
