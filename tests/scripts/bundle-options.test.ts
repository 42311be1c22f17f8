/**
 * scripts/bundle-options.mjs, the esbuild options of dist/ and of the
 * benchmark: its rewrite of built-in modules leaves dynamic imports alone
 * (Node's own namespace, with every export), and what it adds to the build
 * names nothing after the checkout, so two checkouts build the same files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';
import { ROOT } from '../e2e/tmux.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-bundle-options-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file below `dir`, by its path relative to `dir`, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

describe('the bundle options (scripts/bundle-options.mjs)', () => {
  it("keeps a dynamic import('node:fs') working, as Ink's DEV path reads its package.json with it", async () => {
    const dir = join(work, 'dynamic');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data.txt'), 'read through a dynamic import\n');
    writeFileSync(
      join(dir, 'entry.mjs'),
      [
        "import { basename } from 'node:path';",
        "const fs = await import('node:fs');",
        "const text = fs.readFileSync(new URL('./data.txt', import.meta.url), 'utf8');",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of the bundled entry
        'process.stdout.write(`${basename(import.meta.url)}: ${typeof fs.readFileSync} ${text}`);',
      ].join('\n'),
    );
    // The built-in modules' plugin alone: the rest of the options are about Ink, which this entry does not import.
    const plugins = BUNDLE_OPTIONS.plugins.filter((plugin) => plugin.name === 'builtins-without-facades');
    expect(plugins).toHaveLength(1);
    await build({ ...BUNDLE_OPTIONS, plugins, entryPoints: { bundled: join(dir, 'entry.mjs') }, outdir: dir, logLevel: 'silent' });
    const run = spawnSync(process.execPath, [join(dir, 'bundled.js')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('bundled.js: function read through a dynamic import\n');
    expect(run.status).toBe(0);
  });

  it('builds the same dist/, file names and contents, in two checkouts at different paths', () => {
    const builds = ['first', join('second', 'deeper')].map((name) => {
      const checkout = join(work, name);
      mkdirSync(checkout, { recursive: true });
      for (const part of ['src', 'scripts', 'package.json']) cpSync(join(ROOT, part), join(checkout, part), { recursive: true });
      // Hard links: a node_modules of the checkout's own (esbuild resolves symlinks to the real path), in a moment.
      const copy = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(checkout, 'node_modules')], { encoding: 'utf8' });
      expect(copy.status, copy.stderr).toBe(0);
      const built = spawnSync(process.execPath, [join(checkout, 'scripts', 'build.mjs')], { cwd: checkout, encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
      return tree(join(checkout, 'dist'));
    });
    const [first, second] = builds as [Record<string, string>, Record<string, string>];
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    for (const [name, text] of Object.entries(first)) {
      expect(text, name).not.toContain(work);
      expect(second[name] === text, `${name} differs`).toBe(true);
    }
  }, 60_000);
});
