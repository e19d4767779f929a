// Monorepos: one run over several packages. Packages are directories relative to the run's working
// directory, given as paths or globs (`packages/*`); a glob matches directories holding a
// package.json. Benchmark files are then named relative to the working directory
// (`packages/a/bench/x.bench.js`), so identities stay unique across packages, and each benchmark
// belongs to the package whose directory is the longest prefix of its file.
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { listBenchmarkFiles } from './files.js';

const NEVER = new Set(['node_modules', '.git']);
const MAX_DEPTH = 6;

/** The package directories of one checkout, sorted; a plain path that is missing there is left out. */
export async function expandPackages(dir: string, patterns: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    if (!picomatch.scan(pattern).isGlob) {
      const path = join(dir, pattern);
      if (existsSync(path) && statSync(path).isDirectory()) found.add(pattern || '.');
      continue;
    }
    const match = picomatch(pattern, { dot: false });
    const walk = async (rel: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH) return;
      const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isDirectory() || NEVER.has(entry.name) || entry.name.startsWith('.')) continue;
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (match(path) && existsSync(join(dir, path, 'package.json'))) found.add(path);
        await walk(path, depth + 1);
      }
    };
    await walk('', 0);
  }
  return [...found].sort();
}

/** Benchmark files of every package, named relative to `dir`. */
export async function listPackageFiles(
  dir: string,
  packages: string[],
  globs: string[],
  exclude: string[],
): Promise<string[]> {
  const files = new Set<string>();
  for (const pkg of packages) {
    const root = pkg === '.' ? dir : join(dir, pkg);
    for (const file of await listBenchmarkFiles(root, globs, exclude)) {
      files.add(pkg === '.' ? file : `${pkg}/${file}`);
    }
  }
  return [...files].sort();
}

/** The package directory a file belongs to: the longest package directory that contains it. */
export function packageDirOf(file: string, packages: string[]): string | undefined {
  let best: string | undefined;
  for (const pkg of packages) {
    const inside = pkg === '.' || file.startsWith(`${pkg}/`);
    if (inside && (best === undefined || best === '.' || pkg.length > best.length)) best = pkg;
  }
  return best;
}
