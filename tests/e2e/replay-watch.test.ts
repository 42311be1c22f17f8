/**
 * Watching a replay with the real program in a real pseudo-terminal (tmux,
 * 80 x 24, a server of our own): it starts playing, space pauses it, right
 * steps one piece, q quits with the terminal as it was. The program is built
 * into a folder of this test's own, so another test file's build never
 * pulls dist/ from under it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBot } from '../../src/bot/index.js';
import { serializeReplay } from '../../src/core/index.js';
import { buildApp, EXIT_LINE, HAS_TMUX, tmuxServer } from './tmux.js';

const hasTmux = HAS_TMUX;
const socket = `inktris-watch-${process.pid}`;
const { tmux, screen, waitFor } = tmuxServer(socket);

/** The sidebar's PIECES: pieces locked so far, and in the replay. */
function pieces(text: string): [number, number] | null {
  const match = /PIECES\s*\n.*?(\d+)\/(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

describe.skipIf(!hasTmux)('inktris replay FILE in a terminal (tmux)', () => {
  let work = '';
  let app = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'inktris-watch-'));
    app = buildApp(work);
  }, 60_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('plays a replay: space pauses, right steps a piece, q quits and restores the terminal', async () => {
    const game = playBot({ seed: 9, pieces: 60, pace: 40 });
    const file = join(work, 'game.json');
    writeFileSync(file, serializeReplay({ seed: 9, settings: {}, inputs: game.inputs }));
    const session = 'watch';
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', 'bash --norc --noprofile');
    const command =
      `cd ${JSON.stringify(app)} && stty -a > ${work}/stty-before.txt; ` +
      `XDG_DATA_HOME=${work}/data XDG_CONFIG_HOME=${work}/config CI=true ${JSON.stringify(process.execPath)} bin/inktris.js replay ${file}; ` +
      `echo "EXIT=$?"; stty -a > ${work}/stty-after.txt`;
    tmux('send-keys', '-t', session, '-l', command);
    tmux('send-keys', '-t', session, 'Enter');

    const first = await waitFor(session, 'the replay playing', (t) => t.includes('REPLAY') && (pieces(t)?.[0] ?? 0) >= 2);
    expect(pieces(first)![1]).toBe(60);
    expect(first).toMatch(/x1\s*\n/);

    tmux('send-keys', '-t', session, 'Space');
    const paused = await waitFor(session, 'the replay paused', (t) => t.includes('x1 ||'));
    const at = pieces(paused)![0];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(pieces(screen(session))![0]).toBe(at);

    tmux('send-keys', '-t', session, 'Right');
    await waitFor(session, 'one piece further', (t) => pieces(t)?.[0] === at + 1);

    tmux('send-keys', '-t', session, 'q');
    const after = await waitFor(session, 'the shell after quitting', (t) => EXIT_LINE.test(t));
    expect(after.match(EXIT_LINE)![1], after).toBe('0');
    expect(after).not.toContain('REPLAY');
    await waitFor(
      session,
      'stty -a after',
      () => existsSync(`${work}/stty-after.txt`) && readFileSync(`${work}/stty-after.txt`, 'utf8').length > 0,
    );
    expect(readFileSync(`${work}/stty-after.txt`, 'utf8')).toBe(readFileSync(`${work}/stty-before.txt`, 'utf8'));
  }, 90_000);

  it('plays a versus match file on both boards at 120 x 30 to the result; at 80 x 24 says the terminal is too small', async () => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'matches', 'versus.json');
    const session = 'versus';
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', 'bash --norc --noprofile');
    const command =
      `cd ${JSON.stringify(app)} && XDG_DATA_HOME=${work}/data XDG_CONFIG_HOME=${work}/config CI=true ` +
      `${JSON.stringify(process.execPath)} bin/inktris.js replay ${file}; echo "EXIT=$?"`;
    tmux('send-keys', '-t', session, '-l', command);
    tmux('send-keys', '-t', session, 'Enter');
    const playing = await waitFor(session, 'both boards playing', (t) => /ANN\s+BOT/.test(t) && t.includes('REPLAY'));
    expect(playing.match(/HOLD/g)).toHaveLength(2);
    expect(playing.match(/SENT/g)).toHaveLength(2);
    // Twice as fast, to the end.
    tmux('send-keys', '-t', session, '+');
    // The box is Ink's render; the status under REPLAY is a field painted in the same update or just after it.
    const end = await waitFor(session, 'the result box', (t) => t.includes('ANN WINS') && t.includes(' END'), 30_000);
    expect(end).toMatch(/SCORE\s+54464\s+10524/);
    expect(end).toContain('x2 END');
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor(session, 'too small', (t) => t.includes('Terminal too small: need 108 x 24'));
    tmux('resize-window', '-t', session, '-x', '120', '-y', '30');
    await waitFor(session, 'the result again', (t) => t.includes('ANN WINS'));
    tmux('send-keys', '-t', session, 'q');
    const after = await waitFor(session, 'the shell after quitting', (t) => EXIT_LINE.test(t));
    expect(after.match(EXIT_LINE)![1], after).toBe('0');
  }, 90_000);
});

if (!hasTmux) {
  describe('inktris replay FILE in a terminal (tmux)', () => {
    it.skip('needs tmux on the PATH to run the program in a pseudo-terminal', () => {});
  });
}
