/** Shared pieces of the high-score and archive tests: a score entry, and the archive module bundled for real child processes. */
import { build } from 'esbuild';
import type { ScoreEntry } from '../../src/cli/high-scores.js';

/** A valid entry of `score` points (pointing at `replay`, if any). */
export const scoreEntry = (score: number, replay: string | null = null): ScoreEntry => ({
  score,
  lines: 1,
  level: 0,
  startLevel: 0,
  time: 60,
  pieces: 3,
  seed: 1,
  date: '2026-11-23T12:00:00.000Z',
  replay,
});

/** Bundle src/cli/game-archive.ts to `outfile`: child processes import it (plain Node cannot load the .ts sources). */
export async function bundleArchive(outfile: string): Promise<void> {
  await build({
    entryPoints: [new URL('../../src/cli/game-archive.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
}
