import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { estimateChange, poissonZ, tQuantile975 } from '../../src/compare/stats.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { BenchmarkMeasurement, Config, FunctionTable, ProcessTiming } from '../../src/model.js';

/** A seeded PRNG (mulberry32) and a normal deviate, so every run sees the same synthetic data. */
function rng(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/**
 * Synthetic timing with the noise measured on these machines: the machine runs at 1x or 2x speed for
 * stretches (both slices of a pair see the same regime), each process has its own bias, and every
 * slice has some jitter. `shift` is the true head/base − 1.
 */
function timings(seed: number, shift: number, processes = 6, pairs = 100): ProcessTiming[] {
  const r = rng(seed);
  return Array.from({ length: processes }, (_, process) => {
    const bias = 0.01 * r.normal();
    let regime = 1;
    const pairLogRatios: number[] = [];
    const base = { ops: 0, totalNs: 0 };
    const head = { ops: 0, totalNs: 0 };
    for (let i = 0; i < pairs; i++) {
      if (r.uniform() < 0.05) regime = regime === 1 ? 2 : 1;
      const b = 1000 * regime * (1 + 0.02 * r.normal());
      const h = 1000 * regime * (1 + shift) * (1 + bias) * (1 + 0.02 * r.normal());
      pairLogRatios.push(Math.log(h / b));
      base.ops += 5;
      base.totalNs += 5 * b;
      head.ops += 5;
      head.totalNs += 5 * h;
    }
    return { process, base, head, pairLogRatios };
  });
}

function measurement(
  name: string,
  t: ProcessTiming[],
  extra: Partial<BenchmarkMeasurement> = {},
): BenchmarkMeasurement {
  return {
    id: { file: 'bench/a.bench.js', name },
    present: { base: true, head: true },
    timings: t,
    soloTimings: [],
    errors: {},
    profiles: {},
    ...extra,
  };
}

const REV = { base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'HEAD', sha: 'b'.repeat(40) } };

function config(patch: Partial<Config> = {}): Config {
  return { ...DEFAULT_CONFIG, ...patch };
}

function table(entries: Record<string, [number, number]>, ops = 1000): FunctionTable {
  // entries: name → [self ns per op, self samples]
  const functions = Object.entries(entries).map(([name, [ns, samples]]) => ({
    key: `${name}\u0000src/a.js`,
    frame: { name, file: 'src/a.js', line: 1, kind: 'user' as const },
    selfNsPerOp: ns,
    totalNsPerOp: ns,
    selfSamples: samples,
  }));
  return {
    ops,
    totalNsPerOp: functions.reduce((s, f) => s + f.selfNsPerOp, 0),
    totalSamples: functions.reduce((s, f) => s + f.selfSamples, 0),
    functions,
  };
}

describe('statistics', () => {
  it('has the right Student t quantiles', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(5)).toBeCloseTo(2.571, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 2);
    expect(tQuantile975(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps identical code (A/A) unchanged at a 2% threshold despite regime switches', () => {
    let flagged = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const report = compare({
        measurements: [measurement('aa', timings(seed, 0))],
        functionTables: {},
        config: config({ thresholds: { benchmark: 0.02, function: 0.05 } }),
        ...REV,
      });
      if (report.benchmarks[0]?.status !== 'unchanged') flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(4);
  });

  it('finds a +5% shift as a regression whose interval holds 5%, and −5% as an improvement', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const up = estimateChange(timings(seed, 0.05));
      expect(up.ci[0]).toBeGreaterThan(0);
      if (up.ci[0] < 0.05 && up.ci[1] > 0.05) covered++;
      const down = estimateChange(timings(seed, -0.05));
      expect(down.change).toBeLessThan(0);
      expect(down.ci[1]).toBeLessThan(0);
    }
    // A 95% interval holds the true change in about 95% of runs.
    expect(covered).toBeGreaterThanOrEqual(180);
    const report = compare({
      measurements: [measurement('up', timings(7, 0.05)), measurement('down', timings(8, -0.05))],
      functionTables: {},
      config: config({ thresholds: { benchmark: 0.02, function: 0.05 } }),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.status)).toEqual(['regressed', 'improved']);
    expect(report.verdict).toBe('fail');
    expect(report.failures?.[0]).toMatch(/bench\/a\.bench\.js > up: .*slower \(95% CI .*\), threshold 2\.0%/);
  });

  it('leaves a real but small change under the threshold unchanged', () => {
    const report = compare({
      measurements: [measurement('small', timings(3, 0.01))],
      functionTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    expect(report.benchmarks[0]?.ci[0]).toBeGreaterThan(0);
    expect(report.verdict).toBe('pass');
  });

  it('says a run cannot resolve its threshold when the interval is wider, and one process gives no interval', () => {
    const noisy = timings(5, 0).map((t, i) => ({
      ...t,
      pairLogRatios: t.pairLogRatios.map((x) => x + (i % 2 ? 0.08 : -0.08)),
    }));
    const report = compare({
      measurements: [measurement('noisy', noisy)],
      functionTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks[0]?.inconclusive).toBe(true);
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    const single = estimateChange(timings(1, 0.1, 1));
    expect(single.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it('tells sampling noise from a real change in sample counts', () => {
    expect(Math.abs(poissonZ(100, 1000, 100, 1000))).toBeLessThan(0.01);
    expect(poissonZ(100, 1000, 200, 1000)).toBeGreaterThan(3);
    expect(poissonZ(2, 1000, 6, 1000)).toBeLessThan(3);
    // Per-op rates: the same count over twice the ops is half the rate.
    expect(poissonZ(200, 1000, 200, 2000)).toBeLessThan(-3);
  });
});

describe('compare rules', () => {
  it('reports added, removed and failed benchmarks; only a failure new on head fails the verdict', () => {
    const solo = { ops: 10, totalNs: 1000 };
    const report = compare({
      measurements: [
        measurement('added', [], {
          present: { base: false, head: true },
          soloTimings: [{ side: 'head', timing: solo }],
        }),
        measurement('removed', [], {
          present: { base: true, head: false },
          soloTimings: [{ side: 'base', timing: solo }],
        }),
        measurement('broken on base', [], { errors: { base: 'Error: old bug' } }),
      ],
      functionTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.status)).toEqual(['added', 'removed', 'failed']);
    expect(report.benchmarks[0]?.head).toEqual({ meanNs: 100, samples: 10 });
    expect(report.benchmarks[0]?.base).toBeNull();
    expect(report.verdict).toBe('pass');
    const broken = compare({
      measurements: [
        measurement('broken on head', timings(1, 0), { errors: { head: 'Error: boom\n at x' } }),
      ],
      functionTables: {},
      config: config(),
      ...REV,
    });
    expect(broken.benchmarks[0]?.status).toBe('failed');
    expect(broken.benchmarks[0]?.error).toContain('Error: boom');
    expect(broken.verdict).toBe('fail');
    expect(broken.failures?.[0]).toMatch(/fails on head \(it passed on base\): Error: boom$/);
  });

  it('applies per-benchmark overrides by task name and by file > name', () => {
    const report = compare({
      measurements: [measurement('parse big', timings(2, 0.05)), measurement('other', timings(3, 0.05))],
      functionTables: {},
      config: config({
        thresholds: { benchmark: 0.02, function: 0.05 },
        overrides: [{ match: 'parse*', thresholds: { benchmark: 0.1 }, skip: false }],
      }),
      ...REV,
    });
    expect(report.benchmarks[0]?.threshold).toBe(0.1);
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    expect(report.benchmarks[1]?.threshold).toBe(0.02);
    expect(report.benchmarks[1]?.status).toBe('regressed');
  });

  it('fails on one function growing past the function threshold even when the benchmark total hides it', () => {
    const key = 'bench/a.bench.js > hidden';
    const base = table({ encode: [500, 500], decode: [500, 500] });
    // encode +100 ns/op (10% of the benchmark), decode −100 ns/op: the total is unchanged.
    const head = table({ encode: [600, 600], decode: [400, 400] });
    const report = compare({
      measurements: [measurement('hidden', timings(4, 0))],
      functionTables: { [key]: { base, head } },
      config: config(),
      ...REV,
    });
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    const encode = report.functions.find((f) => f.name === 'encode');
    expect(encode).toMatchObject({ status: 'regressed', gate: true, deltaNsPerOp: 100 });
    expect(encode?.shareOfBenchmark).toBeCloseTo(0.1);
    expect(report.functions.find((f) => f.name === 'decode')).toMatchObject({ status: 'improved' });
    expect(report.verdict).toBe('fail');
    expect(report.failures?.some((f) => f.includes('encode') && f.includes('function threshold 5.0%'))).toBe(
      true,
    );
  });

  it('does not flag a function seen in a handful of samples, nor an ignored one', () => {
    const key = 'bench/a.bench.js > few';
    const base = table({ main: [950, 950], rare: [2, 2], 'node:lib': [0, 0] });
    const head = table({ main: [950, 950], rare: [60, 6], 'node:lib': [200, 200] });
    const report = compare({
      measurements: [measurement('few', timings(5, 0))],
      functionTables: { [key]: { base, head } },
      config: config({ ignoreFunctions: ['node:*'] }),
      ...REV,
    });
    expect(report.functions.find((f) => f.name === 'rare')?.status).toBe('unchanged');
    expect(report.functions.find((f) => f.name === 'node:lib')).toBeUndefined();
    expect(report.verdict).toBe('pass');
  });

  it('needs the change in most profiling processes: one odd process cannot flag a function alone', () => {
    const key = 'bench/a.bench.js > jit';
    const steady = () => table({ hot: [500, 500], cold: [500, 500] });
    const odd = table({ hot: [800, 800], cold: [500, 500] });
    const pooledHead = table({ hot: [600, 1800], cold: [500, 1500] }, 3000);
    const pooledBase = table({ hot: [500, 1500], cold: [500, 1500] }, 3000);
    const oneOdd = compare({
      measurements: [measurement('jit', timings(6, 0))],
      functionTables: { [key]: { base: pooledBase, head: pooledHead } },
      processTables: { [key]: { base: [steady(), steady(), steady()], head: [odd, steady(), steady()] } },
      config: config(),
      ...REV,
    });
    expect(oneOdd.functions.find((f) => f.name === 'hot')?.gate).toBeUndefined();
    expect(oneOdd.verdict).toBe('pass');
    const everyProcess = compare({
      measurements: [measurement('jit', timings(6, 0))],
      functionTables: { [key]: { base: pooledBase, head: pooledHead } },
      processTables: {
        [key]: {
          base: [steady(), steady(), steady()],
          head: [
            table({ hot: [600, 600], cold: [500, 500] }),
            table({ hot: [600, 600], cold: [500, 500] }),
            table({ hot: [600, 600], cold: [500, 500] }),
          ],
        },
      },
      config: config(),
      ...REV,
    });
    expect(everyProcess.functions.find((f) => f.name === 'hot')).toMatchObject({
      status: 'regressed',
      gate: true,
    });
    expect(everyProcess.verdict).toBe('fail');
  });
});
