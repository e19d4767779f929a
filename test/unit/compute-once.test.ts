// Things computed in one place: the thresholds a benchmark gets (override resolution) and what
// "changed" means for the comment, the flame-graph sections and whether a sticky comment is created.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { thresholdsFor } from '../../src/config/overrides.js';
import type { BenchmarkResult, Report } from '../../src/model.js';
import { changedBenchmarkKeys, reportHasChanges } from '../../src/report/changes.js';
import { functionRow } from '../helpers/function-row.js';

describe('thresholdsFor', () => {
  const config = {
    ...DEFAULT_CONFIG,
    thresholds: { ...DEFAULT_CONFIG.thresholds, benchmark: 5, function: 2, allocations: 10 },
    overrides: [
      { match: 'parse*', thresholds: { benchmark: 20 }, skip: false },
      { match: 'parse records', thresholds: { benchmark: 1, function: 1 }, skip: false },
    ],
  };
  it('puts the first matching override on top of the config, keeping what it does not set', () => {
    const t = thresholdsFor(config, { file: 'bench/a.bench.js', name: 'parse records' });
    expect(t.benchmark).toBe(20);
    expect(t.function).toBe(2);
    expect(t.allocations).toBe(10);
  });
  it('gives the config’s thresholds to a benchmark no override matches', () => {
    expect(thresholdsFor(config, { file: 'bench/a.bench.js', name: 'dump' })).toEqual(config.thresholds);
  });
});

function bench(
  name: string,
  status: BenchmarkResult['status'],
  extra: Partial<BenchmarkResult> = {},
): BenchmarkResult {
  return {
    name,
    file: 'bench/records.bench.js',
    status,
    base: { meanNs: 1000, medianNs: 1000, ops: 10, samples: 10 },
    head: { meanNs: 1000, medianNs: 1000, ops: 10, samples: 10 },
    change: 0,
    ci: [-0.01, 0.01],
    threshold: 5,
    ...extra,
  };
}

function report(benchmarks: BenchmarkResult[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'HEAD', sha: 'b'.repeat(40) },
    benchmarks,
    functions: [],
    ...extra,
  } as Report;
}

describe('what changed', () => {
  it('is nothing on a report where every row is unchanged', () => {
    const r = report([bench('parse records', 'unchanged')], {
      functions: [functionRow('slowPath', 'src/records.js', 0, 'unchanged')],
    });
    expect(changedBenchmarkKeys(r)).toEqual({ time: new Set(), memory: new Set() });
    expect(reportHasChanges(r)).toBe(false);
  });
  it('counts a benchmark whose function moved though its own time did not, as a time change', () => {
    const r = report([bench('parse records', 'unchanged')], {
      functions: [functionRow('slowPath', 'src/records.js', 2, 'regressed')],
    });
    expect([...changedBenchmarkKeys(r).time]).toEqual(['bench/records.bench.js > parse records']);
    expect(reportHasChanges(r)).toBe(true);
  });
  it('counts a benchmark whose bytes per op moved as a memory change, and the run as having changes', () => {
    const memory = {
      baseBytesPerOp: 100,
      headBytesPerOp: 200,
      change: 1,
      ci: [0.9, 1.1] as [number, number],
      status: 'regressed' as const,
      threshold: 10,
      baseGcShare: 0,
      headGcShare: 0,
    };
    const r = report([bench('parse records', 'unchanged', { memory } as Partial<BenchmarkResult>)]);
    const keys = changedBenchmarkKeys(r);
    expect(keys.time.size).toBe(0);
    expect([...keys.memory]).toEqual(['bench/records.bench.js > parse records']);
    expect(reportHasChanges(r)).toBe(true);
  });
  it('counts a failed benchmark as a time change', () => {
    const r = report([bench('parse records', 'failed', { failures: ['head: threw'] })]);
    expect(changedBenchmarkKeys(r).time.size).toBe(1);
  });
});
