// Which benchmarks allocate more per operation, and which functions allocate it. Pure: data in,
// data out.
//
// Bytes per op come from the collector's books in each allocation process (exact up to the harness's
// own few hundred bytes per op), read as the median of paired slices' head/base ratios, so the
// interval is taken over processes exactly as for time (stats.ts). Per function, the heap profiler's
// samples are Poisson counts like the time profiler's, so the same statistics apply (functions.ts):
// a function's share of the sampled bytes, turned into bytes by the head/base bytes ratio of the
// paired slices, must clear sampling error inflated by the spread between processes, and most
// processes must agree on its direction.
import type {
  AllocationResult,
  FunctionTable,
  MemoryResult,
  ProcessAllocation,
  ProfiledFunction,
  SourceChange,
} from '../model.js';
import { estimateFromLogRatios, median, pairedLogRatio } from '../stats/estimate.js';
import { compareProfiledFunctions, requireUnit } from './functions.js';

/**
 * Default growth of bytes/op that fails the gate. Identical code measures within about ±1% of 1
 * (the books are exact; what moves is the JIT: a value boxed in one tier and not in another), so 10%
 * leaves a wide margin, and a real allocation regression in a hot path is usually far larger.
 */
export const DEFAULT_ALLOCATION_THRESHOLD = 0.1;

/**
 * A change of fewer bytes per op than this is never flagged, whatever its percentage. The smallest
 * thing JavaScript allocates is 8 bytes or more, and a benchmark that allocates nothing itself still
 * carries the harness's few bytes per second: slowed threefold, it "allocates 231% more" (0.05 B →
 * 0.16 B per op, seen on a slowed function that allocates nothing). That is the time regression
 * again, not an allocation one.
 */
export const ALLOCATION_FLOOR_BYTES_PER_OP = 1;

export interface AllocationComparisonInput {
  benchmark: string;
  benchmarkFile: string;
  /** The allocation pass, one entry per process. */
  allocations: ProcessAllocation[];
  /** Heap profile function tables per process (`alloc_space`, bytes per op), paired by index. */
  base?: FunctionTable[];
  head?: FunctionTable[];
  /** The heap profiler's sampling interval: one sample stands for about this many bytes. */
  samplingIntervalBytes: number;
  threshold: number;
  isIgnored?: (f: ProfiledFunction) => boolean;
  sourceOf?: (f: ProfiledFunction, onHead: boolean) => SourceChange | undefined;
}

export interface AllocationComparison {
  memory?: MemoryResult;
  rows: AllocationResult[];
}

/**
 * Time in GC over wall time. Minor collections are charged to the side whose slice they ran in; a
 * major collection lands in whichever slice triggers it and collects both sides' garbage, so major
 * time is pooled over both sides and shared out by bytes allocated. A collection's duration is wall
 * time, and on a loaded machine one that is preempted lasts many times the others, so each kind is
 * counted at its median duration (totals stand in when durations are not reported).
 */
function gcShare(allocations: ProcessAllocation[], side: 'base' | 'head'): number {
  const durations = (s: 'base' | 'head', kind: 'minor' | 'major') =>
    allocations.flatMap((a) => a[s][kind === 'minor' ? 'minorGcDurationsNs' : 'majorGcDurationsNs'] ?? []);
  const reported = allocations.every((a) => a.base.minorGcDurationsNs && a.head.minorGcDurationsNs);
  const wall = allocations.reduce((sum, a) => sum + a[side].wallNs, 0);
  if (!(wall > 0)) return 0;
  const bytes = (s: 'base' | 'head') => allocations.reduce((sum, a) => sum + a[s].bytes, 0);
  const byteShare = bytes(side) / (bytes('base') + bytes('head') || 1);
  if (reported) {
    const minor = durations(side, 'minor');
    const major = [...durations('base', 'major'), ...durations('head', 'major')];
    const typical = (list: number[]) => (list.length > 0 ? list.length * median(list) : 0);
    return (typical(minor) + typical(major) * byteShare) / wall;
  }
  let own = 0;
  for (const a of allocations) {
    const major = (a.base.majorGcNs ?? 0) + (a.head.majorGcNs ?? 0);
    own += a[side].gcNs - (a[side].majorGcNs ?? 0) + major * byteShare;
  }
  return own / wall;
}

/** One allocation process's ln(head bytes/op ÷ base bytes/op), by the paired statistics time uses. */
function allocationLogRatio(a: ProcessAllocation): number {
  return pairedLogRatio({
    base: { ops: a.base.ops, total: a.base.bytes },
    head: { ops: a.head.ops, total: a.head.bytes },
    pairLogRatios: a.pairLogRatios,
  });
}

export function compareAllocations(input: AllocationComparisonInput): AllocationComparison {
  const usable = input.allocations.filter(
    (a) => a.base.ops > 0 && a.head.ops > 0 && a.base.bytes > 0 && a.head.bytes > 0,
  );
  if (usable.length === 0) return { rows: [] };
  const estimate = estimateFromLogRatios(usable.map(allocationLogRatio));
  const [lo, hi] = estimate.ci;
  // A slice now and then is off by several percent (a collection's books straddle the window), so
  // the level is the median over processes and head follows from the paired change: the column
  // then reads consistently (head = base × (1 + change)).
  const baseBytesPerOp = median(usable.map((a) => a.base.bytes / a.base.ops));
  const enoughBytes = Math.abs(baseBytesPerOp * estimate.change) >= ALLOCATION_FLOOR_BYTES_PER_OP;
  let status: MemoryResult['status'] = 'unchanged';
  if (enoughBytes && lo > 0 && estimate.change > input.threshold) status = 'regressed';
  else if (enoughBytes && hi < 0 && estimate.change < -input.threshold) status = 'improved';
  const memory: MemoryResult = {
    baseBytesPerOp,
    headBytesPerOp: baseBytesPerOp * (1 + estimate.change),
    change: estimate.change,
    ci: estimate.ci,
    status,
    threshold: input.threshold,
    baseGcShare: gcShare(usable, 'base'),
    headGcShare: gcShare(usable, 'head'),
    processes: usable.length,
  };
  if (!input.base?.length || !input.head?.length) return { memory, rows: [] };
  requireUnit({ base: input.base, head: input.head }, 'bytes', 'compareAllocations');

  // A sample stands for about `samplingIntervalBytes` (V8 scales large objects up to their size), so
  // bytes over the interval is the sample count the statistics need, large objects weighed right.
  const interval = input.samplingIntervalBytes;
  const effective = (table: FunctionTable): FunctionTable => ({
    ...table,
    totalSamples: (table.totalPerOp * table.ops) / interval,
    functions: table.functions.map((f) => ({ ...f, selfSamples: (f.selfPerOp * table.ops) / interval })),
  });
  // Only processes with a heap profile on both sides; the books of the same processes give the ratio.
  const processes = Math.min(input.base.length, input.head.length, input.allocations.length);
  const pairs = Array.from({ length: processes }, (_, i) => i).filter((i) =>
    usable.includes(input.allocations[i] as ProcessAllocation),
  );
  const { rows } = compareProfiledFunctions({
    benchmark: input.benchmark,
    benchmarkFile: input.benchmarkFile,
    base: pairs.map((i) => effective(input.base?.[i] as FunctionTable)),
    head: pairs.map((i) => effective(input.head?.[i] as FunctionTable)),
    processRatios: pairs.map((i) => Math.exp(allocationLogRatio(input.allocations[i] as ProcessAllocation))),
    // Allocations gate at the benchmark level only.
    functionThreshold: Number.POSITIVE_INFINITY,
    benchmarkDirection: status === 'regressed' ? 1 : status === 'improved' ? -1 : 0,
    isIgnored: input.isIgnored,
    sourceOf: input.sourceOf,
  });
  return {
    memory,
    rows: rows.map((r) => {
      const row: AllocationResult = {
        benchmark: r.benchmark,
        name: r.name,
        file: r.file,
        line: r.line,
        baseBytesPerOp: r.baseSelfPerOp,
        headBytesPerOp: r.headSelfPerOp,
        deltaBytesPerOp: r.deltaPerOp,
        status: r.status,
        benchmarkFile: r.benchmarkFile,
      };
      if (r.kind) row.kind = r.kind;
      if (r.package) row.package = r.package;
      if (r.shareOfBenchmark !== undefined) row.shareOfBenchmark = r.shareOfBenchmark;
      if (r.evidence) row.evidence = r.evidence;
      if (r.source) row.source = r.source;
      return row;
    }),
  };
}
