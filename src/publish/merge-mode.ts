// The Action's merge mode (`mode: merge`): the job after a matrix of shard jobs. It gathers this
// run's shard artifacts (or a local directory of shard results), merges them into one report, and
// publishes one comment, one job summary and one verdict.
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { copyProfiles, loadShards, mergeShards } from '../merge/merge.js';
import { renderComment, renderFlames } from '../report/outputs.js';
import { UsageError } from '../settings.js';
import { log, uploadArtifact } from './actions.js';
import { commentMarker } from './comment.js';
import { publish } from './publish.js';

export interface MergeModeOptions {
  /** Local directory of shard results (one subdirectory per shard); otherwise this run's artifacts. */
  shardsDir?: string;
  shardArtifactPrefix: string;
  outDir: string;
  repoUrl: string;
  runUrl?: string;
  commentKey: string;
  comment: 'always' | 'on-change' | 'never';
  failOnRegression: boolean;
  /** Upload the merged report and flame graphs as an artifact. */
  artifact: boolean;
  target: Parameters<typeof publish>[0]['target'];
}

/** Downloads every artifact of this workflow run whose name starts with the prefix, one folder each. */
async function downloadShardArtifacts(prefix: string): Promise<string> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN) {
    throw new UsageError(
      'mode: merge cannot download the shard artifacts: this runner offers no artifact service. Give the shard results as a directory with the "shards-dir" input.',
    );
  }
  const client = new DefaultArtifactClient();
  const { artifacts } = await client.listArtifacts({ latest: true }).catch((error: Error) => {
    throw new Error(
      `mode: merge could not list this run's artifacts (the runner's artifact service): ${error.message}`,
    );
  });
  const mine = artifacts
    .filter((a) => a.name.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (mine.length === 0) {
    throw new UsageError(
      `mode: merge found no artifact named ${prefix}<i>-of-<N> in this run: did the shard jobs (shard: i/N) run and finish, and do they use the same comment-key?`,
    );
  }
  const root = mkdtempSync(join(process.env.RUNNER_TEMP ?? tmpdir(), 'flamegate-shards-'));
  for (const artifact of mine) {
    await client.downloadArtifact(artifact.id, { path: join(root, artifact.name) }).catch((error: Error) => {
      throw new Error(`mode: merge could not download the artifact ${artifact.name}: ${error.message}`);
    });
  }
  log.info(`Downloaded ${mine.length} shard artifact(s): ${mine.map((a) => a.name).join(', ')}`);
  return root;
}

/** Shard result folders under a directory: its subdirectories, or the directory itself. */
function shardDirs(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch {
    throw new UsageError(`input "shards-dir": ${root} does not exist`);
  }
  const dirs = entries.map((e) => join(root, e)).filter((p) => statSync(p).isDirectory());
  return dirs.length > 0 ? dirs : [root];
}

export async function runMergeMode(options: MergeModeOptions): Promise<void> {
  const root = options.shardsDir ?? (await downloadShardArtifacts(options.shardArtifactPrefix));
  const shards = loadShards(shardDirs(root));
  const merged = mergeShards(shards);
  log.info(
    `Merged ${shards.length} shard(s): ${merged.report.benchmarks.length} benchmark(s), verdict ${merged.report.verdict}.`,
  );
  const outDir = options.outDir;
  mkdirSync(outDir, { recursive: true });
  copyProfiles(shards, outDir);
  const write = (path: string, content: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  const reportPath = join(outDir, 'report.json');
  write(reportPath, `${JSON.stringify(merged.report, null, 2)}\n`);
  const flames = renderFlames(merged, { repoUrl: options.repoUrl });
  for (const file of flames.files) write(join(outDir, file.path), file.content);
  let footer: string | undefined;
  if (options.artifact) {
    try {
      const files = [
        reportPath,
        ...flames.files.map((f) => join(outDir, f.path)),
        ...Object.values(merged.report.profiles ?? {}).flatMap((p) =>
          Object.values(p).map((rel) => join(outDir, rel)),
        ),
      ];
      const id = await uploadArtifact(
        `flamegate-${options.commentKey.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
        files,
        outDir,
      );
      if (id !== undefined && options.runUrl) {
        footer = `🔥 Interactive flame graphs (SVG, HTML viewer) and pprof profiles: [run artifact](${options.runUrl}/artifacts/${id})`;
      }
    } catch (error) {
      log.warning(`Could not upload the merged flame graphs as an artifact: ${(error as Error).message}`);
    }
  }
  const comment = renderComment(merged.report, flames, {
    repoUrl: options.repoUrl,
    marker: commentMarker(options.commentKey),
    footer,
  });
  write(join(outDir, 'comment.md'), comment);
  await publish({
    report: merged.report,
    reportPath,
    comment,
    summary: renderComment(merged.report, flames, { repoUrl: options.repoUrl, footer, maxChars: 1_000_000 }),
    commentMode: options.comment,
    commentKey: options.commentKey,
    target: options.target,
    failOnRegression: options.failOnRegression,
  });
}
