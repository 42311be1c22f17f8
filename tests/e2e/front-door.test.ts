/**
 * The front door with the real program in a real pseudo-terminal (tmux,
 * 80 x 24, a server of our own, its own data and config folders): bare
 * `inktris` opens the menu; a game and back; Watch plays the kept replay;
 * a terminal too small and back; the choices remembered at the next start;
 * and a key rebound in Settings, played with, and still bound after a
 * restart, with config.json written and its unknown keys kept.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame, nextPieces } from '../../src/core/index.js';
import { buildApp, EXIT_LINE, HAS_TMUX, tmuxServer } from './tmux.js';

const hasTmux = HAS_TMUX;
const socket = `inktris-door-${process.pid}`;
const { tmux, waitFor } = tmuxServer(socket);

describe.skipIf(!hasTmux)('bare inktris in a terminal: the front door (tmux)', () => {
  let work = '';
  let app = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'inktris-door-'));
    app = buildApp(work);
  }, 60_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A shell in a new 80 x 24 session; `run` starts bare inktris in it with the folders of `name`. */
  function session(name: string) {
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', 'bash --norc --noprofile');
    const keys = (...list: string[]) => tmux('send-keys', '-t', name, ...list);
    const run = () => {
      const command =
        `cd ${JSON.stringify(app)} && XDG_DATA_HOME=${work}/${name}-data XDG_CONFIG_HOME=${work}/${name}-config CI=true ` +
        `${JSON.stringify(process.execPath)} bin/inktris.js 2>${work}/${name}-err.txt; echo "EXIT=$?"`;
      tmux('send-keys', '-t', name, 'clear', 'Enter');
      tmux('send-keys', '-t', name, '-l', command);
      tmux('send-keys', '-t', name, 'Enter');
    };
    const exited = async () => {
      const after = await waitFor(name, 'the shell after quitting', (t) => EXIT_LINE.test(t));
      expect(after.match(EXIT_LINE)![1], after).toBe('0');
      return after;
    };
    /** The inputs a kept replay should hold after "rotate, then drop" for each of its first `n` pieces: an O does not rotate. */
    const rotateAndDrop = (file: string, n: number): string[] => {
      const { seed } = JSON.parse(readFileSync(join(work, `${name}-data`, 'inktris', 'replays', file), 'utf8')) as { seed: number };
      const game = createGame({ seed });
      const types = [game.active!.type, ...nextPieces(game, n - 1)];
      return types.flatMap((type) => (type === 'O' ? ['hardDrop'] : ['cw', 'hardDrop']));
    };
    const replays = () =>
      readdirSync(join(work, `${name}-data`, 'inktris', 'replays'))
        .sort()
        .reverse();
    const inputsOf = (file: string): string[] =>
      (
        JSON.parse(readFileSync(join(work, `${name}-data`, 'inktris', 'replays', file), 'utf8')) as { inputs: [number, string][] }
      ).inputs.map(([, input]) => input);
    return {
      keys,
      run,
      exited,
      replays,
      inputsOf,
      rotateAndDrop,
      wait: (what: string, test: (t: string) => boolean) => waitFor(name, what, test),
    };
  }

  const isMenu = (t: string) => t.includes('INKTRIS') && t.includes('Marathon') && t.includes('Settings');
  const isGame = (t: string) => t.includes('HOLD') && t.includes('SCORE');

  it('opens the menu; a game and back; Watch plays the kept game; too small and back; the choices remembered', async () => {
    const s = session('menu');
    s.run();
    await s.wait('the menu', (t) => isMenu(t) && t.includes('> Marathon'));

    s.keys('Enter');
    await s.wait('the game', isGame);
    s.keys('Space');
    await s.wait('a score', (t) => /SCORE\s*\n.*?\s([1-9]\d*)\s*\n/.test(t));
    s.keys('q');
    await s.wait('the menu again', isMenu);

    s.keys('w');
    const list = await s.wait('the Watch list', (t) => t.includes('WATCH') && /> \d{4}-\d\d-\d\d \d\d:\d\d UTC {2}seed \d+/.test(t));
    expect(list).not.toContain('no kept replays');
    s.keys('Enter');
    await s.wait('the replay', (t) => t.includes('REPLAY') && /PIECES\s*\n.*?\d+\/1\b/.test(t));
    s.keys('q');
    await s.wait('the list again', (t) => t.includes('WATCH'));
    s.keys('Escape');
    await s.wait('the menu again', isMenu);

    tmux('resize-window', '-t', 'menu', '-x', '40', '-y', '15');
    await s.wait('the too-small message', (t) => /Terminal too small: need \d+ x \d+/.test(t));
    tmux('resize-window', '-t', 'menu', '-x', '80', '-y', '24');
    await s.wait('the menu back', isMenu);

    s.keys('q');
    let after = await s.exited();
    expect(after).toContain('inktris: marathon not finished');
    // The item chosen last is selected at the next start; Rules is four rows down from Watch, past the blank.
    s.run();
    await s.wait('the menu, Watch selected', (t) => isMenu(t) && t.includes('> Watch'));
    s.keys('Down', 'Down', 'Down', 'Down', 'Right');
    await s.wait('guideline chosen', (t) => t.includes('> Rules       < guideline >') && t.includes('Start level < 1 >'));
    s.keys('u');
    await s.wait('an ultra game', isGame);
    s.keys('q');
    await s.wait('the menu again', isMenu);
    s.keys('q');
    after = await s.exited();
    s.run();
    await s.wait('the menu as it was left', (t) => isMenu(t) && t.includes('> Ultra') && t.includes('Rules       < guideline >'));
    s.keys('q');
    await s.exited();
    // No warning: every file the front door wrote reads back.
    expect(readFileSync(join(work, 'menu-err.txt'), 'utf8')).not.toContain('inktris:');
  }, 120_000);

  it('rebinds rotate right in Settings, plays with the new key, and keeps it after a restart', async () => {
    const s = session('keys');
    // A config.json edited by hand: a key this version does not know is kept when Settings writes the file.
    mkdirSync(join(work, 'keys-config', 'inktris'), { recursive: true });
    writeFileSync(join(work, 'keys-config', 'inktris', 'config.json'), '{"preview": 3, "theme": "mine"}\n');
    s.run();
    await s.wait('the menu', isMenu);
    // s: Sprint, Scores, Settings in turn.
    s.keys('s', 's', 's', 'Enter');
    await s.wait('Settings', (t) => t.includes('SETTINGS') && t.includes('> move left'));
    s.keys('Down', 'Down', 'Down', 'Down', 'Enter');
    await s.wait('waiting for the key', (t) => t.includes('> rotate right [press a key]'));
    // A key another command has is refused, by name.
    s.keys('Space');
    await s.wait('the refusal', (t) => t.includes('space is already hard drop'));
    s.keys('v');
    await s.wait('the new key', (t) => t.includes('> rotate right v') && t.includes('rotate right: v'));
    s.keys('Escape');
    await s.wait('the menu, saved', (t) => isMenu(t) && t.includes('settings saved'));
    const config = JSON.parse(readFileSync(join(work, 'keys-config', 'inktris', 'config.json'), 'utf8'));
    expect(config).toMatchObject({ theme: 'mine', preview: 3, keys: { cw: ['v'] } });

    s.keys('m');
    await s.wait('the game', isGame);
    s.keys('v', 'x', 'Space', 'v', 'x', 'Space', 'v', 'x', 'Space');
    await s.wait('three pieces dropped', (t) => /NEXT/.test(t) && /SCORE\s*\n.*?\s([1-9]\d*)\s*\n/.test(t));
    s.keys('q');
    await s.wait('the menu again', isMenu);
    s.keys('q');
    await s.exited();
    // v rotated; x, no longer bound to anything, did nothing.
    const [first] = s.replays();
    expect(s.inputsOf(first!)).toEqual(s.rotateAndDrop(first!, 3));
    expect(s.inputsOf(first!)).toContain('cw');

    s.run();
    await s.wait('the menu', isMenu);
    s.keys('s', 's', 's', 'Enter');
    await s.wait('Settings, the key still bound', (t) => t.includes('SETTINGS') && t.includes('rotate right v'));
    s.keys('Escape');
    await s.wait('the menu', isMenu);
    s.keys('m');
    await s.wait('the game', isGame);
    s.keys('v', 'Space', 'v', 'Space', 'v', 'Space');
    await s.wait('a score', (t) => /SCORE\s*\n.*?\s([1-9]\d*)\s*\n/.test(t));
    s.keys('q');
    await s.wait('the menu again', isMenu);
    s.keys('q');
    await s.exited();
    const [second] = s.replays();
    expect(second).not.toBe(first);
    expect(s.inputsOf(second!)).toEqual(s.rotateAndDrop(second!, 3));
    expect(readFileSync(join(work, 'keys-err.txt'), 'utf8')).toContain('unknown key "theme" ignored');
  }, 120_000);
});
