// Sequential sampling's statistics: the intervals stay honest however often the timing pass looks,
// and a regression fails only when fresh processes confirm it.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import type { ProcessTiming } from '../../src/model.js';
import { processLogRatio, tCdf, tQuantile } from '../../src/stats/estimate.js';
import {
  estimateAt,
  lookAlpha,
  lookAlphaAt,
  lookAlphas,
  lookSchedule,
  nextLook,
  processesToResolve,
  resolve,
  type SequentialPlan,
  samplingDecision,
  sequentialLook,
  verdictOf,
} from '../../src/stats/sequential.js';
import { config, measurement, REV, rng, timings } from './compare-fixtures.js';

const PLAN: SequentialPlan = { minProcesses: 4, maxProcesses: 16 };

describe("Student's t at any level", () => {
  it('matches published quantiles', () => {
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.5706, 3);
    expect(tQuantile(0.995, 3)).toBeCloseTo(5.8409, 3);
    expect(tQuantile(0.9975, 10)).toBeCloseTo(3.5814, 3);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.025, 5)).toBeCloseTo(-2.5706, 3);
    expect(tCdf(2.5706, 5)).toBeCloseTo(0.975, 4);
  });
});

describe('look schedule', () => {
  it('is fixed by the plan: the minimum, ×1.5 rounded up to even, and the maximum', () => {
    expect(lookSchedule(PLAN)).toEqual([4, 6, 10, 16]);
    expect(lookSchedule({ minProcesses: 6, maxProcesses: 6 })).toEqual([6]);
    // α split over the four looks in proportion to 1, 1/2, 1/3, 1/4: most where t is widest.
    const total = 1 + 1 / 2 + 1 / 3 + 1 / 4;
    expect(lookAlphas(PLAN)).toEqual(
      [1, 1 / 2, 1 / 3, 1 / 4].map((w) => expect.closeTo((0.05 * w) / total, 12)),
    );
    expect(lookAlphas(PLAN).reduce((a, b) => a + b, 0)).toBeCloseTo(0.05, 12);
    expect(lookAlpha(PLAN)).toBeCloseTo((0.05 * (1 / 4)) / total, 12);
    // A count between looks gets the look it reached; below the minimum, the first look's.
    expect(lookAlphaAt(PLAN, 4)).toBeCloseTo(0.05 / total, 12);
    expect(lookAlphaAt(PLAN, 8)).toBeCloseTo(0.05 / 2 / total, 12);
    expect(lookAlphaAt(PLAN, 2)).toBeCloseTo(0.05 / total, 12);
    expect(lookAlphaAt(PLAN, 16)).toBeCloseTo(lookAlpha(PLAN), 12);
    expect(nextLook(PLAN, 4)).toBe(6);
    expect(nextLook(PLAN, 16)).toBeUndefined();
  });
});

/**
 * Runs the timing pass's rule on one simulated benchmark: look at the minimum, stop when resolved,
 * else add processes up to the next look. Returns whether any look's interval missed the truth and
 * the final verdict.
 */
function sequentialRun(
  data: number[],
  threshold: number,
  interval: (xs: number[]) => [number, number],
  truth = 0,
): { missed: boolean; flagged: boolean; processes: number } {
  let n = PLAN.minProcesses;
  let missed = false;
  for (;;) {
    const xs = data.slice(0, n);
    const ci = interval(xs);
    const truthChange = Math.expm1(truth);
    if (ci[0] > truthChange || ci[1] < truthChange) missed = true;
    const next = nextLook(PLAN, n);
    if (resolve(ci, threshold) !== 'open' || next === undefined) {
      const estimate = { change: Math.expm1(xs.reduce((a, b) => a + b, 0) / xs.length), ci, perProcess: xs };
      return { missed, flagged: verdictOf(estimate, threshold) !== 'unchanged', processes: n };
    }
    n = next;
  }
}

describe('optional stopping (seeded simulation under a known null)', () => {
  const RUNS = 4000;
  const naive = (xs: number[]) => estimateAt(xs, 0.05).ci;

  for (const threshold of [0, 0.005, 0.01]) {
    it(`keeps the false-alarm rate over repeated looks at or under 5% (threshold ${threshold * 100}%)`, () => {
      let missedSequential = 0;
      let flaggedSequential = 0;
      let missedNaive = 0;
      let processes = 0;
      for (let seed = 1; seed <= RUNS; seed++) {
        const r = rng(seed * 7919 + Math.round(threshold * 1e4));
        // Per-process log ratios: no true change, a process-to-process spread of 1%.
        const data = Array.from({ length: PLAN.maxProcesses }, () => 0.01 * r.normal());
        const s = sequentialRun(data, threshold, (xs) => sequentialLook(xs, threshold, PLAN).estimate.ci);
        if (s.missed) missedSequential++;
        if (s.flagged) flaggedSequential++;
        processes += s.processes;
        if (sequentialRun(data, threshold, naive).missed) missedNaive++;
      }
      // The sequential interval: at most 5% of runs ever see an interval that excludes the truth, at
      // any look, even when stopping is driven by what the intervals show.
      expect(missedSequential / RUNS).toBeLessThanOrEqual(0.05);
      expect(flaggedSequential / RUNS).toBeLessThanOrEqual(0.05);
      // A plain 95% interval looked at the same way lies more often than it says: the simulation can
      // tell the difference (for a threshold of 0, where sampling continues until significant).
      if (threshold === 0) expect(missedNaive / RUNS).toBeGreaterThan(0.06);
      expect(processes / RUNS).toBeGreaterThanOrEqual(PLAN.minProcesses);
    });
  }

  it('flags no more than 5% of A/A benchmarks with the machine-like timings (regimes, process bias)', () => {
    let flagged = 0;
    const seeds = 300;
    for (let seed = 1; seed <= seeds; seed++) {
      const t = timings(seed, 0, { processes: 16, timeMs: 300 });
      const data = t.map(processLogRatio);
      if (sequentialRun(data, 0.01, (xs) => sequentialLook(xs, 0.01, PLAN).estimate.ci).flagged) flagged++;
    }
    expect(flagged / seeds).toBeLessThanOrEqual(0.05);
  });

  it('still finds a real +5% change at a 1% threshold, and stops early when it can', () => {
    let found = 0;
    let processes = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const data = Array.from({ length: 16 }, () => Math.log(1.05) + 0.01 * r.normal());
      const s = sequentialRun(data, 0.01, (xs) => sequentialLook(xs, 0.01, PLAN).estimate.ci, Math.log(1.05));
      if (s.flagged) found++;
      processes += s.processes;
    }
    expect(found).toBe(200);
    expect(processes / 200).toBeLessThan(8);
  });
});

describe('resolution and the budget that would resolve', () => {
  it('says how many processes would resolve, or that none would when the change sits on the threshold', () => {
    const r = rng(3);
    const spread = Array.from({ length: 4 }, () => 0.02 * r.normal());
    const needed = processesToResolve(spread, 0.05, lookAlpha(PLAN));
    expect(needed).toBeGreaterThanOrEqual(2);
    const onThreshold = [Math.log(1.05), Math.log(1.05) + 0.01, Math.log(1.05) - 0.01, Math.log(1.05)];
    expect(processesToResolve(onThreshold, 0.05, lookAlpha(PLAN))).toBeUndefined();
    const look = sequentialLook(spread, 0.05, PLAN);
    const [lo, hi] = look.estimate.ci;
    expect(look.detectable).toBeCloseTo(Math.expm1((Math.log1p(hi) - Math.log1p(lo)) / 2), 12);
  });
});

/** Timings whose per-process log ratio is exactly `change` plus a small seeded spread. */
function processes(count: number, change: number, seed: number): ProcessTiming[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, process) => {
    const x = Math.log1p(change) + 0.003 * r.normal();
    return {
      process,
      base: { ops: 1000, totalNs: 1e6 },
      head: { ops: 1000, totalNs: 1e6 * Math.exp(x) },
      pairLogRatios: [x],
    };
  });
}

describe('confirm before fail (synthetic data)', () => {
  const cfg = config({ thresholds: { benchmark: 0.02, function: 0.05 } });
  const run = (confirmTimings: ProcessTiming[] | undefined) =>
    compare({
      measurements: [
        measurement('b', processes(6, 0.1, 1), {
          sampling: { processes: 6, stoppedBy: 'resolved', wallMs: 6000 },
          ...(confirmTimings ? { confirmTimings } : {}),
        }),
      ],
      cpuTables: {},
      config: cfg,
      ...REV,
      run: { timingMs: 6000, confirmMs: 4000 },
    });

  it('fails when fresh processes confirm the regression, and the report shows both measurements', () => {
    const report = run(processes(4, 0.1, 2));
    const b = report.benchmarks[0];
    expect(b?.status).toBe('regressed');
    expect(b?.confirmation).toMatchObject({ processes: 4, confirmed: true });
    expect(b?.confirmation?.change).toBeCloseTo(0.1, 1);
    expect(report.verdict).toBe('fail');
    expect(report.failures?.[0]).toContain('confirmed in 4 fresh processes');
  });

  it('does not fail when the confirmation finds no change', () => {
    const report = run(processes(4, 0, 3));
    const b = report.benchmarks[0];
    expect(b?.status).toBe('unchanged');
    expect(b?.change).toBeCloseTo(0.1, 1);
    expect(b?.confirmation).toMatchObject({ processes: 4, confirmed: false });
    expect(report.verdict).toBe('pass');
    expect(report.failures).toEqual([]);
  });

  it('does not fail on a first verdict alone when no confirmation could be measured', () => {
    const report = run(undefined);
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    expect(report.benchmarks[0]?.confirmation).toMatchObject({ processes: 0, confirmed: false });
    expect(report.verdict).toBe('pass');
  });

  it('confirms an improvement the same way: a first verdict alone is never reported', () => {
    const improved = (confirmTimings: ProcessTiming[]) =>
      compare({
        measurements: [
          measurement('b', processes(6, -0.1, 4), {
            sampling: { processes: 6, stoppedBy: 'resolved', wallMs: 6000 },
            confirmTimings,
          }),
        ],
        cpuTables: {},
        config: cfg,
        ...REV,
      }).benchmarks[0];
    expect(improved(processes(4, -0.1, 5))).toMatchObject({
      status: 'improved',
      confirmation: { confirmed: true, firstVerdict: 'improved' },
    });
    expect(improved(processes(4, 0, 6))).toMatchObject({
      status: 'unchanged',
      confirmation: { confirmed: false, firstVerdict: 'improved' },
    });
  });

  it('reports what the run spent and saved against budget.maxProcesses', () => {
    const report = run(processes(4, 0.1, 2));
    expect(report.sampling).toMatchObject({
      processes: 10,
      maxProcesses: 40,
      seconds: 10,
      resolved: 1,
      unresolved: 0,
    });
    // 34 processes (of the default maximum of 40) not run, at 1 s each.
    expect(report.sampling?.savedSeconds).toBeCloseTo(34, 6);
    expect(report.benchmarks[0]).toMatchObject({ processes: 6, stoppedBy: 'resolved' });
    expect(report.benchmarks[0]?.resolution).toBeGreaterThan(0);
  });
});

describe('the stop rule the measure stage calls', () => {
  const plan: SequentialPlan = { minProcesses: 4, maxProcesses: 16 };
  it('stops a resolved benchmark, samples an open one up to the next look, stops at the maximum', () => {
    const quiet = [0.001, -0.001, 0.0005, 0];
    expect(samplingDecision(quiet, 4, 0.05, plan)).toEqual({ stop: 'resolved', suspect: false });
    const noisy = [0.05, -0.06, 0.04, -0.03];
    expect(samplingDecision(noisy, 4, 0.05, plan)).toEqual({ next: 6, suspect: false });
    expect(samplingDecision(noisy, 16, 0.05, plan)).toEqual({ stop: 'maxProcesses', suspect: false });
    const slower = [0.2, 0.21, 0.19, 0.2];
    expect(samplingDecision(slower, 4, 0.05, plan)).toEqual({ stop: 'resolved', suspect: true });
  });
});
