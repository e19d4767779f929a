// The allocation statistics and the memory gate on seeded synthetic data: the collector's books per
// slice (with JIT variance between processes) and heap profiler samples (Poisson counts). Identical
// code must flag nothing; one function allocating 15% more of the benchmark's bytes must make the
// benchmark regress on memory, be named first, and fail the check even when time is unchanged.
import { describe, expect, it } from 'vitest';
import { compareAllocations, DEFAULT_ALLOCATION_THRESHOLD } from '../../src/compare/allocations.js';
import { compare } from '../../src/compare/compare.js';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/config.js';
import type {
  AllocationResult,
  BenchmarkMeasurement,
  FunctionTable,
  ProcessAllocation,
} from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { poisson, rng, tailShares, timings } from './compare-fixtures.js';

const INTERVAL = 16_384;
const FUNCTIONS = 25;
/** True shares of a benchmark's allocated bytes per function: a few large, a long tail. */
const SHARES = tailShares(FUNCTIONS, 1.2);

interface Scenario {
  seed: number;
  processes?: number;
  /** Base bytes per op. */
  bytesPerOp?: number;
  /** Ops per side per process. */
  ops?: number;
  /** Head-only growth: function index → added share of the benchmark's base bytes. */
  grow?: Record<number, number>;
  /** Between-process variation of a function's bytes (a value boxed in one tier, not another). */
  jit?: number;
}

function simulate(s: Scenario) {
  const { processes = 3, bytesPerOp = 270_000, ops = 150, grow = {}, jit = 0.01 } = s;
  const r = rng(s.seed);
  const headTruth = SHARES.map((share, i) => share + (grow[i] ?? 0));
  const table = (truth: number[]): FunctionTable => {
    const jittered = truth.map((x) => x * Math.exp(jit * r.normal()));
    const functions = jittered.map((share, i) => {
      const samples = poisson((share * bytesPerOp * ops) / INTERVAL, r.normal, r.uniform);
      const bytes = (samples * INTERVAL) / ops;
      return {
        key: `f${i}\u0000lib/loader.js`,
        frame: { name: `f${i}`, file: 'lib/loader.js', line: 10 * i + 1, kind: 'user' as const },
        selfPerOp: bytes,
        totalPerOp: bytes,
        selfSamples: samples,
      };
    });
    const total = functions.reduce((a, f) => a + f.selfPerOp, 0);
    return {
      sampleType: { type: 'alloc_space', unit: 'bytes' },
      ops,
      totalPerOp: total,
      totalSamples: functions.reduce((a, f) => a + f.selfSamples, 0),
      functions,
    };
  };
  const headBytes = headTruth.reduce((a, b) => a + b, 0);
  const allocations: ProcessAllocation[] = Array.from({ length: processes }, (_, process) => {
    // Each process has its own small bias; each slice pair its own jitter (harness, GC timing).
    const bias = 0.004 * r.normal();
    const pairs = Array.from({ length: 12 }, () => Math.log(headBytes) + bias + 0.01 * r.normal());
    const side = (bytes: number) => ({
      ops,
      bytes: bytes * bytesPerOp * ops,
      gcNs: 1e7 * (1 + 0.3 * r.uniform()),
      wallNs: 3e8,
    });
    return { process, base: side(1), head: side(headBytes * Math.exp(bias)), pairLogRatios: pairs };
  });
  return {
    allocations,
    base: Array.from({ length: processes }, () => table(SHARES)),
    head: Array.from({ length: processes }, () => table(headTruth)),
  };
}

const run = (s: Scenario, threshold = DEFAULT_ALLOCATION_THRESHOLD) => {
  const data = simulate(s);
  return compareAllocations({
    benchmark: 'bench/yaml.bench.mjs > load',
    benchmarkFile: 'bench/yaml.bench.mjs',
    ...data,
    samplingIntervalBytes: INTERVAL,
    threshold,
  });
};
const flagged = (rows: AllocationResult[]) => rows.filter((r) => r.status !== 'unchanged');

describe('allocation statistics (seeded simulation)', () => {
  it('flags nothing on identical code: neither bytes/op nor a function, over 300 runs', () => {
    let memoryFlags = 0;
    let functionFlags = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { memory, rows } = run({ seed });
      if (memory?.status !== 'unchanged') memoryFlags++;
      functionFlags += flagged(rows).length;
    }
    expect(memoryFlags).toBe(0);
    expect(functionFlags).toBe(0);
  });

  it('finds 15% more bytes in one function, names it first and flags nothing else', () => {
    let regressed = 0;
    let first = 0;
    let others = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { memory, rows } = run({ seed, grow: { 3: 0.15 } });
      if (memory?.status === 'regressed') regressed++;
      if (rows[0]?.name === 'f3' && rows[0].status === 'regressed') first++;
      others += flagged(rows).filter((r) => r.name !== 'f3').length;
    }
    expect(regressed).toBe(100);
    expect(first).toBe(100);
    expect(others).toBe(0);
  });

  it('reports bytes per op, the interval, GC shares and the function rows in bytes', () => {
    const { memory, rows } = run({ seed: 3, grow: { 3: 0.15 } });
    expect(memory?.baseBytesPerOp).toBeCloseTo(270_000, -3);
    expect(memory?.change).toBeGreaterThan(0.13);
    expect(memory?.change).toBeLessThan(0.17);
    expect(memory?.ci[0]).toBeGreaterThan(0.1);
    expect(memory?.processes).toBe(3);
    expect(memory?.baseGcShare).toBeGreaterThan(0.03);
    expect(memory?.baseGcShare).toBeLessThan(0.05);
    // The function's growth in bytes: 15% of 270 KB.
    expect(rows[0]?.deltaBytesPerOp).toBeGreaterThan(0.12 * 270_000);
    expect(rows[0]?.deltaBytesPerOp).toBeLessThan(0.18 * 270_000);
  });

  it('shares major collections out by bytes allocated, whichever side triggered them', () => {
    const side = (gcNs: number, majorGcNs: number) => ({
      ops: 100,
      bytes: 1e8,
      gcNs,
      majorGcNs,
      wallNs: 3e8,
    });
    const { memory } = compareAllocations({
      benchmark: 'b',
      benchmarkFile: 'b.bench.js',
      // Base's slices happened to trigger both major collections (60 ms); minor GC 9 ms on each side.
      allocations: [
        { process: 0, base: side(9e6 + 6e7, 6e7), head: side(9e6, 0), pairLogRatios: [0, 0.001, -0.001] },
        { process: 1, base: side(9e6, 0), head: side(9e6, 0), pairLogRatios: [0, 0.001, -0.001] },
      ],
      samplingIntervalBytes: INTERVAL,
      threshold: 0.1,
    });
    // (9 + 30) ms of 300 ms in process 0 and 9 of 300 in process 1, on both sides: 8%.
    expect(memory?.baseGcShare).toBeCloseTo(0.08, 5);
    expect(memory?.headGcShare).toBeCloseTo(0.08, 5);
  });

  it('counts collections at their median duration, so one preempted collection does not decide', () => {
    const side = (minor: number[]) => ({
      ops: 100,
      bytes: 1e8,
      gcNs: minor.reduce((a, b) => a + b, 0),
      majorGcNs: 0,
      wallNs: 3e8,
      minorGcDurationsNs: minor,
      majorGcDurationsNs: [],
    });
    const ten = (ns: number) => Array.from({ length: 10 }, () => ns);
    const { memory } = compareAllocations({
      benchmark: 'b',
      benchmarkFile: 'b.bench.js',
      // Ten 1 ms scavenges per side; one of head's was preempted for 200 ms.
      allocations: [
        {
          process: 0,
          base: side(ten(1e6)),
          head: side([...ten(1e6).slice(1), 2e8]),
          pairLogRatios: [0, 0.001],
        },
        { process: 1, base: side(ten(1e6)), head: side(ten(1e6)), pairLogRatios: [0, 0.001] },
      ],
      samplingIntervalBytes: INTERVAL,
      threshold: 0.1,
    });
    expect(memory?.baseGcShare).toBeCloseTo(20e6 / 6e8, 5);
    expect(memory?.headGcShare).toBeCloseTo(20e6 / 6e8, 5);
  });

  it('leaves growth under the threshold unchanged, and calls a drop improved', () => {
    expect(run({ seed: 5, grow: { 0: 0.05 } }).memory?.status).toBe('unchanged');
    expect(run({ seed: 5, grow: { 0: -0.2 } }).memory?.status).toBe('improved');
  });

  it('flags no change of less than a byte per op, whatever its percentage (the harness, not the code)', () => {
    // A function that allocates nothing, slowed threefold: the harness's bytes per op triple.
    const tiny = run({ seed: 6, bytesPerOp: 0.05, grow: { 0: 2 } });
    expect(tiny.memory?.change).toBeGreaterThan(1);
    expect(tiny.memory?.status).toBe('unchanged');
    // The same growth from a benchmark of a few bytes per op is flagged.
    const small = run({ seed: 6, bytesPerOp: 8, grow: { 0: 2 } });
    expect(small.memory?.change).toBeGreaterThan(1);
    expect(small.memory?.status).toBe('regressed');
  });
});

describe('the memory gate', () => {
  const measurement = (seed: number, grow: Record<number, number>): BenchmarkMeasurement => ({
    id: { file: 'bench/yaml.bench.mjs', name: 'load' },
    slug: '000-load',
    present: { base: true, head: true },
    timings: timings(seed, 0),
    soloTimings: [],
    errors: {},
    profiles: {},
    allocations: simulate({ seed, grow }).allocations,
  });
  const revision = { ref: 'main', sha: 'a'.repeat(40) };

  it('fails the check when bytes/op grew past the threshold while time is unchanged, and says so', () => {
    const data = simulate({ seed: 11, grow: { 3: 0.15 } });
    const report = compare({
      measurements: [measurement(11, { 3: 0.15 })],
      cpuTables: {},
      allocationTables: {
        'bench/yaml.bench.mjs > load': { base: { processes: data.base }, head: { processes: data.head } },
      },
      config: DEFAULT_CONFIG,
      base: revision,
      head: revision,
    });
    const load = report.benchmarks[0];
    expect(load?.status).toBe('unchanged');
    expect(load?.memory?.status).toBe('regressed');
    expect(report.verdict).toBe('fail');
    expect(report.failures?.[0]).toMatch(
      /load: allocates \d+\.\d% more bytes per op .* while its time is unchanged, allocation threshold 10\.0%/,
    );
    expect(report.allocations?.[0]?.name).toBe('f3');
  });

  it('gives the comment a memory column, the reason and the functions that allocate more', () => {
    const data = simulate({ seed: 11, grow: { 3: 0.15 } });
    const report = compare({
      measurements: [measurement(11, { 3: 0.15 })],
      cpuTables: {},
      allocationTables: {
        'bench/yaml.bench.mjs > load': { base: { processes: data.base }, head: { processes: data.head } },
      },
      config: DEFAULT_CONFIG,
      base: revision,
      head: revision,
    });
    const text = renderMarkdown(report);
    expect(text).toMatch(/\| Benchmark .*\| Memory .*\| Status/);
    expect(text).toMatch(/\+1\d\.\d% 🔴 \d+ KiB → \d+ KiB\/op · GC \d/);
    expect(text).toContain('⛔ allocations');
    expect(text).toContain('1 benchmark allocating more per op');
    expect(text).toMatch(/1 function allocating differently/);
    expect(text).toMatch(
      /\| `f3`\s+\| `lib\/loader\.js`\s+\|\s+[\d.]+ KiB\s+\|\s+[\d.]+ KiB\s+\|\s+\+[\d.]+ KiB\s+\|\s+\+1\d\.\d% \| 🔴 more/,
    );
  });

  it('takes the per-benchmark override of thresholds.allocations', () => {
    const report = compare({
      measurements: [measurement(11, { 3: 0.15 })],
      cpuTables: {},
      config: {
        ...DEFAULT_CONFIG,
        overrides: [{ match: 'load', thresholds: { allocations: 0.3 }, skip: false }],
      },
      base: revision,
      head: revision,
    });
    expect(report.benchmarks[0]?.memory?.threshold).toBe(0.3);
    expect(report.benchmarks[0]?.memory?.status).toBe('unchanged');
    expect(report.verdict).toBe('pass');
  });

  it('leaves the report without memory when the allocation pass is off', () => {
    const m = measurement(11, {});
    delete m.allocations;
    const report = compare({
      measurements: [m],
      cpuTables: {},
      config: DEFAULT_CONFIG,
      base: revision,
      head: revision,
    });
    expect(report.benchmarks[0]?.memory).toBeUndefined();
    expect(report.allocations).toBeUndefined();
  });
});

describe('allocation config keys', () => {
  it('reads thresholds.allocations, its overrides and the pass budget', () => {
    const config = parseConfig(
      [
        'thresholds: { allocations: 15% }',
        'overrides:',
        '  - match: "load"',
        '    thresholds: { allocations: 0.3 }',
        'budget: { allocationProcesses: 0, allocationMs: 200, allocationIntervalBytes: 65536 }',
      ].join('\n'),
      'flamegate.yml',
    );
    expect(config.thresholds.allocations).toBeCloseTo(0.15);
    expect(config.overrides[0]?.thresholds.allocations).toBe(0.3);
    expect(config.budget.allocationProcesses).toBe(0);
    expect(config.budget.allocationIntervalBytes).toBe(65536);
    expect(parseConfig('{}', 'x').thresholds.allocations).toBe(DEFAULT_ALLOCATION_THRESHOLD);
  });

  it('names a bad allocation threshold', () => {
    expect(() => parseConfig('thresholds: { allocations: 20 }', 'flamegate.yml')).toThrow(
      /"thresholds\.allocations" = 20: must be a fraction from 0 to 1 or a percentage/,
    );
  });
});
