// Everything the Action does with a finished run, after the pipeline: the flame-graph files next to the
// report, the opt-in image branch, the run artifact, the comment and the summary (rendered once), then
// `publish`. Post-only mode (the workflow_run half of the fork recipe) publishes a saved report.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Report } from '../model.js';
import type { PipelineResult } from '../pipeline.js';
import { renderMarkdown } from '../report/markdown.js';
import { type FlameGraphs, renderCommentAndSummary, renderFlames } from '../report/outputs.js';
import { UsageError } from '../settings.js';
import { STACKS_FILE, shardArtifactPrefix } from '../shard/record.js';
import type { ShardSpec } from '../shard/select.js';
import { log, uploadArtifact } from './actions.js';
import { commentMarker } from './comment.js';
import { commitImages } from './images.js';
import { type CommentMode, publish } from './publish.js';

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

const SUMMARY_CHARS = 1_000_000;

export async function publishRun(result: PipelineResult, options: PublishOptions): Promise<void> {
  const repoUrl = `${options.serverUrl}/${options.owner}/${options.repo}`;
  const flames = renderFlames(result, { repoUrl });
  for (const file of flames.files) write(join(result.outDir, file.path), file.content);
  const images = await commitFlameImages(options, flames.files);
  const footer = await uploadRunArtifact(result, flames, options);
  const { comment, summary } = renderCommentAndSummary(result.report, flames, {
    repoUrl,
    marker: commentMarker(options.commentKey),
    footer,
    images,
    summaryChars: SUMMARY_CHARS,
  });
  write(join(result.outDir, 'comment.md'), comment);
  await publish({
    report: result.report,
    reportPath: result.reportPath,
    comment,
    summary,
    ...targetOf(options),
  });
  log.info(
    `Report: ${result.reportPath} (flame graphs in ${relative(process.cwd(), join(result.outDir, 'flame')) || '.'})`,
  );
}

/** Post-only mode: the report (and the comment saved next to it, when there is one) made elsewhere. */
export async function publishSavedReport(reportPath: string, options: PublishOptions): Promise<void> {
  const report = readReport(reportPath);
  const repoUrl = `${options.serverUrl}/${options.owner}/${options.repo}`;
  const marker = commentMarker(options.commentKey);
  const savedComment = join(dirname(reportPath), 'comment.md');
  // The saved comment carries the marker of the run that made it; this step's marker replaces it.
  const comment = existsSync(savedComment)
    ? `${marker}\n${readFileSync(savedComment, 'utf8').replace(/^<!-- flamegate:[^>]*-->\n?/, '')}`
    : renderMarkdown(report, { links: { repoUrl }, marker });
  const summary = renderMarkdown(report, { links: { repoUrl }, maxChars: SUMMARY_CHARS });
  await publish({ report, reportPath, comment, summary, ...targetOf(options) });
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

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Uploads the report, flame graphs and profiles; returns the comment's footer linking them. */
async function uploadRunArtifact(
  result: PipelineResult,
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
    log.info(`Committed ${svgs.length} flame graph(s) to branch ${options.imageBranch}.`);
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
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    if (report.schemaVersion !== 1) throw new Error(`schemaVersion ${report.schemaVersion} is not 1`);
    return report;
  } catch (error) {
    throw new UsageError(
      `input "report": cannot read ${path} as a flamegate JSON report: ${(error as Error).message}`,
    );
  }
}
