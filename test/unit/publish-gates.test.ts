// The Action's outputs count every gate that failed the check, one per failure line, and the failed
// check's annotations put a changed function over its threshold on its own lines. The pure parts
// (`gateCounts`, `planAnnotations`) without processes, then `publish` itself writing the outputs
// through the runner's file command ($GITHUB_OUTPUT) and the annotations as workflow commands.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BenchmarkResult, FunctionResult, MemoryResult, Report } from '../../src/model.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations, repositoryPath } from '../../src/publish/annotations.js';
import { publish } from '../../src/publish/publish.js';
import { gateCounts } from '../../src/report/gates.js';
import { parseOutputs } from '../helpers/action-run.js';

const FILE = 'bench/records.bench.js';

function benchmark(name: string, extra: Partial<BenchmarkResult> = {}): BenchmarkResult {
  const side = { medianNs: 1000, meanNs: 1000, ops: 1e6, samples: 1e6 };
  return {
    name,
    file: FILE,
    status: 'unchanged',
    base: side,
    head: side,
    change: 0.004,
    ci: [-0.01, 0.018],
    threshold: 0.05,
    functionThreshold: 0.05,
    ...extra,
  };
}

const memoryRegressed: MemoryResult = {
  baseBytesPerOp: 1000,
  headBytesPerOp: 1500,
  change: 0.5,
  ci: [0.45, 0.55],
  status: 'regressed',
  threshold: 0.1,
  baseGcShare: 0.05,
  headGcShare: 0.06,
  processes: 4,
};

/** A function row over the function threshold, as compare writes it, with its failure line. */
function gated(
  name: string,
  share: number,
  extra: Partial<FunctionResult> = {},
  bench = 'parse records',
): { row: FunctionResult; line: string } {
  const row: FunctionResult = {
    benchmark: `${FILE} > ${bench}`,
    name,
    file: 'src/records.js',
    line: 12,
    baseSelfNsPerOp: 100,
    headSelfNsPerOp: 100 + share * 1000,
    deltaNsPerOp: share * 1000,
    change: share * 10,
    status: 'regressed',
    kind: 'user',
    shareOfBenchmark: share,
    gate: true,
    evidence: { z: 6.2, agreeing: 4, processes: 4 },
    source: { changed: true, reason: 'edited', lines: [12, 30] },
    ...extra,
  };
  const line = `${row.benchmark}: ${name} (${row.file}:${row.line}) self time +${row.deltaNsPerOp} ns/op, ${share * 100}% of the benchmark's base time per op, function threshold 5%`;
  return { row, line };
}

function report(parts: Partial<Report>): Report {
  const failures = parts.failures ?? [];
  return {
    schemaVersion: 1,
    verdict: failures.length > 0 ? 'fail' : 'pass',
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'feature', sha: 'b'.repeat(40) },
    benchmarks: [],
    functions: [],
    ...parts,
    failures,
  };
}

const memoryOnly = () => {
  const line = `${FILE} > build index: allocates 50% more bytes per op (1000 B → 1500 B, 95% CI +45% … +55%) while its time is unchanged, allocation threshold 10%`;
  return report({
    benchmarks: [benchmark('build index', { memory: memoryRegressed, failures: [line] })],
    failures: [line],
  });
};

describe('gateCounts: one count per gate failure, adding up to the failure lines', () => {
  it('counts a memory-only failure', () => {
    const counts = gateCounts(memoryOnly());
    expect(counts).toMatchObject({ total: 1, allocations: 1, benchmarks: 0, functions: 0 });
  });

  it('counts every gate: benchmark, function, allocation, fleet, failed on head, removed under fail', () => {
    const slow = `${FILE} > parse records: 20% slower (95% CI +19% … +21%), threshold 5%`;
    const fn = gated('slowPath', 0.12);
    const fleetLine = `${FILE} > parse records: hot (src/hot.js) estimated fleet CPU +1.0% (20% of production CPU × +5.0% self time), fleet threshold 0.5%`;
    const broke = `${FILE} > tokenize: fails on head (it passed on base): Error: broke`;
    const removed = `${FILE} > old: removed by this pull request (thresholds.removed: fail)`;
    const memory = `${FILE} > parse records: allocates 50% more bytes per op …`;
    const hot: FunctionResult = {
      ...gated('hot', 0.001).row,
      gate: false,
      fleetGate: true,
      fleetImpact: 0.01,
    };
    const r = report({
      benchmarks: [
        benchmark('parse records', {
          status: 'regressed',
          change: 0.2,
          ci: [0.19, 0.21],
          memory: memoryRegressed,
          failures: [slow, fn.line, memory],
        }),
        benchmark('tokenize', { status: 'failed', error: 'head: Error: broke', failures: [broke] }),
        benchmark('old', { status: 'removed', head: null, failures: [removed] }),
        // Removed under `warn`, and a fault of the machine: in the report, never a gate failure.
        benchmark('older', { status: 'removed', head: null }),
        benchmark('crashed', { status: 'failed', infrastructure: true, error: 'profiler failed' }),
      ],
      functions: [fn.row, hot],
      failures: [slow, fn.line, memory, broke, removed, fleetLine],
    });
    const counts = gateCounts(r);
    expect(counts).toEqual({
      benchmarks: 1,
      functions: 1,
      allocations: 1,
      fleet: 1,
      failedBenchmarks: 1,
      removedBenchmarks: 1,
      total: 6,
    });
    expect(counts.total).toBe(r.failures?.length);
  });

  it('never counts fewer than the failure lines, whatever gate wrote them', () => {
    expect(gateCounts(report({ failures: ['a gate a later version adds'] })).total).toBe(1);
  });
});

describe('planAnnotations: a changed function over its threshold on its own lines', () => {
  it('puts the function on its file and lines, naming the benchmark, the change and the intervals', () => {
    const slow = `${FILE} > parse records: 20% slower (95% CI +19% … +21%), threshold 5%`;
    const fn = gated('slowPath', 0.12);
    const r = report({
      benchmarks: [benchmark('parse records', { status: 'regressed', change: 0.2, ci: [0.19, 0.21] })],
      functions: [fn.row],
      failures: [slow, fn.line],
    });
    const { annotations, unannotated } = planAnnotations(r, { level: 'error', reserved: 1 });
    expect(unannotated).toEqual([]);
    // The function's line is said once, on its lines; the benchmark's line stays a line of the check.
    expect(annotations).toHaveLength(2);
    const [onLine, whole] = annotations;
    expect(onLine).toMatchObject({ level: 'error', file: 'src/records.js', startLine: 12, endLine: 30 });
    expect(onLine?.title).toContain('slowPath');
    expect(onLine?.message).toContain(`${FILE} > parse records`);
    expect(onLine?.message).toMatch(/\+120 ns\/op/);
    expect(onLine?.message).toContain('4 of 4 profiling processes agree');
    expect(onLine?.message).toMatch(/95% CI/);
    expect(whole).toEqual({ level: 'error', title: 'flamegate: threshold exceeded', message: slow });
    // With the diff's lines inside the function known, the annotation sits on them.
    const edited = gated('slowPath', 0.12, {
      source: { changed: true, reason: 'edited', lines: [12, 30], changedLines: [17, 18] },
    });
    const placed = planAnnotations(report({ functions: [edited.row], failures: [edited.line] }), {
      level: 'error',
      reserved: 1,
    });
    expect(placed.annotations[0]).toMatchObject({ file: 'src/records.js', startLine: 17, endLine: 18 });
  });

  it("keeps today's line annotations without a diff, and for a function the pull request did not touch", () => {
    const noDiff = gated('slowPath', 0.12, { source: undefined });
    const untouched = gated('helper', 0.08, {
      source: { changed: false, reason: 'unchanged', lines: [40, 50] },
    });
    const dependency = gated('semverCompare', 0.07, {
      file: 'node_modules/semver/index.js',
      source: { changed: true, reason: 'dependency', packageVersions: { base: '1.0.0', head: '1.0.1' } },
    });
    const failures = [noDiff.line, untouched.line, dependency.line];
    const { annotations } = planAnnotations(
      report({ functions: [noDiff.row, untouched.row, dependency.row], failures }),
      { level: 'error', reserved: 1 },
    );
    expect(annotations.map((a) => a.message)).toEqual(failures);
    expect(annotations.every((a) => a.file === undefined)).toBe(true);
  });

  it("orders the changed functions largest first and keeps to GitHub's limit, the step's own message counted", () => {
    const rows = Array.from({ length: 14 }, (_, i) =>
      gated(`f${i}`, 0.06 + i * 0.01, { line: 10 + i * 20, source: { changed: true, reason: 'new' } }),
    );
    const slow = `${FILE} > parse records: 20% slower, threshold 5%`;
    const r = report({
      benchmarks: [benchmark('parse records', { status: 'regressed', change: 0.2, ci: [0.19, 0.21] })],
      functions: rows.map((r) => r.row),
      failures: [slow, ...rows.map((r) => r.line)],
    });
    const { annotations, unannotated } = planAnnotations(r, { level: 'error', reserved: 1 });
    expect(annotations).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(annotations.map((a) => a.title.split(' ')[1])).toEqual([
      'f13',
      'f12',
      'f11',
      'f10',
      'f9',
      'f8',
      'f7',
      'f6',
      'f5',
    ]);
    expect(annotations[0]).toMatchObject({ file: 'src/records.js', startLine: 10 + 13 * 20 });
    // Nothing is lost: the rest is in the log, the function ones with their place.
    expect(unannotated).toHaveLength(15 - annotations.length);
    expect(unannotated).toContain(slow);
    expect(unannotated.some((line) => line.startsWith('src/records.js:'))).toBe(true);
  });

  it('one annotation per function gated in several benchmarks; warnings when the step passes', () => {
    const a = gated('slowPath', 0.12);
    const b = gated('slowPath', 0.2, {}, 'tokenize');
    const { annotations } = planAnnotations(
      report({ functions: [a.row, b.row], failures: [a.line, b.line] }),
      { level: 'warning', reserved: 2 },
    );
    expect(annotations).toHaveLength(1);
    expect(annotations[0]?.level).toBe('warning');
    // The larger share first.
    expect(annotations[0]?.message.split('\n')).toHaveLength(2);
    expect(annotations[0]?.message.split('\n')[0]).toContain('> tokenize');
  });

  it('annotates a fleet-gate row on its lines too, and never a pass', () => {
    const hot = gated('hot', 0.001, {
      gate: false,
      fleetGate: true,
      fleetImpact: 0.01,
      productionShare: 0.2,
    });
    const fleetLine = `${hot.row.benchmark}: hot (src/records.js) estimated fleet CPU +1.0% (20% of production CPU × +1.0% self time), fleet threshold 0.5%`;
    const { annotations } = planAnnotations(report({ functions: [hot.row], failures: [fleetLine] }), {
      level: 'error',
      reserved: 1,
    });
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ file: 'src/records.js', startLine: 12 });
    expect(annotations[0]?.message).toContain('estimated fleet CPU +1.0%');
    expect(
      planAnnotations(report({ functions: [hot.row] }), { level: 'error', reserved: 1 }).annotations,
    ).toEqual([]);
  });

  it('names files only as repository-relative paths', () => {
    expect(repositoryPath('src/records.js')).toBe('src/records.js');
    expect(repositoryPath('packages\\a\\src\\x.ts')).toBe('packages/a/src/x.ts');
    for (const bad of [
      '/tmp/flamegate-base/src/x.js',
      'C:/x.js',
      '../x.js',
      'a/../../x.js',
      'node:fs',
      'file:///x.js',
      '',
    ])
      expect(repositoryPath(bad), bad).toBeUndefined();
    const absolute = gated('slowPath', 0.12, { file: '/tmp/flamegate-head-1/src/records.js' });
    const { annotations } = planAnnotations(
      report({ functions: [absolute.row], failures: [absolute.line] }),
      {
        level: 'error',
        reserved: 1,
      },
    );
    expect(annotations[0]?.file).toBeUndefined();
    expect(annotations[0]?.message).toBe(absolute.line);
  });
});

describe('publish: outputs through $GITHUB_OUTPUT, annotations as workflow commands', () => {
  let stdout = '';
  let outputFile = '';
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY };

  beforeEach(() => {
    stdout = '';
    outputFile = join(mkdtempSync(join(tmpdir(), 'flamegate-publish-')), 'output');
    writeFileSync(outputFile, '');
    process.env.GITHUB_OUTPUT = outputFile;
    delete process.env.GITHUB_STEP_SUMMARY;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.env.GITHUB_OUTPUT = saved.output;
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT;
    if (saved.summary !== undefined) process.env.GITHUB_STEP_SUMMARY = saved.summary;
    // core.setFailed sets the exit code of this process: the test runner's.
    process.exitCode = undefined;
  });

  const publishReport = (r: Report, failOnRegression = true) =>
    publish({
      report: r,
      reportPath: '/tmp/report.json',
      comment: '',
      summary: '',
      exit: { code: r.verdict === 'fail' ? 1 : 0 },
      commentMode: 'never',
      commentKey: 'perf',
      failOnRegression,
    });

  it('the `regressions` output counts a memory-only failure', async () => {
    await publishReport(memoryOnly());
    const outputs = parseOutputs(readFileSync(outputFile, 'utf8'));
    expect(outputs).toMatchObject({
      verdict: 'fail',
      regressions: '1',
      'regressed-allocations': '1',
      'regressed-benchmarks': '0',
      'regressed-functions': '0',
      'fleet-regressions': '0',
      'failed-benchmarks': '0',
      'removed-benchmarks': '0',
    });
    expect(stdout).toMatch(/::error title=flamegate%3A threshold exceeded::.*build index: allocates/);
  });

  it('writes ::error file=…,line=… for a changed function over its threshold', async () => {
    const fn = gated('slowPath', 0.12);
    await publishReport(report({ functions: [fn.row], failures: [fn.line] }));
    expect(stdout).toMatch(/::error title=[^:]*slowPath[^:]*,file=src\/records\.js,line=12,endLine=30::/);
    // Said once: the function's failure line is not repeated as an annotation without a file.
    expect(stdout).not.toContain('::error title=flamegate%3A threshold exceeded::');
    expect(stdout).toMatch(/::error::flamegate: 1 threshold/);
  });

  it('writes warnings, not errors, when fail-on-regression is false', async () => {
    const fn = gated('slowPath', 0.12);
    await publishReport(report({ functions: [fn.row], failures: [fn.line] }), false);
    expect(stdout).toMatch(/::warning title=[^:]*slowPath[^:]*,file=src\/records\.js,line=12,endLine=30::/);
    expect(stdout).not.toContain('::error');
  });
});
