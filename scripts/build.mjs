// Builds dist/: self-contained ESM bundles plus the profiler's native prebuilds, so the action and the
// CLI run from a checkout with no node_modules. The output is deterministic: same input, same bytes.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { browserScriptPlugin } from './browser-scripts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, 'dist');

// Platforms whose prebuilt profiler addon ships in dist/ (GitHub's hosted runners and developers' laptops).
const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'win32-x64'];

// Bundled CommonJS code reads __dirname/__filename/require; in an ESM bundle they must be defined by
// hand. Under their own names, so they cannot clash with a bundled module that declares its own.
const banner = [
  "import { createRequire as __fgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __fgFileURLToPath } from 'node:url';",
  "import { dirname as __fgDirname } from 'node:path';",
  'const require = __fgCreateRequire(import.meta.url);',
  'const __fg_filename = __fgFileURLToPath(import.meta.url);',
  'const __fg_dirname = __fgDirname(__fg_filename);',
].join('\n');

// @datadog/pprof looks for its addon two folders above its own module; in the bundle the
// prebuilds sit next to the bundle, so point node-gyp-build at the bundle's folder.
const pprofAddonPath = {
  name: 'pprof-addon-path',
  setup(b) {
    b.onLoad({ filter: /@datadog[\\/]pprof[\\/]out[\\/]src[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(/__dirname,\s*'\.\.',\s*'\.\.'/g, '__dirname');
      return { contents: patched, loader: 'js' };
    });
  },
};

// pprof-format ships an ESM and a CommonJS build. @datadog/pprof requires the CommonJS one; our own
// `import`s would pull in the ESM one, and the runner would carry the same library twice. One copy:
// every import of it resolves to the build the profiler already needs.
const pprofFormatOnce = {
  name: 'pprof-format-once',
  setup(b) {
    const commonjs = join(root, 'node_modules/pprof-format/dist/commonjs/index.js');
    b.onResolve({ filter: /^pprof-format$/ }, () => ({ path: commonjs }));
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const entries = {
  cli: 'src/cli/main.ts',
  action: 'src/action/main.ts',
  runner: 'src/measure/child/runner.ts',
  'ts-hooks': 'src/measure/child/ts-hooks.ts',
  'graph-hooks': 'src/measure/child/graph-hooks.ts',
  'mitata-hooks': 'src/measure/child/harness/mitata-hooks.ts',
  'diff-worker': 'src/cli/diff-worker.ts',
};
const present = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => {
    try {
      readFileSync(join(root, file));
      return true;
    } catch {
      return false;
    }
  }),
);

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  define: { __dirname: '__fg_dirname', __filename: '__fg_filename' },
  legalComments: 'eof',
  charset: 'utf8',
  minify: false,
  keepNames: true,
  plugins: [pprofAddonPath, pprofFormatOnce, browserScriptPlugin],
  logLevel: 'warning',
};
// The action, the child runner and the TypeScript hooks are single files: each is started (or
// registered) on its own. The CLI is split at its commands' dynamic imports: `flamegate diff` and
// `--version` then load a few hundred kB, not the 5 MB that compare needs (TypeScript stripping,
// YAML, JSON schema), which took ~40 ms of every diff. Its diff worker shares the decoder chunk.
const single = Object.fromEntries(
  Object.entries(present).filter(([name]) => name !== 'cli' && name !== 'diff-worker'),
);
const split = Object.fromEntries(
  Object.entries(present).filter(([name]) => name === 'cli' || name === 'diff-worker'),
);
await build({ ...common, entryPoints: single, splitting: false });
if (Object.keys(split).length > 0) {
  await build({ ...common, entryPoints: split, splitting: true, chunkNames: 'cli-[name]-[hash]' });
}

// The preload every benchmark process starts with (`--require`): CommonJS, since `--require` loads it
// before any ES module, and with no imports of its own.
await build({
  absWorkingDir: root,
  entryPoints: { 'pristine-preload': 'src/measure/child/pristine-preload.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

// dist/ may be run with no package.json above it (as GitHub runs actions): mark it ESM itself.
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');

const prebuilds = join(root, 'node_modules/@datadog/pprof/prebuilds');
for (const platform of PLATFORMS) {
  const from = join(prebuilds, platform);
  const to = join(outdir, 'prebuilds', platform);
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).sort()) cpSync(join(from, file), join(to, file));
}
