// The function statistics on seeded synthetic profiles: sampling (Poisson counts), JIT variance
// between processes, and a ratio measured by paired slices. Identical code must flag nothing; a
// function that grows by 5% of its benchmark must be flagged and come first.
import { describe, expect, it } from 'vitest';
import { compareFunctions, rankFunctions } from '../../src/compare/functions.js';
import { sourceChange } from '../../src/compare/sources.js';
import type { FunctionResult, FunctionTable, ProcessTiming, SourceChanges } from '../../src/model.js';
import { processLogRatio } from '../../src/stats/estimate.js';
import { fnRow, poisson, rng, tailShares } from './compare-fixtures.js';

const FUNCTIONS = 30;
/** True self shares of a benchmark's functions: a few large, a long tail. */
const SHARES = tailShares(FUNCTIONS, 1.5);

interface Scenario {
  seed: number;
  processes?: number;
  samples?: number;
  /** Between-process variation of each function's share (JIT decisions), as a log-normal sigma. */
  jit?: number;
  /** Head-only changes: function index → added share of the benchmark's base time. */
  grow?: Record<number, number>;
  /** One process whose head charges `from`'s samples to `to` (a JIT quirk of that process). */
  quirk?: { process: number; from: number; to: number };
  /** What the timing pass found for the benchmark: 1 regressed, −1 improved. */
  direction?: number;
  /** Indices of functions this PR edited; with it, every other function is known untouched. */
  edited?: number[];
}

function simulate(s: Scenario) {
  const { processes = 4, samples = 2000, jit = 0.04, grow = {} } = s;
  const r = rng(s.seed);
  const headTruth = SHARES.map((share, i) => share + (grow[i] ?? 0));
  const ratio = headTruth.reduce((a, b) => a + b, 0);
  const table = (truth: number[], process: number, side: 'base' | 'head'): FunctionTable => {
    const jittered = truth.map((x) => x * Math.exp(jit * r.normal()));
    if (side === 'head' && s.quirk?.process === process) {
      jittered[s.quirk.to] = (jittered[s.quirk.to] ?? 0) + (jittered[s.quirk.from] ?? 0);
      jittered[s.quirk.from] = 0;
    }
    const total = jittered.reduce((a, b) => a + b, 0);
    const n = side === 'head' ? samples * ratio : samples;
    const counts = jittered.map((x) => poisson((x / total) * n, r.normal, r.uniform));
    const ops = 1000;
    const nsPerSample = 250_000;
    const functions = counts.map((count, i) => ({
      key: `f${i}\u0000src/lib.js`,
      frame: { name: `f${i}`, file: 'src/lib.js', line: 10 * i + 1, kind: 'user' as const },
      selfPerOp: (count * nsPerSample) / ops,
      totalPerOp: (count * nsPerSample) / ops,
      selfSamples: count,
    }));
    const totalSamples = counts.reduce((a, b) => a + b, 0);
    return {
      sampleType: { type: 'wall', unit: 'nanoseconds' },
      ops,
      totalPerOp: (totalSamples * nsPerSample) / ops,
      totalSamples,
      functions,
    };
  };
  const timings: ProcessTiming[] = Array.from({ length: processes }, (_, process) => ({
    process,
    base: { ops: 1000, totalNs: 1e9 },
    head: { ops: 1000, totalNs: 1e9 * ratio },
    pairLogRatios: Array.from({ length: 25 }, () => Math.log(ratio) + 0.02 * r.normal()),
  }));
  return compareFunctions({
    benchmark: 'bench/a.bench.js > a',
    benchmarkFile: 'bench/a.bench.js',
    base: Array.from({ length: processes }, (_, p) => table(SHARES, p, 'base')),
    head: Array.from({ length: processes }, (_, p) => table(headTruth, p, 'head')),
    processRatios: timings.map((t) => Math.exp(processLogRatio(t))),
    functionThreshold: 0.02,
    benchmarkDirection: s.direction ?? 0,
    sourceOf: s.edited
      ? (f) =>
          s.edited?.includes(Number(f.frame.name.slice(1)))
            ? { changed: true, reason: 'edited' }
            : { changed: false, reason: 'unchanged' }
      : undefined,
  });
}

const flagged = (rows: FunctionResult[]) => rows.filter((row) => row.status !== 'unchanged');

describe('function statistics (seeded simulation)', () => {
  it('flags no function on identical code, over 300 simulated runs with JIT variance', () => {
    let flags = 0;
    for (let seed = 1; seed <= 300; seed++) flags += flagged(simulate({ seed }).rows).length;
    expect(flags).toBe(0);
  });

  it('flags no function when one process charges a function to its caller on one side', () => {
    let flags = 0;
    for (let seed = 1; seed <= 100; seed++) {
      flags += flagged(simulate({ seed, quirk: { process: seed % 4, from: 3, to: 1 } }).rows).length;
    }
    expect(flags).toBe(0);
  });

  it('flags a function that grows by 5% of the benchmark, names it first, and nothing else', () => {
    let first = 0;
    let others = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { rows } = simulate({ seed, grow: { 4: 0.05 } });
      if (rows[0]?.name === 'f4' && rows[0].status === 'regressed' && rows[0].gate) first++;
      others += flagged(rows).filter((row) => row.name !== 'f4').length;
    }
    expect(first).toBeGreaterThanOrEqual(98);
    expect(others).toBe(0);
  });

  it('asks less of a function that explains a change the timing pass already found', () => {
    let alone = 0;
    let explaining = 0;
    let wrong = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const scenario = { seed, samples: 1000, grow: { 2: 0.04 } };
      if (simulate(scenario).rows[0]?.status === 'regressed') alone++;
      const { rows } = simulate({ ...scenario, direction: 1 });
      if (rows[0]?.name === 'f2' && rows[0].status === 'regressed') explaining++;
      wrong += flagged(rows).filter((row) => row.name !== 'f2').length;
    }
    expect(explaining).toBeGreaterThan(alone + 20);
    expect(explaining).toBeGreaterThanOrEqual(85);
    expect(wrong).toBeLessThanOrEqual(5);
  });

  it('asks more of a function this PR did not touch, in a benchmark whose time did not move', () => {
    let edited = 0;
    let untouched = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const scenario = { seed, samples: 1500, grow: { 4: 0.03 } };
      if (simulate({ ...scenario, edited: [4] }).rows[0]?.status === 'regressed') edited++;
      if (flagged(simulate({ ...scenario, edited: [] }).rows).some((row) => row.name === 'f4')) untouched++;
    }
    expect(edited).toBeGreaterThan(untouched + 20);
    // The known direction of the benchmark lifts the extra bar: a knock-on effect explaining a change.
    const { rows } = simulate({ seed: 3, samples: 1500, grow: { 4: 0.03 }, edited: [], direction: 1 });
    expect(rows[0]).toMatchObject({ name: 'f4', status: 'regressed' });
  });

  it('reports the evidence and what the table rests on', () => {
    const { rows, noise } = simulate({ seed: 7, grow: { 4: 0.05 } });
    expect(noise?.processes).toBe(4);
    expect(noise?.ratio).toBeCloseTo(1.05, 2);
    expect(noise?.dispersion).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.evidence?.z).toBeGreaterThan(4);
    expect(rows[0]?.evidence?.agreeing).toBe(4);
    // The function deltas add up to the benchmark's change in the attribution pass.
    expect(rows[0]?.shareOfBenchmark).toBeCloseTo(0.05, 1);
  });
});

describe('ranking', () => {
  it('puts a function this PR changed before an unchanged one of similar size', () => {
    const edited = { changed: true, reason: 'edited' } as const;
    const rows = rankFunctions([
      fnRow('b', 'knockOn', 120),
      fnRow('b', 'edited', 80, { source: edited }),
      fnRow('b', 'huge', 400),
      fnRow('b', 'quiet', 10, { status: 'unchanged' }),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['huge', 'edited', 'knockOn', 'quiet']);
  });
});

describe('changed in this PR', () => {
  const sources: SourceChanges = {
    files: {
      'src/lib.js': {
        status: 'modified',
        changedLines: [[14, 15]],
        functions: [
          [1, 30],
          [10, 20],
          [22, 28],
        ],
      },
      'src/new.js': { status: 'added', changedLines: [[1, 9]], functions: [[2, 8]] },
    },
    packages: {
      base: { 'node_modules/fast-xml-parser': '5.3.7', 'node_modules/yaml': '2.9.1' },
      head: { 'node_modules/fast-xml-parser': '5.5.9', 'node_modules/yaml': '2.9.1' },
    },
  };
  const user = (file: string, line: number) => ({ name: 'f', file, line, kind: 'user' as const });
  const dep = (file: string, pkg: string) => ({
    name: 'g',
    file,
    line: 3,
    kind: 'dependency' as const,
    package: pkg,
  });

  it('marks a function whose head line range meets the diff, with its range', () => {
    // The lines the diff touched inside it, where the Action's annotation goes.
    expect(sourceChange(user('src/lib.js', 10), sources)).toEqual({
      changed: true,
      reason: 'edited',
      lines: [10, 20],
      changedLines: [14, 15],
    });
    // The enclosing function contains the edit, but its own body outside the nested one does not move.
    expect(sourceChange(user('src/lib.js', 22), sources)).toEqual({
      changed: false,
      reason: 'unchanged',
      lines: [22, 28],
    });
    expect(sourceChange(user('src/other.js', 5), sources)).toEqual({ changed: false, reason: 'unchanged' });
  });

  it('marks functions of a new file as new, and a function gone from a changed file as the PR doing', () => {
    expect(sourceChange(user('src/new.js', 2), sources)).toEqual({
      changed: true,
      reason: 'new',
      lines: [2, 8],
    });
    expect(sourceChange(user('src/lib.js', 40), sources, false)).toEqual({ changed: true, reason: 'edited' });
  });

  it('names both versions of a dependency whose version changed, also from nested or pnpm folders', () => {
    expect(
      sourceChange(dep('node_modules/fast-xml-parser/src/xmlparser/x.js', 'fast-xml-parser'), sources),
    ).toEqual({
      changed: true,
      reason: 'dependency',
      packageVersions: { base: '5.3.7', head: '5.5.9' },
    });
    expect(sourceChange(dep('node_modules/yaml/dist/compose.js', 'yaml'), sources)).toMatchObject({
      changed: false,
      packageVersions: { base: '2.9.1', head: '2.9.1' },
    });
    const pnpm: SourceChanges = {
      files: {},
      packages: {
        base: { 'node_modules/.pnpm/yaml@2.8.0/node_modules/yaml': '2.8.0' },
        head: { 'node_modules/.pnpm/yaml@2.9.1/node_modules/yaml': '2.9.1' },
      },
    };
    expect(
      sourceChange(dep('node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/a.js', 'yaml'), pnpm),
    ).toEqual({
      changed: true,
      reason: 'dependency',
      packageVersions: { base: '2.8.0', head: '2.9.1' },
    });
  });
});
