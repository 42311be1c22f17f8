/**
 * Runs a test's hot loop bundled by esbuild with dist/'s options
 * (scripts/bundle-options.mjs), instead of
 * through Vitest's module runner: there every call from one module into
 * another goes through an accessor, which makes a loop over the core some
 * five times slower than the shipped build runs it. For a test that spends
 * tens of seconds in calls across src/ (the soak).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.mjs';

/** A module bundled into a temporary folder and imported natively; `dispose` removes the folder. */
export interface Bundled<T> {
  readonly module: T;
  readonly dispose: () => Promise<void>;
}

/** Bundles `entry` (an absolute path) with everything it imports, and imports the bundle. */
export async function importBundled<T>(entry: string): Promise<Bundled<T>> {
  const work = await mkdtemp(join(tmpdir(), 'inktris-bundled-'));
  await build({ ...BUNDLE_OPTIONS, entryPoints: { entry }, outdir: work, outExtension: { '.js': '.mjs' } });
  const module = (await import(pathToFileURL(join(work, 'entry.mjs')).href)) as T;
  return { module, dispose: () => rm(work, { recursive: true, force: true }) };
}
