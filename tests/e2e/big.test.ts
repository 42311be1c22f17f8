/**
 * `play --big` in a real terminal (tmux): at 130 x 50 the well is drawn at
 * twice its size, the painter's cells and Ink's frame agreeing while a
 * piece falls and drops; a resize under 120 x 48 brings the normal size
 * back, and one over it the big one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_LINE, HAS_TMUX, ROOT, tmuxServer } from './tmux.js';

// A server of our own, so the test never touches another tmux session.
const socket = `inktris-e2e-big-${process.pid}`;
const { tmux, waitFor, kill } = tmuxServer(socket);

/** The well's top border at scale 2 (40 columns inside) and at the normal size (20). */
const BIG_TOP = `┌${'─'.repeat(40)}┐`;
const NORMAL_TOP = `┌${'─'.repeat(20)}┐`;

/** The number under SCORE on the screen. */
function score(text: string): number {
  const rows = text.split('\n');
  const at = rows.findIndex((row) => row.includes('SCORE'));
  const column = rows[at]!.indexOf('SCORE');
  return Number(rows[at + 1]!.slice(column).trim().split(/\s+/)[0]);
}

describe.skipIf(!HAS_TMUX)('inktris play --big in a terminal (tmux)', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inktris-e2e-big-'));
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);

  afterAll(() => {
    if (HAS_TMUX) kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the big well at 130 x 50, the normal one under 120 x 48, and the big one again over it', async () => {
    const session = 'big';
    tmux('new-session', '-d', '-s', session, '-x', '130', '-y', '50', 'bash --norc --noprofile');
    const command =
      `cd ${JSON.stringify(ROOT)} && XDG_DATA_HOME=${dir}/data XDG_CONFIG_HOME=${dir}/config CI=true ` +
      `${JSON.stringify(process.execPath)} bin/inktris.js play --big --seed 3; echo "EXIT=$?"`;
    tmux('send-keys', '-t', session, '-l', command);
    tmux('send-keys', '-t', session, 'Enter');

    const first = await waitFor(session, 'the big game screen', (t) => t.includes(BIG_TOP) && t.includes('SCORE'));
    expect(first).toContain('████');
    tmux('send-keys', '-t', session, 'Space');
    const dropped = await waitFor(session, 'a score after the hard drop', (t) => score(t) > 0);
    // The dropped piece lies on the floor of the big well: its cells four columns wide, each row twice.
    const rows = dropped.split('\n');
    const bottom = rows.findIndex((row) => row.includes('└'));
    expect(rows[bottom - 1]!.match(/█+/)![0].length % 4).toBe(0);
    expect(rows[bottom - 2]!.includes('█')).toBe(true);

    tmux('resize-window', '-t', session, '-x', '119', '-y', '48');
    await waitFor(session, 'the normal size under 120 x 48', (t) => t.includes(NORMAL_TOP) && !t.includes(BIG_TOP));
    tmux('resize-window', '-t', session, '-x', '120', '-y', '48');
    await waitFor(session, 'the big size at 120 x 48', (t) => t.includes(BIG_TOP));

    tmux('send-keys', '-t', session, 'q');
    const end = await waitFor(session, 'the shell after q', (t) => EXIT_LINE.test(t));
    expect(end.match(EXIT_LINE)![1]).toBe('0');
  }, 60_000);
});
