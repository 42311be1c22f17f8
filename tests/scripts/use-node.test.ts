/**
 * scripts/use-node.mjs on a machine whose Node is older than 22.12: it
 * installs Node 24 into .node/ with the machine's global npm config (its
 * cafile; `--prefix` alone would move that config to .node/etc/npmrc and
 * the install would fail on the certificate), says so in one line, shows
 * npm's own output only when the install fails, then runs the command with
 * Node 24. npm here is a stand-in that logs its arguments and puts a Node 24
 * (this test's) where the real one would.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_NODE } from '../e2e/old-node.js';
import { ROOT } from '../e2e/tmux.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-use-node-'));
  mkdirSync(join(work, 'bin'));
  // npm's stand-in: `config get globalconfig` answers the machine's file; `install --prefix P ... node@24` puts a Node 24 in P.
  const npm = join(work, 'bin', 'npm');
  writeFileSync(
    npm,
    [
      '#!/bin/sh',
      'echo "$*" >> "$NPM_LOG"',
      'if [ "$1" = config ]; then echo /machine/etc/npmrc; exit 0; fi',
      'echo "added 2 packages in 8s"',
      'echo "npm warn deprecated something" >&2',
      'if [ -n "$NPM_FAIL" ]; then echo "npm error code SELF_SIGNED_CERT_IN_CHAIN" >&2; exit 1; fi',
      'while [ "$1" != --prefix ]; do shift; done',
      `mkdir -p "$2/node_modules/.bin" && ln -s '${process.execPath}' "$2/node_modules/.bin/node"`,
      '',
    ].join('\n'),
  );
  chmodSync(npm, 0o755);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A checkout with scripts/use-node.mjs and no .node/; runs `node -p process.version` through it with the old Node. */
function useNode(name: string, env: Record<string, string> = {}) {
  const checkout = join(work, name);
  mkdirSync(join(checkout, 'scripts'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'use-node.mjs'), join(checkout, 'scripts', 'use-node.mjs'));
  const log = join(checkout, 'npm.log');
  writeFileSync(log, '');
  const run = spawnSync(OLD_NODE!, [join(checkout, 'scripts', 'use-node.mjs'), 'node', '-p', 'process.version'], {
    encoding: 'utf8',
    env: { PATH: `${join(work, 'bin')}:/usr/bin:/bin`, HOME: checkout, NPM_LOG: log, ...env },
  });
  return { checkout, run, npm: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
}

const OLD_VERSION = OLD_NODE ? spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
const ANNOUNCE = `inktris: Node ${OLD_VERSION} is older than 22.12; installing Node 24 into .node/ (once, ~10 s)\n`;

describe.skipIf(!OLD_NODE)(`scripts/use-node.mjs started by ${OLD_NODE ?? 'an old Node'}`, () => {
  it("installs Node 24 with the machine's global npm config, in one line, and runs the command with it", () => {
    const { checkout, run, npm } = useNode('direct');
    expect(run.stderr).toBe(ANNOUNCE);
    expect(run.stdout).toBe(`${process.version}\n`);
    expect(run.status).toBe(0);
    expect(npm).toEqual([
      'config get globalconfig',
      `install --prefix ${join(checkout, '.node')} --no-audit --no-fund --no-update-notifier --loglevel=error --globalconfig /machine/etc/npmrc node@24`,
    ]);
  });

  it('takes the global config npm scripts export (npm install, npm test) without asking npm', () => {
    const { run, npm } = useNode('from-npm-script', { npm_config_globalconfig: '/exported/npmrc' });
    expect(run.status).toBe(0);
    expect(npm).toHaveLength(1);
    expect(npm[0]).toContain(' --globalconfig /exported/npmrc node@24');
  });

  it("a failed install shows npm's output and one line of what to do, exit 1", () => {
    const { run } = useNode('failing', { NPM_FAIL: '1' });
    expect(run.stderr).toBe(
      `${ANNOUNCE}added 2 packages in 8s\nnpm warn deprecated something\nnpm error code SELF_SIGNED_CERT_IN_CHAIN\n` +
        'inktris: could not install Node 24 into .node/; install Node >= 22.12 (see .nvmrc) and try again\n',
    );
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });
});
if (!OLD_NODE) it.skip('scripts/use-node.mjs: no /usr/bin/node or /usr/local/bin/node older than 22.12 on this machine', () => {});
