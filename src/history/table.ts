// `flamegate history`'s text: one table per benchmark, a row per track run, oldest first. Pure.
import { formatInterval, formatPercent, shortSha } from '../format.js';
import { benchmarkKey, type HistoryEntry } from '../model.js';

const HEADER = ['commit', 'time (UTC)', 'anchor', 'change', 'interval', 'status', 'run'];

/** The tables for these entries (sorted by time), benchmarks in the order they first appear. */
export function historyTables(entries: readonly HistoryEntry[]): string {
  const rowsByBenchmark = new Map<string, string[][]>();
  for (const entry of entries) {
    const anchor = entry.anchor.tag ?? shortSha(entry.anchor.sha);
    const time = entry.time.slice(0, 16).replace('T', ' ');
    for (const benchmark of entry.benchmarks) {
      const key = benchmarkKey(benchmark);
      const row = [
        shortSha(entry.commit.sha),
        time,
        anchor,
        benchmark.change === undefined ? '–' : formatPercent(benchmark.change),
        benchmark.ci === undefined ? '–' : formatInterval(benchmark.ci),
        benchmark.status,
        entry.verdict,
      ];
      const rows = rowsByBenchmark.get(key);
      if (rows) rows.push(row);
      else rowsByBenchmark.set(key, [row]);
    }
  }
  return [...rowsByBenchmark].map(([key, rows]) => `${key}\n${table([HEADER, ...rows])}`).join('\n\n');
}

function table(rows: string[][]): string {
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}
