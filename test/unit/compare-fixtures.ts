// Synthetic measurements for the compare and report tests: seeded, so every run sees the same data.
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type {
  BenchmarkMeasurement,
  BenchmarkResult,
  Config,
  FunctionResult,
  FunctionTable,
  ProcessTiming,
  Report,
  SampleType,
} from '../../src/model.js';

/** mulberry32 and a Box-Muller normal deviate. */
export function rng(seed: number) {
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

export interface TimingOptions {
  processes?: number;
  /** Time per side per process, ms. */
  timeMs?: number;
  sliceMs?: number;
  /** Standard deviation of one process's own bias (JIT, layout), as a fraction. */
  processBias?: number;
  /** Standard deviation of one slice's jitter, as a fraction. */
  sliceJitter?: number;
  /** Base ns per op at full speed. */
  nsPerOp?: number;
}

/**
 * Timing as these machines produce it: the machine runs at 1x or 2x speed for stretches of 0.3 to
 * 5 s, switching at any moment (also between the two slices of a pair); each process has its own
 * bias; each slice has jitter. Slices alternate in ABBA order across processes. `shift` is the true
 * head/base − 1.
 */
export function timings(seed: number, shift: number, options: TimingOptions = {}): ProcessTiming[] {
  const {
    processes = 6,
    timeMs = 2000,
    sliceMs = 5,
    processBias = 0.015,
    sliceJitter = 0.03,
    nsPerOp = 1000,
  } = options;
  const r = rng(seed);
  let regime = r.uniform() < 0.5 ? 1 : 2;
  let untilSwitchMs = 300 + 4700 * r.uniform();
  const advance = (ms: number) => {
    untilSwitchMs -= ms;
    if (untilSwitchMs <= 0) {
      regime = regime === 1 ? 2 : 1;
      untilSwitchMs = 300 + 4700 * r.uniform();
    }
  };
  return Array.from({ length: processes }, (_, process) => {
    const bias = processBias * r.normal();
    const base = { ops: 0, totalNs: 0 };
    const head = { ops: 0, totalNs: 0 };
    const pairLogRatios: number[] = [];
    const slice = (side: 'base' | 'head') => {
      const truth = nsPerOp * (side === 'head' ? (1 + shift) * (1 + bias) : 1);
      const ns = truth * regime * (1 + sliceJitter * r.normal());
      const ops = Math.max(1, Math.round((sliceMs * 1e6) / ns));
      const into = side === 'base' ? base : head;
      into.ops += ops;
      into.totalNs += ops * ns;
      advance(sliceMs);
      return ns;
    };
    const pairs = Math.round(timeMs / sliceMs);
    for (let i = 0; i < pairs; i++) {
      if (process % 2 === 0) {
        const b = slice('base');
        const h = slice('head');
        pairLogRatios.push(Math.log(h / b));
      } else {
        const h = slice('head');
        const b = slice('base');
        pairLogRatios.push(Math.log(h / b));
      }
    }
    return { process, base, head, pairLogRatios };
  });
}

export const FILE = 'bench/a.bench.js';

export function measurement(
  name: string,
  t: ProcessTiming[],
  extra: Partial<BenchmarkMeasurement> = {},
): BenchmarkMeasurement {
  return {
    id: { file: FILE, name },
    slug: name,
    present: { base: true, head: true },
    timings: t,
    soloTimings: [],
    errors: {},
    profiles: {},
    ...extra,
  };
}

export const REV = {
  base: { ref: 'main', sha: 'a'.repeat(40) },
  head: { ref: 'feature', sha: 'b'.repeat(40) },
};

export function config(patch: Partial<Config> = {}): Config {
  return { ...DEFAULT_CONFIG, ...patch };
}

/**
 * A function table from name → [self value per op, self samples] (file `src/a.js` unless
 * `name@file`): ns per op of a wall-time profile unless `sampleType` says otherwise.
 */
export function table(
  entries: Record<string, [number, number]>,
  ops = 1000,
  sampleType: SampleType = { type: 'wall', unit: 'nanoseconds' },
): FunctionTable {
  const functions = Object.entries(entries).map(([spec, [value, samples]]) => {
    const [name = spec, file = 'src/a.js'] = spec.split('@');
    return {
      key: `${name}\u0000${file}`,
      frame: { name, file, line: 7, kind: 'user' as const },
      selfPerOp: value,
      totalPerOp: value,
      selfSamples: samples,
    };
  });
  return {
    sampleType,
    ops,
    totalPerOp: functions.reduce((s, f) => s + f.selfPerOp, 0),
    totalSamples: functions.reduce((s, f) => s + f.selfSamples, 0),
    functions,
  };
}

/** What the profile stage hands compare: one table per profiling process and side. */
export function sideProfiles(base: FunctionTable[], head: FunctionTable[]) {
  return { base: { processes: base }, head: { processes: head } };
}

// ------------------------------------------------------------ report fixtures

export const SHA = { base: 'a'.repeat(40), head: 'b'.repeat(40) };

export function bench(name: string, status: BenchmarkResult['status'], change = 0): BenchmarkResult {
  return {
    name,
    file: FILE,
    status,
    base: { medianNs: 1000, meanNs: 1000, ops: 100, samples: 100 },
    head: { medianNs: 1000 * (1 + change), meanNs: 1000 * (1 + change), ops: 100, samples: 100 },
    change,
    ci: [change - 0.01, change + 0.01],
    threshold: 0.05,
  };
}

export function fnRow(
  benchmark: string,
  name: string,
  delta: number,
  extra: Partial<FunctionResult> = {},
): FunctionResult {
  return {
    benchmark,
    name,
    file: 'src/lib.js',
    line: 12,
    baseSelfNsPerOp: 100,
    headSelfNsPerOp: 100 + delta,
    deltaNsPerOp: delta,
    change: delta / 100,
    status: delta > 0 ? 'regressed' : 'improved',
    kind: 'user',
    shareOfBenchmark: delta / 1000,
    ...extra,
  };
}

export function report(
  benchmarks: BenchmarkResult[],
  functions: FunctionResult[] = [],
  verdict: Report['verdict'] = 'pass',
): Report {
  return {
    schemaVersion: 1,
    verdict,
    base: { ref: 'main', sha: SHA.base },
    head: { ref: 'feature', sha: SHA.head },
    benchmarks,
    functions,
    failures:
      verdict === 'fail' ? [`${FILE} > slow: 20.0% slower (95% CI +19.0% … +21.0%), threshold 5.0%`] : [],
    settings: { processes: 6, timePerProcessMs: 2000, profileMs: 1000, node: 'v20.19.0' },
  };
}

/** True shares of a benchmark's time or bytes over `count` functions: a few large, a long tail. */
export function tailShares(count: number, offset: number): number[] {
  const raw = Array.from({ length: count }, (_, i) => 1 / (i + offset));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

/** A Poisson count of mean `mean` (a normal approximation above 30), from the given generators. */
export function poisson(mean: number, normal: () => number, uniform: () => number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  let k = 0;
  let p = 1;
  const limit = Math.exp(-mean);
  for (;;) {
    p *= uniform();
    if (p <= limit) return k;
    k++;
  }
}
