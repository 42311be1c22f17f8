/**
 * A Node.js older than 22.12 on this machine (the system's Node 20), for the
 * tests of what inktris does when started by one: bin/inktris.js hands over
 * to the Node 24 in .node/ or says what to install, and scripts/use-node.mjs
 * installs that Node 24.
 */
import { spawnSync } from 'node:child_process';

/** The first of the usual places holding a Node older than 22.12, or undefined. */
export const OLD_NODE: string | undefined = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  const run = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const [major, minor] = run.stdout?.trim().split('.').map(Number) ?? [];
  return run.status === 0 && (major! < 22 || (major === 22 && minor! < 12));
});
