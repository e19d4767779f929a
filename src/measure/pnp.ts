// Yarn Plug'n'Play: where a repository's runtime is, and how a benchmark process loads it. A PnP
// repository has no node_modules; `.pnp.cjs` maps every package, and the benchmark processes run with
// it preloaded, as `yarn node` runs them.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The Yarn Plug'n'Play manifest (`.pnp.cjs`) of the repository `fromDir` is in, if it has one.
 * The walk stops at the repository's root (the folder with `.git`), never above it.
 */
export function findPnpManifest(fromDir: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const manifest = join(dir, '.pnp.cjs');
    if (existsSync(manifest)) return manifest;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/**
 * Node flags for a benchmark process that loads files from `dirs` (the first first): the first PnP
 * runtime found is preloaded. One is enough and only one may be: it patches `require` and `fs` for
 * every PnP tree, finding each file's own `.pnp.cjs`, so base and head each resolve through theirs.
 */
export function pnpNodeArgs(dirs: string[], otherFlags: string[] = []): string[] {
  for (const dir of dirs) {
    const manifest = findPnpManifest(dir);
    if (!manifest) continue;
    const loader = join(dirname(manifest), PNP_LOADER);
    // A preload the repository's own flags give (a vitest execArgv `--import` loader) imports its
    // packages before the runner could register the ESM loader: then it is registered first, as
    // `yarn node` does (--experimental-loader runs before any --import).
    const preloads = otherFlags.some((flag) => PRELOAD_FLAG.test(flag));
    return preloads && existsSync(loader)
      ? ['--require', manifest, '--experimental-loader', pathToFileURL(loader).href]
      : ['--require', manifest];
  }
  return [];
}

/** Node flags that load a module before the runner (only the repository's flags have them). */
const PRELOAD_FLAG = /^(--import|--require|-r|--loader|--experimental-loader)(=|$)/;

/** Yarn's ESM loader, next to `.pnp.cjs` (Yarn 4; Yarn 2 and 3 have none). */
export const PNP_LOADER = '.pnp.loader.mjs';
