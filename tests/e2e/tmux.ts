/**
 * Shared pieces of the end-to-end tests: a tmux server of the test's own
 * (never another session's), polling the screen, and a build of the real
 * program in a folder of its own (so a parallel `dist/` rebuild cannot pull
 * files from under a running test).
 */
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Whether tmux is installed (the tests skip, saying so, where it is not). */
export const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** The line the shell prints after the program: `EXIT=<status>` (the command line itself has `EXIT=$?`). */
export const EXIT_LINE = /^EXIT=(\d+)\s*$/m;

/** A tmux server on its own socket: run commands, read a pane, wait for the screen. */
export function tmuxServer(socket: string) {
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (session: string): string => tmux('capture-pane', '-p', '-t', session);
  /** Poll the pane every `every` ms until `test` holds, or fail after `ms` with what the screen showed. */
  const waitFor = async (session: string, what: string, test: (text: string) => boolean, ms = 15_000, every = 50): Promise<string> => {
    const deadline = Date.now() + ms;
    let text = '';
    while (Date.now() < deadline) {
      text = screen(session);
      if (test(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, every));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
  };
  const kill = (): void => void spawnSync('tmux', ['-L', socket, 'kill-server']);
  return { tmux, screen, waitFor, kill };
}

/** Build the real program (scripts/build.mjs, bin/inktris.js) into `work/app`; returns that folder. */
export function buildApp(work: string): string {
  const app = join(work, 'app');
  mkdirSync(join(app, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'inktris.js'), join(app, 'bin', 'inktris.js'));
  for (const name of ['src', 'node_modules', '.node']) if (existsSync(join(ROOT, name))) symlinkSync(join(ROOT, name), join(app, name));
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: app, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  return app;
}
