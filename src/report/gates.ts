// How many times each gate failed the check, counted once from the report: the Action's outputs
// (`regressions` and one per gate kind) read it. Each count is a number of lines of `report.failures`
// (the compare stage writes one line per gate failure), so the counts add up to those lines. Pure.
import type { Report } from '../model.js';

export interface GateCounts {
  /** Benchmarks slower than their threshold, confirmed (`status: 'regressed'`): one line each. */
  benchmarks: number;
  /** Function rows over the function threshold (`FunctionResult.gate`): one line each. */
  functions: number;
  /** Benchmarks whose bytes per op grew past `thresholds.allocations` (`memory.status: 'regressed'`). */
  allocations: number;
  /** Function rows over the fleet threshold (`FunctionResult.fleetGate`). */
  fleet: number;
  /** Benchmarks that fail on head and passed on base (a broken benchmark is the pull request's doing). */
  failedBenchmarks: number;
  /** Benchmarks the pull request removed under `thresholds.removed: fail`. */
  removedBenchmarks: number;
  /**
   * Every gate failure: the sum of the above, or the number of failure lines when a report holds more
   * (a gate a later version adds, whose lines this one cannot name): never fewer than the check says.
   */
  total: number;
}

export function gateCounts(report: Pick<Report, 'benchmarks' | 'functions' | 'failures'>): GateCounts {
  const failing = (b: Report['benchmarks'][number]) => (b.failures?.length ?? 0) > 0;
  const counts = {
    benchmarks: report.benchmarks.filter((b) => b.status === 'regressed').length,
    functions: report.functions.filter((f) => f.gate).length,
    allocations: report.benchmarks.filter((b) => b.memory?.status === 'regressed').length,
    fleet: report.functions.filter((f) => f.fleetGate).length,
    // An infrastructure failure (flamegate's or the machine's) has no failure line: never counted.
    failedBenchmarks: report.benchmarks.filter((b) => b.status === 'failed' && failing(b)).length,
    removedBenchmarks: report.benchmarks.filter((b) => b.status === 'removed' && failing(b)).length,
  };
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...counts, total: Math.max(sum, report.failures?.length ?? 0) };
}
