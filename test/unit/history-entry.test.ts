// The history entry of a track run: what entryFromReport keeps of a report, and parseHistoryEntry
// reading a file back from the branch, refusing garbage by the file's name.
import { describe, expect, it } from 'vitest';
import { entryFromReport, MOVERS_PER_BENCHMARK } from '../../src/history/entry.js';
import { isRunFileName, runFileName, runFilesToPrune } from '../../src/history/layout.js';
import { HISTORY_FILE_MAX_BYTES, parseHistoryEntry } from '../../src/history/parse.js';
import { historyTables } from '../../src/history/table.js';
import type { BenchmarkResult, FunctionResult, Report } from '../../src/model.js';
import { functionRow } from '../helpers/function-row.js';

const BASE_SHA = 'a'.repeat(40);
const HEAD_SHA = 'b'.repeat(40);
const KEY = 'bench/records.bench.js > parse records';

function benchmark(overrides: Partial<BenchmarkResult> = {}): BenchmarkResult {
  const side = { medianNs: 1000, meanNs: 1000, ops: 1000, samples: 10 };
  return {
    name: 'parse records',
    file: 'bench/records.bench.js',
    status: 'regressed',
    base: side,
    head: { ...side, medianNs: 1041 },
    change: 0.041,
    ci: [0.032, 0.05],
    pairedNs: { base: 1000, head: 1041 },
    threshold: 0.05,
    ...overrides,
  };
}

function report(benchmarks: BenchmarkResult[], functions: FunctionResult[]): Report {
  return {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'v2.3.0', sha: BASE_SHA },
    head: { ref: 'main', sha: HEAD_SHA },
    benchmarks,
    functions,
  };
}

describe('entryFromReport', () => {
  it('keeps the paired change, its interval, each side and the anchor', () => {
    const entry = entryFromReport(report([benchmark()], []), {
      time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
      anchorTag: 'v2.3.0',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      drift: 0.03,
    });
    expect(entry).toEqual({
      schemaVersion: 1,
      time: '2025-01-02T03:04:05.000Z',
      commit: { ref: 'main', sha: HEAD_SHA },
      anchor: { ref: 'v2.3.0', sha: BASE_SHA, tag: 'v2.3.0' },
      verdict: 'pass',
      drift: 0.03,
      runUrl: 'https://github.com/o/r/actions/runs/1',
      benchmarks: [
        {
          name: 'parse records',
          file: 'bench/records.bench.js',
          status: 'regressed',
          change: 0.041,
          ci: [0.032, 0.05],
          baseNs: 1000,
          headNs: 1041,
          movers: [],
        },
      ],
    });
  });

  it('movers: the 5 moved rows of that benchmark with the largest |delta|, unchanged rows and other benchmarks left out', () => {
    const rows = [
      functionRow('tiny', 'src/a.js', 0.01, 'regressed', KEY),
      functionRow('big', 'src/a.js', 0.9, 'regressed', KEY),
      functionRow('bigButUnchanged', 'src/a.js', 5, 'unchanged', KEY),
      functionRow('fell', 'src/a.js', -0.7, 'improved', KEY),
      functionRow('new', 'src/b.js', 0.5, 'added', KEY),
      functionRow('gone', 'src/b.js', -0.4, 'removed', KEY),
      functionRow('small', 'src/b.js', 0.2, 'regressed', KEY),
      functionRow('otherBenchmark', 'src/c.js', 3, 'regressed', 'bench/other.bench.js > other'),
    ];
    rows[1] = { ...rows[1], package: 'left-pad', shareOfBenchmark: 0.09 } as FunctionResult;
    const entry = entryFromReport(report([benchmark()], rows), { time: '2025-01-02T03:04:05Z' });
    const movers = entry.benchmarks[0]?.movers ?? [];
    expect(movers.map((m) => m.name)).toEqual(['big', 'fell', 'new', 'gone', 'small']);
    expect(movers).toHaveLength(MOVERS_PER_BENCHMARK);
    expect(movers[0]).toEqual({
      name: 'big',
      file: 'src/a.js',
      package: 'left-pad',
      deltaNsPerOp: 90,
      shareOfBenchmark: 0.09,
    });
    expect(movers[1]?.deltaNsPerOp).toBeCloseTo(-70);
  });

  it('a benchmark not timed on both sides has no change, and no Infinity reaches the file', () => {
    const failed = benchmark({
      status: 'failed',
      head: null,
      change: Number.NaN,
      ci: [Number.NaN, Number.NaN],
      pairedNs: undefined,
    });
    const entry = entryFromReport(report([failed], []), { time: '2025-01-02T03:04:05Z' });
    expect(entry.benchmarks[0]).toEqual({
      name: 'parse records',
      file: 'bench/records.bench.js',
      status: 'failed',
      movers: [],
    });
    expect(() => entryFromReport(report([], []), { time: 'yesterday' })).toThrow(/not a time/);
  });
});

describe('parseHistoryEntry', () => {
  const good = entryFromReport(
    report([benchmark()], [functionRow('big', 'src/a.js', 0.9, 'regressed', KEY)]),
    {
      time: '2025-01-02T03:04:05Z',
      anchorTag: 'v2.3.0',
    },
  );

  it('reads back what entryFromReport wrote, and drops fields it does not know', () => {
    expect(parseHistoryEntry(JSON.stringify(good), 'runs/a.json')).toEqual(good);
    const newer = { ...good, futureField: 1, benchmarks: [{ ...good.benchmarks[0], alsoNew: true }] };
    expect(parseHistoryEntry(JSON.stringify(newer), 'runs/b.json')).toEqual(good);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,', /runs\/bad\.json is not JSON/],
    [
      'a wrong type',
      JSON.stringify({ ...good, verdict: 'maybe' }),
      /runs\/bad\.json is not a flamegate history entry: field "verdict"/,
    ],
    ['a missing field', JSON.stringify({ ...good, commit: undefined }), /runs\/bad\.json .*missing "commit"/],
    [
      'a sha that is not hex',
      JSON.stringify({ ...good, commit: { ref: 'main', sha: 'x'.repeat(40) } }),
      /field "commit\/sha"/,
    ],
    ['a time that is not ISO', JSON.stringify({ ...good, time: 'yesterday' }), /field "time"/],
    ['a link that is not http', JSON.stringify({ ...good, runUrl: 'javascript:alert(1)' }), /field "runUrl"/],
    [
      'a name too long',
      JSON.stringify({ ...good, benchmarks: [{ ...good.benchmarks[0], name: 'x'.repeat(5000) }] }),
      /field "benchmarks\/0\/name"/,
    ],
    ['a file too large', ' '.repeat(HISTORY_FILE_MAX_BYTES + 1), /runs\/bad\.json is \d+ bytes/],
  ])('rejects %s, naming the file', (_what, text, message) => {
    expect(() => parseHistoryEntry(text, 'runs/bad.json')).toThrow(message);
  });
});

describe('the branch layout', () => {
  it('run file names sort by time and carry the short sha; pruning keeps the newest', () => {
    const a = runFileName('2025-01-02T03:04:05.000Z', HEAD_SHA, '0a1b2c3d');
    expect(a).toBe('20250102T030405.000Z-bbbbbbb-0a1b2c3d.json');
    expect(isRunFileName(a)).toBe(true);
    const names = [5, 1, 4, 2, 3].map((d) => runFileName(`2025-01-0${d}T00:00:00Z`, HEAD_SHA, 'ff'));
    expect(runFilesToPrune([...names, 'README.md'], 3)).toEqual([
      '20250101T000000.000Z-bbbbbbb-ff.json',
      '20250102T000000.000Z-bbbbbbb-ff.json',
    ]);
    expect(runFilesToPrune(names, 10)).toEqual([]);
  });

  it('the table has a row per run under each benchmark', () => {
    const text = historyTables([good(), { ...good(), commit: { ref: 'main', sha: 'c'.repeat(40) } }]);
    expect(text).toContain(KEY);
    expect(text).toMatch(
      /bbbbbbb\s+2025-01-02 03:04\s+v2\.3\.0\s+\+4\.1%\s+\+3\.2% … \+5\.0%\s+regressed\s+pass/,
    );
    expect(text).toMatch(/ccccccc/);
  });
});

function good() {
  return entryFromReport(report([benchmark()], []), { time: '2025-01-02T03:04:05Z', anchorTag: 'v2.3.0' });
}
