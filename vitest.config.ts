import fs from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order the files start in (each worker takes the next file when it is free), so that both cores
 * stay busy and the run ends with short files; a fresh clone has no timings from an earlier run to
 * order by. The shared sample build (tests/support/shared-site.ts) is made by the first file that
 * asks for it, and a file asking while another makes it waits, its worker idle:
 *
 * 1. the rebuild tests, which ask for the shared build at once and so make it;
 * 2. meanwhile, on the other worker, the files that need no shared build (longest first, as vitest
 *    orders them: by the last run's time, else by size);
 * 3. the long files that read the shared build, longest first: the first asks for the drafts preview
 *    and so makes it;
 * 4. the other files that read the shared build, short ones, which fill in at the end.
 */
const MAKES_SHARED_BUILD = 'tests/build/incremental.test.ts';
// build.test.ts first, which asks for the drafts preview and so makes it; then longest first (every
// page about 50 s, site 35, visual 25, site pages 12), so that the two workers end close together.
const LONG_READERS = ['tests/build/build.test.ts', 'tests/browser/every-page.test.ts', 'tests/browser/site.test.ts', 'tests/visual/visual.test.ts', 'tests/site/site-pages.test.ts'];

class SharedBuildFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const readsSharedBuild = (file: TestSpecification) => /\bshared(Site|Preview)\(/.test(fs.readFileSync(file.moduleId, 'utf8'));
    const rank = (file: TestSpecification) => {
      if (file.moduleId.endsWith(MAKES_SHARED_BUILD)) return 0;
      if (!readsSharedBuild(file)) return 1;
      const long = LONG_READERS.findIndex((name) => file.moduleId.endsWith(name));
      return long >= 0 ? 2 + long / LONG_READERS.length : 3;
    };
    const ranks = new Map(files.map((file) => [file, rank(file)]));
    // Array.prototype.sort is stable: within a group, the files keep vitest's own order.
    return [...(await super.sort(files))].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A folder for the one sample build the site, browser and document tests share (tests/support/shared-site.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // TEST_CPU_LOG=file: each file's CPU time, its own and its child processes', for finding what is slow (tests/support/cpu-meter.ts).
    setupFiles: process.env.TEST_CPU_LOG ? ['tests/support/cpu-meter.ts'] : [],
    // One test file per core. Vitest's default, one fewer, runs the files one at a time on a 2-core
    // machine: 290 s. Two at a time, a build-heavy file slows the other down, but much of a build runs
    // in one thread (Astro's pages), and the whole run takes about 170 s.
    maxWorkers: '100%',
    // Test files share their worker's module cache instead of each loading every module again: the
    // many small files then take 15 s instead of 26 s. Tests that change process.env put it back.
    isolate: false,
    sequence: { sequencer: SharedBuildFirst },
  },
});
