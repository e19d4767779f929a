// Which benchmark harness a file imports, read from its source without running it: the workspace
// stage finds benchmark files in bench/ folders by it, and the runner picks a file's adapter by it.
// Pure text; one place for both.

/** The npm packages of the harnesses whose files are scripts: they register benchmarks, then run them. */
export type ScriptHarness = 'mitata' | 'benchmark' | 'bench-node';

/** npm package → the harness's name as its users know it, and the major versions flamegate runs. */
export const SCRIPT_HARNESSES: Record<ScriptHarness, { title: string; majors: number[]; supported: string }> =
  {
    mitata: { title: 'mitata', majors: [1], supported: 'mitata 1.x' },
    benchmark: { title: 'benchmark.js', majors: [2], supported: 'benchmark.js 2.x' },
    'bench-node': { title: 'bench-node', majors: [0], supported: 'bench-node 0.x' },
  };

const importOf = (name: string) =>
  new RegExp(
    `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s+)['"]${name.replace(/[.-]/g, '\\$&')}(?:/[^'"]*)?['"]`,
  );
const SCRIPT_IMPORTS = (Object.keys(SCRIPT_HARNESSES) as ScriptHarness[]).map((name) => ({
  name,
  pattern: importOf(name),
}));
const OWN = [importOf('vitest'), importOf('tinybench')];

/** The script harness that `source` imports, when it imports neither vitest nor tinybench. */
export function scriptHarnessIn(source: string): ScriptHarness | undefined {
  if (OWN.some((pattern) => pattern.test(source))) return undefined;
  return SCRIPT_IMPORTS.find(({ pattern }) => pattern.test(source))?.name;
}

/** Whether `source` imports any harness flamegate runs. */
export function importsAHarness(source: string): boolean {
  return OWN.some((p) => p.test(source)) || SCRIPT_IMPORTS.some(({ pattern }) => pattern.test(source));
}
