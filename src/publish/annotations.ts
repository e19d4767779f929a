// Which annotations a failed check gets, in which order, at which file and line. Pure: `publish`
// writes what this plans through @actions/core.
//
// A function over its threshold (the function gate, or the fleet gate) whose source this pull request
// edited or added is annotated on its own lines, where the reviewer reads the diff ("Files changed").
// Every other failure line (a slower benchmark, more bytes per op, a benchmark that broke on head, a
// function whose source the pull request did not touch, or every line when no diff was read) keeps
// the annotation it always had: the line itself, with no file. A failure line that a line annotation
// already says is not repeated. GitHub shows 10 annotations of each level per step: the plan keeps to
// that (what the step itself adds counted), the largest changes first; the rest are listed in the log,
// and the job summary always holds every line.
import { formatDeltaNs, formatInterval, formatPercent } from '../format.js';
import type { BenchmarkResult, FunctionResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';

/** Annotations of one level that GitHub shows per step (error, warning and notice each). */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  /** Repository-relative path, forward slashes; absent for an annotation of the whole check. */
  file?: string;
  startLine?: number;
  endLine?: number;
}

export interface AnnotationPlan {
  /** What to write, in order. */
  annotations: Annotation[];
  /** Failure lines left without an annotation by GitHub's limit, to be written to the log instead. */
  unannotated: string[];
}

export interface AnnotationOptions {
  /**
   * `error` when the failed gate fails the step (`fail-on-regression: true`); `warning` when the step
   * passes anyway, where an error would read as the step's failure.
   */
  level: AnnotationLevel;
  /** Annotations of that level the step writes besides these (its own failure message): kept free. */
  reserved: number;
}

export const THRESHOLD_TITLE = 'flamegate: threshold exceeded';

export function planAnnotations(
  report: Pick<Report, 'verdict' | 'benchmarks' | 'functions' | 'failures'>,
  options: AnnotationOptions,
): AnnotationPlan {
  const failures = report.failures ?? [];
  if (report.verdict !== 'fail' || failures.length === 0) return { annotations: [], unannotated: [] };
  const room = Math.max(0, ANNOTATIONS_PER_LEVEL - options.reserved);
  const benchmarks = new Map(report.benchmarks.map((b) => [benchmarkKey(b), b]));
  const sites = changedSites(report.functions);
  const covered = new Set<string>();
  const onLines: Annotation[] = sites.map((site) => {
    for (const row of site.rows) for (const line of failureLinesOf(row, failures)) covered.add(line);
    return lineAnnotation(site, benchmarks, options.level);
  });
  const whole: Annotation[] = failures
    .filter((line) => !covered.has(line))
    .map((line) => ({ level: options.level, title: THRESHOLD_TITLE, message: line }));
  // The changed lines first (what the reviewer acts on, largest first), then the check's other lines.
  const planned = [...onLines, ...whole];
  const annotations = planned.slice(0, room);
  const unannotated = planned
    .slice(room)
    .map((a) => (a.file ? `${a.file}:${a.startLine}: ${a.message}` : a.message));
  return { annotations, unannotated };
}

/** One function whose changed source is over a threshold: its lines, and its rows (one per benchmark). */
interface ChangedSite {
  file: string;
  startLine: number;
  endLine?: number;
  name: string;
  rows: FunctionResult[];
}

/**
 * The gated rows whose source the pull request edited or added, one site per function (a function
 * gated in several benchmarks is one annotation), the largest share of a benchmark's time first.
 */
export function changedSites(functions: readonly FunctionResult[]): ChangedSite[] {
  const sites = new Map<string, ChangedSite>();
  for (const row of functions) {
    if (!row.gate && !row.fleetGate) continue;
    const source = row.source;
    if (!source?.changed || (source.reason !== 'edited' && source.reason !== 'new')) continue;
    const file = repositoryPath(row.file);
    // On the lines the diff changed inside the function, where the reviewer reads; else the whole
    // function (a new file), else its first line.
    const span = source.changedLines ?? source.lines;
    const startLine = span?.[0] ?? row.line;
    if (!file || !(startLine > 0)) continue;
    const endLine = span && span[1] > startLine ? span[1] : undefined;
    const key = `${file}\0${startLine}\0${row.name}`;
    const site = sites.get(key) ?? {
      file,
      startLine,
      ...(endLine ? { endLine } : {}),
      name: row.name,
      rows: [],
    };
    site.rows.push(row);
    sites.set(key, site);
  }
  const size = (site: ChangedSite) => Math.max(...site.rows.map(rowSize));
  return [...sites.values()]
    .map((site) => ({ ...site, rows: [...site.rows].sort((a, b) => rowSize(b) - rowSize(a)) }))
    .sort((a, b) => size(b) - size(a));
}

/** How large a row's change is: its share of the benchmark's base time, else its relative change. */
function rowSize(row: FunctionResult): number {
  return Math.abs(row.shareOfBenchmark ?? row.change);
}

/**
 * The path as GitHub wants it, relative to the repository root with forward slashes; undefined for
 * anything else. Function rows name their files from the repository root (the profile stage strips
 * each checkout's root, whatever `working-directory` is), and a row the diff matched is a file of the
 * diff; a report read in post-only mode was made elsewhere, so the shape is checked all the same:
 * never an absolute, temporary or parent path.
 */
export function repositoryPath(file: string): string | undefined {
  const path = file.replace(/\\/g, '/');
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || /[\0\r\n]/.test(path))
    return undefined;
  if (path.includes('://') || path.startsWith('node:')) return undefined;
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
  return path;
}

/** The lines of `failures` that this row's gates wrote (compare/compare.ts, compare/production.ts). */
function failureLinesOf(row: FunctionResult, failures: readonly string[]): string[] {
  const prefix = `${row.benchmark}: ${row.name} (`;
  return failures.filter(
    (line) =>
      line.startsWith(prefix) &&
      ((row.gate && line.includes('function threshold')) ||
        (row.fleetGate && line.includes('fleet threshold'))),
  );
}

function lineAnnotation(
  site: ChangedSite,
  benchmarks: ReadonlyMap<string, BenchmarkResult>,
  level: AnnotationLevel,
): Annotation {
  const first = site.rows[0];
  const how = first?.source?.reason === 'new' ? 'added' : 'changed';
  const lines = site.rows.map((row) => rowSentence(row, benchmarks.get(row.benchmark)));
  return {
    level,
    title: `flamegate: ${site.name} (${how} in this pull request) over its threshold`,
    message: lines.join('\n'),
    file: site.file,
    startLine: site.startLine,
    ...(site.endLine ? { endLine: site.endLine } : {}),
  };
}

/** One benchmark's evidence against the function: its change, the threshold, the intervals. */
function rowSentence(row: FunctionResult, benchmark: BenchmarkResult | undefined): string {
  const parts: string[] = [];
  if (row.gate) {
    const threshold =
      benchmark?.functionThreshold !== undefined
        ? `, function threshold ${formatPercent(benchmark.functionThreshold, false)}`
        : '';
    parts.push(
      `self time ${formatDeltaNs(row.deltaNsPerOp)}/op, ${formatPercent(row.shareOfBenchmark ?? 0)} of the benchmark's base time per op${threshold}`,
    );
  }
  if (row.fleetGate && row.fleetImpact !== undefined) {
    parts.push(
      `estimated fleet CPU ${formatPercent(row.fleetImpact)} (${formatPercent(row.productionShare ?? 0, false)} of production CPU)`,
    );
  }
  const evidence = row.evidence
    ? `; ${row.evidence.agreeing} of ${row.evidence.processes} profiling processes agree, z = ${row.evidence.z.toFixed(1)}`
    : '';
  const timing =
    benchmark && benchmark.status !== 'failed' && (benchmark.ci[0] !== 0 || benchmark.ci[1] !== 0)
      ? `; benchmark time ${formatPercent(benchmark.change)} (95% CI ${formatInterval(benchmark.ci)})`
      : '';
  return `${row.benchmark}: ${parts.join('; ')}${evidence}${timing}`;
}
