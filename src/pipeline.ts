// The pipeline: config → workspace → measure → profile → compare → report. Entry points call
// `runPipeline`; publishing (comment, summary, outputs) happens in the caller.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compare } from './compare/compare.js';
import { type ProductionShares, productionShares, weighReport } from './compare/production.js';
import { DEFAULT_BENCHMARK_GLOB } from './config/config.js';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config/load.js';
import { findOverride, isSkipped } from './config/overrides.js';
import { nodeVersion } from './measure/child-process.js';
import { measureRun } from './measure/measure.js';
import { benchmarkKey, type Report, type Side, type StackProfile } from './model.js';
import { allocationProfileStage } from './profile/allocations.js';
import { classifyPacked } from './profile/classify.js';
import { readProductionProfile } from './profile/decode.js';
import { type BenchmarkProfiles, profileStage } from './profile/profile.js';
import { type Settings, UsageError } from './settings.js';
import { costTracker, recordRun, writeStacks } from './shard/record.js';
import { type ShardPlan, selectShard, shardLabel } from './shard/select.js';
import { describeChanges } from './workspace/changes.js';
import { listBenchmarkFiles } from './workspace/files.js';
import { expandPackages, listPackageFiles } from './workspace/packages.js';
import { prepare } from './workspace/prepare.js';
import { createWorkspace, readAtRevision } from './workspace/workspace.js';

export interface PipelineResult {
  report: Report;
  /** Directory holding the raw profiles (base/head per benchmark) and report.json. */
  outDir: string;
  /** Path of the JSON report inside outDir. */
  reportPath: string;
  /** Classified profiles per benchmark key, for the flame graphs of the report stage. */
  profiles: Record<string, Partial<Record<Side, StackProfile>>>;
  /** File-system-safe name per benchmark key (the measure stage's), for the flame-graph files. */
  slugs: Record<string, string>;
  /** The allocation pass's heap profiles per benchmark key (`ns` holds bytes), for its flame graphs. */
  allocationProfiles?: Record<string, Partial<Record<Side, StackProfile>>>;
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
  try {
    const config = await loadConfig(settings, {
      sha: workspace.base.revision.sha,
      read: (path) => readAtRevision(workspace.repoRoot, workspace.base.revision.sha, path),
    });
    // Read before measuring, so that a bad path fails in a second, not after the benchmarks.
    const production = loadProduction(settings.productionProfile ?? config.productionProfile, settings.cwd);
    const packages = settings.packages && {
      base: await expandPackages(workspace.base.dir, settings.packages),
      head: await expandPackages(workspace.head.dir, settings.packages),
    };
    if (packages && packages.base.length + packages.head.length === 0) {
      throw new UsageError(`no package directory matches ${settings.packages?.join(', ')} on either side`);
    }
    await prepare(workspace, config, progress, settings.signal, packages);

    const list = (side: 'base' | 'head') =>
      packages
        ? listPackageFiles(workspace[side].dir, packages[side], config.benchmarks, config.exclude)
        : listBenchmarkFiles(workspace[side].dir, config.benchmarks, config.exclude);
    const files = { base: await list('base'), head: await list('head') };
    if (files.base.length === 0 && files.head.length === 0) {
      const where = workspace.prefix || 'the repository root';
      throw new UsageError(
        `no benchmark files found: nothing in ${where} matches ${config.benchmarks.join(', ')} ` +
          `(set "benchmarks" in ${DEFAULT_CONFIG_PATH}; the default is ${DEFAULT_BENCHMARK_GLOB})`,
      );
    }
    progress(`found ${files.head.length} benchmark file(s) on head, ${files.base.length} on base`);

    const outDir = settings.outDir ? resolve(settings.outDir) : mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    mkdirSync(outDir, { recursive: true });
    mkdirSync(workspace.scratch, { recursive: true });
    const tracker = costTracker();
    let shard: ShardPlan | undefined;
    const passMs: Record<string, number> = {};
    const { measurements, run } = await measureRun({
      passMs,
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
      thresholdOf: (id) =>
        findOverride(config.overrides, id)?.thresholds.benchmark ?? config.thresholds.benchmark,
      deadline: started + config.budget.maxMinutes * 60_000,
      signal: settings.signal,
      onWork: tracker.onWork,
      select: settings.shard
        ? (found) => {
            const spec = settings.shard as NonNullable<Settings['shard']>;
            shard = selectShard({ measurements: found, budget: config.budget, spec, costs: settings.costs });
            progress(
              `shard ${shardLabel(spec)}: ${shard.selected.length} of ${found.length} benchmark(s), split by ${shard.info.basis}`,
            );
            return shard.selected;
          }
        : undefined,
    });
    if (settings.signal?.aborted) throw new UsageError('interrupted');

    const profiles = profileStage({
      measurements,
      roots: [workspace.base.root, workspace.head.root],
      outDir,
    });
    const allocationProfiles = allocationProfileStage({
      measurements,
      roots: [workspace.base.root, workspace.head.root],
      outDir,
    });
    const sources = await describeChanges(workspace, settings.signal);

    const compared = compare({
      measurements,
      profiles,
      allocationProfiles,
      sources,
      config,
      base: workspace.base.revision,
      head: workspace.head.revision,
      run,
    });
    const report = production ? weighReport(compared, production, config.thresholds) : compared;
    report.settings = {
      processes: config.budget.processes,
      timePerProcessMs: config.budget.timePerProcessMs,
      profileMs: config.budget.profileMs,
      node: runtime,
      maxProcesses: config.budget.maxProcesses,
      maxMinutes: config.budget.maxMinutes,
    };
    report.profiles = profilePaths(profiles);
    if (Object.keys(allocationProfiles).length > 0)
      report.allocationProfiles = profilePaths(allocationProfiles);
    if (passMs.allocation !== undefined) report.allocationPassMs = passMs.allocation;
    const allPackages = packages && [...new Set([...packages.base, ...packages.head])].sort();
    recordRun(report, { config, costs: tracker.costs, shard: shard?.info, packages: allPackages });
    const slugs = Object.fromEntries(measurements.map((m) => [benchmarkKey(m.id), m.slug]));
    if (shard) writeStacks(outDir, { stacks: flameInputs(profiles), slugs });
    const reportPath = join(outDir, 'report.json');
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return {
      report,
      outDir,
      reportPath,
      profiles: flameInputs(profiles),
      slugs,
      allocationProfiles: flameInputs(allocationProfiles),
    };
  } finally {
    await workspace.dispose();
  }
}

function profilePaths(profiles: BenchmarkProfiles): NonNullable<Report['profiles']> {
  const paths: NonNullable<Report['profiles']> = {};
  for (const [key, sides] of Object.entries(profiles)) {
    paths[key] = {};
    for (const side of ['base', 'head'] as const) {
      const path = sides[side]?.path;
      if (path) paths[key][side] = path;
    }
  }
  return paths;
}

function loadProduction(path: string | undefined, cwd: string): ProductionShares | undefined {
  if (!path) return undefined;
  try {
    return productionShares(classifyPacked(readProductionProfile(resolve(cwd, path))));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function flameInputs(profiles: BenchmarkProfiles): PipelineResult['profiles'] {
  const stacks: PipelineResult['profiles'] = {};
  for (const [key, sides] of Object.entries(profiles)) {
    stacks[key] = {};
    for (const side of ['base', 'head'] as const) {
      const profile = sides[side];
      if (profile) stacks[key][side] = profile.stacks;
    }
  }
  return stacks;
}
