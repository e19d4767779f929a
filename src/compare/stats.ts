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

/** One process's estimate: the median pair ratio, robust to a slice caught by a regime switch or a GC. */
export function processLogRatio(t: ProcessTiming): number {
  if (t.pairLogRatios.length > 0) return median(t.pairLogRatios);
  return Math.log(t.head.totalNs / t.head.ops / (t.base.totalNs / t.base.ops));
}

export function estimateChange(timings: ProcessTiming[]): ChangeEstimate {
  const perProcess = timings.map(processLogRatio).filter(Number.isFinite);
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
  const variance = perProcess.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
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

// ---------------------------------------------------------------- sequential sampling
//
// The timing pass looks at each benchmark's interval after a minimum number of processes and adds
// fresh processes only while the interval has not resolved against the threshold. Looking more than
// once and stopping when the answer looks good would make a plain 95% interval lie, so every look
// uses the same, smaller error rate: α / K over the K looks planned in advance (a Bonferroni
// alpha-spending schedule). By the union bound the chance that the interval at ANY look misses the
// true change is at most α, whatever rule decides when to stop, so the interval reported at the
// stopping look is a valid 95% interval. This is the one piece of the verdict's statistics the
// measure stage calls (to decide what to measure next); it is pure: data in, decision out.

export interface SequentialPlan {
  /** Processes before the first look (`budget.processes`). */
  minProcesses: number;
  /** Processes after which a benchmark stops whatever its interval (`budget.maxProcesses`). */
  maxProcesses: number;
  /** Error rate of the whole sequence of intervals; 0.05 for 95%. */
  alpha?: number;
}

/**
 * Where the interval of a benchmark stands against its threshold: wholly above +threshold, wholly
 * below −threshold, wholly within ±threshold, or still open (straddling one of the bounds).
 */
export type Resolution = 'above' | 'below' | 'within' | 'open';

export interface SequentialLook {
  estimate: ChangeEstimate;
  resolution: Resolution;
  /**
   * Half the interval's width, as a change (exp(half-width of the log interval) − 1): the smallest
   * observed change that would have excluded zero, the finest change this run could tell.
   */
  detectable: number;
  /**
   * Processes at which, with the spread seen so far, the interval would be narrow enough to resolve;
   * undefined when none up to 1000 would (the change sits on or near the threshold, or the spread is
   * too large) or when there is no spread yet.
   */
  neededProcesses?: number;
}

/**
 * The planned looks: the minimum, then ×1.5 each time rounded up to an even number (processes come in
 * base-first/head-first pairs), and the maximum. Fixed by the plan alone, never by the data.
 */
export function lookSchedule(plan: SequentialPlan): number[] {
  const min = Math.max(2, Math.floor(plan.minProcesses));
  const max = Math.max(min, Math.floor(plan.maxProcesses));
  const looks = [min];
  let next = min;
  while (next < max) {
    next = Math.min(max, Math.max(next + 2, 2 * Math.ceil((next * 1.5) / 2)));
    looks.push(next);
  }
  return looks;
}

/** The error rate each look spends: α over the number of planned looks. */
export function lookAlpha(plan: SequentialPlan): number {
  return (plan.alpha ?? 0.05) / lookSchedule(plan).length;
}

/** The next planned look after `processes`, or undefined when the plan is exhausted. */
export function nextLook(plan: SequentialPlan, processes: number): number | undefined {
  return lookSchedule(plan).find((n) => n > processes);
}

/**
 * The interval over processes at error rate `alpha` (two-sided), in the same form as `estimateChange`.
 */
export function estimateAt(perProcessLogRatios: number[], alpha: number): ChangeEstimate {
  const perProcess = perProcessLogRatios.filter(Number.isFinite);
  const n = perProcess.length;
  const open: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (n === 0) return { change: Number.NaN, ci: open, perProcess };
  const mean = perProcess.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { change: Math.exp(mean) - 1, ci: open, perProcess };
  const sd = Math.sqrt(perProcess.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = tQuantile(1 - alpha / 2, n - 1) * (sd / Math.sqrt(n));
  return {
    change: Math.exp(mean) - 1,
    ci: [Math.exp(mean - half) - 1, Math.exp(mean + half) - 1],
    perProcess,
  };
}

/** Where an interval stands against ±threshold. */
export function resolve(ci: [number, number], threshold: number): Resolution {
  const [lo, hi] = ci;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'open';
  if (lo > threshold) return 'above';
  if (hi < -threshold) return 'below';
  if (lo >= -threshold && hi <= threshold) return 'within';
  return 'open';
}

/** One look at a benchmark: its interval at the look's error rate and where it stands. */
export function sequentialLook(
  perProcessLogRatios: number[],
  threshold: number,
  plan: SequentialPlan,
): SequentialLook {
  const alpha = lookAlpha(plan);
  const estimate = estimateAt(perProcessLogRatios, alpha);
  const [lo, hi] = estimate.ci;
  const logHalf = (Math.log1p(hi) - Math.log1p(lo)) / 2;
  const look: SequentialLook = {
    estimate,
    resolution: resolve(estimate.ci, threshold),
    detectable: Number.isFinite(logHalf) ? Math.expm1(logHalf) : Number.POSITIVE_INFINITY,
  };
  const needed = processesToResolve(estimate.perProcess, threshold, alpha);
  if (needed !== undefined) look.neededProcesses = needed;
  return look;
}

/**
 * How many processes the interval would need to resolve, if the mean and spread stayed as they are:
 * the half-width must fall below the distance from the mean to the nearest bound it can clear.
 */
export function processesToResolve(
  perProcess: number[],
  threshold: number,
  alpha: number,
  limit = 1000,
): number | undefined {
  const n = perProcess.length;
  if (n < 2) return undefined;
  const mean = perProcess.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(perProcess.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const upper = Math.log1p(threshold);
  const lower = Math.log1p(-Math.min(threshold, 0.999));
  const gap =
    mean > upper ? mean - upper : mean < lower ? lower - mean : Math.min(upper - mean, mean - lower);
  if (!(gap > 0) || !(sd > 0)) return sd === 0 ? n : undefined;
  for (let m = Math.max(2, n); m <= limit; m++) {
    if (tQuantile(1 - alpha / 2, m - 1) * (sd / Math.sqrt(m)) < gap) return m;
  }
  return undefined;
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

/**
 * The benchmark rule, in one place for the verdict and for the measure stage's choice of what to
 * confirm: the interval excludes zero and the change is beyond the threshold.
 */
export function verdictOf(
  estimate: ChangeEstimate,
  threshold: number,
): 'regressed' | 'improved' | 'unchanged' {
  const [lo, hi] = estimate.ci;
  const excludesZero = lo > 0 || hi < 0;
  if (!excludesZero || !(Math.abs(estimate.change) > threshold)) return 'unchanged';
  return estimate.change > 0 ? 'regressed' : 'improved';
}

/** The sequential plan a budget implies; the measure stage and the verdict read the same one. */
export function samplingPlan(budget: { processes: number; maxProcesses?: number }): SequentialPlan {
  return {
    minProcesses: budget.processes,
    maxProcesses: Math.max(budget.processes, budget.maxProcesses ?? budget.processes),
    alpha: 0.05,
  };
}

/**
 * Normal quantiles for a two-sided 5% test with 99% power: z(0.975) + z(0.99). 99%, not the usual
 * 90%: the first estimate was selected for being large (so the change it plugs in runs high), and a
 * confirmation that misses lets a real regression through.
 */
const CONFIRMATION_POWER_Z = 1.959964 + 2.326348;

/**
 * Fresh processes a would-be regression is measured in again before it may fail the check. At least
 * max(4, budget.processes); more when the first estimate's spread says four would often miss the
 * change: enough for a plain 95% interval to exclude zero with ~99% power at the low end of what the
 * first estimate allows, with the spread first measured, capped at budget.maxProcesses. The size is fixed from the first
 * stage's data before any confirmation data exists, so the confirmation's own 95% holds as is.
 */
export function confirmationProcesses(
  budget: { processes: number; maxProcesses?: number },
  firstLogRatios: number[] = [],
): number {
  const floor = Math.max(4, budget.processes);
  const ceiling = Math.max(floor, budget.maxProcesses ?? budget.processes);
  const ratios = firstLogRatios.filter(Number.isFinite);
  const n = ratios.length;
  if (n < 2) return floor;
  const mean = ratios.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  if (!(Math.abs(mean) > 0) || !Number.isFinite(sd)) return floor;
  // The change to plan for: the low end of what the first estimate allows (its plain 95% bound nearest
  // zero), never below half the change seen. The first estimate was picked for being large, and its
  // spread, read off few processes, often runs low: planning on the estimate itself under-sizes.
  const lowEnd = Math.abs(mean) - tQuantile975(n - 1) * (sd / Math.sqrt(n));
  const effect = Math.max(lowEnd, Math.abs(mean) / 2);
  // +1: the interval uses Student's t, wider than the normal for few processes.
  const needed = Math.ceil(((CONFIRMATION_POWER_Z * sd) / effect) ** 2) + 1;
  return Math.min(ceiling, Math.max(floor, needed));
}

/** What the timing pass does next with one benchmark, after `processes` processes. */
export interface SamplingDecision {
  /** Why sampling stops here; absent: sample on up to `next` processes. */
  stop?: 'resolved' | 'maxProcesses';
  next?: number;
  /**
   * The verdict so far is `regressed` (or `improved`): fresh processes must confirm it before it may
   * fail the check (or be reported as an improvement).
   */
  suspect: boolean;
}

/**
 * The stop rule, the one function of the verdict's statistics the measure stage calls: a look at the
 * per-process log ratios so far against the benchmark's threshold and the plan. Pure.
 */
export function samplingDecision(
  perProcessLogRatios: number[],
  processes: number,
  threshold: number,
  plan: SequentialPlan,
): SamplingDecision {
  const look = sequentialLook(perProcessLogRatios, threshold, plan);
  const suspect = verdictOf(look.estimate, threshold) !== 'unchanged';
  if (look.resolution !== 'open') return { stop: 'resolved', suspect };
  const next = nextLook(plan, processes);
  return next === undefined ? { stop: 'maxProcesses', suspect } : { next, suspect };
}
