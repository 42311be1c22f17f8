/**
 * What `npm install -g inktris` gets: the bundle in dist/ runs with no
 * node_modules, so the package depends on nothing (what it bundles is a
 * devDependency), installs as one package from its `npm pack` tarball, and
 * carries the licence notices of every package bundled into it
 * (dist/THIRD-PARTY-NOTICES.txt; the minified bundle keeps none).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, sep } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';
import { bundledPackageDirs } from '../../scripts/third-party-notices.mjs';
import { buildApp, ROOT } from './tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-package-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
};

/** Every module specifier the bundle's files name: static imports, re-exports, import() and require(). */
function specifiers(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    const patterns = [
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w$\s{},*]*?from\s*)?["']([^"']+)["']/g,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
      /\brequire\(\s*["']([^"']+)["']\s*\)/g,
    ];
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, name);
  }
  return found;
}

const BUILTINS = new Set(builtinModules);

describe('the npm package', () => {
  it('depends on no package: dist/ imports only node: built-ins and its own chunks', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    const imports = specifiers(join(app, 'dist'));
    expect(imports.size).toBeGreaterThan(10);
    for (const [specifier, file] of imports) {
      // Ink imports react-devtools-core only with DEV=true, and it was never installed (BUNDLE_OPTIONS.external says so).
      if (specifier === 'react-devtools-core') continue;
      const ok =
        specifier.startsWith('./') ||
        specifier.startsWith('../') ||
        // node:sqlite (the server's table) is a built-in only under its node: name.
        (specifier.startsWith('node:') && (BUILTINS.has(specifier.slice(5)) || BUILTINS.has(specifier)));
      expect(ok, `${file} imports ${specifier}`).toBe(true);
    }
  });

  it('installs from its tarball as one package and runs with nothing beside it', () => {
    // npm pack of the test's own build (the scripts do not run: dist/ is built already).
    for (const name of ['package.json', 'LICENSE', 'README.md']) copyFileSync(join(ROOT, name), join(app, name));
    // A user's PATH: none of this checkout's devDependencies (patch-package, the build's tools) to run at install time.
    const PATH = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => !dir.startsWith(join(ROOT, 'node_modules') + sep))
      .join(delimiter);
    const npm = {
      encoding: 'utf8',
      cwd: app,
      env: { ...process.env, PATH, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
    } as const;
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], npm);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
    // Installing it runs nothing: the patches to the bundled packages are applied in this checkout (prepare), never on a user's machine.
    for (const script of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts, script).not.toHaveProperty(script);
    // --offline: a dependency to fetch would fail the install.
    const prefix = join(work, 'global');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], npm);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout).toMatch(/added 1 package\b/);
    const installed = join(prefix, 'lib', 'node_modules');
    expect(readdirSync(installed)).toEqual([pkg.name]);
    expect(existsSync(join(installed, pkg.name, 'node_modules'))).toBe(false);
    expect(readdirSync(join(installed, pkg.name)).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);

    const bin = join(prefix, 'bin', 'inktris');
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const replay = spawnSync(process.execPath, [bin, 'replay', join(ROOT, 'examples', 'sample-replay.json'), '--json'], {
      encoding: 'utf8',
    });
    expect(replay.status, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ score: expect.any(Number), lines: expect.any(Number) });
  }, 60_000);

  it('ships the licence notice of every package bundled into dist/', async () => {
    expect(pkg.files).toContain('dist');
    const notices = readFileSync(join(app, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    // The bundle's inputs, from a build of its own (not from the build script's list).
    const result = await build({
      ...BUNDLE_OPTIONS,
      entryPoints: { inktris: join(ROOT, 'src', 'cli', 'main.ts') },
      outdir: join(work, 'meta'),
      write: false,
      metafile: true,
    });
    const dirs = bundledPackageDirs(result.metafile, process.cwd());
    const names = new Set(dirs.map((dir) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name));
    for (const name of ['ink', 'react', 'commander', 'chalk', 'yoga-layout', 'signal-exit']) expect(names, name).toContain(name);
    for (const dir of dirs) {
      const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        license: string;
      };
      expect(notices, name).toContain(`\n${name} ${version} (${license})\n`);
      const file = readdirSync(dir).find((entry) => /^licen[cs]e(\.(md|txt))?$/i.test(entry));
      if (file) expect(notices, `${name}'s ${file}`).toContain(readFileSync(join(dir, file), 'utf8').trim());
      // A package that ships no licence file (yoga-layout) still has its copyright and terms.
      else
        expect(notices.split(`\n${name} ${version} (${license})\n`)[1]!.split('\n-----')[0]).toMatch(
          /Copyright \(c\)[\s\S]*Permission is hereby granted/,
        );
    }
  });
});
