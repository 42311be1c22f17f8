/**
 * Child process of the benchmark: plays N headless bot pieces (pace 0, the
 * inputs streamed and dropped, as `inktris bot` without `--record` needs
 * them) and prints its memory as JSON, in bytes: resident set size at the
 * end, the peak (`resourceUsage().maxRSS`), and the heap still in use after
 * a full collection (when run with --expose-gc); and how long the game took,
 * in milliseconds, for the speed cost of V8 flags.
 * As `inktris bot` does, it first holds V8's young generation at its
 * starting size (src/cli/heap.ts); `--v8-default` leaves V8's default, for
 * comparison.
 * Usage: node <bundle>/bot-rss.mjs --pieces N [--seed S] [--v8-default]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { botTurns } from '../src/bot/index.js';
import { holdYoungGeneration } from '../src/cli/heap.js';

const { values } = parseArgs({
  options: { pieces: { type: 'string' }, seed: { type: 'string', default: '1' }, 'v8-default': { type: 'boolean', default: false } },
});
if (!values['v8-default']) holdYoungGeneration();
const pieces = Number(values.pieces);
const start = performance.now();
const turns = botTurns({ seed: Number(values.seed), pieces });
let next = turns.next();
while (!next.done) next = turns.next();
const state = next.value;
const ms = performance.now() - start;
const rss = process.memoryUsage().rss;
const maxRss = process.resourceUsage().maxRSS * 1024;
// What the game still holds once garbage is collected (with --expose-gc): flat if nothing leaks.
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  JSON.stringify({
    pieces: state.pieces,
    lines: state.lines,
    topOut: state.topOut,
    rss,
    maxRss,
    retainedHeap: process.memoryUsage().heapUsed,
    ms,
  }),
);
