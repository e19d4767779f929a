// The publish stage: job summary (always, full report), the sticky comment, outputs, and the
// failed check with its annotations (annotations.ts: a changed function over its threshold on its
// own lines, every other exceeded threshold as a line of the check). A comment GitHub refuses (fork
// PRs, read-only tokens) is a warning: it never changes the verdict.
import type { Report } from '../model.js';
import { reportHasChanges } from '../report/changes.js';
import { gateCounts } from '../report/gates.js';
import type { ExitOutcome } from '../report/infrastructure.js';
import { fail, log, setOutputs, writeAnnotation, writeSummary } from './actions.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from './annotations.js';
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
  setOutputs({ verdict: report.verdict, report: input.reportPath, gates: gateCounts(report), commentUrl });
  if (report.verdict === 'fail') {
    annotate(report, input);
    const count = report.failures?.length ?? 0;
    const summary = `flamegate: ${count === 1 ? '1 threshold' : `${count} thresholds`} exceeded (see the annotations and the job summary)`;
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

/**
 * The failed check's annotations: errors when the failure fails the step, warnings when
 * fail-on-regression is false (the step passes, and an error would read as its failure). What the
 * step writes at that level besides them keeps its room under GitHub's limit: its own failure or
 * "the step passes" message, a no-verdict error or warning, and (warnings) the comment's. Failure
 * lines past the limit go to the log; the job summary has them all.
 */
function annotate(report: Report, input: PublishInput): void {
  const level = input.failOnRegression ? 'error' : 'warning';
  const { code, message } = input.exit;
  const reserved = level === 'error' ? 1 + (code === 2 ? 1 : 0) : 2 + (code !== 2 && message ? 1 : 0);
  const { annotations, unannotated } = planAnnotations(report, { level, reserved });
  for (const annotation of annotations) writeAnnotation(annotation);
  if (unannotated.length > 0) {
    log.info(
      `flamegate: not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} ${level}s per step; the job summary lists every one):\n` +
        unannotated.map((line) => `  - ${line}`).join('\n'),
    );
  }
}
