// How a run that is no verdict on the pull request is reported. A run that flamegate or the machine
// broke is named as an infrastructure error, never as the pull request's failure; a run that measured
// nothing on both sides is an error too (or, with `thresholds.failed: warn`, a warning). The CLI prints
// these and exits 2; the Action fails the step with them; the comment shows them under its verdict.

import { plural } from '../format.js';
import type { Report } from '../model.js';

/** The message for a report with infrastructure errors; undefined when there is none. */
export function infrastructureFailure(report: Report): string | undefined {
  const errors = report.infrastructureErrors ?? [];
  if (errors.length === 0) return undefined;
  const stopped = report.benchmarks.filter((b) => b.infrastructure).length;
  return (
    `infrastructure error: ${plural(stopped, 'benchmark')} could not be measured because of a fault of flamegate ` +
    `or of this machine, not of the pull request. Rerun; if it persists, report it to flamegate.\n${errors.join('\n')}`
  );
}

/** Nothing measured on both sides: an error (the default) or, with `thresholds.failed: warn`, a warning. */
export function nothingMeasuredNote(
  report: Report,
): { level: 'error' | 'warning'; text: string; reason: string; advice: string } | undefined {
  const reason = report.nothingMeasured;
  if (!reason) return undefined;
  // The reason quotes the pull request's own error messages; the advice is flamegate's, with code in it.
  const note = (level: 'error' | 'warning', advice: string) => ({
    level,
    reason,
    advice,
    text: `${level}: ${reason} ${advice}`,
  });
  return report.measured?.onNothing === 'warn'
    ? note('warning', 'This run passes only because the config sets `thresholds.failed: warn`.')
    : note(
        'error',
        '(`thresholds.failed: warn` in .github/flamegate.yml would pass such a run with a warning.)',
      );
}

/** Why the run is no verdict on the pull request (exit 2, a failed step); undefined when it is one. */
export function noVerdict(report: Report): string | undefined {
  const nothing = nothingMeasuredNote(report);
  const reasons = [infrastructureFailure(report), nothing?.level === 'error' ? nothing.text : undefined];
  const named = reasons.filter((r): r is string => r !== undefined);
  return named.length > 0 ? named.join('\n') : undefined;
}

/** How a finished run ends: its exit code, and what to say with it. */
export interface ExitOutcome {
  /** 2 when the run is no verdict on the pull request, 1 when it failed, 0 when it passed. */
  code: 0 | 1 | 2;
  /** Why it is no verdict, or the warning of a run that measured nothing (passing under `warn`). */
  message?: string;
}

/** The one mapping from a finished run's report to its exit code (every command and the run writer). */
export function exitOutcome(report: Report): ExitOutcome {
  const error = noVerdict(report);
  if (error) return { code: 2, message: error };
  const nothing = nothingMeasuredNote(report);
  const code = report.verdict === 'fail' ? 1 : 0;
  return nothing ? { code, message: nothing.text } : { code };
}

/**
 * The CLI's exit code for a finished run (`exitOutcome`): why it is no verdict, or the warning of a
 * run that measured nothing, goes to `warn`.
 */
export function exitCodeOf(report: Report, warn: (line: string) => void): number {
  const { code, message } = exitOutcome(report);
  if (message) warn(`flamegate: ${message}\n`);
  return code;
}

/** The first line of the verdict when some benchmarks failed on both sides; undefined when none did. */
export function failedOnBothNote(report: Pick<Report, 'measured'>): string | undefined {
  const failed = report.measured?.failedOnBoth ?? 0;
  return failed > 0
    ? `${plural(failed, 'benchmark')} failed on both sides and ${failed === 1 ? 'was' : 'were'} not measured`
    : undefined;
}

/** The first line of the verdict when `budget.maxMinutes` left benchmarks out; undefined when none was. */
export function leftOutNote(report: Pick<Report, 'leftOut'>): string | undefined {
  const count = report.leftOut?.length ?? 0;
  return count > 0 ? `${plural(count, 'benchmark')} left out for time (budget.maxMinutes)` : undefined;
}

/** What the verdict's first line says was not measured (failed on both sides, left out), or undefined. */
export function unmeasuredNote(report: Pick<Report, 'measured' | 'leftOut'>): string | undefined {
  const notes = [failedOnBothNote(report), leftOutNote(report)].filter(Boolean);
  return notes.length > 0 ? notes.join(', ') : undefined;
}

/** The distinct reasons benchmarks were left out, each with how many it covers (most first). */
export function leftOutReasons(report: Pick<Report, 'leftOut'>): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of report.leftOut ?? []) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
