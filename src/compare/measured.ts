// What a verdict rests on. A gate that is green after measuring nothing is worse than no gate: when no
// benchmark was timed on both sides (none found, all failed to load, an unsupported harness, nothing
// selected), the run is no verdict, and the message says why and what to fix. Pure: data in, data out.

import { plural } from '../format.js';
import type { BenchmarkMeasurement, BenchmarkResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';

type Measured = NonNullable<Report['measured']>;

/** Benchmarks timed on both sides, and those that failed on both sides, of the benchmarks compared. */
export function measuredOf(
  measurements: BenchmarkMeasurement[],
  results: BenchmarkResult[],
  onNothing: Measured['onNothing'] = 'error',
): Measured {
  return {
    both: results.filter((b) => TIMED.has(b.status)).length,
    failedOnBoth: measurements.filter((m) => m.errors.base && m.errors.head && !m.infrastructureError).length,
    onNothing,
  };
}

const TIMED = new Set<BenchmarkResult['status']>(['regressed', 'improved', 'unchanged']);

/**
 * Why nothing was measured on both sides, and what to fix; undefined when something was, when the gate
 * failed anyway (a benchmark the pull request broke: exit 1 says it), when the report predates
 * `measured`, or when every benchmark was stopped by an infrastructure error (that message says it).
 */
export function nothingMeasured(
  report: Pick<Report, 'benchmarks' | 'failures' | 'measured' | 'selection' | 'leftOut'>,
): string | undefined {
  const { measured, benchmarks } = report;
  if (!measured || measured.both > 0 || (report.failures?.length ?? 0) > 0) return undefined;
  // `select: affected` and a change that reaches no benchmark on both sides: nothing needed measuring
  // (a pass that says so, src/report), unlike a run whose benchmarks could not be measured.
  if (noneAffected(report)) return undefined;
  const infrastructure = benchmarks.filter((b) => b.infrastructure).length;
  if (benchmarks.length > 0 && infrastructure === benchmarks.length) return undefined;
  const lead = 'nothing was measured on both sides, so this run is no verdict on the pull request';
  if (benchmarks.length === 0) {
    return (
      `${lead}: the benchmark files define no benchmark, or an override skips every one (\`skip: true\`). ` +
      'flamegate runs files whose default export is a tinybench Bench (or a function returning one) and ' +
      'vitest bench files; check "benchmarks" and "overrides" in .github/flamegate.yml.'
    );
  }
  const count = (status: BenchmarkResult['status']) => benchmarks.filter((b) => b.status === status).length;
  const failedOnOneSide = count('failed') - infrastructure - measured.failedOnBoth;
  // Each distinct error once, with the first benchmark it stopped: 284 files failing alike are one line.
  const errors = new Map<string, string>();
  for (const b of benchmarks)
    if (b.status === 'failed' && !b.infrastructure && b.error && !errors.has(firstLine(b.error)))
      errors.set(firstLine(b.error), benchmarkKey(b));
  const causes = [
    measured.failedOnBoth > 0 &&
      `${plural(measured.failedOnBoth, 'benchmark')} failed on both base and head (not this pull request's doing)`,
    failedOnOneSide > 0 && `${failedOnOneSide} failed on one side only`,
    count('added') > 0 && `${count('added')} exist only on head, with nothing on base to compare them with`,
    count('removed') > 0 && `${count('removed')} exist only on base`,
    infrastructure > 0 && `${infrastructure} were stopped by an infrastructure error`,
    (report.leftOut?.length ?? 0) > 0 &&
      `${report.leftOut?.length} were left out for time (budget.maxMinutes)`,
  ].filter(Boolean);
  // The benchmarks' own errors name the cause (a missing package, an unsupported version, a throw).
  const shown = [...errors].slice(0, 3).map(([error, key]) => ` ${key}: ${error}`);
  const more =
    errors.size > shown.length ? ` (and ${plural(errors.size - shown.length, 'other error')})` : '';
  return `${lead}: ${causes.join('; ')}.${shown.length > 0 ? ` Errors:${shown.join(';')}${more}.` : ''}`;
}

/**
 * Under `select: affected`, the change reaches no benchmark that exists on both sides: the others
 * were left out as not affected, and what remains (if anything) was added or removed by the change.
 */
export function noneAffected(report: Pick<Report, 'benchmarks' | 'selection'>): boolean {
  return (
    (report.selection?.notAffected.length ?? 0) > 0 &&
    report.benchmarks.every((b) => b.status === 'added' || b.status === 'removed')
  );
}

function firstLine(text: string): string {
  const line = (text.split('\n')[0] ?? text).replace(/^(base|head): /, '');
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}
