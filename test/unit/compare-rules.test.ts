import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { FUNCTION_EVIDENCE } from '../../src/compare/functions.js';
import type { FunctionTable } from '../../src/model.js';
import { config, FILE, measurement, REV, sideProfiles, table, timings } from './compare-fixtures.js';

const key = (name: string) => `${FILE} > ${name}`;

describe('benchmark status', () => {
  it('reports added and removed benchmarks with their solo timings, without failing', () => {
    const report = compare({
      measurements: [
        measurement('added', [], {
          present: { base: false, head: true },
          soloTimings: [
            { side: 'head', timing: { ops: 10, totalNs: 1000 } },
            { side: 'head', timing: { ops: 10, totalNs: 3000 } },
            { side: 'head', timing: { ops: 20, totalNs: 4000 } },
          ],
        }),
        measurement('removed', [], {
          present: { base: true, head: false },
          soloTimings: [{ side: 'base', timing: { ops: 10, totalNs: 1000 } }],
        }),
      ],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.status)).toEqual(['added', 'removed']);
    // Median over processes of ns/op (100, 300, 200), ops summed.
    expect(report.benchmarks[0]?.head).toEqual({ medianNs: 200, meanNs: 200, ops: 40, samples: 40 });
    expect(report.benchmarks[0]?.base).toBeNull();
    expect(report.benchmarks[1]?.base).toEqual({ medianNs: 100, meanNs: 100, ops: 10, samples: 10 });
    expect(report.benchmarks[1]?.head).toBeNull();
    expect(report.verdict).toBe('pass');
    expect(report.failures).toEqual([]);
  });

  it('fails a removed benchmark with its own failure line under thresholds.removed: fail', () => {
    const run = (removed?: 'fail' | 'warn') =>
      compare({
        measurements: [
          measurement('gone', [], { present: { base: true, head: false } }),
          measurement('kept', timings(1, 0)),
        ],
        cpuTables: {},
        config: config({ thresholds: { ...config().thresholds, ...(removed ? { removed } : {}) } }),
        ...REV,
      });
    const failing = run('fail');
    expect(failing.verdict).toBe('fail');
    expect(failing.failures).toEqual([
      `${key('gone')}: removed by this pull request (thresholds.removed: fail)`,
    ]);
    expect(failing.benchmarks[0]?.status).toBe('removed');
    for (const quiet of [run('warn'), run()]) {
      expect(quiet.verdict).toBe('pass');
      expect(quiet.failures).toEqual([]);
      expect(quiet.benchmarks[0]?.status).toBe('removed');
    }
  });

  it('summarises each side as the median ns/op over processes and the total ops', () => {
    const t = timings(1, 0.1);
    const b = compare({ measurements: [measurement('b', t)], cpuTables: {}, config: config(), ...REV })
      .benchmarks[0];
    const perProcess = t.map((p) => p.base.totalNs / p.base.ops).sort((x, y) => x - y);
    expect(b?.base?.medianNs).toBeCloseTo(((perProcess[2] ?? 0) + (perProcess[3] ?? 0)) / 2, 6);
    expect(b?.base?.samples).toBe(t.reduce((s, p) => s + p.base.ops, 0));
    expect(b?.head?.samples).toBe(t.reduce((s, p) => s + p.head.ops, 0));
  });

  it('fails the verdict only for a failure new on head', () => {
    const run = (errors: { base?: string; head?: string }) =>
      compare({
        measurements: [measurement('x', [], { errors })],
        cpuTables: {},
        config: config(),
        ...REV,
      });
    const onHead = run({ head: 'Error: boom\n    at parse (src/a.js:1:1)' });
    expect(onHead.benchmarks[0]?.status).toBe('failed');
    expect(onHead.benchmarks[0]?.error).toContain('Error: boom');
    expect(onHead.verdict).toBe('fail');
    expect(onHead.failures).toEqual([`${key('x')}: fails on head (it passed on base): Error: boom`]);
    expect(onHead.benchmarks[0]?.failures).toEqual(onHead.failures);

    const onBase = run({ base: 'Error: old bug' });
    expect(onBase.benchmarks[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('old bug'),
    });
    expect(onBase.verdict).toBe('pass');

    const onBoth = run({ base: 'Error: old', head: 'Error: new' });
    expect(onBoth.benchmarks[0]?.status).toBe('failed');
    expect(onBoth.benchmarks[0]?.error).toContain('Error: new');
    expect(onBoth.benchmarks[0]?.error).toContain('Error: old');
    expect(onBoth.verdict).toBe('pass');
  });

  it('does not fail for a new benchmark that throws: it never passed on base', () => {
    const report = compare({
      measurements: [measurement('new', [], { present: { base: false, head: true }, errors: { head: 'E' } })],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks[0]?.status).toBe('failed');
    expect(report.verdict).toBe('pass');
  });

  it('writes a one-line reason for a regression, with the interval and the threshold', () => {
    const report = compare({
      measurements: [measurement('up', timings(7, 0.12)), measurement('same', timings(8, 0))],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.status)).toEqual(['regressed', 'unchanged']);
    expect(report.verdict).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.failures?.[0]).toMatch(
      /^bench\/a\.bench\.js > up: 1\d\.\d% slower \(95% CI \+\d+\.\d% … \+\d+\.\d%\), threshold 5\.0%$/,
    );
  });

  it('does not fail on an improvement', () => {
    const report = compare({
      measurements: [measurement('down', timings(9, -0.2))],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    expect(report.benchmarks[0]?.status).toBe('improved');
    expect(report.verdict).toBe('pass');
  });
});

describe('per-benchmark overrides', () => {
  it('match the task name or `file > name`; the first match wins', () => {
    const report = compare({
      measurements: [
        measurement('parse big', timings(2, 0.05)),
        measurement('parse small', timings(3, 0.05)),
        measurement('other', timings(4, 0.05)),
      ],
      cpuTables: {},
      config: config({
        thresholds: { benchmark: 0.02, function: 0.05 },
        overrides: [
          { match: `${FILE} > parse small`, thresholds: { function: 0.2 }, skip: false },
          { match: 'parse*', thresholds: { benchmark: 0.1 }, skip: false },
        ],
      }),
      ...REV,
    });
    const [big, small, other] = report.benchmarks;
    expect(big).toMatchObject({ threshold: 0.1, functionThreshold: 0.05, status: 'unchanged' });
    // The first matching override only sets the function threshold: the benchmark's stays the default.
    expect(small).toMatchObject({ threshold: 0.02, functionThreshold: 0.2, status: 'regressed' });
    expect(other).toMatchObject({ threshold: 0.02, status: 'regressed' });
  });

  it('leave skipped benchmarks out of the report and the verdict', () => {
    const report = compare({
      measurements: [measurement('flaky', timings(2, 0.5)), measurement('kept', timings(3, 0))],
      cpuTables: {},
      config: config({ overrides: [{ match: 'flak*', thresholds: {}, skip: true }] }),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.name)).toEqual(['kept']);
    expect(report.verdict).toBe('pass');
  });

  it('skip by the first match too: an earlier rule that does not skip keeps the benchmark', () => {
    const report = compare({
      measurements: [measurement('parse big', timings(2, 0.05)), measurement('other', timings(3, 0))],
      cpuTables: {},
      config: config({
        thresholds: { benchmark: 0.02, function: 0.05 },
        overrides: [
          { match: 'parse*', thresholds: { benchmark: 0.1 }, skip: false },
          { match: '*', thresholds: {}, skip: true },
        ],
      }),
      ...REV,
    });
    expect(report.benchmarks.map((b) => b.name)).toEqual(['parse big']);
    expect(report.benchmarks[0]).toMatchObject({ threshold: 0.1, status: 'unchanged' });
  });
});

describe('functions', () => {
  const run = (
    name: string,
    base: FunctionTable,
    head: FunctionTable,
    patch: Parameters<typeof config>[0] = {},
  ) =>
    compare({
      measurements: [measurement(name, timings(4, 0))],
      // Two profiling processes that agree: one process alone never flags a function.
      cpuTables: { [key(name)]: sideProfiles([base, base], [head, head]) },
      config: config(patch),
      ...REV,
    });

  it('fail the gate when one function grows past the function threshold, even with the total unchanged', () => {
    const base = table({ encode: [500, 500], decode: [500, 500] });
    // encode +100 ns/op (10% of the benchmark), decode −100 ns/op: the total does not move.
    const head = table({ encode: [600, 600], decode: [400, 400] });
    const report = run('hidden', base, head);
    expect(report.benchmarks[0]?.status).toBe('unchanged');
    const encode = report.functions.find((f) => f.name === 'encode');
    expect(encode).toMatchObject({
      benchmark: key('hidden'),
      benchmarkFile: FILE,
      status: 'regressed',
      gate: true,
      deltaNsPerOp: 100,
      baseSelfNsPerOp: 500,
      headSelfNsPerOp: 600,
      file: 'src/a.js',
      line: 7,
      kind: 'user',
    });
    expect(encode?.change).toBeCloseTo(0.2);
    expect(encode?.shareOfBenchmark).toBeCloseTo(0.1);
    expect(report.functions.find((f) => f.name === 'decode')).toMatchObject({ status: 'improved' });
    expect(report.functions.find((f) => f.name === 'decode')?.gate).toBeUndefined();
    expect(report.verdict).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.failures?.[0]).toBe(
      `${key('hidden')}: encode (src/a.js:7) self time +100 ns/op, +10.0% of the benchmark's base time per op, function threshold 5.0%`,
    );
    expect(report.benchmarks[0]?.failures).toEqual(report.failures);
  });

  it('flag no function from a single profiling process, however large its change', () => {
    const base = table({ encode: [500, 500], decode: [500, 500] });
    const head = table({ encode: [600, 600], decode: [400, 400] });
    const report = compare({
      measurements: [measurement('alone', timings(4, 0))],
      cpuTables: { [key('alone')]: sideProfiles([base], [head]) },
      config: config(),
      ...REV,
    });
    const encode = report.functions.find((f) => f.name === 'encode');
    expect(encode).toMatchObject({ status: 'unchanged', deltaNsPerOp: 100, evidence: { processes: 1 } });
    expect(encode?.gate).toBeUndefined();
    expect(report.verdict).toBe('pass');
  });

  it('pass a growth under the function threshold, still reported as regressed', () => {
    const base = table({ encode: [500, 20_000], decode: [500, 20_000] });
    const head = table({ encode: [540, 21_600], decode: [500, 20_000] });
    const report = run('mild', base, head);
    expect(report.functions[0]).toMatchObject({ name: 'encode', status: 'regressed' });
    expect(report.functions[0]?.gate).toBeUndefined();
    expect(report.verdict).toBe('pass');
  });

  it('honour an override of the function threshold', () => {
    const base = table({ encode: [500, 500], decode: [500, 500] });
    const head = table({ encode: [600, 600], decode: [400, 400] });
    const report = run('loose', base, head, {
      overrides: [{ match: 'loose', thresholds: { function: 0.2 }, skip: false }],
    });
    expect(report.functions.find((f) => f.name === 'encode')?.gate).toBeUndefined();
    expect(report.verdict).toBe('pass');
  });

  it('report added and removed functions, and gate an added one that costs enough', () => {
    const base = table({ main: [900, 900], old: [100, 100] });
    const head = table({ main: [900, 900], fresh: [150, 150] });
    const report = run('swap', base, head);
    const fresh = report.functions.find((f) => f.name === 'fresh');
    const old = report.functions.find((f) => f.name === 'old');
    expect(fresh).toMatchObject({ status: 'added', change: 1, baseSelfNsPerOp: 0, gate: true });
    expect(old).toMatchObject({ status: 'removed', change: -1, headSelfNsPerOp: 0 });
    expect(report.functions.map((f) => f.name)).toEqual(['fresh', 'old', 'main']);
    expect(report.verdict).toBe('fail');
  });

  it('do not flag a function seen in a handful of samples', () => {
    // 2 → 6 samples is a tripling of self time, and 4% of the benchmark, but sampling noise can do that.
    const base = table({ main: [950, 95], rare: [20, 2] });
    const head = table({ main: [950, 95], rare: [60, 6] });
    const report = run('few', base, head);
    expect(report.functions.find((f) => f.name === 'rare')?.status).toBe('unchanged');
    expect(report.verdict).toBe('pass');
  });

  it('do not flag a significant change below the noise floor of the benchmark', () => {
    // Many samples make +0.3% of the benchmark significant, but it is below the 1% floor.
    const base = table({ main: [1000, 100_000], tiny: [10, 1000] }, 100);
    const head = table({ main: [1000, 100_000], tiny: [13, 1300] }, 100);
    expect(FUNCTION_EVIDENCE.minShare).toBe(0.01);
    expect(run('floor', base, head).functions.find((f) => f.name === 'tiny')?.status).toBe('unchanged');
  });

  it('leave out functions matched by ignoreFunctions, by name or by file', () => {
    const base = table({ main: [900, 900], 'gc@': [0, 0], 'helper@src/vendor/x.js': [50, 50] });
    const head = table({ main: [900, 900], 'gc@': [300, 300], 'helper@src/vendor/x.js': [200, 200] });
    const report = run('ignored', base, head, { ignoreFunctions: ['gc', 'src/vendor/**'] });
    expect(report.functions.map((f) => f.name)).toEqual(['main']);
    expect(report.verdict).toBe('pass');
  });

  it('sort changed functions by the size of their change', () => {
    const base = table({ a: [100, 1000], b: [100, 1000], c: [500, 5000], d: [300, 3000] });
    const head = table({ a: [160, 1600], b: [40, 400], c: [700, 7000], d: [300, 3000] });
    const report = run('sorted', base, head);
    const changed = report.functions.filter((f) => f.status !== 'unchanged');
    expect(changed.map((f) => f.name)).toEqual(['c', 'a', 'b']);
  });

  it('need the change in most profiling processes: one odd process cannot flag a function alone', () => {
    const name = 'jit';
    const steady = () => table({ hot: [500, 500], cold: [500, 500] });
    const withProcesses = (head: FunctionTable[]) =>
      compare({
        measurements: [measurement(name, timings(6, 0))],
        cpuTables: { [key(name)]: sideProfiles([steady(), steady(), steady()], head) },
        config: config(),
        ...REV,
      });
    const oneOdd = withProcesses([table({ hot: [800, 800], cold: [500, 500] }), steady(), steady()]);
    expect(oneOdd.functions.find((f) => f.name === 'hot')?.gate).toBeUndefined();
    expect(oneOdd.verdict).toBe('pass');
    const slower = () => table({ hot: [600, 600], cold: [500, 500] });
    const everyProcess = withProcesses([slower(), slower(), slower()]);
    expect(everyProcess.functions.find((f) => f.name === 'hot')).toMatchObject({
      status: 'regressed',
      gate: true,
    });
    expect(everyProcess.verdict).toBe('fail');
  });

  it('are not compared for a benchmark that failed or has only one side profiled', () => {
    const base = table({ f: [100, 100] });
    const head = table({ f: [900, 900] });
    const report = compare({
      measurements: [
        measurement('broken', [], { errors: { head: 'E' } }),
        measurement('half', timings(1, 0)),
      ],
      cpuTables: {
        [key('broken')]: sideProfiles([base], [head]),
        [key('half')]: { head: sideProfiles([head], [head]).head },
      },
      config: config(),
      ...REV,
    });
    expect(report.functions).toEqual([]);
  });
});
