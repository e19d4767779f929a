// Splitting the benchmarks of one run across N shard jobs (a GitHub matrix). Every shard job runs
// discovery of both sides itself and must arrive at the same split without talking to the others, so
// the split depends only on data every job computes identically: the discovered benchmark list (both
// sides, errors included), the budget, and, optionally, the costs a previous run measured (a file all
// shards are given). Wall-clock estimates taken during discovery would differ between runners and
// could put one benchmark in two shards or in none, so they are never used. Pure: data in, data out.
import { createHash } from 'node:crypto';
import { plural } from '../format.js';
import { trailingBenchmarkMs } from '../measure/trailing.js';
import type { BenchmarkMeasurement, Budget, ShardInfo, ShardSpec } from '../model.js';
import { benchmarkKey } from '../model.js';
import { UsageError } from '../settings.js';

/** Parses `i/N` (1 ≤ i ≤ N ≤ 256); `what` names the flag or input in the message. */
export function parseShard(value: string, what = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 256) {
    throw new UsageError(`${what} must be i/N with 1 ≤ i ≤ N ≤ 256 (for example 1/4), got "${value}"`);
  }
  return { index, count };
}

export function shardLabel(spec: ShardSpec): string {
  return `${spec.index}/${spec.count}`;
}

/**
 * Loading a benchmark file costs a process this much on each side that has it, on top of running its
 * tasks; a shard pays it once per file it holds, so tasks of one file stay together when that is free.
 */
export const FILE_LOAD_MS = 40;

/**
 * The run time one benchmark costs, from the budget alone: both sides' warm-up and measured time in
 * every timing process, and both sides' profiled time in every attribution and allocation process. A benchmark on one
 * side only (added or removed) is timed on that side and never profiled; one that failed to load runs
 * no further. Single operations longer than a slice overshoot the budget a little; only a previous
 * run's costs (`--costs`) know that.
 */
export function estimateCost(m: BenchmarkMeasurement, budget: Budget): number {
  if (Object.keys(m.errors).length > 0 || m.infrastructureError !== undefined) return 0;
  const sides = Number(m.present.base) + Number(m.present.head);
  const timing = budget.processes * sides * (budget.warmupMs + budget.timePerProcessMs);
  // The attribution and allocation passes run both sides only, with the cost model they plan by.
  return timing + (sides === 2 ? trailingBenchmarkMs(budget) : 0);
}

export interface SelectInput {
  /** Everything discovery found on both sides (after the config's skips). */
  measurements: BenchmarkMeasurement[];
  budget: Budget;
  spec: ShardSpec;
  /** Measured cost in ms per benchmark key, from a previous report (`costMs`), when given. */
  costs?: Record<string, number>;
}

export interface ShardPlan {
  /** This shard's benchmarks, in discovery order. */
  selected: BenchmarkMeasurement[];
  info: ShardInfo;
}

/**
 * Longest-processing-time-first: benchmarks by descending cost (ties by key), each to the shard whose
 * load would grow least, counting a file's load cost the first time a shard gets that file (ties go to
 * the lower shard). Within 4/3 of the best split for any costs, and deterministic.
 */
export function selectShard(input: SelectInput): ShardPlan {
  const { spec, budget } = input;
  const items = input.measurements.map((m, order) => ({ m, order, key: benchmarkKey(m.id) }));
  const estimates = items.map((item) => estimateCost(item.m, budget));
  const known = input.costs ?? {};
  // Measured costs and estimates are mixed by scaling the estimates to the measured ones' units.
  const ratios = items
    .map((item, i) =>
      known[item.key] !== undefined && (estimates[i] ?? 0) > 0
        ? (known[item.key] as number) / (estimates[i] as number)
        : undefined,
    )
    .filter((r): r is number => r !== undefined && Number.isFinite(r) && r > 0)
    .sort((a, b) => a - b);
  const scale = ratios.length > 0 ? (ratios[ratios.length >> 1] as number) : 1;
  const usedCosts = ratios.length > 0;
  const cost = items.map((item, i) => {
    const measured = known[item.key];
    return measured !== undefined && Number.isFinite(measured) && measured >= 0
      ? measured
      : (estimates[i] ?? 0) * scale;
  });
  const fileCost = (m: BenchmarkMeasurement) =>
    m.present.base && m.present.head ? FILE_LOAD_MS * 2 : FILE_LOAD_MS;
  const perFileProcesses = budget.processes + budget.profileProcesses;

  const order = items
    .map((item, i) => ({ ...item, cost: cost[i] ?? 0 }))
    .sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const load = new Array<number>(spec.count).fill(0);
  const files = Array.from({ length: spec.count }, () => new Set<string>());
  const assigned = new Map<string, number>();
  for (const item of order) {
    let best = 0;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (let s = 0; s < spec.count; s++) {
      const extra = files[s]?.has(item.m.id.file) ? 0 : fileCost(item.m) * scale * perFileProcesses;
      const after = (load[s] ?? 0) + item.cost + extra;
      if (after < bestLoad - 1e-9) {
        best = s;
        bestLoad = after;
      }
    }
    load[best] = bestLoad;
    files[best]?.add(item.m.id.file);
    assigned.set(item.key, best + 1);
  }
  const plan: Record<string, number> = {};
  for (const item of items) plan[item.key] = assigned.get(item.key) as number;
  return {
    selected: items.filter((item) => plan[item.key] === spec.index).map((item) => item.m),
    info: {
      index: spec.index,
      count: spec.count,
      benchmarks: items.length,
      basis: usedCosts ? 'costs' : 'estimate',
      estimatedMs: load.map((l) => Math.round(l)),
      planDigest: planDigest(plan),
      plan,
    },
  };
}

/** One hash of the whole assignment: shards of one run must all carry the same. */
export function planDigest(plan: Record<string, number>): string {
  const entries = Object.entries(plan).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
}

/** Per-benchmark measured costs of a previous report (`costMs`), for `--costs`. */
export function costsFromReport(report: unknown, source: string): Record<string, number> {
  const benchmarks = (report as { benchmarks?: unknown } | null)?.benchmarks;
  if (!Array.isArray(benchmarks)) {
    throw new UsageError(`${source} is not a flamegate JSON report (no "benchmarks" list)`);
  }
  const costs: Record<string, number> = {};
  for (const b of benchmarks as { file?: unknown; name?: unknown; costMs?: unknown }[]) {
    if (typeof b.file === 'string' && typeof b.name === 'string' && typeof b.costMs === 'number') {
      costs[benchmarkKey({ file: b.file, name: b.name })] = b.costMs;
    }
  }
  return costs;
}

/**
 * The measure stage's `select` for a sharded run: keeps this shard's share of what discovery found,
 * says so in one progress line, and keeps the plan for the report. Without a spec, selects nothing out.
 */
export function shardSelector(
  spec: ShardSpec | undefined,
  options: { budget: Budget; costs?: Record<string, number>; progress: (line: string) => void },
): { select?: (found: BenchmarkMeasurement[]) => BenchmarkMeasurement[]; plan: () => ShardPlan | undefined } {
  let plan: ShardPlan | undefined;
  if (!spec) return { plan: () => undefined };
  return {
    select: (found) => {
      plan = selectShard({ measurements: found, budget: options.budget, spec, costs: options.costs });
      options.progress(
        `shard ${shardLabel(spec)}: ${plan.selected.length} of ${plural(found.length, 'benchmark')}, split by ${plan.info.basis}`,
      );
      return plan.selected;
    },
    plan: () => plan,
  };
}
