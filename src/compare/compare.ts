// The compare stage: turns measurements and per-function tables into the report and its verdict.
// Pure: data in, data out.
import picomatch from 'picomatch';
import { isSkipped, thresholdsFor } from '../config/overrides.js';
import { formatBytes, formatDeltaNs, formatInterval, formatPercent, plural } from '../format.js';
import type {
  AllocationResult,
  BenchmarkMeasurement,
  BenchmarkResult,
  Config,
  FunctionResult,
  LeftOutBenchmark,
  MeasureRun,
  ProcessTiming,
  Report,
  RevisionInfo,
  SamplingSummary,
  Side,
  SideProfile,
  SideSummary,
  SideTiming,
  SourceChanges,
} from '../model.js';
import { benchmarkKey } from '../model.js';
import { estimateChange, meanAndSd, median, processLogRatio } from '../stats/estimate.js';
import { lookAlpha, samplingPlan, sequentialLook, verdictOf } from '../stats/sequential.js';
import { compareAllocations, DEFAULT_ALLOCATION_THRESHOLD } from './allocations.js';
import { compareFunctions } from './functions.js';
import { measuredOf, nothingMeasured } from './measured.js';
import { sourceChange } from './sources.js';
import { verdictFrom } from './verdict.js';

export interface CompareInput {
  measurements: BenchmarkMeasurement[];
  /**
   * Per benchmark key and side: the attribution pass's function tables, process by process (with
   * `path`, where its merged pprof file went, for the report's `profiles`).
   */
  cpuTables: Record<string, Partial<Record<Side, ComparedProfile>>>;
  /** Per benchmark key and side: the allocation pass's function tables (bytes), and its pprof's path. */
  allocationTables?: Record<string, Partial<Record<Side, ComparedProfile>>>;
  /** The Node.js that ran the benchmarks, for the report's `settings`; absent: no settings. */
  runtime?: string;
  /** What the pull request changed, for the "changed in this PR" marker; absent: not known. */
  sources?: SourceChanges;
  config: Config;
  base: RevisionInfo;
  head: RevisionInfo;
  /** What the measure stage spent (sequential sampling), for the report's `sampling`. */
  run?: MeasureRun;
  /** One shard's share of a run: whether anything was measured is decided when the shards are merged. */
  partial?: boolean;
}

type ComparedProfile = Pick<SideProfile, 'processes'> & Partial<Pick<SideProfile, 'path'>>;

export function compare(input: CompareInput): Report {
  const { config } = input;
  const benchmarks: BenchmarkResult[] = [];
  const functions: FunctionResult[] = [];
  const failures: string[] = [];
  const allocations: AllocationResult[] = [];
  const infrastructure = new Map<string, string[]>();
  const ignored =
    config.ignoreFunctions.length > 0 ? picomatch(config.ignoreFunctions, { dot: true }) : undefined;

  const leftOut: LeftOutBenchmark[] = [];
  for (const m of input.measurements) {
    // The measure stage already leaves skipped benchmarks out; the same rule here keeps a skipped
    // benchmark out of the gate whoever produced the data.
    if (isSkipped(config.overrides, m.id)) continue;
    // Never measured (no time for it): in no verdict, listed apart so the verdict can count it.
    if (m.leftOut) {
      leftOut.push({ name: m.id.name, file: m.id.file, reason: m.leftOut });
      continue;
    }
    const key = benchmarkKey(m.id);
    const thresholds = thresholdsFor(config, m.id);
    const threshold = thresholds.benchmark;
    const functionThreshold = thresholds.function;
    const result = benchmarkResult(m, threshold, functionThreshold, config);

    const profiles = input.cpuTables[key];
    if (profiles?.base && profiles.head && result.status !== 'failed') {
      const sources = input.sources;
      const { rows, noise } = compareFunctions({
        benchmark: key,
        benchmarkFile: m.id.file,
        base: profiles.base.processes,
        head: profiles.head.processes,
        processRatios: m.attributionTimings?.map((t) => Math.exp(processLogRatio(t))),
        functionThreshold,
        benchmarkDirection: result.status === 'regressed' ? 1 : result.status === 'improved' ? -1 : 0,
        isIgnored: (f) => !!ignored && (ignored(f.frame.name) || ignored(f.frame.file)),
        sourceOf: sources ? (f, onHead) => sourceChange(f.frame, sources, onHead) : undefined,
      });
      if (noise) result.functionNoise = noise;
      for (const row of rows.filter((r) => r.gate)) {
        const where = row.package ?? (row.file ? `${row.file}:${row.line}` : row.kind);
        const line =
          `${key}: ${row.name} (${where}) self time ${formatDeltaNs(row.deltaNsPerOp)}/op, ` +
          `${formatPercent(row.shareOfBenchmark ?? 0)} of the benchmark's base time per op, function threshold ${formatPercent(functionThreshold, false)}`;
        (result.failures ??= []).push(line);
      }
      functions.push(...rows);
    }
    if (m.allocations?.length && result.status !== 'failed') {
      const allocationThreshold = thresholds.allocations ?? DEFAULT_ALLOCATION_THRESHOLD;
      const heap = input.allocationTables?.[key];
      const sources = input.sources;
      const { memory, rows } = compareAllocations({
        benchmark: key,
        benchmarkFile: m.id.file,
        allocations: m.allocations,
        base: heap?.base?.processes,
        head: heap?.head?.processes,
        samplingIntervalBytes: config.budget.allocationIntervalBytes,
        threshold: allocationThreshold,
        isIgnored: (f) => !!ignored && (ignored(f.frame.name) || ignored(f.frame.file)),
        sourceOf: sources ? (f, onHead) => sourceChange(f.frame, sources, onHead) : undefined,
      });
      if (memory) {
        result.memory = memory;
        if (memory.status === 'regressed') {
          const time =
            result.status === 'regressed'
              ? 'and is slower'
              : `while its time is ${result.status === 'improved' ? 'better' : 'unchanged'}`;
          (result.failures ??= []).push(
            `${key}: allocates ${formatPercent(memory.change, false)} more bytes per op ` +
              `(${formatBytes(memory.baseBytesPerOp)} → ${formatBytes(memory.headBytesPerOp)}, 95% CI ${formatInterval(memory.ci)}) ${time}, ` +
              `allocation threshold ${formatPercent(allocationThreshold, false)}`,
          );
        }
      }
      allocations.push(...rows);
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
    verdict: verdictFrom(failures),
    base: input.base,
    head: input.head,
    benchmarks,
    functions,
    failures,
    ...(input.measurements.some((m) => m.allocations?.length) ? { allocations } : {}),
  };
  // Before `nothingMeasured`: a change that reaches no benchmark is a verdict, not a run that measured nothing.
  if (input.run?.selection) report.selection = input.run.selection;
  if (leftOut.length > 0) report.leftOut = leftOut;
  const compared = input.measurements.filter((m) => !isSkipped(config.overrides, m.id) && !m.leftOut);
  report.measured = measuredOf(compared, benchmarks, config.thresholds.failed);
  const nothing = input.partial ? undefined : nothingMeasured(report);
  if (nothing) report.nothingMeasured = nothing;
  // One line per distinct fault: a profiler that cannot load stops every benchmark the same way.
  if (infrastructure.size > 0) {
    report.infrastructureErrors = [...infrastructure].map(
      ([error, keys]) => `${error}\n(stopped ${plural(keys.length, 'benchmark')}: ${keys.join(', ')})`,
    );
  }
  const sampling = samplingSummary(input.measurements, benchmarks, config, input.run);
  if (sampling) report.sampling = sampling;
  if (input.runtime !== undefined) {
    const { budget } = config;
    report.settings = {
      processes: budget.processes,
      timePerProcessMs: budget.timePerProcessMs,
      profileMs: budget.profileMs,
      node: input.runtime,
      maxProcesses: budget.maxProcesses,
      maxMinutes: budget.maxMinutes,
      ...(budget.allocationProcesses > 0 ? { allocationMs: budget.allocationMs } : {}),
      parallel: budget.parallel ?? 1,
    };
  }
  // A pipeline run (runtime known) always lists its profiles, even none: the field has always been there.
  const profiles = profilePaths(input.cpuTables);
  if (profiles || input.runtime !== undefined) report.profiles = profiles ?? {};
  const allocationProfiles = profilePaths(input.allocationTables ?? {});
  if (allocationProfiles) report.allocationProfiles = allocationProfiles;
  if (input.run?.allocationPassMs !== undefined) report.allocationPassMs = input.run.allocationPassMs;
  if (input.run?.harnessNotes) report.harnessNotes = input.run.harnessNotes;
  return report;
}

/** Where the merged pprof files went, per benchmark key and side; undefined when none was written. */
function profilePaths(
  profiles: Record<string, Partial<Record<Side, ComparedProfile>>>,
): Record<string, Partial<Record<Side, string>>> | undefined {
  const paths: Record<string, Partial<Record<Side, string>>> = {};
  let any = false;
  for (const [key, sides] of Object.entries(profiles)) {
    const entry: Partial<Record<Side, string>> = {};
    for (const side of ['base', 'head'] as const) {
      const path = sides[side]?.path;
      if (path) {
        entry[side] = path;
        any = true;
      }
    }
    paths[key] = entry;
  }
  return any ? paths : undefined;
}

/** What sequential sampling spent, and what it saved against `budget.maxProcesses` for every benchmark. */
function samplingSummary(
  measurements: BenchmarkMeasurement[],
  results: BenchmarkResult[],
  config: Config,
  run: MeasureRun | undefined,
): SamplingSummary | undefined {
  const sampled = measurements.filter((m) => m.sampling);
  if (sampled.length === 0 || !run) return undefined;
  const plan = samplingPlan(config.budget);
  let processes = 0;
  let confirming = 0;
  let savedMs = 0;
  for (const m of sampled) {
    const s = m.sampling;
    if (!s) continue;
    processes += s.processes + (m.confirmTimings?.length ?? 0);
    confirming += m.confirmTimings?.length ?? 0;
    // Only a benchmark that resolved saved anything; one cut by maxMinutes was denied, not spared.
    if (s.processes > 0 && s.stoppedBy === 'resolved')
      savedMs += (plan.maxProcesses - s.processes) * (s.wallMs / s.processes);
  }
  const summary: SamplingSummary = {
    processes,
    maxProcesses: sampled.length * plan.maxProcesses,
    seconds: (run.timingMs + run.confirmMs) / 1000,
    savedSeconds: savedMs / 1000,
    resolved: results.filter((b) => b.stoppedBy === 'resolved').length,
    unresolved: results.filter((b) => b.stoppedBy && b.stoppedBy !== 'resolved').length,
    alphaPerLook: lookAlpha(plan),
  };
  if (run.harnessFloorNs !== undefined) summary.harnessFloorNs = run.harnessFloorNs;
  if (run.trailing) summary.trailing = run.trailing;
  if (confirming > 0) summary.confirmProcesses = confirming;
  return summary;
}

function summary(timings: SideTiming[]): SideSummary | null {
  const useful = timings.filter((t) => t.ops > 0);
  if (useful.length === 0) return null;
  const medianNs = median(useful.map((t) => t.totalNs / t.ops));
  const ops = useful.reduce((sum, t) => sum + t.ops, 0);
  return { medianNs, meanNs: medianNs, ops, samples: ops };
}

/**
 * The per-side figures shown next to `change`, from the same processes: base's level as the
 * geometric mean of each process's base ns/op (a process's own bias cancels as it does in the
 * ratio), head as that level times the paired change, so a regressed row never shows head faster.
 */
function pairedSides(timings: ProcessTiming[], change: number): { base: number; head: number } | undefined {
  const logs = timings
    .filter((t) => t.base.ops > 0 && t.head.ops > 0 && Number.isFinite(processLogRatio(t)))
    .map((t) => Math.log(t.base.totalNs / t.base.ops))
    .filter(Number.isFinite);
  if (logs.length === 0 || !Number.isFinite(change)) return undefined;
  const base = Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
  return { base, head: base * (1 + change) };
}

function benchmarkResult(
  m: BenchmarkMeasurement,
  threshold: number,
  functionThreshold: number,
  config: Config,
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
    if (result.status === 'removed' && config.thresholds.removed === 'fail')
      result.failures = [`${key}: removed by this pull request (thresholds.removed: fail)`];
    return result;
  }
  // Data sampled sequentially gets the interval that stays valid under optional stopping (α spent
  // over the planned looks); a fixed number of processes gets the plain 95% interval.
  const sequential = m.sampling
    ? sequentialLook(m.timings.map(processLogRatio), threshold, samplingPlan(config.budget))
    : undefined;
  const estimate = sequential?.estimate ?? estimateChange(m.timings);
  result.change = estimate.change;
  result.ci = estimate.ci;
  if (!Number.isFinite(estimate.change)) {
    result.status = 'failed';
    result.error = 'no timing data (every process failed)';
    return result;
  }
  const pairedNs = pairedSides(m.timings, estimate.change);
  if (pairedNs) result.pairedNs = pairedNs;
  const [lo, hi] = estimate.ci;
  const logHalf = (Math.log1p(hi) - Math.log1p(lo)) / 2;
  result.resolution = Number.isFinite(logHalf) ? Math.expm1(logHalf) : Number.POSITIVE_INFINITY;
  result.processes = estimate.perProcess.length;
  const spread = meanAndSd(estimate.perProcess).sd;
  if (Number.isFinite(spread)) result.spread = spread;
  if (sequential && m.sampling) {
    result.stoppedBy = m.sampling.stoppedBy;
    if (sequential.resolution === 'open') {
      result.inconclusive = true;
      if (sequential.neededProcesses !== undefined) result.neededProcesses = sequential.neededProcesses;
    }
  } else if ((hi - lo) / 2 > threshold || !Number.isFinite(hi - lo)) {
    result.inconclusive = true;
  }
  const first = verdictOf(estimate, threshold);
  if (first !== 'unchanged') result.status = first;
  if (first !== 'unchanged' && m.sampling) {
    // Confirm before fail (and before reporting an improvement): fresh processes, measured after the
    // first verdict, must agree with it.
    const again = estimateChange(m.confirmTimings ?? []);
    const confirmed = verdictOf(again, threshold) === first;
    result.confirmation = {
      change: again.change,
      ci: again.ci,
      processes: again.perProcess.length,
      confirmed,
      firstVerdict: first,
    };
    if (!confirmed) result.status = 'unchanged';
  }
  if (result.status === 'regressed') {
    const confirmation = result.confirmation
      ? `; confirmed in ${result.confirmation.processes} fresh processes: ${formatPercent(result.confirmation.change, false)} (95% CI ${formatInterval(result.confirmation.ci)})`
      : '';
    result.failures = [
      `${key}: ${formatPercent(estimate.change, false)} slower (95% CI ${formatInterval(estimate.ci)}), threshold ${formatPercent(threshold, false)}${confirmation}`,
    ];
  }
  return result;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
