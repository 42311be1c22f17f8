/**
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
 * each growth, so setting it here takes effect. Short batch commands
 * (`replay --json`, `export`) keep V8's default: they gain from a young
 * generation that grows.
 */

/** Keep the young generation at its starting size for the rest of the process. */
export function holdYoungGeneration(): void {
  // getBuiltinModule, not an import: main.ts, which hands this to the commands, is on the path of `--version`.
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}
