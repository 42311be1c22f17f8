/**
 * `npm run bench`: measures every row of rows.ts, prints the table and
 * writes bench/out/results.json (ignored by git, so a run leaves the
 * checkout clean). Exits 1 when a figure misses its target.
 * Usage: node bench/run.mjs bench [--runs N] [--only id,id] [--out FILE] [--save] [--quick]
 * --save: write the tracked bench/results.json instead, the figures
 * docs/PERFORMANCE.md cites (a full run, on purpose).
 * --quick: a smoke test of every row (one short run each, under a minute);
 * its figures mean little, and it writes no results file unless --out says so.
 * Every figure is a median of several runs; this machine is shared and
 * noisy, so ratios hold better than absolute times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext, measureRows, table } from './harness.js';
import { ROWS } from './rows.js';

const root = process.env.INKTRIS_ROOT ?? process.cwd();
const bundleDir = process.env.INKTRIS_BENCH_DIR;
if (!bundleDir) {
  process.stderr.write('bench: run me through bench/run.mjs, which bundles the child processes\n');
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    out: { type: 'string' },
    save: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
if (quick && values.save) {
  process.stderr.write('bench: --save keeps the figures docs/PERFORMANCE.md cites; a --quick run is no such figure\n');
  process.exit(2);
}
const out = values.out ?? (values.save ? join(root, 'bench', 'results.json') : quick ? null : join(root, 'bench', 'out', 'results.json'));
const runs = quick ? 1 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`bench: --runs must be a whole number >= 1, not ${values.runs}\n`);
  process.exit(2);
}
const only = values.only?.split(',');
const rows = only ? ROWS.filter((row) => only.includes(row.id)) : ROWS;

const results = await measureRows(rows, createContext({ runs, quick, root, bundleDir }));
if (quick) console.log('--quick: a smoke test, one short run of each row; these are not the benchmark figures');
console.log(table(rows, results));
const report = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  runs,
  quick,
  rows: results,
};
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
const failed = results.filter((r) => !r.pass);
if (failed.length > 0) console.log(`missed: ${failed.map((r) => r.id).join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
