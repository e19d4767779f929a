// Statistics for the verdict. The timing pass pairs base and head slices milliseconds apart, so a
// pair's ratio is free of the machine's speed regime; each process still carries its own bias (JIT
// decisions, memory layout), so the interval is taken over processes, never over slices.
import type { ProcessTiming } from '../model.js';

export interface ChangeEstimate {
  /** head/base − 1. */
  change: number;
  /** 95% interval of change; infinite with fewer than two processes. */
  ci: [number, number];
  /** Per-process log ratios the estimate was built from. */
  perProcess: number[];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * One process's paired measurement of base and head in whatever unit was measured (nanoseconds of
 * time, bytes allocated): each side's total over its operations, and the log ratio of each adjacent
 * pair of slices.
 */
export interface PairedTotals {
  base: { ops: number; total: number };
  head: { ops: number; total: number };
  pairLogRatios: number[];
}

/**
 * One process's ln(head per op ÷ base per op): the median pair ratio, robust to a slice caught by a
 * regime switch or a GC; the sides' totals when there were no pairs.
 */
export function pairedLogRatio(p: PairedTotals): number {
  if (p.pairLogRatios.length > 0) return median(p.pairLogRatios);
  return Math.log(p.head.total / p.head.ops / (p.base.total / p.base.ops));
}

/** One timing process's ln(head ns/op ÷ base ns/op). */
export function processLogRatio(t: ProcessTiming): number {
  return pairedLogRatio({
    base: { ops: t.base.ops, total: t.base.totalNs },
    head: { ops: t.head.ops, total: t.head.totalNs },
    pairLogRatios: t.pairLogRatios,
  });
}

/** The change in time per op over timing processes, and its 95% interval. */
export function estimateChange(timings: ProcessTiming[]): ChangeEstimate {
  return estimateFromLogRatios(timings.map(processLogRatio));
}

/** Mean and sample standard deviation (n − 1 in the denominator) of finite values; sd is NaN below two. */
export function meanAndSd(values: number[]): { mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? Number.NaN : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd };
}

/** The change over processes from each process's log ratio (of any unit), and its 95% interval. */
export function estimateFromLogRatios(logRatios: number[]): ChangeEstimate {
  const perProcess = logRatios.filter(Number.isFinite);
  const n = perProcess.length;
  if (n === 0)
    return { change: Number.NaN, ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], perProcess };
  const mean = perProcess.reduce((a, b) => a + b, 0) / n;
  if (n < 2) {
    return {
      change: Math.exp(mean) - 1,
      ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
      perProcess,
    };
  }
  const { sd } = meanAndSd(perProcess);
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n));
  return {
    change: Math.exp(mean) - 1,
    ci: [Math.exp(mean - half) - 1, Math.exp(mean + half) - 1],
    perProcess,
  };
}

// Two-sided 95% quantiles of Student's t for small degrees of freedom, where no expansion is good
// enough; beyond the table the Cornish-Fisher expansion around the normal quantile is accurate to
// about 1e-5.
const T975 = [
  Number.NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (a whole number; fractions round down). */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.POSITIVE_INFINITY;
  const whole = Math.floor(df);
  const tabled = T975[whole];
  if (tabled !== undefined) return tabled;
  const z = 1.959963985;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / whole + g2 / whole ** 2 + g3 / whole ** 3;
}

/**
 * Whether two Poisson counts, each scaled to a rate by its own exposure (ops), differ by more than
 * sampling error allows: a function seen in a handful of samples cannot support a verdict.
 * Returns the z score of the difference in rates.
 */
export function poissonZ(
  baseCount: number,
  baseExposure: number,
  headCount: number,
  headExposure: number,
): number {
  const baseRate = baseCount / baseExposure;
  const headRate = headCount / headExposure;
  // Variance of each rate estimate: count / exposure²; a zero count still has the uncertainty of ~1.
  const variance = Math.max(baseCount, 1) / baseExposure ** 2 + Math.max(headCount, 1) / headExposure ** 2;
  return (headRate - baseRate) / Math.sqrt(variance);
}

// ---------------------------------------------------------------- Student's t at any level

/** ln Γ(x) for x > 0 (Lanczos, g = 7, accurate to about 1e-13). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized incomplete beta function I_x(a, b) (continued fraction, modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front =
    Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = i >> 1;
    let numerator: number;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-14) break;
  }
  return front * (f - 1);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const quantiles = new Map<string, number>();

/** The `p` quantile of Student's t with `df` degrees of freedom (bisection on the CDF, memoized). */
export function tQuantile(p: number, df: number): number {
  if (!(df >= 1) || !(p > 0 && p < 1)) return p === 0.5 ? 0 : Number.POSITIVE_INFINITY;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const key = `${p}:${df}`;
  const known = quantiles.get(key);
  if (known !== undefined) return known;
  const q = bisectT(p, df);
  if (quantiles.size < 10_000) quantiles.set(key, q);
  return q;
}

function bisectT(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
