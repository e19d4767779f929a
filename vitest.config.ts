import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests install and measure real projects; on a busy 2-core machine one takes up to a minute.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn benchmark processes and time them; running files in parallel on
    // two cores would starve them, so files run one after another.
    fileParallelism: false,
    reporters: ['default', './test/helpers/count-reporter.ts'],
  },
});
