/**
 * Long games on the real build (issue 15): exporting a long game's cast
 * runs in constant memory. (big-games.test.ts: what the bot records stays
 * within what the reader reads.)
 *
 * MEMORY TEST, marked as such: it bounds the peak RSS of one export, with
 * a bound generous for the machine's noise, and checks that the live heap
 * does not grow as the export goes on. The target is 300 MB for a
 * 100,000-piece game (8 minutes here: 145 MB; 355 MB before the export gave
 * the event loop turns, 3 GB before it streamed); a 12,000-piece game (a
 * cast of 100 MB, 25 s) keeps the run short: 151 MB, where the export that
 * never let the event loop run kept about 50 bytes a line of React tasks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/ui/frame/layout.js';
import { buildApp } from './tmux.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'inktris-big-export-'));
  app = buildApp(work);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints the process's peak resident memory (KiB) on stderr as it exits. */
const PEAK_RSS = `data:text/javascript,process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n'))`;

/**
 * Prints the live heap (bytes after a full collection) on stderr every half second while the
 * event loop turns. Needs --expose-gc.
 */
const LIVE_HEAP = `data:text/javascript,setInterval(() => { gc(); process.stderr.write('live-heap ' + process.memoryUsage().heapUsed + '\\n'); }, 500).unref()`;

function inktris(args: string[], nodeFlags: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, join(app, 'bin', 'inktris.js'), ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('long games on the real build', () => {
  it('MEMORY: exports a 12,000-piece game (a 100 MB cast) in constant memory, under 250 MB of peak RSS', () => {
    expect(inktris(['bot', '--seed', '1', '--pieces', '12000', '--pace', '30', '--record', 'long.json']).code).toBe(0);
    const run = inktris(['export', 'long.json', '--cast', 'long.cast'], ['--expose-gc', '--import', PEAK_RSS, '--import', LIVE_HEAP]);
    expect(run.code).toBe(0);
    const peak = Number(/^peak-rss (\d+)$/m.exec(run.err)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak / 1024).toBeLessThan(250);
    // The event loop turns while the cast is made (React's scheduler drains its queue only there), and what
    // stays live after a full collection does not grow with the events written: the last quarter of the
    // samples holds no more than the first quarter did, give or take the caches that fill and start over.
    const samples = [...run.err.matchAll(/^live-heap (\d+)$/gm)].map((match) => Number(match[1]) / 2 ** 20);
    expect(samples.length).toBeGreaterThanOrEqual(12);
    const quarter = Math.floor(samples.length / 4);
    const first = Math.max(...samples.slice(0, quarter));
    const last = Math.max(...samples.slice(-quarter));
    expect(last).toBeLessThan(first + 6);
    // The bytes, not one 100 MB string: lines counted by their line feeds.
    const cast = readFileSync(join(work, 'long.cast'));
    let lines = 0;
    for (let at = cast.indexOf(10); at !== -1; at = cast.indexOf(10, at + 1)) lines++;
    expect(lines).toBeGreaterThan(250_000);
    // The cursor ends parked below the frame, shown.
    const end = cast.subarray(cast.lastIndexOf(10, cast.length - 2) + 1).toString('utf8');
    expect(JSON.parse(end)[2].endsWith(`\u001B[${LAYOUT.height + 1};1H\u001B[?25h`)).toBe(true);
  }, 180_000);
});
