// Which functions changed, and by how much. The statistics hold for any sampled value (time from the
// CPU profiles, bytes from the heap profiles: compareAllocations reads them too); rows come out in
// the unit of the tables compared, and compareFunctions names them as time.
//
// A function's self time is read as its SHARE of the
// side's samples: the machine's speed regimes scale every function of a slice alike, so shares are
// free of them, and the head/base time ratio of the attribution pass's paired slices turns the
// share change into time. The change must hold up against sampling error inflated by the spread
// between profiling processes (JIT decisions differ from process to process), and most processes
// must agree on its direction. Pure: data in, data out.
import type {
  FunctionEvidence,
  FunctionNoise,
  FunctionResult,
  FunctionTable,
  ProfiledFunction,
  SampleType,
  SourceChange,
} from '../model.js';
import { median } from '../stats/estimate.js';

/** A function's change must clear all of these before it is called regressed, improved, added or removed. */
export const FUNCTION_EVIDENCE = {
  /**
   * |z| of the share change, with the dispersion between processes folded in. A benchmark has tens
   * of functions and a pull request tens of benchmarks: at 4.5 a false flag is a few in 10,000 PRs.
   */
  minZ: 4.5,
  /**
   * The same for a function moving in the direction in which the timing pass already found its
   * benchmark changed: the question is then which function explains a change known to be there.
   */
  minZExplaining: 3,
  /**
   * The same for a function this pull request did not touch (its source and its package version are
   * as on base) in a benchmark whose time did not move: only a knock-on effect could move it, and
   * the evidence must be stronger. Measured: on identical code a 4.5 bar let one helper through
   * (z 4.7, all four processes agreeing) in 10 runs of js-yaml at a 1% threshold.
   */
  minZUntouched: 6,
  /** |Δ self time| as a share of the benchmark's base time per op. */
  minShare: 0.01,
  /** Self samples on the busier side, over all processes. */
  minSamples: 10,
  /**
   * Processes that may disagree with the pooled direction when there are at least three (one more
   * for every four processes beyond four: a suspected benchmark's deeper profiles); with two, both
   * must agree, and one alone never flags a function: a single process's JIT quirk (the very noise
   * this rule is for) cannot be told from a change.
   */
  maxDisagreeing: 1,
  minAgreeing: 2,
  /** Prior weight, in processes, of the benchmark-wide dispersion against a function's own. */
  dispersionPriorWeight: 5,
};

/** Processes that may disagree with a function's pooled direction, out of `processes`. */
export function maxDisagreeing(processes: number): number {
  if (processes < 3) return 0;
  return Math.max(FUNCTION_EVIDENCE.maxDisagreeing, Math.floor(processes / 4));
}

/** Functions kept per benchmark: every changed one, then the largest unchanged ones. */
export const FUNCTIONS_PER_BENCHMARK = 20;

export interface FunctionComparisonInput {
  benchmark: string;
  benchmarkFile: string;
  /** One table per profiling process and side, paired by index. */
  base: FunctionTable[];
  head: FunctionTable[];
  /**
   * Per process, same order: the head/base ratio of the benchmark's whole per op (time for CPU
   * tables, bytes for heap tables), from its paired slices. Without it, the tables' own totals.
   */
  processRatios?: number[];
  functionThreshold: number;
  /** 1 or −1 when the timing pass found the benchmark regressed or improved; 0 otherwise. */
  benchmarkDirection?: number;
  isIgnored?: (f: ProfiledFunction) => boolean;
  /** Whether the pull request changed a function's source or package. */
  sourceOf?: (f: ProfiledFunction, onHead: boolean) => SourceChange | undefined;
}

interface Counts {
  /** Self samples of the function per process. */
  samples: number[];
  info: ProfiledFunction;
}

/**
 * One function's change in the unit of the tables compared (`sampleType`): a FunctionResult's fields but
 * for the values, which are named for no unit. compareFunctions turns it into a FunctionResult (time),
 * compareAllocations into an AllocationResult (bytes).
 */
export interface FunctionChange
  extends Omit<
    FunctionResult,
    | 'baseSelfNsPerOp'
    | 'headSelfNsPerOp'
    | 'deltaNsPerOp'
    | 'productionShare'
    | 'fleetImpact'
    | 'notInProduction'
  > {
  /** What the values measure: the compared tables' sample type. */
  sampleType: SampleType;
  baseSelfPerOp: number;
  headSelfPerOp: number;
  deltaPerOp: number;
}

export interface FunctionComparison {
  rows: FunctionResult[];
  noise?: FunctionNoise;
}

/** Self time per op of CPU profiles' function tables, compared: rows in nanoseconds per op. */
export function compareFunctions(input: FunctionComparisonInput): FunctionComparison {
  requireUnit(input, 'nanoseconds', 'compareFunctions');
  const { rows, noise } = compareProfiledFunctions(input);
  return {
    // The report's fields in their usual order.
    rows: rows.map(
      ({
        sampleType: _,
        benchmark,
        name,
        file,
        line,
        baseSelfPerOp,
        headSelfPerOp,
        deltaPerOp,
        ...rest
      }) => ({
        benchmark,
        name,
        file,
        line,
        baseSelfNsPerOp: baseSelfPerOp,
        headSelfNsPerOp: headSelfPerOp,
        deltaNsPerOp: deltaPerOp,
        ...rest,
      }),
    ),
    ...(noise ? { noise } : {}),
  };
}

/** Throws unless every table of the input measures `unit`: a table of bytes never reads as time. */
export function requireUnit(
  input: Pick<FunctionComparisonInput, 'base' | 'head'>,
  unit: string,
  what: string,
): void {
  for (const table of [...input.base, ...input.head]) {
    if (table.sampleType.unit !== unit) {
      throw new Error(
        `${what} compares ${unit}, but a function table holds ${table.sampleType.type}/${table.sampleType.unit}`,
      );
    }
  }
}

/**
 * The function statistics on tables of any one unit (time, bytes…): rows in the tables' unit, most
 * important first (rankFunctions).
 */
export function compareProfiledFunctions(input: FunctionComparisonInput): {
  rows: FunctionChange[];
  noise?: FunctionNoise;
} {
  const processes = Math.min(input.base.length, input.head.length);
  if (processes === 0) return { rows: [] };
  const sampleType = (input.head[0] ?? (input.base[0] as FunctionTable)).sampleType;
  requireUnit(input, sampleType.unit, 'the function statistics');
  const base = input.base.slice(0, processes);
  const head = input.head.slice(0, processes);
  const collect = (tables: FunctionTable[]) => {
    const byKey = new Map<string, Counts>();
    tables.forEach((table, i) => {
      for (const f of table.functions) {
        let c = byKey.get(f.key);
        if (!c) {
          c = { samples: new Array(processes).fill(0), info: f };
          byKey.set(f.key, c);
        }
        c.samples[i] = f.selfSamples;
      }
    });
    return byKey;
  };
  const baseCounts = collect(base);
  const headCounts = collect(head);
  const sideSamples = { base: base.map((t) => t.totalSamples), head: head.map((t) => t.totalSamples) };
  // Head/base time per op of each process, from its paired slices (robust to a slice caught by a
  // regime switch); without them, from the profiles' own totals.
  const ratios = Array.from({ length: processes }, (_, i) => {
    const ratio = input.processRatios?.[i];
    if (ratio !== undefined) return ratio;
    const b = base[i] as FunctionTable;
    const h = head[i] as FunctionTable;
    return h.totalPerOp / b.totalPerOp;
  });
  const ratio = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / processes);
  const basePerOp = sum(base.map((t) => t.totalPerOp * t.ops)) / sum(base.map((t) => t.ops));

  const keys = new Set([...baseCounts.keys(), ...headCounts.keys()]);
  const stats = new Map<string, ShareChange>();
  for (const key of keys) {
    const b = baseCounts.get(key);
    const h = headCounts.get(key);
    stats.set(key, shareChange(b, h, sideSamples, ratios, ratio));
  }
  // The benchmark-wide dispersion: how much more than sampling error functions move between
  // processes here. Most functions do not change, so the median is a fair reading of the noise.
  const dispersions = [...stats.values()].filter((s) => s.pooledSamples >= 20).map((s) => s.dispersion);
  const benchmarkDispersion = dispersions.length >= 3 ? Math.max(1, median(dispersions)) : 1;

  const rows: FunctionChange[] = [];
  for (const key of keys) {
    const b = baseCounts.get(key);
    const h = headCounts.get(key);
    const info = (h ?? b)?.info as ProfiledFunction;
    if (input.isIgnored?.(info)) continue;
    const s = stats.get(key) as ShareChange;
    if (s.baseShare === 0 && s.headShare === 0) continue;
    const w = FUNCTION_EVIDENCE.dispersionPriorWeight;
    const dispersion =
      processes > 1
        ? Math.max(1, (s.dispersion * (processes - 1) + benchmarkDispersion * w) / (processes - 1 + w))
        : benchmarkDispersion;
    const z = s.variance > 0 ? s.delta / Math.sqrt(s.variance * dispersion) : 0;
    const agreeing = s.perProcess.filter((d) => Math.sign(d) === Math.sign(s.delta) && d !== 0).length;
    const evidence: FunctionEvidence = { z, agreeing, processes };
    const busier = Math.max(sum(b?.samples ?? []), sum(h?.samples ?? []));
    const explains = !!input.benchmarkDirection && Math.sign(s.delta) === input.benchmarkDirection;
    const source = input.sourceOf?.(info, !!h);
    const untouched = !!source && !source.changed && !input.benchmarkDirection;
    const minZ = explains
      ? FUNCTION_EVIDENCE.minZExplaining
      : untouched
        ? FUNCTION_EVIDENCE.minZUntouched
        : FUNCTION_EVIDENCE.minZ;
    const supported =
      Math.abs(z) >= minZ &&
      Math.abs(s.delta) >= FUNCTION_EVIDENCE.minShare &&
      busier >= FUNCTION_EVIDENCE.minSamples &&
      agreeing >= FUNCTION_EVIDENCE.minAgreeing &&
      processes - agreeing <= maxDisagreeing(processes);
    let status: FunctionChange['status'] = 'unchanged';
    if (supported) {
      if (!b) status = 'added';
      else if (!h) status = 'removed';
      else status = s.delta > 0 ? 'regressed' : 'improved';
    }
    const frame = info.frame;
    const baseSelf = s.baseShare * basePerOp;
    const headSelf = s.headShare * ratio * basePerOp;
    const row: FunctionChange = {
      benchmark: input.benchmark,
      name: frame.name,
      file: frame.file,
      line: frame.line,
      sampleType,
      baseSelfPerOp: baseSelf,
      headSelfPerOp: headSelf,
      deltaPerOp: headSelf - baseSelf,
      change: baseSelf > 0 ? headSelf / baseSelf - 1 : 1,
      status,
      benchmarkFile: input.benchmarkFile,
      kind: frame.kind,
      shareOfBenchmark: s.delta,
      evidence,
    };
    if (frame.package) row.package = frame.package;
    if (source) row.source = source;
    if ((status === 'regressed' || status === 'added') && s.delta > input.functionThreshold) row.gate = true;
    rows.push(row);
  }
  const noise: FunctionNoise = {
    processes,
    samples: { base: sum(sideSamples.base), head: sum(sideSamples.head) },
    dispersion: benchmarkDispersion,
    ratio,
  };
  return { rows: rankBy(rows, (r) => r.deltaPerOp), noise };
}

/**
 * Changed rows first; within each group by size, where a function this pull request changed counts
 * double, so it comes before an unchanged function of similar size (the likely knock-on effect).
 */
export function rankFunctions(rows: FunctionResult[]): FunctionResult[] {
  return rankBy(rows, (r) => r.deltaNsPerOp);
}

function rankBy<T extends Pick<FunctionResult, 'status' | 'source'>>(
  rows: T[],
  deltaOf: (row: T) => number,
): T[] {
  const weight = (r: T) => Math.abs(deltaOf(r)) * (r.source?.changed ? 2 : 1);
  const sorted = [...rows].sort((x, y) => weight(y) - weight(x));
  const changed = sorted.filter((r) => r.status !== 'unchanged');
  const unchanged = sorted.filter((r) => r.status === 'unchanged');
  return [...changed, ...unchanged.slice(0, Math.max(0, FUNCTIONS_PER_BENCHMARK - changed.length))];
}

interface ShareChange {
  /** Pooled self share of each side's samples. */
  baseShare: number;
  headShare: number;
  /** head share × ratio − base share: the change as a fraction of the benchmark's base time. */
  delta: number;
  /** Its sampling variance (binomial on sample counts). */
  variance: number;
  /** The same change in each process. */
  perProcess: number[];
  /** Spread of the per-process changes over their sampling error (1 = sampling error alone). */
  dispersion: number;
  pooledSamples: number;
}

function shareChange(
  b: Counts | undefined,
  h: Counts | undefined,
  samples: { base: number[]; head: number[] },
  ratios: number[],
  ratio: number,
): ShareChange {
  // Shares are read off sample counts, not sampled nanoseconds: on a loaded machine the sampler is
  // late now and then, and a late sample's long interval would weigh one stack far beyond its count.
  const share = (c: Counts | undefined, i: number, side: 'base' | 'head') =>
    (c?.samples[i] ?? 0) / ((samples[side][i] as number) || 1);
  // Binomial variance of a share read off n samples; a share never seen still has the uncertainty
  // of one sample, so absence is not certainty.
  const variance = (p: number, n: number) => {
    const q = Math.max(p, 1 / Math.max(n, 1));
    return (q * (1 - Math.min(q, 0.999))) / Math.max(n, 1);
  };
  const processes = ratios.length;
  const perProcess: number[] = [];
  const perVariance: number[] = [];
  for (let i = 0; i < processes; i++) {
    const r = ratios[i] as number;
    const pb = share(b, i, 'base');
    const ph = share(h, i, 'head');
    perProcess.push(ph * r - pb);
    perVariance.push(
      r * r * variance(ph, samples.head[i] as number) + variance(pb, samples.base[i] as number),
    );
  }
  const nb = sum(samples.base);
  const nh = sum(samples.head);
  const baseShare = sum(b?.samples ?? []) / (nb || 1);
  const headShare = sum(h?.samples ?? []) / (nh || 1);
  const mean = sum(perProcess) / processes;
  const dispersion =
    processes > 1
      ? perProcess.reduce((acc, d, i) => acc + (d - mean) ** 2 / (perVariance[i] as number), 0) /
        (processes - 1)
      : 1;
  return {
    baseShare,
    headShare,
    delta: headShare * ratio - baseShare,
    variance: ratio * ratio * variance(headShare, nh) + variance(baseShare, nb),
    perProcess,
    dispersion,
    pooledSamples: Math.min(sum(b?.samples ?? []), sum(h?.samples ?? [])),
  };
}

function sum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
