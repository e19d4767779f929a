import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/config/config.js';
import { mergeShards, type ShardResult } from '../../src/merge/merge.js';
import type { BenchmarkMeasurement, BenchmarkResult, Report, SamplingSummary } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { UsageError } from '../../src/settings.js';
import { readStacks, writeStacks } from '../../src/shard/record.js';
import { selectShard } from '../../src/shard/select.js';
import { packProfile } from '../helpers/stacks.js';

const HEAP = { type: 'alloc_space', unit: 'bytes' };

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

function measurement(name: string): BenchmarkMeasurement {
  return {
    id: { file: `bench/${name}.bench.js`, name },
    slug: name,
    present: { base: true, head: true },
    timings: [],
    soloTimings: [],
    errors: {},
    profiles: {},
  };
}

function result(name: string, regressed: boolean): BenchmarkResult {
  const key = `bench/${name}.bench.js > ${name}`;
  return {
    name,
    file: `bench/${name}.bench.js`,
    status: regressed ? 'regressed' : 'unchanged',
    base: { meanNs: 100, medianNs: 100, ops: 10, samples: 10 },
    head: { meanNs: regressed ? 150 : 100, medianNs: regressed ? 150 : 100, ops: 10, samples: 10 },
    change: regressed ? 0.5 : 0,
    ci: [0, 0],
    threshold: 0.05,
    ...(regressed ? { failures: [`${key}: 50% slower`] } : {}),
  };
}

/** The shard reports a run of `count` shards would write, with `regressed` benchmarks slower. */
function shards(count: number, regressed: string[] = []): ShardResult[] {
  const found = NAMES.map(measurement);
  return Array.from({ length: count }, (_, i) => {
    const plan = selectShard({ measurements: found, budget: DEFAULT_BUDGET, spec: { index: i + 1, count } });
    const benchmarks = plan.selected.map((m) => result(m.id.name, regressed.includes(m.id.name)));
    const failures = benchmarks.flatMap((b) => b.failures ?? []);
    const report: Report = {
      schemaVersion: 1,
      verdict: failures.length > 0 ? 'fail' : 'pass',
      base: { ref: 'main', sha: '1'.repeat(40) },
      head: { ref: 'HEAD', sha: '2'.repeat(40) },
      benchmarks,
      functions: benchmarks.map((b) => ({
        benchmark: benchmarkKey(b),
        name: `fn_${b.name}`,
        file: 'src/x.js',
        line: 1,
        baseSelfNsPerOp: 1,
        headSelfNsPerOp: 1,
        deltaNsPerOp: 0,
        change: 0,
        status: 'unchanged' as const,
      })),
      failures,
      settings: { processes: 2, timePerProcessMs: 100, profileMs: 100, node: 'v20' },
      profiles: Object.fromEntries(
        benchmarks.map((b) => [benchmarkKey(b), { head: `profiles/${b.name}/head.pb.gz` }]),
      ),
      configFingerprint: 'cfg',
      shard: plan.info,
    };
    return { dir: `/out/shard-${i + 1}`, report, stacks: {}, slugs: {} };
  });
}

describe('mergeShards', () => {
  it('gives every benchmark exactly once, in discovery order, with one verdict', () => {
    const merged = mergeShards(shards(3).reverse());
    expect(merged.report.benchmarks.map((b) => b.name)).toEqual(NAMES);
    expect(merged.report.functions.map((f) => f.name)).toEqual(NAMES.map((n) => `fn_${n}`));
    expect(merged.report.verdict).toBe('pass');
    expect(merged.report.shard).toBeUndefined();
    expect(merged.report.merged?.shards).toBe(3);
    expect(Object.keys(merged.report.profiles ?? {})).toHaveLength(7);
  });

  it('fails when any shard regressed, with that shard’s reasons', () => {
    const merged = mergeShards(shards(3, ['e']));
    expect(merged.report.verdict).toBe('fail');
    expect(merged.report.failures).toEqual(['bench/e.bench.js > e: 50% slower']);
  });

  it('names a missing shard', () => {
    const [one, , three] = shards(3);
    expect(() => mergeShards([one as ShardResult, three as ShardResult])).toThrow(UsageError);
    expect(() => mergeShards([one as ShardResult, three as ShardResult])).toThrow(
      'shard 2/3 is missing (have 1/3, 3/3)',
    );
  });

  it('refuses different commits, configs, settings, splits and a shard given twice', () => {
    const base = () => shards(2);
    const commits = base();
    (commits[1] as ShardResult).report.head = { ref: 'HEAD', sha: '3'.repeat(40) };
    expect(() => mergeShards(commits)).toThrow(
      /different commits: shard 1\/2 compared 1111111\.\.2222222, shard 2\/2 \(\/out\/shard-2\) compared 1111111\.\.3333333/,
    );
    const config = base();
    (config[1] as ShardResult).report.configFingerprint = 'other';
    expect(() => mergeShards(config)).toThrow(
      'different configs: shard 1/2 has config cfg, shard 2/2 (/out/shard-2) has other',
    );
    const settings = base();
    (settings[1] as ShardResult).report.settings = {
      processes: 6,
      timePerProcessMs: 100,
      profileMs: 100,
      node: 'v20',
    };
    expect(() => mergeShards(settings)).toThrow('different settings');
    const split = [...shards(2).slice(0, 1), ...shards(3).slice(1, 2)];
    expect(() => mergeShards(split)).toThrow('different splits');
    const twice = base();
    expect(() => mergeShards([twice[0] as ShardResult, twice[0] as ShardResult])).toThrow(
      'shard 1/2 appears twice',
    );
  });

  it('refuses a shard whose report lacks a benchmark the plan gave it', () => {
    const parts = shards(2);
    const r = (parts[1] as ShardResult).report;
    r.benchmarks = r.benchmarks.slice(1);
    expect(() => mergeShards(parts)).toThrow(/shard 2\/2 is incomplete: 1 benchmark missing/);
  });

  it('refuses shards of the same count whose plans differ', () => {
    const parts = shards(2);
    const info = (parts[1] as ShardResult).report.shard;
    if (info) info.planDigest = 'different';
    expect(() => mergeShards(parts)).toThrow('split the benchmarks differently');
  });

  it('joins list fields it does not know, so later report fields survive a merge', () => {
    const parts = shards(2);
    for (const [i, p] of parts.entries()) (p.report as unknown as Record<string, unknown>).laterList = [i];
    const merged = mergeShards(parts).report as unknown as Record<string, unknown>;
    expect(merged.laterList).toEqual([0, 1]);
  });

  it('names each unhonoured bench setting once, though every shard met it', () => {
    const parts = shards(2);
    const notes = [
      ['a', 'b'],
      ['b', 'c'],
    ];
    for (const [i, p] of parts.entries()) p.report.harnessNotes = notes[i];
    expect(mergeShards(parts).report.harnessNotes).toEqual(['a', 'b', 'c']);
  });

  it('merges field by field: sampling totals summed, allocation pass times summed, heap profiles and stacks of every shard kept', () => {
    const parts = shards(2);
    const sampling = (n: number): SamplingSummary => ({
      processes: 10 * n,
      confirmProcesses: n,
      maxProcesses: 40 * n,
      seconds: 3 * n,
      savedSeconds: n,
      resolved: n,
      unresolved: 1,
      alphaPerLook: 0.005,
      harnessFloorNs: 10 * n,
    });
    const stack = (bytes: number) =>
      packProfile(
        {
          frames: [{ name: 'alloc', file: 'src/x.js', line: 1, kind: 'user' }],
          stacks: [{ frames: [0], value: bytes, samples: 1 }],
          ops: 1,
        },
        HEAP,
      );
    for (const [i, p] of parts.entries()) {
      const n = i + 1;
      const keys = p.report.benchmarks.map(benchmarkKey);
      p.report.sampling = sampling(n);
      p.report.allocationPassMs = 1000 * n;
      p.report.allocationProfiles = Object.fromEntries(
        keys.map((k) => [k, { base: `profiles/${k.length}-${n}/alloc-base.pb.gz` }]),
      );
      p.allocationStacks = Object.fromEntries(keys.map((k) => [k, { base: stack(n), head: stack(2 * n) }]));
      p.stacks = Object.fromEntries(keys.map((k) => [k, { head: stack(n) }]));
      p.slugs = Object.fromEntries(keys.map((k) => [k, `slug-${n}-${k.length}`]));
    }
    const merged = mergeShards(parts);
    const s = merged.report.sampling;
    expect(s?.processes).toBe(30);
    expect(s?.confirmProcesses).toBe(3);
    expect(s?.maxProcesses).toBe(120);
    expect(s?.seconds).toBe(9);
    expect(s?.savedSeconds).toBe(3);
    expect(s?.resolved).toBe(3);
    expect(s?.unresolved).toBe(2);
    expect(s?.alphaPerLook).toBe(0.005);
    expect(s?.harnessFloorNs).toBe(15);
    expect(merged.report.allocationPassMs).toBe(3000);
    const all = NAMES.map((n) => `bench/${n}.bench.js > ${n}`).sort();
    expect(Object.keys(merged.report.allocationProfiles ?? {}).sort()).toEqual(all);
    expect(Object.keys(merged.allocationStacks ?? {}).sort()).toEqual(all);
    expect(Object.keys(merged.cpuStacks).sort()).toEqual(all);
    // Each benchmark's stacks are its own shard's.
    for (const p of parts) {
      for (const key of p.report.benchmarks.map(benchmarkKey)) {
        expect(merged.allocationStacks?.[key]).toBe(p.allocationStacks?.[key]);
        expect(merged.slugs[key]).toBe(p.slugs[key]);
      }
    }
  });

  it('orders allocation rows as the benchmarks, whichever shard came first', () => {
    const parts = shards(3);
    for (const p of parts) {
      p.report.allocations = p.report.benchmarks.map((b) => ({
        benchmark: benchmarkKey(b),
        name: `alloc_${b.name}`,
        file: 'src/x.js',
        line: 1,
        baseBytesPerOp: 1,
        headBytesPerOp: 1,
        deltaBytesPerOp: 0,
        status: 'unchanged' as const,
      }));
    }
    const merged = mergeShards(parts.reverse()).report;
    expect(merged.allocations?.map((a) => a.name)).toEqual(NAMES.map((n) => `alloc_${n}`));
  });
});

describe('a shard’s stacks file', () => {
  it('carries the allocation stacks next to the CPU stacks, and refuses a heap stack that names no frame', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-stacks-'));
    const heapStacks = {
      frames: [{ name: 'alloc', file: 'src/x.js', line: 1, kind: 'user' as const }],
      stacks: [{ frames: [0], value: 4096, samples: 2 }],
      ops: 10,
    };
    const heap = packProfile(heapStacks, HEAP);
    const flames = {
      stacks: {},
      allocationStacks: { 'bench/a.bench.js > a': { head: heap } },
      slugs: { 'bench/a.bench.js > a': 'a' },
    };
    const read = readStacks(writeStacks(dir, flames));
    expect(read.allocationStacks).toEqual(flames.allocationStacks);
    const bad = {
      ...flames,
      allocationStacks: {
        k: { head: packProfile({ ...heapStacks, stacks: [{ frames: [5], value: 1, samples: 1 }] }, HEAP) },
      },
    };
    expect(() => readStacks(writeStacks(dir, bad))).toThrow('head heap profile of "k"');
  });
});
