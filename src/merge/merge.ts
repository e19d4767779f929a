// `flamegate merge`: the partial results of the shard jobs of one run (each a `--shard i/N` output
// directory) become one report with one verdict, and one set of flame graphs. Shards are refused
// unless they measured the same commits with the same config and the same split, and every shard
// is there. Compare works benchmark by benchmark, so the merged verdict is the unsharded one.
import { cpSync, existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { nothingMeasured } from '../compare/measured.js';
import type { BenchmarkResult, Report } from '../model.js';
import { benchmarkKey, SAFE_NAME } from '../model.js';
import { LIMITS, readJsonBounded } from '../profile/limits.js';
import { UsageError } from '../settings.js';
import { readStacks, type ShardFlames, STACKS_FILE, type StacksByBenchmark } from '../shard/record.js';

export interface ShardResult {
  /** The shard's output directory (what `--out` was, or a downloaded artifact). */
  dir: string;
  report: Report;
  stacks: StacksByBenchmark;
  /** File-system-safe name per benchmark key, from the shard's measure stage. */
  slugs: Record<string, string>;
}

export interface MergedResult {
  report: Report;
  /** Flame-graph stacks per benchmark key, as the pipeline returns them. */
  profiles: StacksByBenchmark;
  slugs: Record<string, string>;
}

/**
 * Reads each shard directory; one without a readable report is named as failed. A shard's files come
 * from an artifact its job uploaded: they are read within caps, and every name in them that becomes a
 * path (flame-graph slugs, profile paths) must be a plain name below the output folder.
 */
export function loadShards(dirs: string[]): ShardResult[] {
  if (dirs.length === 0) throw new UsageError('merge needs at least one shard directory');
  return dirs.map((dir) => {
    const path = join(dir, 'report.json');
    if (!existsSync(path)) {
      throw new UsageError(
        `${dir} holds no report.json: that shard failed before writing its result (see its job's log), or this is not a shard's output directory`,
      );
    }
    let report: Report;
    try {
      report = readJsonBounded(path, LIMITS.reportBytes) as Report;
    } catch (error) {
      throw new UsageError(`${path} is not readable JSON: ${(error as Error).message}`);
    }
    if (report.schemaVersion !== 1) {
      throw new UsageError(`${path}: schemaVersion ${String(report.schemaVersion)} is not 1`);
    }
    if (!report.shard) {
      throw new UsageError(`${path} is not a shard's report (it was made without --shard i/N)`);
    }
    checkProfilePaths(report, path);
    const stacksPath = join(dir, STACKS_FILE);
    let flames: ShardFlames = { stacks: {}, slugs: {} };
    try {
      if (existsSync(stacksPath)) flames = readStacks(stacksPath);
    } catch (error) {
      throw new UsageError(
        `${label(report)} (${dir}): cannot read ${STACKS_FILE}: ${(error as Error).message}`,
      );
    }
    return { dir, report, stacks: flames.stacks, slugs: flames.slugs };
  });
}

const label = (r: Report) => `shard ${r.shard?.index}/${r.shard?.count}`;

/**
 * The report's profile paths are joined to the output folder (the run artifact lists them): each must
 * be relative, of plain names (SAFE_NAME), so none reaches outside it.
 */
function checkProfilePaths(report: Report, path: string): void {
  for (const field of ['profiles', 'allocationProfiles'] as const) {
    for (const [key, sides] of Object.entries(report[field] ?? {})) {
      for (const rel of Object.values(sides ?? {})) {
        if (typeof rel !== 'string' || !rel.split(/[\\/]/).every((name) => SAFE_NAME.test(name))) {
          throw new UsageError(
            `${label(report)} (${path}): the ${field} of ${JSON.stringify(key)} name ${JSON.stringify(rel)}, which is not a path of plain names inside the shard's folder`,
          );
        }
      }
    }
  }
}

/** Checks that the shards belong together and are complete, then combines them. Pure. */
export function mergeShards(shards: ShardResult[]): MergedResult {
  if (shards.length === 0) throw new UsageError('merge needs at least one shard');
  const first = shards[0] as ShardResult;
  const f = first.report;
  const info = f.shard;
  if (!info) throw new UsageError(`${first.dir} is not a shard's report`);
  for (const { report: r, dir } of shards.slice(1)) {
    const s = r.shard;
    if (!s) throw new UsageError(`${dir} is not a shard's report`);
    if (r.base.sha !== f.base.sha || r.head.sha !== f.head.sha) {
      throw new UsageError(
        `shards measured different commits: ${label(f)} compared ${f.base.sha.slice(0, 7)}..${f.head.sha.slice(0, 7)}, ` +
          `${label(r)} (${dir}) compared ${r.base.sha.slice(0, 7)}..${r.head.sha.slice(0, 7)}`,
      );
    }
    if (r.configFingerprint !== f.configFingerprint) {
      throw new UsageError(
        `shards ran with different configs: ${label(f)} has config ${f.configFingerprint}, ${label(r)} (${dir}) has ${r.configFingerprint}`,
      );
    }
    const settings = (x: Report) => JSON.stringify(x.settings ?? {});
    if (settings(r) !== settings(f)) {
      throw new UsageError(
        `shards ran with different settings: ${label(f)} ${settings(f)}, ${label(r)} (${dir}) ${settings(r)}`,
      );
    }
    if (s.count !== info.count) {
      throw new UsageError(`shards of different splits: ${label(f)} and ${label(r)} (${dir})`);
    }
    if (s.planDigest !== info.planDigest) {
      throw new UsageError(
        `shards split the benchmarks differently (${label(f)} plan ${info.planDigest}, ${label(r)} plan ${s.planDigest}): ` +
          'their discovery found different benchmarks, or they were given different --costs files',
      );
    }
  }
  const byIndex = new Map<number, ShardResult>();
  for (const shard of shards) {
    const index = shard.report.shard?.index as number;
    const twin = byIndex.get(index);
    if (twin) throw new UsageError(`${label(shard.report)} appears twice: ${twin.dir} and ${shard.dir}`);
    byIndex.set(index, shard);
  }
  const missing: string[] = [];
  for (let i = 1; i <= info.count; i++) if (!byIndex.has(i)) missing.push(`${i}/${info.count}`);
  if (missing.length > 0) {
    throw new UsageError(
      `shard ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (have ${[...byIndex.keys()]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${info.count}`)
        .join(', ')}): its job failed or its result was not downloaded`,
    );
  }

  // Every benchmark of the plan exactly once, from the shard the plan gave it to.
  const results = new Map<string, BenchmarkResult>();
  for (const { report: r } of shards) {
    for (const b of r.benchmarks) {
      const key = benchmarkKey(b);
      if (info.plan[key] !== r.shard?.index) {
        throw new UsageError(
          `${label(r)} reports ${key}, which the plan gives to shard ${info.plan[key] ?? '(none)'}`,
        );
      }
      results.set(key, b);
    }
  }
  // A benchmark its shard had no time for (budget.maxMinutes) is accounted for by being listed so.
  const leftOut = shards.flatMap((s) => s.report.leftOut ?? []);
  const listed = new Set(leftOut.map(benchmarkKey));
  const absent = Object.keys(info.plan).filter((key) => !results.has(key) && !listed.has(key));
  if (absent.length > 0) {
    const shard = info.plan[absent[0] as string];
    throw new UsageError(
      `shard ${shard}/${info.count} is incomplete: ${absent.length} benchmark(s) missing, first ${absent[0]}`,
    );
  }
  const benchmarks = Object.keys(info.plan)
    .map((key) => results.get(key))
    .filter((b): b is BenchmarkResult => b !== undefined);
  const order = new Map(benchmarks.map((b, i) => [benchmarkKey(b), i]));
  const functions = shards
    .flatMap((s) => s.report.functions)
    .map((fn, i) => ({ fn, i }))
    .sort((a, b) => (order.get(a.fn.benchmark) ?? 0) - (order.get(b.fn.benchmark) ?? 0) || a.i - b.i)
    .map((x) => x.fn);
  const failures = benchmarks.flatMap((b) => b.failures ?? []);
  for (const { report: r } of shards) {
    for (const line of r.failures ?? []) if (!failures.includes(line)) failures.push(line);
  }

  // Fields this merge does not know (added by later versions) are kept: lists are joined.
  const report: Report = { ...f };
  for (const key of Object.keys(f) as (keyof Report)[]) {
    const value = f[key];
    if (Array.isArray(value)) {
      (report as unknown as Record<string, unknown>)[key] = shards.flatMap(
        (s) => ((s.report as unknown as Record<string, unknown>)[key] as unknown[] | undefined) ?? [],
      );
    }
  }
  report.benchmarks = benchmarks;
  if (leftOut.length > 0) report.leftOut = leftOut;
  report.functions = functions;
  report.failures = failures;
  report.verdict = failures.length > 0 || shards.some((s) => s.report.verdict === 'fail') ? 'fail' : 'pass';
  report.profiles = Object.assign({}, ...shards.map((s) => s.report.profiles ?? {}));
  const packages = [...new Set(shards.flatMap((s) => s.report.packages ?? []))].sort();
  if (packages.length > 0) report.packages = packages;
  else delete report.packages;
  // Every shard discovers every benchmark file, so each names the same unhonoured settings.
  const notes = [...new Set(shards.flatMap((s) => s.report.harnessNotes ?? []))];
  if (notes.length > 0) report.harnessNotes = notes;
  // Counts add up over shards; whether anything was measured is decided here, on the whole run.
  const counts = shards.map((s) => s.report.measured);
  if (counts.every((m) => m !== undefined) && f.measured) {
    report.measured = {
      both: counts.reduce((sum, m) => sum + (m?.both ?? 0), 0),
      failedOnBoth: counts.reduce((sum, m) => sum + (m?.failedOnBoth ?? 0), 0),
      onNothing: f.measured.onNothing,
    };
    const nothing = nothingMeasured(report);
    if (nothing) report.nothingMeasured = nothing;
    else delete report.nothingMeasured;
  }
  delete report.shard;
  report.merged = { shards: info.count, planDigest: info.planDigest };
  const profiles: StacksByBenchmark = Object.assign({}, ...shards.map((s) => s.stacks));
  const slugs: Record<string, string> = Object.assign({}, ...shards.map((s) => s.slugs));
  return { report, profiles, slugs };
}

/**
 * Copies every shard's raw profiles into one output directory (their paths are already distinct).
 * Only folders and regular files: a link in a shard's folder could point anywhere on this machine.
 */
export function copyProfiles(shards: ShardResult[], outDir: string): void {
  const plain = (path: string) => {
    const stat = lstatSync(path);
    return stat.isDirectory() || stat.isFile();
  };
  for (const shard of shards) {
    const from = join(shard.dir, 'profiles');
    if (existsSync(from) && plain(from)) {
      cpSync(from, join(outDir, 'profiles'), { recursive: true, force: false, filter: plain });
    }
  }
}
