import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { estimateChange, median, poissonZ, processLogRatio, tQuantile975 } from '../../src/stats/estimate.js';
import { confirmationProcesses } from '../../src/stats/sequential.js';
import { config, measurement, REV, timings } from './compare-fixtures.js';

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);
const AT_2_PERCENT = config({ thresholds: { benchmark: 0.02, function: 0.05 } });

function status(shift: number, seed: number, cfg = AT_2_PERCENT) {
  const report = compare({
    measurements: [measurement('b', timings(seed, shift))],
    cpuTables: {},
    config: cfg,
    ...REV,
  });
  return report.benchmarks[0];
}

describe('Student t quantiles', () => {
  it('match published two-sided 95% values', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(2)).toBeCloseTo(4.303, 3);
    expect(tQuantile975(5)).toBeCloseTo(2.571, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(31)).toBeCloseTo(2.0395, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });

  it('has no finite quantile below one degree of freedom', () => {
    expect(tQuantile975(0)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile975(Number.NaN)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('per-process estimate', () => {
  it('is the median pair ratio, so a pair caught by a regime switch does not move it', () => {
    const pairs = [0.01, 0.01, 0.01, Math.log(2), 0.01];
    const t = {
      process: 0,
      base: { ops: 1, totalNs: 1 },
      head: { ops: 1, totalNs: 1 },
      pairLogRatios: pairs,
    };
    expect(processLogRatio(t)).toBeCloseTo(0.01, 10);
  });

  it('falls back to the ratio of the totals when there are no pairs', () => {
    const t = {
      process: 1,
      base: { ops: 100, totalNs: 100_000 },
      head: { ops: 50, totalNs: 55_000 },
      pairLogRatios: [],
    };
    expect(processLogRatio(t)).toBeCloseTo(Math.log(1.1), 10);
  });

  it('median of an even count averages the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('interval over processes', () => {
  it('is a t interval of the per-process log ratios, mapped back to a fractional change', () => {
    const logs = [0.01, 0.03, 0.02, 0.04, 0.0, 0.02];
    const t = logs.map((x, process) => ({
      process,
      base: { ops: 1, totalNs: 1 },
      head: { ops: 1, totalNs: 1 },
      pairLogRatios: [x],
    }));
    const mean = 0.02;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / 5);
    const half = 2.571 * (sd / Math.sqrt(6));
    const e = estimateChange(t);
    expect(e.change).toBeCloseTo(Math.exp(mean) - 1, 10);
    expect(e.ci[0]).toBeCloseTo(Math.exp(mean - half) - 1, 4);
    expect(e.ci[1]).toBeCloseTo(Math.exp(mean + half) - 1, 4);
    expect(e.perProcess).toHaveLength(6);
  });

  it('is infinite with one process', () => {
    const single = estimateChange(timings(1, 0.1, { processes: 1 }));
    expect(single.change).toBeGreaterThan(0.05);
    expect(single.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    const result = compare({
      measurements: [measurement('one', timings(1, 0.1, { processes: 1 }))],
      cpuTables: {},
      config: AT_2_PERCENT,
      ...REV,
    }).benchmarks[0];
    expect(result?.status).toBe('unchanged');
    expect(result?.inconclusive).toBe(true);
  });

  it('holds the truth about 95% of the time although each process carries its own bias', () => {
    // An interval over slices would be far too narrow here: 400 pairs per process shrink the slice
    // noise, but not the 1.5% bias each process carries.
    let covered = 0;
    for (const seed of SEEDS) {
      const e = estimateChange(timings(seed, 0));
      if (e.ci[0] <= 0 && e.ci[1] >= 0) covered++;
    }
    expect(covered / SEEDS.length).toBeGreaterThan(0.9);
  });
});

describe('verdicts on synthetic data with regime switches', () => {
  it('keeps identical code (A/A) unchanged at a 2% threshold across many seeds', () => {
    const flagged = SEEDS.filter((seed) => status(0, seed)?.status !== 'unchanged');
    expect(flagged).toEqual([]);
  });

  it('is not moved by a few wild pairs in one direction (a switch or a GC inside a pair)', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const t = timings(seed, 0).map((p) => ({
        ...p,
        // 5% of the pairs twice as slow on head: a mean over pairs would move by 3.5%.
        pairLogRatios: p.pairLogRatios.map((x, i) => (i % 20 === 0 ? x + Math.log(2) : x)),
      }));
      const b = compare({
        measurements: [measurement('wild', t)],
        cpuTables: {},
        config: AT_2_PERCENT,
        ...REV,
      }).benchmarks[0];
      expect(b?.status).toBe('unchanged');
    }
  });

  it('finds +5% as regressed with an interval holding 5%, every time', () => {
    let covered = 0;
    for (const seed of SEEDS) {
      const b = status(0.05, seed);
      expect(b?.status).toBe('regressed');
      expect(b?.change).toBeGreaterThan(0);
      if ((b?.ci[0] ?? 1) < 0.05 && (b?.ci[1] ?? 0) > 0.05) covered++;
    }
    expect(covered / SEEDS.length).toBeGreaterThan(0.9);
  });

  it('finds −5% as improved', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const b = status(-0.05, seed);
      expect(b?.status).toBe('improved');
      expect(b?.change).toBeLessThan(0);
      expect(b?.ci[1]).toBeLessThan(0);
    }
  });

  it('leaves a real shift under the threshold unchanged', () => {
    const quiet = { processBias: 0.003, sliceJitter: 0.01 };
    const r = compare({
      measurements: [measurement('small', timings(3, 0.01, quiet))],
      cpuTables: {},
      config: AT_2_PERCENT,
      ...REV,
    });
    // The interval excludes zero (the shift is real) but 1% is under the 2% threshold.
    expect(r.benchmarks[0]?.ci[0]).toBeGreaterThan(0);
    expect(r.benchmarks[0]?.status).toBe('unchanged');
    expect(r.verdict).toBe('pass');
  });

  it('says the run cannot resolve a threshold narrower than its interval', () => {
    const noisy = timings(5, 0, { processBias: 0.08 });
    const b = compare({
      measurements: [measurement('noisy', noisy)],
      cpuTables: {},
      config: AT_2_PERCENT,
      ...REV,
    }).benchmarks[0];
    expect(b?.inconclusive).toBe(true);
    expect(b?.status).toBe('unchanged');
    expect(status(0, 5, config())?.inconclusive).toBeUndefined();
  });
});

describe('Poisson test of sample counts', () => {
  it('tells sampling noise from a real change', () => {
    expect(poissonZ(100, 1000, 100, 1000)).toBe(0);
    // 100 vs 200 samples: (200 − 100) / √300 ≈ 5.77 in counts.
    expect(poissonZ(100, 1000, 200, 1000)).toBeCloseTo(100 / Math.sqrt(300), 6);
    expect(poissonZ(200, 1000, 100, 1000)).toBeCloseTo(-100 / Math.sqrt(300), 6);
    expect(poissonZ(2, 1000, 6, 1000)).toBeLessThan(3);
  });

  it('compares rates per op, and a zero count still carries the error of about one sample', () => {
    expect(poissonZ(200, 1000, 200, 2000)).toBeLessThan(-3);
    expect(poissonZ(0, 1000, 3, 1000)).toBeCloseTo(3 / 2, 6);
  });
});

describe('confirmation size', () => {
  const budget = { processes: 4, maxProcesses: 10 };
  // Per-process log ratios with a given mean and a spread of about `sd` (alternating ± sd).
  const first = (mean: number, sd: number, n = 10) =>
    Array.from({ length: n }, (_, i) => mean + (i % 2 === 0 ? sd : -sd));

  it('keeps the floor of max(4, processes) for a change far beyond its spread', () => {
    expect(confirmationProcesses(budget, first(0.2, 0.01))).toBe(4);
    expect(confirmationProcesses({ processes: 6, maxProcesses: 10 }, first(0.2, 0.01))).toBe(6);
    expect(confirmationProcesses(budget)).toBe(4);
  });

  it('asks for more processes when four would often miss the change first seen, up to maxProcesses', () => {
    const wide = { processes: 4, maxProcesses: 100 };
    // The spread planned on is the sample spread's 80% upper bound: × √(9 / χ²(0.2; 9)) = × 1.293 over 10.
    // +2.5% with a 1.58% sample spread over 10: the low end is 2.5 − 2.262 × 0.5 = 1.37%, so
    // (4.286 × 1.58 × 1.293 / 1.37)² ≈ 40.9 → 41, +1 for Student's t.
    expect(confirmationProcesses(wide, first(0.025, 0.015))).toBe(42);
    expect(confirmationProcesses(budget, first(0.025, 0.015))).toBe(10);
    // +2.5% with a 3.2% spread: the low end (0.24%) is under half the change, so plan for 1.25%:
    // (4.286 × 3.16 × 1.293 / 1.25)² ≈ 197, capped at the budget.
    expect(confirmationProcesses(wide, first(0.025, 0.03))).toBe(100);
    // +8% with a 1.58% spread: low end 6.87%, (4.286 × 2.04 / 6.87)² ≈ 1.6 → 2, +1: the floor of 4.
    expect(confirmationProcesses(wide, first(0.08, 0.015))).toBe(4);
    // +4% with a 1.58% spread: low end 2.87%, (4.286 × 2.04 / 2.87)² ≈ 9.3 → 10, +1.
    expect(confirmationProcesses(wide, first(0.04, 0.015))).toBe(11);
  });

  it('plans on an upper bound of a spread read off few processes: four processes that agree closely still ask for more', () => {
    // +3.3% with a 0.8% spread over 4 (a run where the first look resolved early): the estimate
    // alone asked for 4, and that confirmation missed; the bound (× √(3 / χ²(0.2; 3)) ≈ × 1.72) asks for more.
    const four = [0.041, 0.025, 0.041, 0.025];
    expect(confirmationProcesses({ processes: 4, maxProcesses: 40 }, four)).toBe(15);
  });

  it('stays at the floor when the first estimate has nothing to size by', () => {
    expect(confirmationProcesses(budget, [0.05])).toBe(4);
    expect(confirmationProcesses(budget, [0, 0, 0])).toBe(4);
    expect(confirmationProcesses(budget, [Number.NaN, 0.1])).toBe(4);
  });
});
