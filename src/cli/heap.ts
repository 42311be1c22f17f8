/**
 * V8 settings some commands change for the rest of their process.
 *
 * Memory of the long-running commands (play, demo, watching a replay, bot),
 * which call `CliDeps.holdYoungGeneration` (this, in the real process).
 *
 * V8 starts the young generation (where new objects go) at 1 MB per
 * semi-space and doubles it, up to 16 MB, each time the objects that
 * survived collections since the last growth add up to its size. A game
 * allocates steadily and keeps a little each time, so over a long session
 * the young generation always ends at its maximum: about 30 MB of resident
 * memory more than it needs, with nothing leaked (issue 5: RSS +45% from
 * 1,000 to 100,000 bot pieces, the retained heap 5 MB at both). These
 * commands allocate little per frame or piece, so the starting size is
 * enough; holding it costs more frequent, equally short scavenges.
 *
 * `--max-semi-space-size` would say the same, but V8 reads it only when the
 * heap is made, before any code of ours runs; the growth factor is read at
 * each growth, so setting it here takes effect. `export --cast` holds it
 * too: a long game's recording is minutes of drawing, and a young
 * generation grown to its maximum was 120 of its 320 MB (issue 15). Short
 * batch commands (`replay --json`, `export --text`) keep V8's default: they
 * gain from a young generation that grows.
 */

/**
 * How far V8 lets the old generation grow past what survived its last full
 * collection, in percent. Left to itself V8 grows it by up to 4 times when
 * collecting is cheap, and a long export, which promotes a steady stream of
 * short-lived strings, sat at 180 MB of heap for 30 MB live (issue 15:
 * 590 MB RSS for a 100,000-piece cast). 20% keeps full collections short
 * and a few times more frequent. Read at each collection, so setting it
 * here takes effect.
 */
const OLD_GENERATION_GROWTH_PERCENT = 20;

/** Keep the young generation at its starting size, and the old one close to what it holds, for the rest of the process. */
export function holdYoungGeneration(): void {
  // getBuiltinModule, not an import: main.ts, which hands this to the commands, is on the path of `--version`.
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  holdOldGeneration();
}

/**
 * Keep only the old generation close to what it holds (the server: its
 * many sessions allocate too fast for a young generation held at 1 MB,
 * which then collects all the time; see actions/serve.ts).
 */
export function holdOldGeneration(): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}

/**
 * A replay up to this size (about 20,000 pieces at a piece a second) is
 * folded faster without TurboFan. Measured (PERFORMANCE.md): a 1 MB replay,
 * 10,000 pieces, about 30 ms (12%) faster as a whole process; 2.5 and
 * 5 MB the same either way; 10 MB, 100,000 pieces, 1.5 x slower.
 */
export const QUICK_FOLD_BYTES = 2 * 1024 * 1024;

/**
 * Leave out TurboFan, V8's optimizing compiler, for the rest of the
 * process: a fold that lasts a tenth of a second ends before TurboFan's
 * compiling (and the CPU its threads take on a small machine) pays for
 * itself; Maglev, the faster compiler below it, still runs. Unlike most
 * of V8's flags this one takes effect when set at run time (measured:
 * `--max-opt` does not).
 */
export function skipOptimizingCompiler(): void {
  process.getBuiltinModule('node:v8').setFlagsFromString('--no-turbofan');
}
