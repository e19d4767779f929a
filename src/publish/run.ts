// Everything the Action does with a finished run (the pipeline's, or merge mode's): the run writer
// (src/report/write-run.ts) writes report.json, the flame graphs and comment.md exactly as the CLI's,
// with the opt-in image branch and the run artifact in between (the comment links them); then
// `publish` posts the comment and summary it rendered. Post-only mode (the workflow_run half of the
// fork recipe) publishes a saved report.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { plural } from '../format.js';
import type { Report, RunResult, ShardSpec } from '../model.js';
import { exitOutcome } from '../report/infrastructure.js';
import { type FlameGraphs, renderCommentAndSummary } from '../report/outputs.js';
import { parseReport, REPORT_MAX_BYTES } from '../report/schema.js';
import { SUMMARY_CHARS, writeRun } from '../report/write-run.js';
import { UsageError } from '../settings.js';
import { STACKS_FILE, shardArtifactPrefix } from '../shard/record.js';
import { log, uploadArtifact } from './actions.js';
import { commentMarker } from './comment.js';
import { commitImages } from './images.js';
import { type CommentMode, publish } from './publish.js';
import { findWorkflowRunPull, type PullLookup, type WorkflowRunEvent } from './pull-request.js';

/** Where and how a run is published (the Action's inputs and the runner's context). */
export interface PublishOptions {
  token: string;
  owner: string;
  repo: string;
  /** GITHUB_SERVER_URL, for links. */
  serverUrl: string;
  /** GITHUB_API_URL (GitHub Enterprise, or a test server); the public API when absent. */
  apiUrl?: string;
  pullNumber?: number;
  /**
   * Set under the workflow_run event: the pull request is then looked up from it (`pullNumber` is
   * never set there), and post-only mode checks the report's head commit against it.
   */
  workflowRun?: WorkflowRunEvent;
  runId?: string;
  runUrl?: string;
  comment: CommentMode;
  commentKey: string;
  failOnRegression: boolean;
  /** Upload flame graphs, profiles and the report as a run artifact. */
  artifact: boolean;
  /** Opt-in: commit the flame-graph SVGs to this branch and embed them in the comment. */
  imageBranch?: string;
  /** A shard job: its artifact is `<shardArtifactPrefix><i>-of-<N>` and carries the flame-graph stacks. */
  shard?: ShardSpec;
  shardArtifactPrefix?: string;
}

export async function publishRun(result: RunResult, given: PublishOptions): Promise<void> {
  const options = await withPullRequest(given);
  const { comment, summary, exit } = await writeRun(result, {
    repoUrl: `${options.serverUrl}/${options.owner}/${options.repo}`,
    marker: commentMarker(options.commentKey),
    // Once the flame graphs are on disk: the SVGs to the image branch, everything to the artifact.
    beforeComment: async (flames) => ({
      images: await commitFlameImages(options, flames.files),
      footer: await uploadRunArtifact(result, flames, options),
    }),
  });
  await publish({
    report: result.report,
    reportPath: result.reportPath,
    comment,
    summary,
    exit,
    ...targetOf(options),
  });
  log.info(
    `Report: ${result.reportPath} (flame graphs in ${relative(process.cwd(), join(result.outDir, 'flame')) || '.'})`,
  );
}

/**
 * Post-only mode: a report made elsewhere, by a run that may have executed a hostile pull request's
 * code. Nothing next to it is read (a saved comment.md least of all): the report is checked against the
 * schema and rendered here exactly as a live run renders it; under workflow_run its head commit must
 * be the run's, and the pull request comes from GitHub.
 */
export async function publishSavedReport(reportPath: string, given: PublishOptions): Promise<void> {
  const report = readReport(reportPath);
  const run = given.workflowRun;
  if (run && report.head.sha !== run.headSha) {
    throw new UsageError(
      `input "report": ${reportPath} measured head ${report.head.sha}, but the workflow run that made it checked out ${run.headSha} (workflow_run.head_sha); ` +
        'flamegate publishes only the report of the commit that run measured. In the measuring workflow, check out the pull request head ' +
        "(actions/checkout with ref: the event's pull_request.head.sha), as in the README's fork recipe.",
    );
  }
  const options = await withPullRequest(given);
  const repoUrl = `${options.serverUrl}/${options.owner}/${options.repo}`;
  const { comment, summary } = renderCommentAndSummary(
    report,
    { files: [], sections: {} },
    { repoUrl, marker: commentMarker(options.commentKey), summaryChars: SUMMARY_CHARS },
  );
  await publish({ report, reportPath, comment, summary, exit: exitOutcome(report), ...targetOf(options) });
}

/** Under workflow_run, the pull request GitHub names for the run's head commit (or none, said why). */
async function withPullRequest(options: PublishOptions): Promise<PublishOptions> {
  const run = options.workflowRun;
  // Without a comment or an image branch the pull request's number is not needed.
  if (!run || (options.comment === 'never' && !options.imageBranch)) return options;
  const target = { token: options.token, owner: options.owner, repo: options.repo, baseUrl: options.apiUrl };
  const found = await findWorkflowRunPull(target, run).catch(
    (error: Error & { status?: number }): PullLookup => ({
      reason: `listing the open pull requests failed (${error.status ? `HTTP ${error.status}: ` : ''}${error.message}; the workflow needs \`pull-requests: read\` or write)`,
    }),
  );
  if (found.number === undefined) {
    log.info(`No pull request to comment on: ${found.reason}. The report is in the job summary.`);
    return { ...options, pullNumber: undefined };
  }
  log.info(`Pull request #${found.number} (head ${run.headSha}), from ${found.source}.`);
  return { ...options, pullNumber: found.number };
}

function targetOf(options: PublishOptions) {
  return {
    commentMode: options.comment,
    commentKey: options.commentKey,
    failOnRegression: options.failOnRegression,
    target: {
      token: options.token,
      owner: options.owner,
      repo: options.repo,
      pullNumber: options.pullNumber,
      baseUrl: options.apiUrl,
    },
  };
}

/** Uploads the report, flame graphs and profiles; returns the comment's footer linking them. */
async function uploadRunArtifact(
  result: RunResult,
  flames: FlameGraphs,
  options: PublishOptions,
): Promise<string | undefined> {
  if (!options.artifact) return undefined;
  try {
    const files = [
      ...(options.shard ? [join(result.outDir, STACKS_FILE)] : []),
      result.reportPath,
      ...flames.files.map((f) => join(result.outDir, f.path)),
      ...Object.values(result.report.profiles ?? {}).flatMap((p) =>
        Object.values(p).map((rel) => join(result.outDir, rel)),
      ),
      // The allocation pass's heap profiles (pprof, alloc_space in bytes).
      ...Object.values(result.report.allocationProfiles ?? {}).flatMap((p) =>
        Object.values(p).map((rel) => join(result.outDir, rel)),
      ),
    ];
    const id = await uploadArtifact(
      options.shard
        ? `${options.shardArtifactPrefix ?? shardArtifactPrefix()}${options.shard.index}-of-${options.shard.count}`
        : `flamegate-${options.commentKey.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
      files,
      result.outDir,
    );
    if (id === undefined || !options.runUrl) return undefined;
    return `🔥 Interactive flame graphs (SVG, HTML viewer) and pprof profiles: [run artifact](${options.runUrl}/artifacts/${id})`;
  } catch (error) {
    log.warning(`Could not upload the flame graphs as an artifact: ${(error as Error).message}`);
    return undefined;
  }
}

/** With `flame-graph-branch`, the changed benchmarks' SVGs go to that branch and the comment embeds them. */
async function commitFlameImages(
  options: PublishOptions,
  files: FlameGraphs['files'],
): Promise<Record<string, string> | undefined> {
  const svgs = files.filter((f) => f.changed && f.path.endsWith('.svg'));
  if (!options.imageBranch || svgs.length === 0) return undefined;
  const folder = `flamegate/${options.pullNumber ? `pr-${options.pullNumber}` : `run-${options.runId ?? 'local'}`}`;
  const inBranch = (path: string) => `${folder}/${path.replace(/^flame\//, '')}`;
  try {
    const urls = await commitImages(
      {
        token: options.token,
        owner: options.owner,
        repo: options.repo,
        branch: options.imageBranch,
        baseUrl: options.apiUrl,
        serverUrl: options.serverUrl,
      },
      svgs.map((f) => ({ path: inBranch(f.path), content: f.content })),
      `flamegate: flame graphs for ${folder}`,
    );
    const byKey: Record<string, string> = {};
    for (const f of svgs) {
      const url = urls[inBranch(f.path)];
      if (url) byKey[f.key] = url;
    }
    log.info(`Committed ${plural(svgs.length, 'flame graph')} to branch ${options.imageBranch}.`);
    return byKey;
  } catch (error) {
    log.warning(
      `Could not commit flame graphs to branch ${options.imageBranch} (${(error as Error).message}). ` +
        'This needs `permissions: contents: write`; the comment links the run artifact instead.',
    );
    return undefined;
  }
}

function readReport(path: string): Report {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new Error('not a regular file');
      if (stat.size > REPORT_MAX_BYTES)
        throw new Error(`${stat.size} bytes, over the ${REPORT_MAX_BYTES}-byte limit`);
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new UsageError(`input "report": cannot read ${path}: ${(error as Error).message}`);
  }
  return parseReport(text, `input "report": ${path}`);
}
