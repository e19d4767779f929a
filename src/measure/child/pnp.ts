// Yarn Plug'n'Play inside the child runner. A PnP repository has no node_modules: its packages are
// found through its `.pnp.cjs` (often inside zip archives, which that runtime teaches `fs` to read)
// and, for `import`, its `.pnp.loader.mjs`. The parent preloads the runtime with `--require`, as
// `yarn node` does (set up any later, Node's own ES module loader would keep the unpatched `fs` and
// fail on files inside zips); the runner registers the loader itself, once its own modules are loaded,
// so that only the benchmark's imports go through it.
import { existsSync } from 'node:fs';
import module, { register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPnpManifest, PNP_LOADER } from '../pnp.js';

let loaderRegistered = false;

/**
 * Registers the ESM loader of the PnP repository `file` belongs to, once: Yarn's loader asks the
 * runtime for each importer's own `.pnp.cjs`, so one loader serves base and head alike.
 */
export function usePnpLoaderFor(file: string): void {
  if (loaderRegistered) return;
  const manifest = findPnpManifest(dirname(file));
  // No runtime preloaded: the parent found no manifest, and resolution says what is missing.
  if (!manifest || !('findPnpApi' in module)) return;
  const loader = join(dirname(manifest), PNP_LOADER);
  // Yarn 2 and 3 have no loader: `require` still resolves through the runtime. The parent may have
  // registered it already (before a preload of the repository's own: pnpNodeArgs).
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes(PNP_LOADER));
  if (existsSync(loader) && !given) register(pathToFileURL(loader).href);
  loaderRegistered = true;
}

/**
 * Yarn's runtime refuses a file that two PnP trees claim, which is every archive of Yarn's global
 * cache when base and head (one process) both installed with it: the message says why and what to do.
 */
export function explainPnpError(error: unknown): unknown {
  if (error instanceof Error && error.message.includes('controlled by multiple pnpapi instances'))
    error.message += `\nBase and head run in one benchmark process, so each checkout needs its own Yarn cache: flamegate installs with YARN_ENABLE_GLOBAL_CACHE=false unless the environment sets it (unset it, or install with enableGlobalCache: false).`;
  return error;
}
