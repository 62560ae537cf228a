import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A folder for the one sample build the site, browser and document tests share (tests/support/shared-site.ts).
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
