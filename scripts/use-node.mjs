#!/usr/bin/env node
// Runs a command with a Node.js that inktris supports (>= 22.12). On an older
// Node (the project's machines have 20) it installs Node 24 from the npm
// registry into .node/ (ignored by git) once, and puts it first on PATH.
// Usage: node scripts/use-node.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localBin = join(root, '.node', 'node_modules', '.bin');

function supported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

const path = [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''];
if (!supported(process.version)) {
  if (!existsSync(join(localBin, 'node'))) {
    process.stderr.write(`inktris: Node ${process.version} is older than 22.12; installing Node 24 into .node/ (once)\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--prefix', join(root, '.node'), '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (install.status !== 0 || !existsSync(join(localBin, 'node'))) {
      process.stderr.write('inktris: could not install Node 24 into .node/; install Node >= 22.12 and try again\n');
      process.exit(1);
    }
  }
  path.unshift(localBin);
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node scripts/use-node.mjs <command> [args...]\n');
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, PATH: path.join(delimiter) } });
if (result.error) {
  process.stderr.write(`inktris: cannot run ${command}: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
