// The flame graphs' page scripts are TypeScript in src/flame/browser/, checked by tsc and biome like the
// rest. A module imports one as a string with `import SCRIPT from './browser/x.js?script'`; this bundles
// the script (and what it imports, such as src/format.ts) into one self-contained IIFE for the
// renderer to inline. Used by scripts/build.mjs (esbuild) and vitest.config.ts (vite), so tests and
// dist/ inline the same code.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const SCRIPT_SUFFIX = '?script';

// Paths in the bundle are relative to the repository, so dist/ is the same wherever it is built.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The file a `...?script` specifier names, from the importing file's folder (`.js` is the `.ts` source). */
export function scriptPath(specifier, importerDir) {
  return resolve(importerDir, specifier.slice(0, -SCRIPT_SUFFIX.length).replace(/\.js$/, '.ts'));
}

/** Bundles one page script into a string: browsers only, no imports left, deterministic. */
export async function bundleBrowserScript(path) {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    // A page script may import a library's stylesheet as a string to inline it (the trend page: uPlot's CSS).
    loader: { '.css': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const text = result.outputFiles[0]?.text ?? '';
  // The SVG inlines its script in a CDATA section, which this would end.
  if (text.includes(']]>')) throw new Error(`${path}: the bundled script contains "]]>"`);
  return text;
}

/** esbuild plugin: `import x from './y.js?script'` gives the bundled script as a string. */
export const browserScriptPlugin = {
  name: 'browser-script',
  setup(b) {
    b.onResolve({ filter: /\?script$/ }, (args) => ({
      path: relative(ROOT, scriptPath(args.path, args.resolveDir)).split('\\').join('/'),
      namespace: 'browser-script',
    }));
    b.onLoad({ filter: /.*/, namespace: 'browser-script' }, async (args) => {
      const path = resolve(ROOT, args.path);
      return {
        contents: `export default ${JSON.stringify(await bundleBrowserScript(path))};`,
        loader: 'js',
        resolveDir: dirname(path),
      };
    });
  },
};
