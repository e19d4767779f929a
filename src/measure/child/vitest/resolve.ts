// Finds a repository's own packages (vitest, vite, tinybench) the way Node would from a folder, so
// base and head each use what their own install put in node_modules (or, under Yarn Plug'n'Play,
// what their own .pnp.cjs maps), never a copy of ours.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findPnpManifest } from '../../pnp.js';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Real directory of the package (symlinks resolved, as pnpm installs them). */
  dir: string;
  /** The file `import(name)` loads under Node's `import` conditions. */
  entry: string;
}

/**
 * Walks up from `fromDir` through `node_modules` folders, as Node's resolution does; in a Plug'n'Play
 * tree (once the runner has set its runtime up) asks that tree's `.pnp.cjs` instead.
 */
export function findPackage(fromDir: string, name: string): InstalledPackage | undefined {
  const pnp = pnpApiFor(fromDir);
  if (pnp) return findPnpPackage(pnp, fromDir, name);
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
 * Why `name` is not found from `root`, naming the real cause: a Plug'n'Play tree that does not map it
 * (no node_modules is expected there), a Yarn 2+ repository with neither .pnp.cjs nor node_modules
 * (its install did not run), or a missing node_modules entry.
 */
export function notInstalledMessage(root: string, name: string, why: string): string {
  const manifest = findPnpManifest(root);
  if (manifest && !pnpApiFor(root))
    return `this repository uses Yarn Plug'n'Play, but its ${manifest}, preloaded as \`yarn node\` does, set up no Plug'n'Play runtime (is it the file Yarn's install writes?), so ${name} cannot be resolved through it; ${why}`;
  if (manifest)
    return `this repository uses Yarn Plug'n'Play, and its ${manifest} maps no ${name} for ${root}; ${why}. Add ${name} to the devDependencies of that package (Plug'n'Play gives a package only what it declares).`;
  const yarnrc = findUp(root, '.yarnrc.yml');
  if (yarnrc && !findUp(root, 'node_modules'))
    return `${name} is not installed: this repository uses Yarn 2+ (${yarnrc}) but has neither .pnp.cjs nor node_modules, so its install did not run or installed elsewhere; ${why}. Check the install command (--install, or install: in the config).`;
  return `${name} is not installed: ${why}, but no node_modules/${name} is found from ${root}. Add ${name} to devDependencies (flamegate runs the install command first).`;
}

/** The nearest `name` in `fromDir` or above it, inside the repository. */
function findUp(fromDir: string, name: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** The parts of Yarn's PnP API used here (https://yarnpkg.com/advanced/pnpapi). */
interface PnpApi {
  resolveToUnqualified(request: string, issuer: string): string | null;
}

/** The PnP API that owns `dir`: set by `.pnp.cjs`'s `setup()` as `module.findPnpApi`, absent otherwise. */
function pnpApiFor(dir: string): PnpApi | undefined {
  const find = (module as unknown as { findPnpApi?: (lookupSource: string) => PnpApi | null }).findPnpApi;
  return find?.(`${resolve(dir)}/`) ?? undefined;
}

function findPnpPackage(api: PnpApi, fromDir: string, name: string): InstalledPackage | undefined {
  let pkgDir: string | null;
  try {
    // The package's folder as this tree maps it (inside a zip archive, which the runtime's fs reads).
    pkgDir = api.resolveToUnqualified(name, `${resolve(fromDir)}/`);
  } catch {
    // Not a dependency of the package `fromDir` is in: PnP allows no access to undeclared packages.
    return undefined;
  }
  if (!pkgDir || !existsSync(join(pkgDir, 'package.json'))) return undefined;
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson;
  return { name, version: pkg.version ?? '0.0.0', dir: pkgDir, entry: join(pkgDir, entryOf(pkg)) };
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
