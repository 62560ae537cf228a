import { defineConfig } from 'vitest/config';

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
  },
});
