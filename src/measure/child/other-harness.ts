// Bench files written for a harness flamegate does not run yet (mitata, benchmark.js, bench-node).
// Their `bench(...)` calls look like vitest's, and their module has no tinybench default export, so
// without this check they would fail with vitest's or tinybench's error instead of their own.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { findPackage } from './vitest/resolve.js';

/** npm package → the harness's name as its users know it. */
const HARNESSES: Record<string, string> = {
  mitata: 'mitata',
  benchmark: 'benchmark.js',
  'bench-node': 'bench-node',
};

const importOf = (name: string) =>
  new RegExp(
    `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s+)['"]${name.replace(/[.-]/g, '\\$&')}(?:/[^'"]*)?['"]`,
  );
const IMPORTS = Object.keys(HARNESSES).map((name) => ({ name, pattern: importOf(name) }));
const OWN = [importOf('vitest'), importOf('tinybench')];

/** The npm package of another harness that `source` imports, when it imports neither vitest nor tinybench. */
export function otherHarnessIn(source: string): string | undefined {
  if (OWN.some((pattern) => pattern.test(source))) return undefined;
  return IMPORTS.find(({ pattern }) => pattern.test(source))?.name;
}

/** Throws, naming the harness and its installed version, when `file` is written for another harness. */
export function refuseOtherHarness(file: string): void {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const name = otherHarnessIn(source);
  if (!name) return;
  const harness = HARNESSES[name] ?? name;
  const installed = findPackage(dirname(file), name);
  throw new Error(
    `this file is written for ${harness} (it imports '${name}'; ${installed ? `${name} ${installed.version} is installed` : `${name} is not installed`}): ` +
      `flamegate does not run ${harness} benchmarks yet, only tinybench and vitest bench files. ` +
      'Leave it out with "exclude" in .github/flamegate.yml.',
  );
}
