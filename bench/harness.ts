/**
 * The benchmark harness: rows as data, each a figure with a target and a
 * function that measures it; medians of several runs; a table on stdout and
 * the same numbers in bench/results.json. To add a row, add an entry to
 * `ROWS` in rows.ts: nothing here changes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** A target: the measured value must be at least (`>=`) or at most (`<=`) `value`. */
export interface Target {
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** What measuring a row gives. */
export interface Measurement {
  /** The figure compared with the target: the median of `runs` unless the row says otherwise. */
  readonly value: number;
  /** Every run's value, in the order measured. */
  readonly runs: readonly number[];
  /** Anything else worth keeping: sizes, baselines, how the figure was taken. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One row of the table. */
export interface BenchRow {
  /** Stable key in results.json. */
  readonly id: string;
  /** What is measured, as the table names it. */
  readonly figure: string;
  readonly unit: string;
  readonly target: Target;
  /** Digits after the point when printing the value. @default 0 */
  readonly digits?: number;
  readonly measure: (ctx: BenchContext) => Promise<Measurement>;
}

/** What a row's measurement may use. */
export interface BenchContext {
  /** How many timed runs a row takes (rows may scale it for slow measurements). */
  readonly runs: number;
  /** A smoke test (`--quick`): one short run of everything, to see that it works; the figures mean little. */
  readonly quick: boolean;
  /** The repository (scripts/build.mjs, bin/, src/). */
  readonly root: string;
  /** A folder of this run's own, removed when it ends (bench/run.mjs's temporary folder). */
  readonly scratch: string;
  /** Run `fn` once per key and share the result between rows (e.g. child processes both RSS rows read). */
  memo<T>(key: string, fn: () => Promise<T> | T): Promise<T>;
  /** Run a bundled sibling entry (see bench/run.mjs) in a fresh Node with `nodeFlags`; returns its stdout parsed as JSON. */
  child<T>(entry: string, args: readonly string[], nodeFlags?: readonly string[]): T;
  /** Run `node -e SCRIPT` in a fresh Node; returns its stdout parsed as JSON (the side-by-side baseline). */
  bareNode<T>(script: string): T;
  /** Print a progress line on stderr (the table goes to stdout). */
  note(text: string): void;
}

/** A row's outcome, as printed and as written to results.json. */
export interface RowResult {
  readonly id: string;
  readonly figure: string;
  readonly unit: string;
  readonly target: Target;
  readonly measured: number | null;
  readonly runs: readonly number[];
  readonly pass: boolean;
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly error?: string;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collect garbage first when Node runs with --expose-gc (bench/run.mjs does), so one run's garbage is not the next one's pause. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Milliseconds `fn` takes (from a settled heap), and its result. */
export function timed<T>(fn: () => T): { ms: number; result: T } {
  settle();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

/** Whether a value meets a target. */
export function meets(value: number, target: Target): boolean {
  return target.op === '>=' ? value >= target.value : value <= target.value;
}

/** A value as the table prints it, `digits` after the point: a figure is judged as printed (0.02 % CPU is "0.0 %"). */
export function rounded(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function runJson<T>(command: string, args: readonly string[], what: string): T {
  const run = spawnSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${what} exited with ${run.status ?? run.signal}: ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
  return JSON.parse(run.stdout) as T;
}

/** A context whose children are the bundles in `bundleDir` (also the scratch folder). */
export function createContext(options: { runs: number; quick: boolean; root: string; bundleDir: string }): BenchContext {
  const { runs, quick, root, bundleDir } = options;
  const cache = new Map<string, Promise<unknown>>();
  return {
    runs,
    quick,
    root,
    scratch: bundleDir,
    memo<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
      if (!cache.has(key)) cache.set(key, Promise.resolve().then(fn));
      return cache.get(key) as Promise<T>;
    },
    child: (entry, args, nodeFlags = []) => runJson(process.execPath, [...nodeFlags, join(bundleDir, `${entry}.mjs`), ...args], entry),
    bareNode: (script) => runJson(process.execPath, ['-e', script], 'node -e'),
    note: (text) => void process.stderr.write(`bench: ${text}\n`),
  };
}

/** Measure every row in turn; a row that throws fails, the others still run. */
export async function measureRows(rows: readonly BenchRow[], ctx: BenchContext): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const row of rows) {
    const base = { id: row.id, figure: row.figure, unit: row.unit, target: row.target };
    ctx.note(`measuring ${row.figure}`);
    try {
      const m = await row.measure(ctx);
      const pass = meets(rounded(m.value, row.digits ?? 0), row.target);
      results.push({ ...base, measured: m.value, runs: m.runs, pass, ...(m.detail ? { detail: m.detail } : {}) });
    } catch (error) {
      results.push({ ...base, measured: null, runs: [], pass: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

function format(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The results as a plain-text table: figure, target, measured, pass/fail. */
export function table(rows: readonly BenchRow[], results: readonly RowResult[]): string {
  const lines = results.map((r) => {
    const digits = rows.find((row) => row.id === r.id)?.digits ?? 0;
    return [
      r.figure,
      `${r.target.op} ${format(r.target.value, digits)} ${r.unit}`,
      r.measured === null ? `error: ${r.error ?? ''}` : `${format(r.measured, digits)} ${r.unit}`,
      r.pass ? 'pass' : 'FAIL',
    ];
  });
  const header = ['figure', 'target', 'measured (median)', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}
