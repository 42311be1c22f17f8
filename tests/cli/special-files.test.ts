/**
 * Files that are not regular files, and files without end, as the real
 * program meets them (bin/inktris.js, built into a folder of its own): a
 * FIFO as the replay, config.json or scores.json, config.json linked to
 * /dev/urandom. Each command returns at once with one line, never hangs
 * (the timeout is the test: before the one bounded reader, each hung).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../e2e/tmux.js';

let work = '';
let bin = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-special-'));
  bin = join(buildApp(work), 'bin', 'inktris.js');
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh home with data and config folders. */
function home(name: string): { data: string; config: string; env: NodeJS.ProcessEnv } {
  const root = join(work, name);
  const data = join(root, 'data', 'inktris');
  const config = join(root, 'config', 'inktris');
  mkdirSync(data, { recursive: true });
  mkdirSync(config, { recursive: true });
  return { data, config, env: { ...process.env, XDG_DATA_HOME: join(root, 'data'), XDG_CONFIG_HOME: join(root, 'config'), NO_COLOR: '1' } };
}

/** Run the program; a command that hangs is killed after 10 s and fails the test with status null. */
function inktris(args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: run.status, stdout: run.stdout, errLines: run.stderr.split('\n').filter(Boolean) };
}

const fifo = (path: string) => execFileSync('mkfifo', [path]);

describe('files that are not regular files', () => {
  it('refuses a FIFO as the replay file with one line and exit 2', () => {
    const { env } = home('replay-fifo');
    const path = join(work, 'replay-fifo', 'game.json');
    fifo(path);
    const run = inktris(['replay', path, '--json'], env);
    expect(run.status).toBe(2);
    expect(run.errLines).toEqual([`inktris: ${path}: not a regular file (a FIFO), not a replay file`]);
  }, 15_000);

  it('refuses a FIFO as config.json with one line and exit 2', () => {
    const { config, env } = home('config-fifo');
    fifo(join(config, 'config.json'));
    const run = inktris(['config', '--print'], env);
    expect(run.status).toBe(2);
    expect(run.errLines).toEqual([`inktris: ${join(config, 'config.json')}: not a regular file (a FIFO)`]);
  }, 15_000);

  it('refuses config.json linked to /dev/urandom without reading it', () => {
    const { config, env } = home('config-urandom');
    symlinkSync('/dev/urandom', join(config, 'config.json'));
    const run = inktris(['config', '--print'], env);
    expect(run.status).toBe(2);
    expect(run.errLines).toEqual([`inktris: ${join(config, 'config.json')}: not a regular file (a character device)`]);
  }, 15_000);

  it('refuses a config.json over 1 MiB by its size', () => {
    const { config, env } = home('config-huge');
    writeFileSync(join(config, 'config.json'), '');
    // 100 MB, sparse: the size alone refuses it.
    truncateSync(join(config, 'config.json'), 100_000_000);
    const run = inktris(['config', '--print'], env);
    expect(run.status).toBe(2);
    expect(run.errLines).toEqual([`inktris: ${join(config, 'config.json')}: larger than 1 MiB; is this the right file?`]);
  }, 15_000);

  it('moves a FIFO at scores.json aside, keeps it, and shows an empty table with one warning', () => {
    const { data, env } = home('scores-fifo');
    fifo(join(data, 'scores.json'));
    const run = inktris(['scores', '--json'], env);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ marathon: [], sprint: [] });
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(
      /scores\.json: not a regular file \(a FIFO\); kept as .*scores\.json\.unreadable-[\dT-]+Z, starting a new table$/,
    );
    const aside = readdirSync(data).find((name) => name.startsWith('scores.json.unreadable-'))!;
    expect(lstatSync(join(data, aside)).isFIFO()).toBe(true);
  }, 15_000);
});
