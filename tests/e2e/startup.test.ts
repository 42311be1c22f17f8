/**
 * What `inktris --version` and `--help` load (issue 5: `--version` within
 * 1.5 x `node -e 0`): the entry chunk and its static imports only, which
 * hold commander and the option definitions, not what a command does, not
 * the disk modules, not Ink or React, and no built-in module it does not
 * use. Checked on the real build, by following its import statements and
 * by listing the built-in modules the process loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    for (const match of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$\s{},*]*?from\s*)?["'](\.[^"']+)["']/g)) visit(resolve(dirname(file), match[1]!));
  };
  visit(entry);
  return seen;
}

describe('startup: what the entry chunk loads', () => {
  it('loads no command action, no disk module and no UI before a command runs', () => {
    const dist = join(app, 'dist');
    const closure = staticClosure(join(dist, 'inktris.js'));
    const all = [join(dist, 'inktris.js'), ...readdirSync(join(dist, 'chunks')).map((name) => join(dist, 'chunks', name))];
    const loaded = [...closure.values()].join('\n');
    const everything = all.map((file) => readFileSync(file, 'utf8')).join('\n');
    // Each marker is somewhere in the build (so its absence below means something) but not in what the entry loads.
    const markers = {
      'React (its element symbol)': 'react.transitional.element',
      'the disk (node:fs/promises)': 'node:fs/promises',
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

  it('draws a frame without loading undici: Yoga reads its inline WebAssembly without fetch (scripts/bundle-options.mjs)', () => {
    const replay = join(ROOT, 'tests', 'fixtures', 'replays', readdirSync(join(ROOT, 'tests', 'fixtures', 'replays')).find((name) => name.endsWith('.json'))!);
    // A preload that writes the built-in modules the process loaded, as it exits.
    const preload = join(work, 'modules.cjs');
    const list = join(work, 'modules.txt');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const run = spawnSync(process.execPath, ['-r', preload, join(app, 'bin', 'inktris.js'), 'replay', replay, '--frame', '10'], { encoding: 'utf8' });
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
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const run = spawnSync(process.execPath, ['-r', preload, join(app, 'bin', 'inktris.js'), '--version'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const modules = readFileSync(list, 'utf8').split('\n');
    // What commander's and bin/'s imports (node:child_process, node:util, node:fs) made Node load at once before. (net is left out: a piped stdout is a socket.)
    for (const name of ['child_process', 'dgram', 'worker_threads', 'internal/util/parse_args/parse_args', 'internal/readline/interface', 'fs/promises', 'v8']) {
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
