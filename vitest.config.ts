import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest, longest first. A fresh clone (CI) has no
 * timings from an earlier run, so Vitest would start the largest files
 * first, and the big-games files (short, but a minute of work) would start
 * last and keep one worker busy alone at the end.
 */
const SLOW_FIRST = [
  'tests/e2e/big-export.test.ts',
  'tests/e2e/big-games.test.ts',
  'tests/cli/hostile-files.test.ts',
  'tests/e2e/exit-paths.test.ts',
  'tests/cli/score-lock.test.ts',
  'tests/e2e/serve.test.ts',
  'tests/ui/terminal/painter.test.tsx',
];

/** Vitest's order, with the known slow files moved to the front. */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = SLOW_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return at === -1 ? SLOW_FIRST.length : at;
    };
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, idle
    // whenever a test waits for a child process or tmux. Two workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
