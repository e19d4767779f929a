// The publish stage: job summary (always, full report), the sticky comment, outputs, and the
// failed check with one annotation per exceeded threshold. A comment GitHub refuses (fork PRs,
// read-only tokens) is a warning: it never changes the verdict.
import type { Report } from '../model.js';
import { reportHasChanges } from '../report/changes.js';
import type { ExitOutcome } from '../report/infrastructure.js';
import { fail, log, setOutputs, writeSummary } from './actions.js';
import { type CommentTarget, commentMarker, fitComment, upsertComment } from './comment.js';

export type CommentMode = 'always' | 'on-change' | 'never';

export interface PublishInput {
  report: Report;
  reportPath: string;
  /** The comment body (budgeted to GitHub's limit), with the marker first. */
  comment: string;
  /** The whole report for the job summary. */
  summary: string;
  /** How the run ends (`exitOutcome`, the CLI's exit code): 2 fails the step whatever fail-on-regression says. */
  exit: ExitOutcome;
  commentMode: CommentMode;
  commentKey: string;
  target?: Omit<CommentTarget, 'pullNumber'> & { pullNumber?: number };
  failOnRegression: boolean;
}

export async function publish(input: PublishInput): Promise<{ commentUrl: string }> {
  const { report } = input;
  await writeSummary(input.summary);
  let commentUrl = '';
  const target = input.target;
  if (input.commentMode === 'never') {
    log.info('comment: never; the report is in the job summary.');
  } else if (!target?.pullNumber) {
    log.info('Not a pull request: no comment; the report is in the job summary.');
  } else if (!target.token) {
    log.warning('No github-token: no comment. The report is in the job summary.');
  } else {
    const result = await upsertComment(
      { ...target, pullNumber: target.pullNumber },
      commentMarker(input.commentKey),
      fitComment(input.comment, 'The full report is in the job summary.'),
      { createIfMissing: input.commentMode === 'always' || reportHasChanges(report) },
    );
    if (result.kind === 'forbidden') {
      log.warning(
        `flamegate could not comment on pull request #${target.pullNumber} (HTTP ${result.status}: ${result.message}). ` +
          'Give the workflow `permissions: pull-requests: write`; for pull requests from forks, whose token is read-only, ' +
          'use the two-workflow recipe in the README (pull_request uploads the report, workflow_run posts it). ' +
          'The verdict is unchanged and the report is in the job summary.',
      );
    } else if (result.kind === 'skipped') {
      log.info(`No comment: ${result.reason}.`);
    } else {
      commentUrl = result.url;
      log.info(`Comment ${result.kind}: ${result.url}`);
    }
  }
  const regressions =
    report.benchmarks.filter((b) => b.status === 'regressed').length +
    report.functions.filter((f) => f.gate).length;
  setOutputs({ verdict: report.verdict, report: input.reportPath, regressions, commentUrl });
  if (report.verdict === 'fail') {
    for (const line of report.failures ?? []) log.error(line, 'flamegate: threshold exceeded');
    const count = report.failures?.length ?? 0;
    const summary = `flamegate: ${count} threshold(s) exceeded (see the annotations and the job summary)`;
    if (input.failOnRegression) fail(summary);
    else log.warning(`${summary}; fail-on-regression is false, so the step passes.`);
  }
  // A fault of flamegate or the machine, or a run that measured nothing, fails the step whatever
  // fail-on-regression says, named as such.
  const { code, message } = input.exit;
  if (code === 2) fail(`flamegate: ${(message ?? 'no verdict').replace(/\n/g, ' ')}`);
  else if (message) log.warning(`flamegate: ${message}`);
  return { commentUrl };
}
