// The pipeline: config → workspace → measure → profile → compare → report. Entry points call
// `runPipeline`; publishing (comment, summary, outputs) happens in the caller.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { compare } from './compare/compare.js';
import { driftNote } from './compare/drift.js';
import { type ProductionShares, productionShares, weighReport } from './compare/production.js';
import { loadConfig } from './config/load.js';
import { creepGate, isSkipped, thresholdsFor } from './config/overrides.js';
import { DEFAULT_HISTORY_BRANCH } from './history/layout.js';
import { nodeVersion } from './measure/child-process.js';
import { measureRun } from './measure/measure.js';
import { benchmarkKey, type RunResult, type StacksByBenchmark } from './model.js';
import { stopAllGroups } from './processes.js';
import { classifyProfile } from './profile/classify.js';
import { readProductionProfile } from './profile/decode.js';
import { type BenchmarkProfiles, profileStage } from './profile/profile.js';
import { reproduceArgs, type Settings, UsageError } from './settings.js';
import { costTracker, recordRun, writeStacks } from './shard/record.js';
import { shardSelector } from './shard/select.js';
import { historyForBase } from './track/base-history.js';
import { committedFiles, describeChanges, installedVersions } from './workspace/changes.js';
import { prepare } from './workspace/prepare.js';
import { createWorkspace, readAtRevision } from './workspace/workspace.js';

/** A finished pipeline run: what the run writer needs (RunResult), and the checkouts' removal. */
export interface PipelineResult extends RunResult {
  /**
   * The checkouts' removal, started when the pipeline ended so it overlaps the run writer (report.json
   * first): resolves with its wall time in ms, once nothing is left. The entry point awaits it last.
   */
  checkoutsRemoved?: () => Promise<number>;
}

export async function runPipeline(settings: Settings): Promise<PipelineResult> {
  const started = Date.now();
  const progress = settings.onProgress ?? (() => undefined);
  const node = settings.node ?? 'node';
  const runtime = (() => {
    try {
      return nodeVersion(node);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  const workspace = await createWorkspace({
    cwd: settings.cwd,
    base: settings.base,
    head: settings.head,
    signal: settings.signal,
    keep: settings.keepWorktrees,
  });
  let removal: Promise<number> | undefined;
  let succeeded = false;
  try {
    // A pull request's config comes from base, so that it cannot loosen its own gate; a track run's
    // from the pushed commit, already on the default branch.
    const trusted = settings.track ? workspace.head.revision.sha : workspace.base.revision.sha;
    const read = await loadConfig(settings, {
      sha: trusted,
      read: (path) => readAtRevision(workspace.repoRoot, trusted, path),
    });
    const config = settings.track ? creepGate(read) : read;
    const deadline = started + config.budget.maxMinutes * 60_000;
    settings.onDeadline?.(deadline);
    // Read before measuring, so that a bad path fails in a second, not after the benchmarks.
    const production = loadProduction(settings.productionProfile ?? config.productionProfile, settings.cwd);
    // Before the pull request's install scripts run: they could plant git settings in the checkouts.
    const changedFiles = await describeChanges(workspace, settings.signal);
    const committed = await committedFiles(workspace, settings.signal);
    // Creep on the default branch, for the comment: read from the history branch now, while no code of
    // the pull request has run. Not in a track run, which is itself history.
    const tracked = settings.track
      ? undefined
      : await historyForBase(workspace.repoRoot, workspace.base.revision.sha, {
          branch: settings.history?.branch ?? config.historyBranch ?? DEFAULT_HISTORY_BRANCH,
          fetch: settings.history?.fetch ?? false,
        });
    const { packages, files } = await prepare(workspace, config, {
      progress,
      signal: settings.signal,
      packages: settings.packages,
    });

    const outDir = settings.outDir ? resolve(settings.outDir) : mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    mkdirSync(outDir, { recursive: true });
    mkdirSync(workspace.scratch, { recursive: true });
    const tracker = costTracker();
    const shard = shardSelector(settings.shard, { budget: config.budget, costs: settings.costs, progress });
    const { measurements, run } = await measureRun({
      sides: {
        base: { dir: workspace.base.dir, files: files.base },
        head: { dir: workspace.head.dir, files: files.head },
      },
      budget: config.budget,
      node,
      workDir: workspace.scratch,
      profileDir: join(outDir, 'profiles'),
      skip: (id) => isSkipped(config.overrides, id),
      onProgress: progress,
      onStatus: settings.onStatus,
      thresholdOf: (id) => thresholdsFor(config, id).benchmark,
      deadline,
      signal: settings.signal,
      onWork: tracker.onWork,
      select: shard.select,
      affected: {
        select: config.select ?? settings.defaultSelect ?? 'affected',
        changed: Object.keys(changedFiles),
        committed,
        roots: { base: workspace.base.root, head: workspace.head.root },
      },
    });
    if (settings.signal?.aborted) throw new UsageError('interrupted');
    // Errors quote the paths they failed at: the checkouts', the scratch folder's. Those are
    // temporary and mean nothing to a reader of the comment; a file in a checkout is named from the
    // repository's root, as everywhere else in the report.
    const scrub = withoutTempPaths([
      [workspace.head.root, ''],
      [workspace.base.root, ''],
      [workspace.scratch, '<scratch>'],
      ...(settings.outDir ? [] : ([[outDir, '<out>']] as [string, string][])),
    ]);
    for (const m of measurements) {
      if (m.errors.base) m.errors.base = scrub(m.errors.base);
      if (m.errors.head) m.errors.head = scrub(m.errors.head);
      if (m.infrastructureError) m.infrastructureError = scrub(m.infrastructureError);
    }

    progress('reading the profiles and comparing base with head');
    const { cpu: cpuTables, allocations: allocationTables } = profileStage({
      measurements,
      roots: [workspace.base.root, workspace.head.root],
      outDir,
    });
    const sources = { files: changedFiles, packages: installedVersions(workspace) };

    const compared = compare({
      measurements,
      cpuTables,
      allocationTables,
      sources,
      config,
      base: workspace.base.revision,
      head: workspace.head.revision,
      run,
      runtime,
      partial: settings.shard !== undefined,
    });
    const allPackages = packages && [...new Set([...packages.base, ...packages.head])].sort();
    // Rows name files from the repository root, packages from the working directory: production
    // matches a file by its path inside its package (production deploys the package's own folder).
    const packageDirs = allPackages?.map((p) => posix.join(workspace.prefix, p)) ?? [workspace.prefix || '.'];
    const report = production
      ? weighReport(compared, production, config.thresholds, { packages: packageDirs })
      : compared;
    recordRun(report, { config, costs: tracker.costs, shard: shard.plan()?.info, packages: allPackages });
    const drift = tracked && driftNote(tracked, report);
    if (drift) report.drift = drift;
    const reproduce = reproduceArgs(settings, workspace.prefix);
    if (reproduce.length > 0) report.reproduce = reproduce;
    const slugs = Object.fromEntries(measurements.map((m) => [benchmarkKey(m.id), m.slug]));
    const cpuStacks = flameInputs(cpuTables);
    const allocationStacks = flameInputs(allocationTables);
    // A shard leaves the stacks of both passes for `merge`, which draws the one set of flame graphs.
    if (shard.plan()) writeStacks(outDir, { stacks: cpuStacks, allocationStacks, slugs });
    succeeded = true;
    return {
      report,
      outDir,
      // Written by the run writer (src/report/write-run.ts), with the other outputs.
      reportPath: join(outDir, 'report.json'),
      cpuStacks,
      slugs,
      allocationStacks,
      checkoutsRemoved: () => removal ?? Promise.resolve(0),
    };
  } finally {
    // Nothing the pull request started may outlive the run or hold files in the worktrees.
    await stopAllGroups();
    // Checkouts with their node_modules can take a while to remove: after a run that succeeded, that
    // happens while the entry point writes its outputs, and the entry point awaits it last.
    const removing = Date.now();
    removal = workspace.dispose().then(() => Date.now() - removing);
    // Its failure is the awaiting entry point's to report, never an unhandled rejection before that.
    removal.catch(() => undefined);
    if (!succeeded) await removal;
  }
}

/**
 * The entry points' last step: awaits the checkouts' removal (started when the pipeline ended), said
 * before and after with its time, so it is never a silent wait. A removal that fails is said, not
 * thrown: the run's outputs are written and its verdict stands.
 */
export async function finishRemoval(result: PipelineResult, say?: (line: string) => void): Promise<void> {
  if (!result.checkoutsRemoved) return;
  say?.('removing the checkouts');
  try {
    const ms = await result.checkoutsRemoved();
    say?.(`checkouts removed in ${(ms / 1000).toFixed(1)} s (begun as report.json was written)`);
  } catch (error) {
    say?.(`could not remove the checkouts: ${(error as Error).message}`);
  }
}

function loadProduction(path: string | undefined, cwd: string): ProductionShares | undefined {
  if (!path) return undefined;
  try {
    return productionShares(classifyProfile(readProductionProfile(resolve(cwd, path))));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function flameInputs(profiles: BenchmarkProfiles): StacksByBenchmark {
  const stacks: StacksByBenchmark = {};
  for (const [key, sides] of Object.entries(profiles)) {
    stacks[key] = {};
    for (const side of ['base', 'head'] as const) {
      const profile = sides[side];
      if (profile) stacks[key][side] = profile.stacks;
    }
  }
  return stacks;
}

/**
 * Replaces each folder (and anything below it) in a text with its stand-in: `<root>/src/a.js` → `src/a.js`
 * for a stand-in of '', `<root>` alone → `.`; longest folders first, so a folder inside another wins.
 */
export function withoutTempPaths(folders: [string, string][]): (text: string) => string {
  const sorted = folders.filter(([dir]) => dir.length > 1).sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    let out = text;
    for (const [dir, name] of sorted) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      out = out.split(prefix).join(name ? `${name}/` : '');
      out = out.split(dir).join(name || '.');
    }
    return out;
  };
}
