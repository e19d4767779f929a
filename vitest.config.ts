import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';
import { bundleBrowserScript, SCRIPT_SUFFIX, scriptPath } from './scripts/browser-scripts.mjs';

const SCRIPT_ID = '\0browser-script:';

export default defineConfig({
  plugins: [
    {
      // The flame graphs' page scripts, bundled to strings exactly as scripts/build.mjs does.
      name: 'browser-script',
      enforce: 'pre',
      resolveId(source, importer) {
        if (!source.endsWith(SCRIPT_SUFFIX) || !importer) return null;
        return SCRIPT_ID + scriptPath(source, dirname(importer));
      },
      async load(id) {
        if (!id.startsWith(SCRIPT_ID)) return null;
        return `export default ${JSON.stringify(await bundleBrowserScript(id.slice(SCRIPT_ID.length)))};`;
      },
    },
  ],
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
