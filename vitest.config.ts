import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that run whole builds (or a dev server), longest first. Started first, they share the two workers from the
 * start and the many short files fill in around them; a fresh clone has no timings from an earlier
 * run to order by, and once ran them last (200 s instead of 165 s).
 */
const BUILD_HEAVY = ['tests/build/incremental.test.ts', 'tests/browser/site.test.ts', 'tests/build/build.test.ts', 'tests/build/preview-problems.test.ts'];

class BuildHeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = BUILD_HEAVY.findIndex((heavy) => file.moduleId.endsWith(heavy));
      return index < 0 ? BUILD_HEAVY.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's own order.
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A folder for the one sample build the site, browser and document tests share (tests/support/shared-site.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // One test file per core. Vitest's default, one fewer, runs the files one at a time on a 2-core
    // machine: 290 s. Two at a time, a build-heavy file slows the other down, but much of a build runs
    // in one thread (Astro's pages), and the whole run takes about 170 s.
    maxWorkers: '100%',
    // Test files share their worker's module cache instead of each loading every module again: the
    // many small files then take 15 s instead of 26 s. Tests that change process.env put it back.
    isolate: false,
    sequence: { sequencer: BuildHeavyFirst },
  },
});
