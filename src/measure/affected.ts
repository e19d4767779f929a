// Which benchmarks a pull request can reach (`select: affected`). At discovery every benchmark file's
// module graph is recorded from the imports the harness itself resolves (child/module-graph.ts): a
// benchmark is affected when its file's graph, on base or on head, reaches a file the pull request
// changed. The others are not measured and the report lists them as not affected.
//
// The graph sees what a benchmark file imports when it loads. It cannot see what is read at run time
// (a data file, a worker script, a module imported lazily inside a benchmark's function), nor what a
// change to the install or the harness does. So every benchmark is measured when the change touches:
//   - a lockfile, a package.json or the package manager's settings (dependencies may differ);
//   - the bench config: a vite/vitest config, tsconfig, babel settings, .github/flamegate.yml;
//   - a file that is not a script (JSON, WASM, data…) that no benchmark's graph reaches: it may be read
//     at run time. Documentation, images and the rest of .github/ are left out: code does not run them;
//   - a script the benchmark processes loaded, but not through a benchmark file's imports (a setup file);
// and when a graph could not be recorded for a file, that file's benchmarks are measured. A script no
// process loaded at all (a test, a tool, code no benchmark imports) reaches no benchmark, unless a
// benchmark imports generated code (a build's output: in the repository, committed on neither side,
// not a dependency), whose sources its graph cannot show: then that benchmark is measured. A file
// that failed to load is always kept: its failure is news, and it costs no measuring.
// Pure: data in, data out.
import type { BenchmarkMeasurement, Side } from '../model.js';
import { hasFailed } from './blame.js';

export type Select = 'affected' | 'all';

/** What discovery recorded on one side, in repository-relative paths. */
export interface SideGraph {
  /** Per benchmark file (`BenchmarkId.file`): the files its imports reached; absent: not recorded. */
  reached: Map<string, string[]>;
  /** Every file the discover processes loaded through an import, benchmark files' or not. */
  loaded: Set<string>;
}

export interface Selection {
  /** What to measure, the affected first: a cut of the budget should drop from the end. */
  measure: BenchmarkMeasurement[];
  /** Benchmarks not measured: no file the pull request changed is reachable from them. */
  notAffected: BenchmarkMeasurement[];
  /** Why every benchmark is measured under `select: affected`; absent when the selection applied. */
  everything?: string;
  /** The changed files that some benchmark's graph reaches. */
  reachedChanges: string[];
}

const SCRIPT = /\.(c|m)?(j|t)sx?$/;

/** Changes after which any benchmark may behave differently, whatever it imports. */
const EVERYTHING: { pattern: RegExp; what: string }[] = [
  {
    pattern:
      /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|deno\.lock)$/,
    what: 'a lockfile',
  },
  {
    pattern:
      /(^|\/)(package\.json|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(\.yml)?|\.pnp\.c?js|\.pnp\.loader\.mjs|\.nvmrc|\.node-version)$|(^|\/)\.yarn\//,
    what: "a package manifest or the package manager's settings",
  },
  {
    pattern:
      /(^|\/)((vite|vitest)\.(config|workspace)(\.[\w-]+)?\.[cm]?[jt]s|vitest\.projects\.[cm]?[jt]s|tsconfig[\w.-]*\.json|jsconfig\.json|babel\.config\.[cm]?[jt]s(on)?|\.babelrc(\.[cm]?js(on)?)?|\.swcrc)$/,
    what: 'the bench or build config',
  },
  { pattern: /^\.github\/flamegate\.ya?ml$/, what: "flamegate's config" },
];

/** Files no benchmark runs: documentation, images, editor and repository settings, CI workflows. */
const IRRELEVANT =
  /\.(md|markdown|mdx|rst|adoc|png|jpe?g|gif|webp|ico|svg)$|(^|\/)(LICEN[CS]E|NOTICE|AUTHORS|CHANGELOG|CODEOWNERS)[^/]*$|(^|\/)\.(gitignore|gitattributes|editorconfig|mailmap)$|^\.github\/|(^|\/)\.(vscode|idea)\//;

export interface SelectInput {
  select: Select;
  /** Repository-relative paths the pull request added, modified or deleted. */
  changed: string[];
  /** Per side; undefined when discovery recorded none. */
  graphs: Record<Side, SideGraph> | undefined;
  /** Every file committed in base or head; absent: no file is taken for generated code. */
  committed?: Set<string>;
}

/** Splits the discovered benchmarks into those to measure and those the change cannot reach. */
export function selectAffected(
  found: BenchmarkMeasurement[],
  { select, changed, graphs, committed }: SelectInput,
): Selection {
  const everything = (why: string | undefined, affected = found): Selection => ({
    measure: [...affected, ...found.filter((m) => !affected.includes(m))],
    notAffected: [],
    ...(why ? { everything: why } : {}),
    reachedChanges: [],
  });
  if (changed.length === 0)
    return everything(select === 'all' ? undefined : 'no file differs between base and head');
  if (!graphs) return everything(select === 'all' ? undefined : 'the module graphs were not recorded');
  const sides: Side[] = ['base', 'head'];
  const changedSet = new Set(changed);
  const reachedChanges = new Set<string>();
  // Changed code no graph shows may be the source of a build's output that some graph does.
  const unseenCode = changed.some((f) => SCRIPT.test(f) && !inAnyGraph(graphs).has(f));
  const generated = (file: string) =>
    unseenCode && !!committed && !committed.has(file) && !/(^|\/)node_modules\//.test(file);
  const affected = found.filter((m) => {
    // A file that failed to load, or whose graph is unknown, is never hidden by the selection.
    if (hasFailed(m)) return true;
    return sides.some((side) => {
      if (!m.present[side]) return false;
      const reached = graphs[side].reached.get(m.id.file);
      if (!reached) return true;
      const hits = reached.filter((f) => changedSet.has(f));
      for (const f of hits) reachedChanges.add(f);
      return hits.length > 0 || reached.some(generated);
    });
  });
  if (select === 'all') return everything(undefined, affected);
  const why = everythingReason(changed, graphs);
  if (why) return everything(why, affected);
  return {
    measure: affected,
    notAffected: found.filter((m) => !affected.includes(m)),
    reachedChanges: [...reachedChanges].sort(),
  };
}

/** Why the change may reach any benchmark, naming the first file that says so; undefined if none does. */
export function everythingReason(changed: string[], graphs: Record<Side, SideGraph>): string | undefined {
  const inGraph = inAnyGraph(graphs);
  const loaded = (file: string) => graphs.base.loaded.has(file) || graphs.head.loaded.has(file);
  for (const file of [...changed].sort()) {
    const rule = EVERYTHING.find((r) => r.pattern.test(file));
    if (rule) return `${file} changed (${rule.what}): every benchmark may be affected`;
    if (inGraph.has(file) || IRRELEVANT.test(file)) continue;
    if (!SCRIPT.test(file))
      return `${file} changed, and no benchmark file imports it: it may be read while benchmarks run`;
    if (loaded(file))
      return `${file} changed: the benchmark processes load it, but not through a benchmark file's imports`;
  }
  return undefined;
}

/** Every file some benchmark file's graph reaches, on either side. */
function inAnyGraph(graphs: Record<Side, SideGraph>): Set<string> {
  const files = new Set<string>();
  for (const graph of Object.values(graphs))
    for (const reached of graph.reached.values()) for (const f of reached) files.add(f);
  return files;
}

/** A path under `root` made relative to it with forward slashes; undefined for a path outside it. */
export function repoPath(path: string, roots: string[]): string | undefined {
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (path.startsWith(prefix)) return path.slice(prefix.length).replace(/\\/g, '/');
  }
  return undefined;
}
