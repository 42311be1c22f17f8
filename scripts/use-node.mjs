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
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function supported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/**
 * The machine's global npm config (a cafile, a registry mirror). `--prefix`
 * moves npm's default global config to `<prefix>/etc/npmrc`, which does not
 * exist, so the install into .node/ would lose it (SELF_SIGNED_CERT_IN_CHAIN
 * behind a proxy). npm scripts export it; a direct run asks npm.
 */
function globalConfig() {
  if (process.env.npm_config_globalconfig) return process.env.npm_config_globalconfig;
  const asked = spawnSync(npm, ['config', 'get', 'globalconfig'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return asked.status === 0 ? asked.stdout.trim() : undefined;
}

/** Install Node 24 into .node/, saying so in one line; npm's own output only if it fails. */
function installNode() {
  process.stderr.write(`inktris: Node ${process.version} is older than 22.12; installing Node 24 into .node/ (once, ~10 s)\n`);
  const config = globalConfig();
  const flags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', ...(config ? ['--globalconfig', config] : [])];
  const install = spawnSync(npm, ['install', '--prefix', join(root, '.node'), ...flags, 'node@24'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (install.status !== 0 || !existsSync(join(localBin, 'node'))) {
    process.stderr.write(`${install.stdout ?? ''}${install.stderr ?? ''}${install.error ? `${install.error.message}\n` : ''}`);
    process.stderr.write('inktris: could not install Node 24 into .node/; install Node >= 22.12 (see .nvmrc) and try again\n');
    process.exit(1);
  }
}

const path = [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''];
if (!supported(process.version)) {
  if (!existsSync(join(localBin, 'node'))) installNode();
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
