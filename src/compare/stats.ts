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
