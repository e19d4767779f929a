// Finds a repository's own packages (vitest, vite, tinybench) the way Node would from a folder, so
// base and head each use what their own install put in node_modules, never a copy of ours.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Real directory of the package (symlinks resolved, as pnpm installs them). */
  dir: string;
  /** The file `import(name)` loads under Node's `import` conditions. */
  entry: string;
}

/** Walks up from `fromDir` through `node_modules` folders, as Node's resolution does. */
export function findPackage(fromDir: string, name: string): InstalledPackage | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) {
      const pkgDir = realpathSync(dirname(candidate));
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson;
      return { name, version: pkg.version ?? '0.0.0', dir: pkgDir, entry: join(pkgDir, entryOf(pkg)) };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The Yarn Plug'n'Play manifest (`.pnp.cjs`) of the repository `fromDir` is in, if it has one: such a
 * repository has no node_modules, so a package missing there is not a package missing from the install.
 * The walk stops at the repository's root (the folder with `.git`), never above it.
 */
export function findPnpManifest(fromDir: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const manifest = join(dir, '.pnp.cjs');
    if (existsSync(manifest)) return manifest;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

interface PackageJson {
  version?: string;
  main?: string;
  module?: string;
  exports?: unknown;
}

const CONDITIONS = ['node', 'import', 'module', 'default'];

function pickTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const picked = pickTarget(t);
      if (picked) return picked;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target as Record<string, unknown>)) {
      if (!CONDITIONS.includes(condition)) continue;
      const picked = pickTarget(value);
      if (picked) return picked;
    }
  }
  return undefined;
}

function entryOf(pkg: PackageJson): string {
  const exports = pkg.exports;
  if (exports !== undefined) {
    const isSubpathMap =
      !!exports &&
      typeof exports === 'object' &&
      !Array.isArray(exports) &&
      Object.keys(exports).some((k) => k.startsWith('.'));
    const root = isSubpathMap ? (exports as Record<string, unknown>)['.'] : exports;
    const picked = pickTarget(root);
    if (picked) return picked;
  }
  return pkg.module ?? pkg.main ?? 'index.js';
}
