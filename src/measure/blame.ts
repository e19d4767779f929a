// Who a benchmark process's failure is charged to. A child that crashes or hangs while it says it is
// working on one side of one benchmark fails that side; anything else (the runner crashing before its
// first benchmark or between two, the profiler failing to load) is a fault of flamegate or of the
// machine, charged to neither side, so a pull request that did nothing wrong is never failed for it.
import type { BenchmarkMeasurement, Side } from '../model.js';

/** What the child said it was doing last (its last `progress` message). */
export interface LastProgress {
  key: string;
  side: Side;
}

export type Blame =
  /** The side of the benchmark the child was running when it died. */
  | { kind: 'side'; key: string; side: Side }
  /** Nobody's code: every benchmark still pending fails as an infrastructure error. */
  | { kind: 'infrastructure' };

/**
 * Charges an unfinished child (crash or timeout): to the side it was working on, when that benchmark
 * has not reported a result or an error yet; otherwise (no work announced, or the announced work had
 * already finished) to neither side.
 */
export function blameUnfinished(last: LastProgress | undefined, reported: ReadonlySet<string>): Blame {
  if (last && !reported.has(last.key)) return { kind: 'side', key: last.key, side: last.side };
  return { kind: 'infrastructure' };
}

/** The message of an infrastructure error, naming it as such. */
export function infrastructureMessage(what: string, where = 'outside any benchmark'): string {
  return `flamegate's benchmark runner failed ${where}, a fault of flamegate or of this machine (not of base or head): ${what}`;
}

/** A benchmark already failed on a side or by an infrastructure error is not run again. */
export function hasFailed(m: Pick<BenchmarkMeasurement, 'errors' | 'infrastructureError'>): boolean {
  return Object.keys(m.errors).length > 0 || m.infrastructureError !== undefined;
}
