#!/usr/bin/env node
// Runs a benchmark entry written in TypeScript: bundles every entry below
// with esbuild into a temporary directory, then runs the chosen one with this
// Node, in a fresh process, so that nothing of the bundling is measured.
// Usage: node bench/run.mjs [entry] [args...]   (entry: bench, bot-strength; bench when args start with an option)
// React is bundled in its production build, as scripts/build.mjs does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** Entries by name: the ones a person runs, and the child processes they start. */
const ENTRIES = {
  bench: 'bench.ts',
  'bot-strength': 'bot-strength.ts',
  'bot-rss': 'bot-rss.ts',
  'render-frame': 'render-frame.ts',
};

// `npm run bench -- --save` names no entry: an option first means the bench.
const given = process.argv.slice(2);
const [name = 'bench', ...args] = given[0]?.startsWith('-') ? ['bench', ...given] : given;
if (!(name in ENTRIES)) {
  process.stderr.write(`usage: node bench/run.mjs [${Object.keys(ENTRIES).join('|')}] [args...]\n`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'inktris-bench-'));
let status = 1;
try {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([key, file]) => [key, join(here, file)])),
    outdir: out,
    // As scripts/build.mjs (production React, require() for bundled CommonJS), plus source maps.
    ...BUNDLE_OPTIONS,
    outExtension: { '.js': '.mjs' },
    sourcemap: 'inline',
  });
  // --expose-gc: timed runs start from a collected heap, which steadies the medians.
  const run = spawnSync(process.execPath, ['--expose-gc', join(out, `${name}.mjs`), ...args], {
    stdio: 'inherit',
    // The entry finds the repository (for bench/out/results.json) and its siblings through these.
    env: { ...process.env, INKTRIS_ROOT: join(here, '..'), INKTRIS_BENCH_DIR: out },
  });
  status = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
