// The saved report as post-only mode reads it back: a report flamegate wrote renders the same after the
// round trip, and every field the comment reads is checked, named in the error when it is wrong.
import { describe, expect, it } from 'vitest';
import type { BenchmarkResult, FunctionResult, Report } from '../../src/model.js';
import { commentMarker } from '../../src/publish/comment.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseReport } from '../../src/report/schema.js';
import { bench, fnRow, report } from './compare-fixtures.js';

const KEY = 'bench/a.bench.js > slow';

/** A report with every optional field the renderer reads set. */
function full(): Report {
  const slow = {
    ...bench('slow', 'regressed', 0.2),
    failures: [`${KEY}: 20.0% slower`],
    functionThreshold: 0.05,
    inconclusive: false,
    resolution: 0.01,
    processes: 6,
    stoppedBy: 'maxProcesses' as const,
    neededProcesses: 12,
    costMs: 900,
    package: 'packages/core',
    confirmation: {
      change: 0.19,
      ci: [0.17, 0.21] as [number, number],
      processes: 4,
      confirmed: true,
      firstVerdict: 'regressed' as const,
    },
    functionNoise: { processes: 4, samples: { base: 900, head: 950 }, dispersion: 1.2, ratio: 1.2 },
    memory: {
      baseBytesPerOp: 1000,
      headBytesPerOp: 1500,
      change: 0.5,
      ci: [0.4, 0.6] as [number, number],
      status: 'regressed' as const,
      threshold: 0.1,
      baseGcShare: 0.05,
      headGcShare: 0.08,
      processes: 3,
    },
  };
  const failed = {
    ...bench('broken', 'failed'),
    base: null,
    head: null,
    error: 'TypeError: x is not a function',
    infrastructure: true,
  };
  const base = report(
    [slow, bench('same', 'unchanged'), failed],
    [
      fnRow(KEY, 'parse', 40, {
        gate: true,
        evidence: { z: 4.2, agreeing: 4, processes: 4 },
        source: { changed: true, reason: 'dependency', packageVersions: { base: '1.0.0', head: '2.0.0' } },
        package: 'yaml',
        kind: 'dependency',
        productionShare: 0.1,
        fleetImpact: 0.04,
        fleetGate: true,
        benchmarkFile: 'bench/a.bench.js',
      }),
      fnRow(KEY, 'other', -10, { notInProduction: true }),
    ],
    'fail',
  );
  return {
    ...base,
    infrastructureErrors: ['the profiler failed\n(stopped 1 benchmark: bench/a.bench.js > broken)'],
    measured: { both: 2, failedOnBoth: 1, onNothing: 'warn' },
    nothingMeasured: 'nothing was measured on both sides, so this run is no verdict on the pull request: …',
    settings: {
      processes: 6,
      timePerProcessMs: 2000,
      profileMs: 1000,
      node: 'v20.19.0',
      maxProcesses: 10,
      maxMinutes: 3,
    },
    sampling: {
      processes: 20,
      confirmProcesses: 4,
      maxProcesses: 30,
      seconds: 12,
      savedSeconds: 5,
      resolved: 2,
      unresolved: 1,
      alphaPerLook: 0.005,
      harnessFloorNs: 0.6,
      trailing: { profileMs: 200, allocationMs: 100 },
    },
    allocations: [
      {
        benchmark: KEY,
        name: 'alloc',
        file: 'src/a.js',
        line: 3,
        baseBytesPerOp: 100,
        headBytesPerOp: 600,
        deltaBytesPerOp: 500,
        status: 'regressed',
        shareOfBenchmark: 0.5,
        source: { changed: true, reason: 'edited', lines: [3, 9] },
      },
    ],
    allocationPassMs: 4000,
    packages: ['packages/core'],
    configFingerprint: 'abc',
  };
}

const render = (r: Report) =>
  renderMarkdown(r, { links: { repoUrl: 'https://github.com/acme/widgets' }, marker: commentMarker('k') });

describe('the saved report read back', () => {
  it('renders a report with every field exactly as the report itself', () => {
    const original = full();
    const read = parseReport(JSON.stringify(original), 'report.json');
    expect(render(read)).toBe(render(original));
    // The fixture exercises the optional parts, so the comparison above means something.
    for (const part of [
      'Memory',
      'confirmed',
      'Production',
      'Allocations per op',
      'harness floor',
      '📦 `yaml`',
      'infrastructure error',
      'warning: nothing was measured on both sides',
    ])
      expect(render(original)).toContain(part);
  });

  it('drops fields it does not know, and names the field that is wrong', () => {
    const read = parseReport(
      JSON.stringify({ ...full(), extra: '<img src=x>' }),
      'r.json',
    ) as unknown as Record<string, unknown>;
    expect(read.extra).toBeUndefined();
    const wrong = (patch: (r: Report) => void) => {
      const r = full();
      patch(r);
      return () => parseReport(JSON.stringify(r), 'r.json');
    };
    expect(wrong((r) => ((r as { schemaVersion: number }).schemaVersion = 2))).toThrow(
      /r\.json is not a valid flamegate report: field "schemaVersion" = 2/,
    );
    expect(wrong((r) => (r.head.sha = 'HEAD'))).toThrow(/field "head\.sha" = "HEAD": must match pattern/);
    expect(wrong((r) => ((r.functions[0] as FunctionResult).line = -1))).toThrow(
      /field "functions\[0\]\.line" = -1: must be >= 0/,
    );
    expect(wrong((r) => ((r.benchmarks[1] as BenchmarkResult).status = 'pwned' as never))).toThrow(
      /field "benchmarks\[1\]\.status" = "pwned": must be one of "regressed", "improved", "unchanged", "added", "removed", "failed"/,
    );
    expect(wrong((r) => ((r.measured as { onNothing: string }).onNothing = 'ignore'))).toThrow(
      /field "measured\.onNothing" = "ignore": must be one of "error", "warn"/,
    );
    expect(wrong((r) => delete (r.benchmarks[0] as Partial<BenchmarkResult>).ci)).toThrow(
      /field "benchmarks\[0\]" is missing "ci"/,
    );
    expect(wrong((r) => ((r.settings as { node: string }).node = 'v24 [x](https://evil.example)'))).toThrow(
      /field "settings\.node"/,
    );
    expect(wrong((r) => ((r.benchmarks[0] as BenchmarkResult).name = 'x'.repeat(5000)))).toThrow(
      /must NOT have more than 4000 characters/,
    );
    expect(wrong((r) => (r.failures = Array(20_001).fill('x')))).toThrow(
      /field "failures" .*must NOT have more than 20000 items/,
    );
    expect(() => parseReport('[1,', 'r.json')).toThrow(/r\.json is not JSON/);
  });
});

describe('the comment marker', () => {
  it('keeps an ordinary key, and cannot be closed or turned into markup by one', () => {
    expect(commentMarker('perf/perf')).toBe('<!-- flamegate:perf/perf -->');
    expect(commentMarker('CI (node 24)/bench/packages/core')).toBe(
      '<!-- flamegate:CI (node 24)/bench/packages/core -->',
    );
    for (const key of [
      'x --> <img src=x onerror=alert(1)>',
      'a--!>b',
      '<!-- y',
      'a\n-->\n@org/team',
      'x-->',
    ]) {
      const marker = commentMarker(key);
      const inner = marker.slice('<!--'.length, -'-->'.length);
      expect(inner, key).not.toMatch(/--|[<>!\n]/);
    }
  });
});
