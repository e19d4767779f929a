// budget.maxMinutes bounds the whole run, the first timing round included: after discovery the run
// measures, in the order given, the benchmarks that fit at the minimum processes with every pass after
// them, and leaves the rest out with why; during the first round it stops starting benchmarks once
// the round proves slower than planned.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BUDGET as CONFIG_DEFAULT } from '../../src/config/config.js';
import type { DeadlineInput } from '../../src/measure/deadline.js';
import { firstRound } from '../../src/measure/deadline.js';
import {
  benchmarkCostMs,
  firstRoundChunk,
  type PlanItem,
  planSuite,
  stillFitting,
  timingBenchmarkProcessMs,
} from '../../src/measure/plan.js';
import { afterMeasureMs, TRAILING_MIN_SCALE, trailingCostMs } from '../../src/measure/trailing.js';
import { type BenchmarkMeasurement, benchmarkKey } from '../../src/model.js';

// The serial cost model (one process at a time); side by side is tested apart, with its own width.
const DEFAULT_BUDGET = { ...CONFIG_DEFAULT, parallel: 1 };

const items = (n: number, paired = true): PlanItem[] =>
  Array.from({ length: n }, (_, i) => ({ key: `bench/b${i}.bench.js > task ${i}`, paired }));

describe('the plan made after discovery', () => {
  it('measures everything when there is no deadline or the suite fits', () => {
    for (const msLeft of [Number.POSITIVE_INFINITY, 10 * 60_000]) {
      const plan = planSuite(items(5), DEFAULT_BUDGET, msLeft);
      expect(plan.measured).toHaveLength(5);
      expect(plan.leftOut).toEqual([]);
    }
  });

  it('takes the benchmarks in the order given while they fit, and leaves out the rest with why', () => {
    // The default budget: 4 timing processes × (2 × (300 + 100) + 100) ms, then 4 profiling and 3
    // allocation processes at the shortest times they may be cut to (a fifth of 500 and 200 ms): about
    // 7.6 s a benchmark (the allocation pass warms up 200 ms per side). Timing every benchmark it can comes before deeper profiles.
    const per = benchmarkCostMs(DEFAULT_BUDGET, true);
    expect(per).toBe(4 * 900 + 4 * (2 * 100 + 100 + 2 * 100) + 3 * (2 * 200 + 100 + 2 * 40) + 250);
    const fixed = 4 * 400 + (4 + 3) * 400 + 3000;
    const plan = planSuite(items(1126), DEFAULT_BUDGET, fixed + 10 * per + per / 2);
    expect(plan.measured).toEqual(items(10).map((i) => i.key));
    expect(plan.leftOut).toHaveLength(1116);
    expect(plan.leftOut[0]?.key).toBe('bench/b10.bench.js > task 10');
    expect(plan.leftOut[0]?.reason).toBe(
      'budget.maxMinutes (3 min) holds 10 of 1126 benchmarks at the minimum 4 timing processes: ' +
        'about 7.6 s each with the shortest profiles, 1 min 27 s left after install and discovery',
    );
    expect(plan.estimatedMs).toBeCloseTo(fixed + 10 * per, 6);
    // The estimate for what it keeps is the cost model the rest of the run uses.
    expect(plan.estimatedMs).toBeCloseTo(
      10 * 4 * timingBenchmarkProcessMs(DEFAULT_BUDGET) +
        4 * 400 +
        trailingCostMs(DEFAULT_BUDGET, 10, TRAILING_MIN_SCALE) +
        afterMeasureMs(10),
      6,
    );
  });

  it('always measures the first benchmark, even with no time left', () => {
    for (const msLeft of [0, -60_000, 1]) {
      const plan = planSuite(items(3), DEFAULT_BUDGET, msLeft);
      expect(plan.measured).toEqual([items(3)[0]?.key]);
      expect(plan.leftOut.map((l) => l.key)).toEqual(
        items(3)
          .slice(1)
          .map((i) => i.key),
      );
      expect(plan.leftOut[0]?.reason).toContain('0 s left after install and discovery');
    }
  });

  it('counts a benchmark on one side only at half the timing and no profiling', () => {
    const solo = benchmarkCostMs(DEFAULT_BUDGET, false);
    expect(solo).toBe((4 * timingBenchmarkProcessMs(DEFAULT_BUDGET)) / 2);
    const fixed = 4 * 400 + 7 * 400 + 3000;
    const plan = planSuite(
      [...items(1), ...items(4, false).map((i) => ({ ...i, key: `solo ${i.key}` }))],
      DEFAULT_BUDGET,
      fixed + benchmarkCostMs(DEFAULT_BUDGET, true) + 3 * solo,
    );
    expect(plan.measured).toHaveLength(4);
  });
});

describe('the first round checked against its real cost', () => {
  const budget = { ...DEFAULT_BUDGET, allocationProcesses: 0 };
  it('keeps starting benchmarks while the measured cost still fits', () => {
    const planned = timingBenchmarkProcessMs(budget);
    // Ten started, their 3 processes left to run and their profiling, and room for 5 more as planned.
    const msLeft =
      10 * 3 * planned +
      trailingCostMs(budget, 10, TRAILING_MIN_SCALE) +
      afterMeasureMs(10) +
      5 * benchmarkCostMs(budget, true);
    const fitting = (timingProcessMs: number) =>
      stillFitting({ budget, started: 10, startedPaired: 10, next: items(20), timingProcessMs, msLeft });
    expect(fitting(planned)).toBe(5);
    // The same time left, each benchmark-process three times slower than planned: none more fits.
    expect(fitting(3 * planned)).toBe(0);
  });

  it('checks about every 30 s of planned work', () => {
    expect(firstRoundChunk(DEFAULT_BUDGET)).toBe(Math.floor(30_000 / 900));
    expect(firstRoundChunk({ ...DEFAULT_BUDGET, timePerProcessMs: 60_000 })).toBe(1);
  });
});

describe('the first round as it runs', () => {
  afterEach(() => vi.useRealTimers());
  const budget = { ...DEFAULT_BUDGET, allocationProcesses: 0 };
  const measurement = (i: number): BenchmarkMeasurement => ({
    id: { file: 'bench/many.bench.js', name: `task ${i}` },
    slug: `s${i}`,
    present: { base: true, head: true },
    timings: [],
    soloTimings: [],
    errors: {},
    profiles: {},
  });
  const input = (deadline: number): DeadlineInput => ({ budget, deadline, progress: () => {} });

  // A run whose plan holds all 100 benchmarks at the planned cost, and whose processes cost `times` that.
  async function firstRoundAt(times: number, count = 200) {
    vi.useFakeTimers({ now: 0 });
    const all = Array.from({ length: count }, (_, i) => measurement(i));
    const planned = timingBenchmarkProcessMs(budget);
    // Room for all of them at the planned cost, with 10 s to spare.
    const deadline =
      count * benchmarkCostMs(budget, true) + trailingCostMs(budget, 1) + afterMeasureMs(0) + 10_000;
    const chunks: number[] = [];
    const leftOut = new Map<string, string>();
    const ran = await firstRound(
      input(deadline),
      all,
      async (list) => {
        chunks.push(list.length);
        vi.setSystemTime(Date.now() + list.length * planned * times);
      },
      leftOut,
    );
    const left = all.filter((m) => leftOut.has(benchmarkKey(m.id)));
    return { all, ran, chunks, left, leftOut };
  }

  it('runs every benchmark, in processes of about 30 s, when the round costs what was planned', async () => {
    const { all, ran, chunks, left } = await firstRoundAt(1);
    expect(ran).toEqual(all);
    expect(chunks).toEqual([33, 33, 33, 33, 33, 33, 2]);
    expect(left).toEqual([]);
  });

  it('checks a small suite at least four times: eleven benchmarks run in processes of three', async () => {
    const even = await firstRoundAt(1, 11);
    expect(even.chunks).toEqual([3, 3, 3, 2]);
    expect(even.ran).toEqual(even.all);
    // Processes that cost three times the plan: found after the first three, not after all eleven.
    const slow = await firstRoundAt(3, 11);
    expect(slow.chunks[0]).toBe(3);
    expect(slow.ran.length).toBeLessThan(11);
    expect(slow.left).toEqual(slow.all.slice(slow.ran.length));
  });

  it('stops starting benchmarks once the round proves slower than planned, and says why', async () => {
    const { all, ran, chunks, left, leftOut } = await firstRoundAt(3);
    expect(chunks[0]).toBe(33);
    expect(ran.length).toBeLessThan(all.length);
    expect(ran).toEqual(all.slice(0, ran.length));
    expect(left).toEqual(all.slice(ran.length));
    expect(left[0] && leftOut.get(benchmarkKey(left[0].id))).toBe(
      'budget.maxMinutes (3 min): the first timing round ran slower than planned (2.7 s per benchmark-process, planned 0.9 s), so no further benchmark was started',
    );
  });
});
