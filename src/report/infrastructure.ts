// How a run that flamegate or the machine broke is reported: named as an infrastructure error,
// never as the pull request's failure. The CLI prints this and exits 2; the Action fails the step with
// it; the comment shows it above the tables.
import type { Report } from '../model.js';

/** The message for a report with infrastructure errors; undefined when there is none. */
export function infrastructureFailure(report: Report): string | undefined {
  const errors = report.infrastructureErrors ?? [];
  if (errors.length === 0) return undefined;
  const stopped = report.benchmarks.filter((b) => b.infrastructure).length;
  return (
    `infrastructure error: ${stopped} benchmark(s) could not be measured because of a fault of flamegate ` +
    `or of this machine, not of the pull request. Rerun; if it persists, report it to flamegate.\n${errors.join('\n')}`
  );
}
