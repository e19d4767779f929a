// The compare stage: turns measurements and per-function tables into the report and its verdict.
// Pure: data in, data out.
import picomatch from 'picomatch';
import { findOverride, isSkipped } from '../config/overrides.js';
import { formatDeltaNs, formatInterval, formatPercent } from '../format.js';
import type {
  BenchmarkMeasurement,
  BenchmarkResult,
  Config,
  FunctionResult,
  FunctionSelfTime,
  FunctionTable,
  Report,
  RevisionInfo,
  Side,
  SideSummary,
  SideTiming,
} from '../model.js';
import { benchmarkKey } from '../model.js';
import { estimateChange, median, poissonZ } from './stats.js';

export interface CompareInput {
  measurements: BenchmarkMeasurement[];
  /** Per benchmark key: each side's function table, pooled over profiling processes. */
  functionTables: Record<string, Partial<Record<Side, FunctionTable>>>;
  /** Per benchmark key: each side's table per profiling process, in process order. */
  processTables?: Record<string, Partial<Record<Side, FunctionTable[]>>>;
  config: Config;
  base: RevisionInfo;
  head: RevisionInfo;
}

/** A function's change must clear all of these before it is called regressed or improved. */
export const FUNCTION_EVIDENCE = {
  /** |z| of the Poisson test on sample counts. */
  minZ: 3,
  /** Samples on the busier side. */
  minSamples: 10,
  /** |Δ self time| as a share of the benchmark's base time per op. */
  minShare: 0.005,
};

/** Functions kept in the report per benchmark: every changed one, then the largest unchanged ones. */
const FUNCTIONS_PER_BENCHMARK = 20;

export function compare(input: CompareInput): Report {
  const { config } = input;
  const benchmarks: BenchmarkResult[] = [];
  const functions: FunctionResult[] = [];
  const failures: string[] = [];
  const infrastructure = new Map<string, string[]>();
  const ignored =
    config.ignoreFunctions.length > 0 ? picomatch(config.ignoreFunctions, { dot: true }) : undefined;

  for (const m of input.measurements) {
    // The measure stage already leaves skipped benchmarks out; the same rule here keeps a skipped
    // benchmark out of the gate whoever produced the data.
    if (isSkipped(config.overrides, m.id)) continue;
    const key = benchmarkKey(m.id);
    const override = findOverride(config.overrides, m.id);
    const threshold = override?.thresholds.benchmark ?? config.thresholds.benchmark;
    const functionThreshold = override?.thresholds.function ?? config.thresholds.function;
    const result = benchmarkResult(m, threshold, functionThreshold);

    const tables = input.functionTables[key];
    if (tables?.base && tables.head && result.status !== 'failed') {
      const rows = compareFunctions(
        key,
        m.id.file,
        tables.base,
        tables.head,
        input.processTables?.[key],
        functionThreshold,
        (f) => !!ignored && (ignored(f.frame.name) || ignored(f.frame.file)),
      );
      for (const row of rows.filter((r) => r.gate)) {
        const where = row.package ?? (row.file ? `${row.file}:${row.line}` : row.kind);
        const line =
          `${key}: ${row.name} (${where}) self time ${formatDeltaNs(row.deltaNsPerOp)}/op, ` +
          `${formatPercent(row.shareOfBenchmark ?? 0)} of the benchmark's base time per op, function threshold ${formatPercent(functionThreshold, false)}`;
        (result.failures ??= []).push(line);
      }
      functions.push(...rows);
    }
    failures.push(...(result.failures ?? []));
    if (m.infrastructureError) {
      const keys = infrastructure.get(m.infrastructureError) ?? [];
      infrastructure.set(m.infrastructureError, [...keys, key]);
    }
    benchmarks.push(result);
  }
  const report: Report = {
    schemaVersion: 1,
    verdict: failures.length > 0 ? 'fail' : 'pass',
    base: input.base,
    head: input.head,
    benchmarks,
    functions,
    failures,
  };
  // One line per distinct fault: a profiler that cannot load stops every benchmark the same way.
  if (infrastructure.size > 0) {
    report.infrastructureErrors = [...infrastructure].map(
      ([error, keys]) => `${error}\n(stopped ${keys.length} benchmark(s): ${keys.join(', ')})`,
    );
  }
  return report;
}

function summary(timings: SideTiming[]): SideSummary | null {
  const useful = timings.filter((t) => t.ops > 0);
  if (useful.length === 0) return null;
  const medianNs = median(useful.map((t) => t.totalNs / t.ops));
  return { medianNs, meanNs: medianNs, samples: useful.reduce((sum, t) => sum + t.ops, 0) };
}

function benchmarkResult(
  m: BenchmarkMeasurement,
  threshold: number,
  functionThreshold: number,
): BenchmarkResult {
  const key = benchmarkKey(m.id);
  const sideTimings = (side: Side) => [
    ...m.timings.map((t) => t[side]),
    ...m.soloTimings.filter((s) => s.side === side).map((s) => s.timing),
  ];
  const result: BenchmarkResult = {
    name: m.id.name,
    file: m.id.file,
    status: 'unchanged',
    base: m.present.base ? summary(sideTimings('base')) : null,
    head: m.present.head ? summary(sideTimings('head')) : null,
    change: 0,
    ci: [0, 0],
    threshold,
    functionThreshold,
  };
  if (m.infrastructureError) {
    // Neither side's fault: failed, with no failure line, so it never counts against the pull request.
    result.status = 'failed';
    result.infrastructure = true;
    result.error = m.infrastructureError;
    return result;
  }
  if (m.errors.base || m.errors.head) {
    result.status = 'failed';
    result.error = m.errors.head ? `head: ${m.errors.head}` : `base: ${m.errors.base}`;
    if (m.errors.base && m.errors.head && m.errors.base !== m.errors.head)
      result.error += `\nbase: ${m.errors.base}`;
    // Only a benchmark that worked on base and broke on head is the pull request's doing.
    if (m.errors.head && !m.errors.base && m.present.base) {
      result.failures = [`${key}: fails on head (it passed on base): ${firstLine(m.errors.head)}`];
    }
    return result;
  }
  if (!m.present.base || !m.present.head) {
    result.status = m.present.head ? 'added' : 'removed';
    return result;
  }
  const estimate = estimateChange(m.timings);
  result.change = estimate.change;
  result.ci = estimate.ci;
  if (!Number.isFinite(estimate.change)) {
    result.status = 'failed';
    result.error = 'no timing data (every process failed)';
    return result;
  }
  const [lo, hi] = estimate.ci;
  if ((hi - lo) / 2 > threshold || !Number.isFinite(hi - lo)) result.inconclusive = true;
  const excludesZero = lo > 0 || hi < 0;
  if (excludesZero && Math.abs(estimate.change) > threshold) {
    result.status = estimate.change > 0 ? 'regressed' : 'improved';
  }
  if (result.status === 'regressed') {
    result.failures = [
      `${key}: ${formatPercent(estimate.change, false)} slower (95% CI ${formatInterval(estimate.ci)}), threshold ${formatPercent(threshold, false)}`,
    ];
  }
  return result;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function compareFunctions(
  key: string,
  benchmarkFile: string,
  base: FunctionTable,
  head: FunctionTable,
  perProcess: Partial<Record<Side, FunctionTable[]>> | undefined,
  functionThreshold: number,
  isIgnored: (f: FunctionSelfTime) => boolean,
): FunctionResult[] {
  const baseTotal = base.totalNsPerOp;
  const baseByKey = new Map(base.functions.map((f) => [f.key, f]));
  const headByKey = new Map(head.functions.map((f) => [f.key, f]));
  const processPairs = pairProcesses(perProcess);
  const rows: FunctionResult[] = [];
  for (const fnKey of new Set([...baseByKey.keys(), ...headByKey.keys()])) {
    const b = baseByKey.get(fnKey);
    const h = headByKey.get(fnKey);
    const info = (h ?? b) as FunctionSelfTime;
    if (isIgnored(info)) continue;
    const baseSelf = b?.selfNsPerOp ?? 0;
    const headSelf = h?.selfNsPerOp ?? 0;
    const delta = headSelf - baseSelf;
    if (baseSelf === 0 && headSelf === 0) continue;
    // The change each profiling process saw; their median is what the gate reads, so one process
    // whose JIT treated a function differently cannot flag it on its own.
    const robustDelta =
      processPairs.length > 1
        ? median(
            processPairs.map(
              ([pb, ph]) => (ph.get(fnKey)?.selfNsPerOp ?? 0) - (pb.get(fnKey)?.selfNsPerOp ?? 0),
            ),
          )
        : delta;
    const share = baseTotal > 0 ? robustDelta / baseTotal : 0;
    const z = poissonZ(b?.selfSamples ?? 0, base.ops, h?.selfSamples ?? 0, head.ops);
    const supported =
      Math.abs(z) > FUNCTION_EVIDENCE.minZ &&
      Math.max(b?.selfSamples ?? 0, h?.selfSamples ?? 0) >= FUNCTION_EVIDENCE.minSamples &&
      Math.abs(share) >= FUNCTION_EVIDENCE.minShare &&
      Math.sign(robustDelta) === Math.sign(delta);
    let status: FunctionResult['status'] = 'unchanged';
    if (supported) {
      if (!b) status = 'added';
      else if (!h) status = 'removed';
      else status = delta > 0 ? 'regressed' : 'improved';
    }
    const frame = info.frame;
    const row: FunctionResult = {
      benchmark: key,
      name: frame.name,
      file: frame.file,
      line: frame.line,
      baseSelfNsPerOp: baseSelf,
      headSelfNsPerOp: headSelf,
      deltaNsPerOp: delta,
      change: baseSelf > 0 ? headSelf / baseSelf - 1 : 1,
      status,
      benchmarkFile,
      kind: frame.kind,
      shareOfBenchmark: share,
    };
    if (frame.package) row.package = frame.package;
    if ((status === 'regressed' || status === 'added') && share > functionThreshold) row.gate = true;
    rows.push(row);
  }
  rows.sort((x, y) => Math.abs(y.deltaNsPerOp) - Math.abs(x.deltaNsPerOp));
  const changed = rows.filter((r) => r.status !== 'unchanged');
  const unchanged = rows.filter((r) => r.status === 'unchanged');
  return [...changed, ...unchanged.slice(0, Math.max(0, FUNCTIONS_PER_BENCHMARK - changed.length))];
}

/** Base and head tables of the same process, matched by process order, as key → function maps. */
function pairProcesses(
  perProcess: Partial<Record<Side, FunctionTable[]>> | undefined,
): [Map<string, FunctionSelfTime>, Map<string, FunctionSelfTime>][] {
  const base = perProcess?.base ?? [];
  const head = perProcess?.head ?? [];
  const pairs: [Map<string, FunctionSelfTime>, Map<string, FunctionSelfTime>][] = [];
  for (let i = 0; i < Math.min(base.length, head.length); i++) {
    pairs.push([
      new Map((base[i] as FunctionTable).functions.map((f) => [f.key, f])),
      new Map((head[i] as FunctionTable).functions.map((f) => [f.key, f])),
    ]);
  }
  return pairs;
}
