/**
 * What `inktris --version` and `--help` load (issue 5: `--version` within
 * 1.5 x `node -e 0`): the entry chunk and its static imports only, which
 * hold commander and the option definitions, not what a command does, not
 * the disk modules, not Ink or React, and no built-in module it does not
 * use; and what `replay FILE --json` loads (issue 18): one bundle of its
 * own, without commander. Checked on the real build, by
 * following its import statements and by listing the built-in modules the
 * process loaded.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_NODE } from './old-node.js';
import { buildApp, ROOT } from './tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-startup-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The files a module loads before it runs: itself and its static imports, transitively. */
function staticClosure(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    // Static imports only: `import ... from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
    for (const match of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$\s{},*]*?from\s*)?["'](\.[^"']+)["']/g))
      visit(resolve(dirname(file), match[1]!));
  };
  visit(entry);
  return seen;
}

describe('startup: what the entry chunk loads', () => {
  it('loads no command action, no disk module and no UI before a command runs', () => {
    const dist = join(app, 'dist');
    const closure = staticClosure(join(dist, 'inktris.js'));
    const all = [
      join(dist, 'inktris.js'),
      ...readdirSync(join(dist, 'chunks'))
        // Only the code: chunks/crypto/ holds ssh2's native cipher where it was built (scripts/native-addons.mjs).
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(dist, 'chunks', name)),
    ];
    const loaded = [...closure.values()].join('\n');
    const everything = all.map((file) => readFileSync(file, 'utf8')).join('\n');
    // Each marker is somewhere in the build (so its absence below means something) but not in what the entry loads.
    const markers = {
      'React (its element symbol)': 'react.transitional.element',
      // The disk has no node:fs/promises any more (src/cli/disk.ts); its reader and writer are what a start must not load.
      'the disk (the safe writer, a refusal message)': 'symbolic links in a row',
      'the disk (the bounded reader, a kind of file)': 'a character device',
      'node:crypto (the data folder lock)': 'node:crypto',
      'the replay reader (a refusal message)': 'comes after tick',
      'the autoplayer (an El-Tetris weight)': '-4.500158825082766',
    };
    for (const [what, marker] of Object.entries(markers)) {
      expect(everything, what).toContain(marker);
      expect(loaded, what).not.toContain(marker);
    }
    // The closure is the entry and a few small chunks, far from the whole build.
    expect(closure.size).toBeLessThan(all.length / 2);
  });

  it('runs `replay FILE --json` from one bundle of its own, without commander (scripts/build.mjs)', () => {
    const dist = join(app, 'dist');
    const lean = join(dist, 'lean-replay-json.js');
    const closure = staticClosure(lean);
    expect([...closure.keys()]).toEqual([lean]);
    // Commander's own error code: in the program, not in the lean bundle.
    const chunks = readdirSync(join(dist, 'chunks')).map((name) => readFileSync(join(dist, 'chunks', name), 'utf8'));
    expect(chunks.join('\n')).toContain('commander.unknownOption');
    expect(closure.get(lean)).not.toContain('commander.unknownOption');
  });

  describe('which command lines bin/ starts from the lean bundle', () => {
    /** A copy of the app without `missing` (a file or folder of dist/): a command line that needs it fails to load. */
    function without(missing: string): string {
      const dir = join(work, `without-${missing}`);
      mkdirSync(join(dir, 'bin'), { recursive: true });
      copyFileSync(join(app, 'bin', 'inktris.js'), join(dir, 'bin', 'inktris.js'));
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      cpSync(join(app, 'dist'), join(dir, 'dist'), { recursive: true, filter: (path) => path !== join(app, 'dist', missing) });
      return dir;
    }
    const replay = join(ROOT, 'tests', 'fixtures', 'replays', 'tetris.json');
    const run = (dir: string, argv: string[]) =>
      spawnSync(process.execPath, [join(dir, 'bin', 'inktris.js'), ...argv], { encoding: 'utf8', cwd: join(ROOT, 'tests', 'fixtures') });

    it.each([[['replay', replay, '--json']], [['replay', '--json', replay]]])(
      '%j: the lean bundle alone, the program not needed',
      (argv) => {
        const lean = run(without('chunks'), argv);
        expect(lean.status, lean.stderr).toBe(0);
        expect(JSON.parse(lean.stdout)).toHaveProperty('pieces');
        expect(run(without('lean-replay-json.js'), argv).status).not.toBe(0);
      },
    );

    it.each([
      [['replay', replay, '--json', '--ascii']],
      [['replay', replay]],
      [['replay', '--json']],
      [['replay', '', '--json']],
      [['replay', '--', '--json']],
      [['replay', '-x', '--json']],
      [['replay', '--last', '--json']],
      [['replay', '--json', '--json']],
      [['export', replay, '--json']],
      [['--json', 'replay', replay]],
    ])('%j: the program, the lean bundle not needed', (argv) => {
      const program = run(without('lean-replay-json.js'), argv);
      expect(program.stderr).not.toMatch(/lean-replay-json|ERR_MODULE_NOT_FOUND/);
      const noProgram = run(without('chunks'), argv);
      expect(noProgram.status).not.toBe(0);
      expect(noProgram.stderr).toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
    });
  });

  it('draws a frame without loading undici: Yoga reads its inline WebAssembly without fetch (scripts/bundle-options.mjs)', () => {
    const replay = join(
      ROOT,
      'tests',
      'fixtures',
      'replays',
      readdirSync(join(ROOT, 'tests', 'fixtures', 'replays')).find((name) => name.endsWith('.json'))!,
    );
    // A preload that writes the built-in modules the process loaded, as it exits.
    const preload = join(work, 'modules.cjs');
    const list = join(work, 'modules.txt');
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const run = spawnSync(process.execPath, ['-r', preload, join(app, 'bin', 'inktris.js'), 'replay', replay, '--frame', '10'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('SCORE');
    const modules = readFileSync(list, 'utf8');
    // The frame needed Ink and Yoga (the layout), so the check below is about a process that did lay out a frame.
    expect(modules).toContain('NativeModule tty');
    expect(modules).not.toMatch(/undici/);
  });

  it('loads no part of a built-in module before it is used: no facade reads every export (scripts/bundle-options.mjs)', () => {
    const preload = join(work, 'modules-version.cjs');
    const list = join(work, 'modules-version.txt');
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const run = spawnSync(process.execPath, ['-r', preload, join(app, 'bin', 'inktris.js'), '--version'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const modules = readFileSync(list, 'utf8').split('\n');
    // What commander's and bin/'s imports (node:child_process, node:util, node:fs) made Node load at once before. (net is left out: a piped stdout is a socket.)
    for (const name of [
      'child_process',
      'dgram',
      'worker_threads',
      'internal/util/parse_args/parse_args',
      'internal/readline/interface',
      'fs/promises',
      'v8',
    ]) {
      expect(modules, name).not.toContain(`NativeModule ${name}`);
    }
  });

  it('prints the version from that entry alone', () => {
    const run = spawnSync(process.execPath, [join(app, 'bin', 'inktris.js'), '--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe.skipIf(!OLD_NODE)(`started by ${OLD_NODE ?? 'a Node older than 22.12'} with no Node 24 in .node/ to hand over to`, () => {
  const version = OLD_NODE ? spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';

  /** bin/inktris.js alone in a folder of its own (no .node/, no dist/: it must stop before it needs them), with `extra` files beside it. */
  function startAlone(name: string, extra: string[] = []) {
    const dir = join(work, name);
    mkdirSync(join(dir, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'inktris.js'), join(dir, 'bin', 'inktris.js'));
    for (const file of extra) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    return { dir, run: spawnSync(OLD_NODE!, [join(dir, 'bin', 'inktris.js'), '--version'], { encoding: 'utf8' }) };
  }

  it('an installed package says, in one line, to install Node >= 22.12 or run it with npx and Node 24 (exit 2)', () => {
    const { run } = startAlone('installed');
    expect(run.stderr).toBe(
      `inktris: needs Node.js >= 22.12 (this is ${version}); install Node >= 22.12, or run it with Node 24 from npm: npx -p node@24 -p inktris inktris\n`,
    );
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('a git checkout says to run npm install in its folder, which installs Node 24 into .node/ (exit 2)', () => {
    const { dir, run } = startAlone('checkout', [join('scripts', 'use-node.mjs')]);
    expect(run.stderr).toBe(
      `inktris: needs Node.js >= 22.12 (this is ${version}); run \`npm install\` in ${dir} (it installs Node 24 into .node/), or install Node >= 22.12\n`,
    );
    expect(run.status).toBe(2);
  });
});
if (!OLD_NODE) it.skip('started by Node 20: no /usr/bin/node or /usr/local/bin/node older than 22.12 on this machine', () => {});
