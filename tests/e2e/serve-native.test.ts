/**
 * The built server's ciphers: ssh2's C binding (sshcrypto.node, built at
 * install where a compiler is) ships beside the chunk that requires it
 * (scripts/native-addons.mjs), and the bundled server loads it, so every
 * packet's cipher runs in C instead of JavaScript; where the file is
 * missing (built without a compiler, or it does not load), the server runs
 * as before on ssh2's JavaScript ciphers. Which one runs shows in the
 * server's memory map (Linux's /proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, ROOT } from './tmux.js';

const ADDON = join('crypto', 'build', 'Release', 'sshcrypto.node');
/** ssh2's install built the addon, for this Node (npm's nodedir may be another Node's headers: then the build ships none). */
const BUILT = ((): boolean => {
  try {
    createRequire(import.meta.url)(join(ROOT, 'node_modules', 'ssh2', 'lib', 'protocol', ADDON));
    return true;
  } catch {
    return false;
  }
})();
const HAS_PROC = existsSync('/proc/self/maps');

let work = '';
let app = '';
const servers: ChildProcess[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-serve-native-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => {
  for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Start the program in `dir` as a server; settles with it and its port once it prints the port. */
async function serve(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(dir, 'bin', 'inktris.js'), 'serve', '--port', '0', '--data', join(dir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr!.resume();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const match = /port (\d+);/.exec(out);
    if (match) return { child, port: Number(match[1]) };
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Log in as `ann` with a pty and a shell until the menu shows; settles with what the session printed. */
function menuOverSsh(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let screen = '';
    const timer = setTimeout(() => {
      client.end();
      reject(new Error(`no menu: ${JSON.stringify(screen.slice(-300))}`));
    }, 15_000);
    client.on('error', reject);
    client.on('ready', () => {
      client.shell({ term: 'xterm-256color', cols: 80, rows: 24 }, (error, channel) => {
        if (error) return reject(error);
        channel.on('data', (data: Buffer) => {
          screen += data.toString('utf8');
          if (screen.includes('Marathon')) {
            clearTimeout(timer);
            client.end();
            resolve(screen);
          }
        });
      });
    });
    client.connect({ host: '127.0.0.1', port, username: 'ann', password: 'x', readyTimeout: 15_000 });
  });
}

/** Whether the process has sshcrypto.node mapped. */
const loadsAddon = (child: ChildProcess): boolean => readFileSync(`/proc/${child.pid}/maps`, 'utf8').includes(`${sep}sshcrypto.node`);

describe.skipIf(!HAS_PROC)("the built server's ciphers", () => {
  it.skipIf(!BUILT)(
    "ships ssh2's C cipher beside the chunk that requires it, and the server runs on it",
    async () => {
      expect(existsSync(join(app, 'dist', 'chunks', ADDON))).toBe(true);
      const { child, port } = await serve(app);
      expect(loadsAddon(child)).toBe(true);
      expect(await menuOverSsh(port)).toContain('Marathon');
      child.kill('SIGTERM');
    },
    30_000,
  );

  it('runs on the JavaScript ciphers where the addon is not there', async () => {
    const bare = join(work, 'bare');
    cpSync(app, bare, { recursive: true, filter: (path) => !path.endsWith('.node') });
    expect(existsSync(join(bare, 'dist', 'chunks', ADDON))).toBe(false);
    const { child, port } = await serve(bare);
    expect(loadsAddon(child)).toBe(false);
    expect(await menuOverSsh(port)).toContain('Marathon');
    child.kill('SIGTERM');
  }, 30_000);
});
