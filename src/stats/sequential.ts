// Sequential sampling and the benchmark rule, on the estimates of estimate.ts.
import { type ChangeEstimate, meanAndSd, tQuantile, tQuantile975 } from './estimate.js';

// ---------------------------------------------------------------- sequential sampling
//
// The timing pass looks at each benchmark's interval after a minimum number of processes and adds
// fresh processes only while the interval has not resolved against the threshold. Looking more than
// once and stopping when the answer looks good would make a plain 95% interval lie, so each look
// uses a smaller error rate α_k, the α_k of the K looks planned in advance summing to α (a Bonferroni
// alpha-spending schedule, front-loaded: `lookAlphas`). By the union bound the chance that the interval at ANY look misses the
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

/**
 * The error rate each planned look spends: α split over the looks in proportion to 1/k (k = 1 for
 * the first look). Any split summing to α keeps the union bound, and this one spends most where
 * Student's t is widest: at 4 processes (3 degrees of freedom) a smaller α widens the interval far
 * more than at 40. With the defaults (looks at 4, 6, 10, 16, 24, 36, 40) the first look gets α/2.6
 * and the interval there is narrower than an even split over the three looks up to 10 gave.
 */
export function lookAlphas(plan: SequentialPlan): number[] {
  const looks = lookSchedule(plan);
  const weights = looks.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => ((plan.alpha ?? 0.05) * w) / total);
}

/**
 * The error rate of the look at `processes`: that of the last planned look at or below it (the
 * first look's below the minimum; a benchmark stopped between looks by the deadline or a failed
 * process gets the look it had reached).
 */
export function lookAlphaAt(plan: SequentialPlan, processes: number): number {
  const looks = lookSchedule(plan);
  const alphas = lookAlphas(plan);
  let at = 0;
  looks.forEach((n, i) => {
    if (n <= processes) at = i;
  });
  return alphas[at] ?? (plan.alpha ?? 0.05) / looks.length;
}

/** The smallest error rate any planned look spends (the last look's): the report's `alphaPerLook`. */
export function lookAlpha(plan: SequentialPlan): number {
  return Math.min(...lookAlphas(plan));
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
  const { mean, sd } = meanAndSd(perProcess);
  if (n < 2) return { change: Math.exp(mean) - 1, ci: open, perProcess };
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
  const alpha = lookAlphaAt(plan, perProcessLogRatios.filter(Number.isFinite).length);
  const estimate = estimateAt(perProcessLogRatios, alpha);
  const [lo, hi] = estimate.ci;
  const logHalf = (Math.log1p(hi) - Math.log1p(lo)) / 2;
  const look: SequentialLook = {
    estimate,
    resolution: resolve(estimate.ci, threshold),
    detectable: Number.isFinite(logHalf) ? Math.expm1(logHalf) : Number.POSITIVE_INFINITY,
  };
  const needed = processesToResolve(estimate.perProcess, threshold, (m) => lookAlphaAt(plan, m));
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
  /** The error rate of the interval at m processes (one number: the same at every m). */
  alpha: number | ((processes: number) => number),
  limit = 1000,
): number | undefined {
  const alphaAt = typeof alpha === 'number' ? () => alpha : alpha;
  const n = perProcess.length;
  if (n < 2) return undefined;
  const { mean, sd } = meanAndSd(perProcess);
  const upper = Math.log1p(threshold);
  const lower = Math.log1p(-Math.min(threshold, 0.999));
  const gap =
    mean > upper ? mean - upper : mean < lower ? lower - mean : Math.min(upper - mean, mean - lower);
  if (!(gap > 0) || !(sd > 0)) return sd === 0 ? n : undefined;
  for (let m = Math.max(2, n); m <= limit; m++) {
    if (tQuantile(1 - alphaAt(m) / 2, m - 1) * (sd / Math.sqrt(m)) < gap) return m;
  }
  return undefined;
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
  const { mean, sd } = meanAndSd(ratios);
  if (!(Math.abs(mean) > 0) || !Number.isFinite(sd)) return floor;
  // The change to plan for: the low end of what the first estimate allows (its plain 95% bound nearest
  // zero), never below half the change seen. The first estimate was picked for being large, and its
  // spread, read off few processes, often runs low: planning on the estimate itself under-sizes.
  const lowEnd = Math.abs(mean) - tQuantile975(n - 1) * (sd / Math.sqrt(n));
  const effect = Math.max(lowEnd, Math.abs(mean) / 2);
  // The spread to plan for: its 80% upper confidence bound, not the estimate. A spread read off four
  // processes runs low as often as high, and sizing on a low one under-sizes the confirmation (a
  // +3.3% first estimate at 4 processes with a 0.8% spread asked for 4 and was not confirmed, where
  // processes spread 2–2.5%); planning on an upper bound of the variance is the standard remedy.
  const planned = sd * Math.sqrt((n - 1) / chiSquare20(n - 1));
  // +1: the interval uses Student's t, wider than the normal for few processes.
  const needed = Math.ceil(((CONFIRMATION_POWER_Z * planned) / effect) ** 2) + 1;
  return Math.min(ceiling, Math.max(floor, needed));
}

/** z with P(Z > z) = 0.2: the 80% bound the confirmation plans its spread on. */
const Z_80 = 0.841621;

/**
 * The 0.2-quantile of the chi-square distribution with `df` degrees of freedom, by the
 * Wilson–Hilferty approximation (within 2% of the exact value from 2 degrees of freedom on).
 */
export function chiSquare20(df: number): number {
  const a = 2 / (9 * df);
  return Math.max(1e-9, df * (1 - a - Z_80 * Math.sqrt(a)) ** 3);
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
