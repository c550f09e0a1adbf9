import { defineConfig } from 'vitest/config';

/** Browser journeys in Debian's Chromium; one file at a time so the two cores are not oversubscribed. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
