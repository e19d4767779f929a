// One track run as the history branch keeps it: a HistoryEntry made from the run's Report. Pure: the
// store (store.ts) writes it, the trend page and `flamegate history` read it back (parse.ts).
import {
  type BenchmarkResult,
  benchmarkKey,
  type FunctionResult,
  type HistoryBenchmark,
  type HistoryEntry,
  type HistoryMover,
  type Report,
} from '../model.js';

/** The functions kept per benchmark: enough to name what crept, small enough for 1000 runs a branch. */
export const MOVERS_PER_BENCHMARK = 5;

/** Function statuses that say the function moved (an unchanged row's delta is noise). */
const MOVED = new Set<FunctionResult['status']>(['regressed', 'improved', 'added', 'removed']);

export interface EntryInfo {
  /** When the run finished; stored as ISO 8601 UTC. */
  time: Date | string;
  /** The anchor's tag name, when the anchor is a tag. */
  anchorTag?: string;
  /** The workflow run's page, whose artifact holds the flame graphs. */
  runUrl?: string;
  /** `thresholds.drift` that applied. */
  drift?: number;
}

/** The history entry of a track run: report.base is the anchor, report.head the pushed commit. */
export function entryFromReport(report: Report, info: EntryInfo): HistoryEntry {
  const time = new Date(info.time);
  if (Number.isNaN(time.getTime())) throw new Error(`history entry: "${String(info.time)}" is not a time`);
  const rowsByBenchmark = new Map<string, FunctionResult[]>();
  for (const row of report.functions) {
    if (!MOVED.has(row.status) || !Number.isFinite(row.deltaNsPerOp)) continue;
    const rows = rowsByBenchmark.get(row.benchmark);
    if (rows) rows.push(row);
    else rowsByBenchmark.set(row.benchmark, [row]);
  }
  return {
    schemaVersion: 1,
    time: time.toISOString(),
    commit: { ref: report.head.ref, sha: report.head.sha },
    anchor: {
      ref: report.base.ref,
      sha: report.base.sha,
      ...(info.anchorTag !== undefined ? { tag: info.anchorTag } : {}),
    },
    verdict: report.verdict,
    ...(info.drift !== undefined ? { drift: info.drift } : {}),
    ...(info.runUrl !== undefined ? { runUrl: info.runUrl } : {}),
    benchmarks: report.benchmarks.map((benchmark) =>
      historyBenchmark(benchmark, rowsByBenchmark.get(benchmarkKey(benchmark)) ?? []),
    ),
  };
}

function historyBenchmark(benchmark: BenchmarkResult, rows: FunctionResult[]): HistoryBenchmark {
  // A change exists only when both sides were timed; JSON has no Infinity, and a reader must not
  // meet a null where a number belongs.
  const measured = benchmark.base !== null && benchmark.head !== null && benchmark.status !== 'failed';
  const finite = (...values: number[]) => values.every(Number.isFinite);
  return {
    name: benchmark.name,
    file: benchmark.file,
    status: benchmark.status,
    ...(measured && finite(benchmark.change) ? { change: benchmark.change } : {}),
    ...(measured && finite(...benchmark.ci)
      ? { ci: [benchmark.ci[0], benchmark.ci[1]] as [number, number] }
      : {}),
    ...(benchmark.pairedNs && finite(benchmark.pairedNs.base, benchmark.pairedNs.head)
      ? { baseNs: benchmark.pairedNs.base, headNs: benchmark.pairedNs.head }
      : {}),
    movers: topMovers(rows),
  };
}

/** The rows that moved most, by |deltaNsPerOp|, largest first; ties by name so the file is stable. */
function topMovers(rows: FunctionResult[]): HistoryMover[] {
  return [...rows]
    .sort(
      (a, b) =>
        Math.abs(b.deltaNsPerOp) - Math.abs(a.deltaNsPerOp) ||
        a.name.localeCompare(b.name) ||
        a.file.localeCompare(b.file),
    )
    .slice(0, MOVERS_PER_BENCHMARK)
    .map((row) => ({
      name: row.name,
      file: row.file,
      ...(row.package !== undefined ? { package: row.package } : {}),
      deltaNsPerOp: row.deltaNsPerOp,
      ...(row.shareOfBenchmark !== undefined && Number.isFinite(row.shareOfBenchmark)
        ? { shareOfBenchmark: row.shareOfBenchmark }
        : {}),
    }));
}
