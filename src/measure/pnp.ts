// Yarn Plug'n'Play: where a repository's runtime is, and how a benchmark process loads it. A PnP
// repository has no node_modules; `.pnp.cjs` maps every package, and the benchmark processes run with
// it preloaded, as `yarn node` runs them.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
export function pnpNodeArgs(dirs: string[]): string[] {
  for (const dir of dirs) {
    const manifest = findPnpManifest(dir);
    if (manifest) return ['--require', manifest];
  }
  return [];
}
