// The Action's merge mode (`mode: merge`): the job after a matrix of shard jobs. It gathers this
// run's shard artifacts (or a local directory of shard results), merges them into one report, and
// publishes one comment, one job summary and one verdict.
import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { plural } from '../format.js';
import { copyProfiles, loadShards, mergeShards } from '../merge/merge.js';
import { UsageError } from '../settings.js';
import { log } from './actions.js';
import { type PublishOptions, publishRun } from './run.js';

export interface MergeModeOptions extends PublishOptions {
  /** Local directory of shard results (one subdirectory per shard); otherwise this run's artifacts. */
  shardsDir?: string;
  shardArtifactPrefix: string;
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
  log.info(`Downloaded ${plural(mine.length, 'shard artifact')}: ${mine.map((a) => a.name).join(', ')}`);
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

export async function runMergeMode(options: MergeModeOptions, outDir: string): Promise<void> {
  const root = options.shardsDir ?? (await downloadShardArtifacts(options.shardArtifactPrefix));
  const shards = loadShards(shardDirs(root));
  const merged = mergeShards(shards);
  log.info(
    `Merged ${plural(shards.length, 'shard')}: ${plural(merged.report.benchmarks.length, 'benchmark')}, verdict ${merged.report.verdict}.`,
  );
  mkdirSync(outDir, { recursive: true });
  copyProfiles(shards, outDir);
  // From here on a merged run is written and published exactly like a whole one.
  await publishRun(
    { ...merged, outDir, reportPath: join(outDir, 'report.json') },
    { ...options, shard: undefined },
  );
}
