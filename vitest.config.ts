import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn benchmark processes and time them; running files in parallel on
    // two cores would starve them, so files run one after another.
    fileParallelism: false,
    reporters: ['default', './test/helpers/count-reporter.ts'],
  },
});
