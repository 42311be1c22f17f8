/**
 * Child process of the benchmark: how long one frame takes after a one-cell
 * move, in process. `runPlay` (the game as `inktris play` runs it: the same
 * Ink options, output compaction and error guard) draws on fake terminal
 * streams of 80 x 24 with 256 colours; React is its production build
 * (bench/run.mjs bundles with NODE_ENV=production, as scripts/build.mjs
 * does). Each move is a left or right arrow handed to Ink's stdin; its time
 * runs from there to the write that ends the frame's synchronized update,
 * so it holds input parsing, the controller and the drawing (the field
 * painter's, for a move; React's and Ink's for a frame that changes more). Moves are spaced 20 ms apart, more than Ink's
 * 60 fps throttle, as a player's are.
 * Usage: node <bundle>/render-frame.mjs --moves N
 * Prints JSON: ms and bytes of each move's frame, in order.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { runPlay, type PlayTerminal } from '../src/ui/terminal/run-screen.js';
import { processTime } from '../src/cli/screen-time.js';
import { PALETTE_256 } from '../src/ui/frame/theme.js';
import { FakeStdin, FakeStdout } from '../tests/ui/fake-terminal.js';

const FRAME_END = '\u001B[?2026l';

/**
 * The UI tests' 80 x 24 terminal, counting the bytes written and saying when
 * a frame ends; with 256 colours.
 */
class CountingStdout extends FakeStdout {
  bytes = 0;
  onFrameEnd: (() => void) | null = null;
  getColorDepth() {
    return 8;
  }
  hasColors() {
    return true;
  }
  override write(chunk: string | Uint8Array, ...rest: unknown[]) {
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    if (typeof chunk === 'string' && chunk.includes(FRAME_END)) this.onFrameEnd?.();
    return true;
  }
}

const { values } = parseArgs({ options: { moves: { type: 'string', default: '200' } } });
const moves = Number(values.moves);
const stdin = new FakeStdin();
const stdout = new CountingStdout();
const stderr = new CountingStdout();
const done = runPlay({
  config: { settings: {}, seedOf: () => 1 },
  time: processTime(),
  display: { color: PALETTE_256 },
  terminal: { stdin, stdout, stderr } as unknown as PlayTerminal,
});
// The first frame, and Ink's 200 ms wait for a kitty keyboard answer that never comes.
await sleep(400);

const ms: number[] = [];
const bytes: number[] = [];
for (let i = 0; i < moves; i++) {
  const frameEnd = new Promise<number>((resolve) => {
    stdout.onFrameEnd = () => resolve(performance.now());
  });
  const before = stdout.bytes;
  const start = performance.now();
  stdin.type(i % 2 === 0 ? '\u001B[D' : '\u001B[C');
  const end = await frameEnd;
  stdout.onFrameEnd = null;
  ms.push(end - start);
  bytes.push(stdout.bytes - before);
  await sleep(20);
}
stdin.type('q');
await done;
process.stdout.write(JSON.stringify({ ms, bytes }));
