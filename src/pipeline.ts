// The pipeline: config → workspace → measure → profile → compare → report. Entry points call
// `runPipeline`; publishing (comment, summary, outputs) happens in the caller.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { compare } from './compare/compare.js';
import { DEFAULT_BENCHMARK_GLOB } from './config/config.js';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config/load.js';
import { isSkipped } from './config/overrides.js';
import { nodeVersion } from './measure/child-process.js';
import { measure } from './measure/measure.js';
import { benchmarkKey, type FunctionTable, type Report, type Side, type StackProfile } from './model.js';
import { classifyProfile, relativeToRoots } from './profile/classify.js';
import { functionTable } from './profile/functions.js';
import { mergePprof } from './profile/merge-pprof.js';
import { readPprof } from './profile/pprof.js';
import { type Settings, UsageError } from './settings.js';
import { listBenchmarkFiles } from './workspace/files.js';
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
}

export async function runPipeline(settings: Settings): Promise<PipelineResult> {
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
    await prepare(workspace, config, progress, settings.signal);

    const files = {
      base: await listBenchmarkFiles(workspace.base.dir, config.benchmarks, config.exclude),
      head: await listBenchmarkFiles(workspace.head.dir, config.benchmarks, config.exclude),
    };
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
    const measurements = await measure({
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
      signal: settings.signal,
    });
    if (settings.signal?.aborted) throw new UsageError('interrupted');

    const roots = [workspace.base.root, workspace.head.root];
    const profiles: PipelineResult['profiles'] = {};
    const functionTables: Record<string, Partial<Record<Side, FunctionTable>>> = {};
    const processTables: Record<string, Partial<Record<Side, FunctionTable[]>>> = {};
    const profilePaths: NonNullable<Report['profiles']> = {};
    const read = (bytes: Uint8Array) => classifyProfile(readPprof(bytes), { roots });
    for (const m of measurements) {
      const key = benchmarkKey(m.id);
      for (const side of ['base', 'head'] as const) {
        const written = m.profiles[side];
        if (!written?.length) continue;
        const files = written.map((w) => readFileSync(w.path));
        // One file per side for users and their tools; the per-process files stay apart only in memory.
        // The worktrees are gone once the run ends: saved profiles name files relative to the repository.
        const merged = mergePprof(files, { rewriteFile: (file) => relativeToRoots(file, roots) });
        const path = join(dirname(written[0]?.path ?? outDir), `${side}.pb.gz`);
        writeFileSync(path, merged);
        for (const w of written) rmSync(w.path, { force: true });
        const stacks = read(merged);
        (profiles[key] ??= {})[side] = stacks;
        (functionTables[key] ??= {})[side] = functionTable(stacks);
        (processTables[key] ??= {})[side] = files.map((bytes) => functionTable(read(bytes)));
        (profilePaths[key] ??= {})[side] = relative(outDir, path);
      }
    }

    const report = compare({
      measurements,
      functionTables,
      processTables,
      config,
      base: workspace.base.revision,
      head: workspace.head.revision,
    });
    report.settings = {
      processes: config.budget.processes,
      timePerProcessMs: config.budget.timePerProcessMs,
      profileMs: config.budget.profileMs,
      node: runtime,
    };
    report.profiles = profilePaths;
    const reportPath = join(outDir, 'report.json');
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const slugs = Object.fromEntries(measurements.map((m) => [benchmarkKey(m.id), m.slug]));
    return { report, outDir, reportPath, profiles, slugs };
  } finally {
    await workspace.dispose();
  }
}
