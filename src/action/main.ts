// The Action's entry: inputs → Settings → pipeline → report outputs → publish. Errors the user can
// fix become one-line annotations that name the fix.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Report } from '../model.js';
import { runPipeline } from '../pipeline.js';
import { fail, log, uploadArtifact } from '../publish/actions.js';
import { commentMarker } from '../publish/comment.js';
import { commitImages } from '../publish/images.js';
import { publish } from '../publish/publish.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderComment, renderFlames } from '../report/outputs.js';
import { progressLine } from '../report/progress.js';
import { UsageError } from '../settings.js';
import { CommandError, exec } from '../workspace/exec.js';
import { ensureCommit } from '../workspace/fetch.js';
import { findRepo } from '../workspace/workspace.js';
import { type ActionPlan, getInput, planAction } from './inputs.js';

async function run(): Promise<void> {
  const plan = planAction(process.env);
  const { options } = plan;
  const repoUrl = `${options.serverUrl}/${options.owner}/${options.repo}`;
  const marker = commentMarker(options.commentKey);
  const target = {
    token: options.token,
    owner: options.owner,
    repo: options.repo,
    pullNumber: options.pullNumber,
    baseUrl: process.env.GITHUB_API_URL,
  };

  if (options.reportPath) {
    // Post-only mode (the workflow_run half of the fork recipe): publish a report made elsewhere.
    const report = readReport(options.reportPath);
    const savedComment = join(dirname(options.reportPath), 'comment.md');
    const body = existsSync(savedComment)
      ? `${marker}\n${readFileSync(savedComment, 'utf8').replace(/^<!-- flamegate:[^>]*-->\n?/, '')}`
      : renderMarkdown(report, { links: { repoUrl }, marker });
    await publish({
      report,
      reportPath: options.reportPath,
      comment: body,
      summary: renderMarkdown(report, { links: { repoUrl }, maxChars: 1_000_000 }),
      commentMode: options.comment,
      commentKey: options.commentKey,
      target,
      failOnRegression: options.failOnRegression,
    });
    return;
  }

  await prepareBase(plan);
  const result = await log.group('Measuring base and head', () =>
    runPipeline({
      ...plan.settings,
      onProgress: (line) => log.info(line),
      onStatus: (status) => log.info(progressLine(status)),
    }),
  );

  const write = (path: string, content: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  const flames = renderFlames(result, { repoUrl });
  for (const file of flames.files) write(join(result.outDir, file.path), file.content);
  const images = await commitFlameImages(plan, flames.files);
  let footer: string | undefined;
  if (options.artifact) {
    try {
      const files = [
        result.reportPath,
        ...flames.files.map((f) => join(result.outDir, f.path)),
        ...Object.values(result.report.profiles ?? {}).flatMap((p) =>
          Object.values(p).map((rel) => join(result.outDir, rel)),
        ),
      ];
      const id = await uploadArtifact(
        `flamegate-${options.commentKey.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
        files,
        result.outDir,
      );
      if (id !== undefined && options.runUrl) {
        footer = `🔥 Interactive flame graphs (SVG, HTML viewer) and pprof profiles: [run artifact](${options.runUrl}/artifacts/${id})`;
      }
    } catch (error) {
      log.warning(`Could not upload the flame graphs as an artifact: ${(error as Error).message}`);
    }
  }
  const comment = renderComment(result.report, flames, { repoUrl, marker, footer, images });
  write(join(result.outDir, 'comment.md'), comment);
  await publish({
    report: result.report,
    reportPath: result.reportPath,
    comment,
    summary: renderComment(result.report, flames, { repoUrl, footer, images, maxChars: 1_000_000 }),
    commentMode: options.comment,
    commentKey: options.commentKey,
    target,
    failOnRegression: options.failOnRegression,
  });
  log.info(
    `Report: ${result.reportPath} (flame graphs in ${relative(process.cwd(), join(result.outDir, 'flame')) || '.'})`,
  );
}

/** With `flame-graph-branch`, the changed benchmarks' SVGs go to that branch and the comment embeds them. */
async function commitFlameImages(
  plan: ActionPlan,
  files: { path: string; content: string; key: string; changed: boolean }[],
): Promise<Record<string, string> | undefined> {
  const { options } = plan;
  const svgs = files.filter((f) => f.changed && f.path.endsWith('.svg'));
  if (!options.imageBranch || svgs.length === 0) return undefined;
  const folder = `flamegate/${options.pullNumber ? `pr-${options.pullNumber}` : `run-${process.env.GITHUB_RUN_ID ?? 'local'}`}`;
  try {
    const urls = await commitImages(
      {
        token: options.token,
        owner: options.owner,
        repo: options.repo,
        branch: options.imageBranch,
        baseUrl: process.env.GITHUB_API_URL,
        serverUrl: options.serverUrl,
      },
      svgs.map((f) => ({ path: `${folder}/${f.path.replace(/^flame\//, '')}`, content: f.content })),
      `flamegate: flame graphs for ${folder}`,
    );
    const byKey: Record<string, string> = {};
    svgs.forEach((f) => {
      const url = urls[`${folder}/${f.path.replace(/^flame\//, '')}`];
      if (url) byKey[f.key] = url;
    });
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

/** Fetches the base commit into a shallow checkout, and resolves the merge-base when asked to. */
async function prepareBase(plan: ActionPlan): Promise<void> {
  const { repoRoot } = await findRepo(plan.settings.cwd);
  if (plan.baseSha) {
    const how = await ensureCommit(repoRoot, plan.baseSha);
    if (how === 'fetched') log.info(`Fetched base commit ${plan.baseSha} into the shallow checkout.`);
  }
  if (getInput(process.env, 'base-mode') === 'merge-base') {
    const result = await exec('git', ['merge-base', plan.settings.base, 'HEAD'], { cwd: repoRoot });
    if (result.code !== 0) {
      throw new UsageError(
        `base-mode merge-base: git merge-base ${plan.settings.base} HEAD failed (a shallow checkout has no shared history; use actions/checkout with fetch-depth: 0)`,
      );
    }
    plan.settings.base = result.stdout.trim();
  }
}

run().catch((error: unknown) => {
  if (error instanceof UsageError) {
    // One annotation line that still names every bad key.
    fail(`flamegate: ${error.message.replace(/\n\s*-?\s*/g, ' ').trim()}`);
  } else if (error instanceof CommandError) {
    const [first, ...rest] = error.message.split('\n');
    if (rest.length > 0) log.info(rest.join('\n'));
    fail(`flamegate: ${first}`);
  } else {
    fail(`flamegate: unexpected error: ${(error as Error).stack ?? String(error)}`);
  }
});
