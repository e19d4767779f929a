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
//
// Importing is not running: a benchmark file that imports a barrel module (an index re-exporting the
// whole library) reaches every file of the library. So under `select: affected` each benchmark of a
// file whose graph reaches a changed script is called once at discovery (child/executed.ts), and the
// affected are measured in two groups, each in discovery order: first those whose file's benchmarks
// called a function of a changed file (or whose run is unknown: it failed, timed out, or was not
// recorded), then those the change reaches only through imports. Nothing is dropped by this: a time
// budget cuts from the end. A change only to a module's top-level code (a constant outside any
// function) runs when the module is imported, not when a benchmark is called: its benchmarks stay
// affected through their imports, in the second group.
// Pure: data in, data out.
import type { BenchmarkMeasurement, Selection as ReportSelection, Side } from '../model.js';
import { hasFailed } from './blame.js';

export type Select = 'affected' | 'all';

/** What discovery recorded on one side, in repository-relative paths. */
export interface SideGraph {
  /** Per benchmark file (`BenchmarkId.file`): the files its imports reached; absent: not recorded. */
  reached: Map<string, string[]>;
  /** Every file the discover processes loaded through an import, benchmark files' or not. */
  loaded: Set<string>;
  /**
   * Per benchmark file whose benchmarks were called once: the changed files they called into, or
   * `unknown` (one failed or timed out), or `skipped` (the pass's time ran out first). Absent: the
   * execution pass did not run on this side.
   */
  executed?: Map<string, string[] | 'unknown' | 'skipped'>;
  /**
   * Per benchmark file, per benchmark (task name) whose own call is known: the changed files that
   * call reached. Where present it decides for that benchmark instead of its file's `executed`.
   */
  executedTasks?: Map<string, Map<string, string[]>>;
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
  /** Affected benchmarks whose file's benchmarks, called once, ran a function of a changed file. */
  executedChanges?: BenchmarkMeasurement[];
  /** Affected benchmarks whose run could not tell (a failure, a timeout, no record): ranked first too. */
  executionUnknown?: BenchmarkMeasurement[];
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
  const reachedAffected = found.filter((m) => {
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
  const ran = byExecution(reachedAffected, changedSet, graphs);
  const affected = ran
    ? [...ran.first, ...reachedAffected.filter((m) => !ran.first.includes(m))]
    : reachedAffected;
  const executionFields = ran ? { executedChanges: ran.executed, executionUnknown: ran.unknown } : {};
  if (select === 'all') return { ...everything(undefined, affected), ...executionFields };
  const why = everythingReason(changed, graphs);
  if (why) return { ...everything(why, affected), ...executionFields };
  return {
    measure: affected,
    notAffected: found.filter((m) => !affected.includes(m)),
    reachedChanges: [...reachedChanges].sort(),
    ...executionFields,
  };
}

/**
 * The affected benchmarks whose run called into a changed file, and those whose run is unknown (both
 * measured first, in discovery order); undefined when no side recorded runs.
 */
function byExecution(
  affected: BenchmarkMeasurement[],
  changed: ReadonlySet<string>,
  graphs: Record<Side, SideGraph>,
):
  | { first: BenchmarkMeasurement[]; executed: BenchmarkMeasurement[]; unknown: BenchmarkMeasurement[] }
  | undefined {
  if (!graphs.base.executed && !graphs.head.executed) return undefined;
  const executed: BenchmarkMeasurement[] = [];
  const unknown: BenchmarkMeasurement[] = [];
  const first = affected.filter((m) => {
    const verdicts = (['base', 'head'] as Side[]).map((side) => sideRun(m, side, changed, graphs[side]));
    if (verdicts.includes('ran')) executed.push(m);
    // Reached through generated code only: the run of the changed source cannot be seen.
    else if (verdicts.includes('unknown') || verdicts.every((v) => v === 'none')) unknown.push(m);
    else return false;
    return true;
  });
  return { first, executed, unknown };
}

/** What one side says of a benchmark's run: it called a changed file, it did not, or it is unknown. */
function sideRun(
  m: BenchmarkMeasurement,
  side: Side,
  changed: ReadonlySet<string>,
  graph: SideGraph,
): 'ran' | 'not' | 'unknown' | 'none' {
  if (!m.present[side]) return 'none';
  if (hasFailed(m)) return 'unknown';
  const reached = graph.reached.get(m.id.file);
  if (!reached) return 'unknown';
  if (!reached.some((f) => changed.has(f))) return 'none';
  const own = graph.executedTasks?.get(m.id.file)?.get(m.id.name);
  if (own) return own.some((f) => changed.has(f)) ? 'ran' : 'not';
  const run = graph.executed?.get(m.id.file);
  if (run === undefined || run === 'unknown') return 'unknown';
  // The pass ran out of its time before this file: what its imports reach is all that is known.
  if (run === 'skipped') return 'not';
  return run.some((f) => changed.has(f)) ? 'ran' : 'not';
}

/** What the report keeps of the execution ranking (`Selection.executedChanges`, `executionUnknown`). */
export function executionFields(
  chosen: Selection,
): Pick<ReportSelection, 'executedChanges' | 'executionUnknown'> {
  if (!chosen.executedChanges || !chosen.executionUnknown) return {};
  return {
    executedChanges: chosen.executedChanges.map((m) => m.id),
    executionUnknown: chosen.executionUnknown.map((m) => m.id),
  };
}

/** The changed script files of one side, as absolute paths: what its discover process runs for. */
export function executionJob(
  affected: { select: Select; changed: string[]; roots: Record<Side, string> },
  side: Side,
): string[] | undefined {
  if (affected.select !== 'affected') return undefined;
  const scripts = affected.changed.filter((f) => SCRIPT.test(f));
  if (scripts.length === 0) return undefined;
  const root = affected.roots[side];
  return scripts.map((f) => `${root.replace(/\/+$/, '')}/${f}`);
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
