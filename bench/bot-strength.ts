/**
 * The bot's strength, as issue 5 asks for it: 10 seeds x 10,000 pieces, no
 * top out and at least 0.39 lines per piece (0.4 is the ceiling: a piece
 * brings 4 cells, a line takes 10). Prints one row per seed and a verdict;
 * exits 1 when the bot falls short.
 * Usage: node bench/run.mjs bot-strength [--seeds N] [--first SEED] [--pieces N] [--pace P]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { botTurns } from '../src/bot/index.js';
import { stackHeight } from '../src/core/index.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    first: { type: 'string', default: '1' },
    pieces: { type: 'string', default: '10000' },
    pace: { type: 'string', default: '0' },
  },
});
const seeds = Number(values.seeds);
const first = Number(values.first);
const pieces = Number(values.pieces);
const pace = Number(values.pace);

const MIN_LINES_PER_PIECE = 0.39;

console.log(`bot strength: ${seeds} seeds x ${pieces} pieces, pace ${pace}, node ${process.version}`);
console.log('seed  pieces   lines  lines/piece  max stack  holds  top out   seconds');
let topOuts = 0;
let worst = Infinity;
let totalLines = 0;
let totalPieces = 0;
for (let seed = first; seed < first + seeds; seed++) {
  const started = performance.now();
  const turns = botTurns({ seed, pieces, pace });
  let maxStack = 0;
  let holds = 0;
  let result = turns.next();
  while (!result.done) {
    maxStack = Math.max(maxStack, stackHeight(result.value.state.board));
    if (result.value.inputs.some(([, input]) => input === 'hold')) holds++;
    result = turns.next();
  }
  const state = result.value;
  const seconds = (performance.now() - started) / 1000;
  const perPiece = state.pieces > 0 ? state.lines / state.pieces : 0;
  if (state.topOut) topOuts++;
  worst = Math.min(worst, perPiece);
  totalLines += state.lines;
  totalPieces += state.pieces;
  console.log(
    `${String(seed).padStart(4)}  ${String(state.pieces).padStart(6)}  ${String(state.lines).padStart(6)}  ${perPiece.toFixed(4).padStart(11)}  ${String(maxStack).padStart(9)}  ${String(holds).padStart(5)}  ${String(state.topOut ?? 'no').padStart(7)}  ${seconds.toFixed(2).padStart(8)}`,
  );
}
const pass = topOuts === 0 && worst >= MIN_LINES_PER_PIECE;
console.log(
  `all: ${totalPieces} pieces, ${totalLines} lines, ${(totalLines / totalPieces).toFixed(4)} lines/piece; worst seed ${worst.toFixed(4)}; top outs ${topOuts} -> ${pass ? 'PASS' : 'FAIL'} (target: no top out, >= ${MIN_LINES_PER_PIECE} lines/piece on every seed)`,
);
process.exitCode = pass ? 0 : 1;
