// What "changed" means, said once. The comment's tables, the flame-graph sections, the terminal summary
// and whether a sticky comment is created all read it from here, so a benchmark is never "changed" in
// one place and "unchanged" in another.
import type { BenchmarkResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';

/** A row (function, allocation site, memory result) whose status is anything but `unchanged`. */
export function rowChanged(row: { status: string }): boolean {
  return row.status !== 'unchanged';
}

/** A benchmark whose time moved, or that failed, appeared or disappeared. */
export function timeChanged(b: BenchmarkResult): boolean {
  return rowChanged(b) || (b.failures?.length ?? 0) > 0;
}

/** A benchmark whose bytes per op moved. */
export function memoryChanged(b: BenchmarkResult): boolean {
  return b.memory !== undefined && rowChanged(b.memory);
}

/** A benchmark the comment lists among the changed: its time or its memory moved, or it failed. */
export function benchmarkChanged(b: BenchmarkResult): boolean {
  return timeChanged(b) || memoryChanged(b);
}

/**
 * The benchmarks whose CPU flame graph is news (their time moved, or a function's self time did) and
 * those whose allocation flame graph is (their bytes per op moved, or a function's allocations did).
 */
export function changedBenchmarkKeys(report: Report): { time: Set<string>; memory: Set<string> } {
  const time = new Set(report.benchmarks.filter(timeChanged).map((b) => benchmarkKey(b)));
  for (const f of report.functions) if (rowChanged(f)) time.add(f.benchmark);
  const memory = new Set(report.benchmarks.filter(memoryChanged).map((b) => benchmarkKey(b)));
  for (const a of report.allocations ?? []) if (rowChanged(a)) memory.add(a.benchmark);
  return { time, memory };
}

/** Whether a run has anything to say beyond "nothing changed": a new sticky comment is created only then. */
export function reportHasChanges(report: Report): boolean {
  const { time, memory } = changedBenchmarkKeys(report);
  return (
    report.verdict === 'fail' || report.nothingMeasured !== undefined || time.size > 0 || memory.size > 0
  );
}
