import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET as CONFIG_DEFAULT } from '../../src/config/config.js';
import type { BenchmarkMeasurement, Side } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { UsageError } from '../../src/settings.js';
import { costTracker } from '../../src/shard/record.js';
import {
  costsFromReport,
  estimateCost,
  parseShard,
  planDigest,
  selectShard,
} from '../../src/shard/select.js';

// The serial cost model (one process at a time); side by side is tested apart, with its own width.
const DEFAULT_BUDGET = { ...CONFIG_DEFAULT, parallel: 1 };

function m(
  file: string,
  name: string,
  sides: Side[] = ['base', 'head'],
  error?: string,
): BenchmarkMeasurement {
  return {
    id: { file, name },
    slug: `${file}-${name}`,
    present: { base: sides.includes('base'), head: sides.includes('head') },
    timings: [],
    soloTimings: [],
    errors: error ? { head: error } : {},
    profiles: {},
  };
}

const suite = (): BenchmarkMeasurement[] => [
  m('bench/a.bench.js', 'one'),
  m('bench/a.bench.js', 'two'),
  m('bench/a.bench.js', 'three'),
  m('bench/b.bench.js', 'one'),
  m('bench/b.bench.js', 'added', ['head']),
  m('bench/b.bench.js', 'removed', ['base']),
  m('bench/c.bench.ts', 'broken', ['base', 'head'], 'SyntaxError'),
  m('bench/c.bench.ts', 'x'),
  m('bench/d.bench.js', 'y'),
];

describe('parseShard', () => {
  it('reads i/N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/2', '3/2', '1', 'a/b', '1/0', '', '-1/2', '1/300'])('refuses "%s", naming it', (value) => {
    expect(() => parseShard(value, 'input "shard"')).toThrow(UsageError);
    expect(() => parseShard(value, 'input "shard"')).toThrow(`input "shard" must be i/N`);
    expect(() => parseShard(value)).toThrow(`got "${value}"`);
  });
});

describe('estimateCost', () => {
  it('counts both sides timed and profiled; one side only timed; a load failure nothing', () => {
    const b = DEFAULT_BUDGET;
    const both = estimateCost(m('f', 'x'), b);
    expect(both).toBe(
      b.processes * 2 * (b.warmupMs + b.timePerProcessMs) +
        b.profileProcesses * (2 * (b.warmupMs + b.profileMs) + 100) +
        (b.allocationProcesses ?? 0) * (2 * (Math.max(b.warmupMs, 200) + (b.allocationMs ?? 200)) + 100),
    );
    expect(estimateCost(m('f', 'x'), { ...b, allocationProcesses: 0 })).toBe(
      b.processes * 2 * (b.warmupMs + b.timePerProcessMs) +
        b.profileProcesses * (2 * (b.warmupMs + b.profileMs) + 100),
    );
    expect(estimateCost(m('f', 'x', ['head']), b)).toBe(b.processes * (b.warmupMs + b.timePerProcessMs));
    expect(estimateCost(m('f', 'x', ['base', 'head'], 'boom'), b)).toBe(0);
  });
});

describe('selectShard', () => {
  const all = (count: number, costs?: Record<string, number>) =>
    Array.from({ length: count }, (_, i) =>
      selectShard({ measurements: suite(), budget: DEFAULT_BUDGET, spec: { index: i + 1, count }, costs }),
    );

  it.each([1, 2, 3, 4, 9, 12])(
    'puts every benchmark in exactly one of %i shards, added, removed and failed ones included',
    (count) => {
      const plans = all(count);
      const keys = plans.flatMap((p) => p.selected.map((s) => benchmarkKey(s.id)));
      expect(keys.sort()).toEqual(
        suite()
          .map((s) => benchmarkKey(s.id))
          .sort(),
      );
      // Every shard computed the same plan on its own.
      expect(new Set(plans.map((p) => p.info.planDigest)).size).toBe(1);
      expect(plans[0]?.info.benchmarks).toBe(9);
      for (const p of plans) {
        expect(
          Object.entries(p.info.plan)
            .filter(([, s]) => s === p.info.index)
            .map(([k]) => k),
        ).toEqual(p.selected.map((s) => benchmarkKey(s.id)));
      }
    },
  );

  it('does not depend on the order discovery listed the benchmarks in', () => {
    const forward = selectShard({
      measurements: suite(),
      budget: DEFAULT_BUDGET,
      spec: { index: 1, count: 3 },
    });
    const backward = selectShard({
      measurements: suite().reverse(),
      budget: DEFAULT_BUDGET,
      spec: { index: 1, count: 3 },
    });
    expect(backward.info.planDigest).toBe(forward.info.planDigest);
  });

  it('balances by cost, not count: cheap added/removed/failed benchmarks fill the lighter shard', () => {
    const [one, two] = all(2);
    const est = one?.info.estimatedMs ?? [];
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    expect(Math.max(...est) / mean).toBeLessThan(1.15);
    // The three cheap ones (added, removed, failed) go together rather than splitting 5/4 by count.
    const cost = (p: typeof one) => p?.selected.reduce((s, x) => s + estimateCost(x, DEFAULT_BUDGET), 0) ?? 0;
    expect(Math.abs(cost(one) - cost(two))).toBeLessThanOrEqual(
      estimateCost(m('f', 'x'), DEFAULT_BUDGET) / 2,
    );
  });

  it('follows measured costs when a previous report gives them', () => {
    const costs: Record<string, number> = {};
    for (const s of suite()) costs[benchmarkKey(s.id)] = 1000;
    // One benchmark is as expensive as all the others together: it gets a shard of its own.
    costs['bench/d.bench.js > y'] = 9000;
    const plans = all(2, costs);
    expect(plans[0]?.info.basis).toBe('costs');
    const alone = plans.find((p) => p.selected.some((s) => s.id.name === 'y'));
    expect(alone?.selected.map((s) => s.id.name)).toEqual(['y']);
    // Without the costs, the estimate treats it as any other benchmark.
    expect(all(2)[0]?.info.basis).toBe('estimate');
    expect(all(2).find((p) => p.selected.some((s) => s.id.name === 'y'))?.selected.length).toBeGreaterThan(1);
  });

  it('scales estimates of benchmarks the costs file does not know to the measured ones', () => {
    const costs = { 'bench/a.bench.js > one': 100_000 };
    const plans = all(2, costs);
    const withOne = plans.find((p) =>
      p.selected.some((s) => s.id.name === 'one' && s.id.file === 'bench/a.bench.js'),
    );
    expect(withOne?.info.basis).toBe('costs');
    expect(plans.flatMap((p) => p.selected)).toHaveLength(9);
  });

  it('gives a different digest to a different plan', () => {
    expect(planDigest({ a: 1, b: 2 })).not.toBe(planDigest({ a: 2, b: 1 }));
    expect(planDigest({ a: 1, b: 2 })).toBe(planDigest({ b: 2, a: 1 }));
  });
});

describe('costs and cost accounting', () => {
  it('reads costMs from a report and refuses what is not one', () => {
    const report = {
      benchmarks: [
        { file: 'f.js', name: 'x', costMs: 12 },
        { file: 'f.js', name: 'y' },
      ],
    };
    expect(costsFromReport(report, 'r.json')).toEqual({ 'f.js > x': 12 });
    expect(() => costsFromReport({}, 'r.json')).toThrow('r.json is not a flamegate JSON report');
  });

  it('charges the time between work signals to the benchmark being worked on', () => {
    let t = 0;
    const tracker = costTracker(() => t);
    tracker.onWork('a');
    t = 10;
    tracker.onWork('a');
    t = 25;
    tracker.onWork('b');
    t = 30;
    tracker.onWork(undefined);
    t = 100;
    tracker.onWork('a');
    t = 101;
    tracker.onWork(undefined);
    expect(Object.fromEntries(tracker.costs)).toEqual({ a: 26, b: 5 });
  });
});
