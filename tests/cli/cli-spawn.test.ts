/**
 * The built program (bin/inktris.js on the bundle) on a mistyped command
 * line: the exit code the shell sees and the bytes it writes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../e2e/tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-cli-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function inktris(...args: string[]) {
  const child = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), ...args], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the built program on a bad command line', () => {
  it.each([
    [['replat'], "inktris: unknown command 'replat' (did you mean replay?); see 'inktris --help'\n"],
    [['--sed', '4'], "inktris: unknown option '--sed' (did you mean --seed?); see 'inktris play --help'\n"],
    [['rep\u001b]2;X\u0007lay'], "inktris: unknown command 'rep?]2;X?lay'; see 'inktris --help'\n"],
    [
      ['bot', '--record', ''],
      "inktris: option '--record <file>' argument '' is invalid. --record must name a file, not be empty; see 'inktris bot --help'\n",
    ],
  ])('%j: exit 2 and one line on stderr', (args, line) => {
    expect(inktris(...args)).toEqual({ status: 2, stdout: '', stderr: line });
  });

  it('prints the version after a command and exits 0', () => {
    const { status, stdout, stderr } = inktris('bot', '--version');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });
});
