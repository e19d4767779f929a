// `flamegate merge`: the partial results of the shard jobs of one run (each a `--shard i/N` output
// directory) become one report with one verdict, and one set of flame graphs. Shards are refused
// unless they measured the same commits with the same config and the same split, and every shard
// is there. Compare works benchmark by benchmark, so the merged verdict is the unsharded one.

import { cpSync, existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { DRIFT_SHOWN } from '../compare/drift.js';
import { nothingMeasured } from '../compare/measured.js';
import { verdictFrom } from '../compare/verdict.js';
import { plural } from '../format.js';
import type {
  BenchmarkResult,
  Report,
  RunResult,
  SamplingSummary,
  ShardInfo,
  StacksByBenchmark,
} from '../model.js';
import { benchmarkKey, SAFE_NAME } from '../model.js';
import { LIMITS, readJsonBounded } from '../profile/limits.js';
import { UsageError } from '../settings.js';
import { readStacks, type ShardFlames, STACKS_FILE } from '../shard/record.js';
import { median } from '../stats/estimate.js';

export interface ShardResult {
  /** The shard's output directory (what `--out` was, or a downloaded artifact). */
  dir: string;
  report: Report;
  /** CPU stacks of the shard's attribution pass. */
  stacks: StacksByBenchmark;
  /** Heap stacks of the shard's allocation pass (absent from shards of earlier versions). */
  allocationStacks?: StacksByBenchmark;
  /** File-system-safe name per benchmark key, from the shard's measure stage. */
  slugs: Record<string, string>;
}

/** The merged run, all but where it is written: the run writer's input once given an output folder. */
export type MergedResult = Omit<RunResult, 'outDir' | 'reportPath'>;

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
    return {
      dir,
      report,
      stacks: flames.stacks,
      allocationStacks: flames.allocationStacks,
      slugs: flames.slugs,
    };
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
      `shard ${shard}/${info.count} is incomplete: ${plural(absent.length, 'benchmark')} missing, first ${absent[0]}`,
    );
  }
  const benchmarks = Object.keys(info.plan)
    .map((key) => results.get(key))
    .filter((b): b is BenchmarkResult => b !== undefined);
  // In shard order, whatever order the folders were given in: lists joined read the same every time.
  const inOrder = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, shard]) => shard.report);
  const failures = benchmarks.flatMap((b) => b.failures ?? []);
  for (const r of inOrder) {
    for (const line of r.failures ?? []) if (!failures.includes(line)) failures.push(line);
  }
  const report = mergeReports(inOrder, { info, benchmarks, failures });
  const union = (pick: (s: ShardResult) => StacksByBenchmark | undefined): StacksByBenchmark =>
    Object.assign({}, ...shards.map((s) => pick(s) ?? {}));
  return {
    report,
    cpuStacks: union((s) => s.stacks),
    allocationStacks: union((s) => s.allocationStacks),
    slugs: Object.assign({}, ...shards.map((s) => s.slugs)),
  };
}

/** What the merge worked out before the report's fields: the plan, its benchmarks in order, the failures. */
interface MergeContext {
  info: ShardInfo;
  benchmarks: BenchmarkResult[];
  failures: string[];
}

/**
 * One rule per report field, so a field added to `Report` does not compile until it says how shards
 * combine. Rules run in this order and may read the fields merged before them.
 */
type FieldRules = {
  [K in keyof Report]-?: (
    shards: Report[],
    merged: Partial<Report>,
    context: MergeContext,
  ) => Report[K] | undefined;
};

const first = (shards: Report[]) => shards[0] as Report;
const some = <T>(list: T[]) => (list.length > 0 ? list : undefined);
const defined = <T>(list: (T | undefined)[]) => list.filter((x): x is T => x !== undefined);
/** Rows of every shard, in the plan's (discovery) order of their benchmark, each shard's order kept within. */
const inPlanOrder = <T extends { benchmark: string }>(rows: T[], context: MergeContext): T[] => {
  const order = new Map(context.benchmarks.map((b, i) => [benchmarkKey(b), i]));
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (order.get(a.row.benchmark) ?? 0) - (order.get(b.row.benchmark) ?? 0) || a.i - b.i)
    .map((x) => x.row);
};

const RULES: FieldRules = {
  schemaVersion: () => 1,
  // Checked equal across shards.
  base: (shards) => first(shards).base,
  head: (shards) => first(shards).head,
  configFingerprint: (shards) => first(shards).configFingerprint,
  settings: (shards) => first(shards).settings,
  // Every shard selects from the same discovery before the split, so each records the same selection.
  selection: (shards) => first(shards).selection,
  benchmarks: (_, __, c) => c.benchmarks,
  functions: (shards, _, c) =>
    inPlanOrder(
      shards.flatMap((s) => s.functions),
      c,
    ),
  // Present as in a whole run: when any benchmark had an allocation pass.
  allocations: (shards, _, c) =>
    shards.some((s) => s.allocations)
      ? inPlanOrder(
          shards.flatMap((s) => s.allocations ?? []),
          c,
        )
      : undefined,
  failures: (_, __, c) => c.failures,
  // The same function as a single run, on the merged lines.
  verdict: (_, merged) => verdictFrom(merged.failures),
  infrastructureErrors: (shards) => some(shards.flatMap((s) => s.infrastructureErrors ?? [])),
  leftOut: (shards) => some(shards.flatMap((s) => s.leftOut ?? [])),
  // Counts add up over shards; whether anything was measured is decided here, on the whole run.
  measured: (shards) => {
    const counts = shards.map((s) => s.measured);
    const onNothing = first(shards).measured?.onNothing;
    if (!onNothing || counts.some((m) => m === undefined)) return undefined;
    return {
      both: counts.reduce((sum, m) => sum + (m?.both ?? 0), 0),
      failedOnBoth: counts.reduce((sum, m) => sum + (m?.failedOnBoth ?? 0), 0),
      onNothing,
    };
  },
  nothingMeasured: (_, merged) => (merged.measured ? nothingMeasured(merged as Report) : undefined),
  sampling: (shards) => mergeSampling(defined(shards.map((s) => s.sampling))),
  // A merged run always lists its profiles, even none, as a whole run does.
  profiles: (shards) => Object.assign({}, ...shards.map((s) => s.profiles ?? {})),
  allocationProfiles: (shards) => {
    const merged = Object.assign({}, ...shards.map((s) => s.allocationProfiles ?? {}));
    return Object.keys(merged).length > 0 ? merged : undefined;
  },
  // The pass's total time over the shards: what an unsharded run would report for the same work (the
  // shard jobs ran it side by side, so the wall time it added to the workflow was the largest shard's).
  allocationPassMs: (shards) => {
    const times = defined(shards.map((s) => s.allocationPassMs));
    return times.length > 0 ? times.reduce((sum, ms) => sum + ms, 0) : undefined;
  },
  shard: () => undefined,
  // Every shard read the same track run; each listed its own benchmarks' drift.
  drift: (shards) => {
    const notes = defined(shards.map((s) => s.drift));
    const firstNote = notes[0];
    if (!firstNote) return undefined;
    const seen = new Set<string>();
    const benchmarks = notes
      .flatMap((n) => n.benchmarks)
      .filter((b) => !seen.has(`${b.file}\0${b.name}`) && seen.add(`${b.file}\0${b.name}`))
      .sort((x, y) => Math.abs(y.change) - Math.abs(x.change))
      .slice(0, DRIFT_SHOWN);
    return { ...firstNote, benchmarks };
  },
  // The whole run is reproduced without `--shard`; the shards share every other option.
  reproduce: (shards) => {
    const args = first(shards).reproduce ?? [];
    const shardAt = args.indexOf('--shard');
    const whole = shardAt >= 0 ? [...args.slice(0, shardAt), ...args.slice(shardAt + 2)] : args;
    return whole.length > 0 ? whole : undefined;
  },
  merged: (_, __, c) => ({ shards: c.info.count, planDigest: c.info.planDigest }),
  packages: (shards) => some([...new Set(shards.flatMap((s) => s.packages ?? []))].sort()),
  // Every shard discovers every benchmark file, so each names the same unhonoured settings.
  harnessNotes: (shards) => some([...new Set(shards.flatMap((s) => s.harnessNotes ?? []))]),
};

/** The merged report, field by field (RULES); a field of a later version this one lacks: lists joined. */
function mergeReports(shards: Report[], context: MergeContext): Report {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(first(shards))) {
    if (key in RULES) continue;
    const value = (first(shards) as unknown as Record<string, unknown>)[key];
    merged[key] = Array.isArray(value)
      ? shards.flatMap((s) => ((s as unknown as Record<string, unknown>)[key] as unknown[] | undefined) ?? [])
      : value;
  }
  for (const [key, rule] of Object.entries(RULES) as [keyof Report, FieldRules[keyof Report]][]) {
    const value = (rule as (s: Report[], m: Partial<Report>, c: MergeContext) => unknown)(
      shards,
      merged as Partial<Report>,
      context,
    );
    if (value !== undefined) merged[key] = value;
  }
  return merged as unknown as Report;
}

/**
 * The shards' sampling summaries as one run's: counts and times summed; the error rate per look is
 * the plan's (one config); the harness floor is the shards' median; a budget cut is the deepest
 * shard's, with the allocation pass's benchmarks counted over the shards that were cut.
 */
function mergeSampling(list: SamplingSummary[]): SamplingSummary | undefined {
  const head = list[0];
  if (!head) return undefined;
  const sum = (pick: (s: SamplingSummary) => number | undefined) =>
    list.reduce((total, s) => total + (pick(s) ?? 0), 0);
  const summary: SamplingSummary = {
    processes: sum((s) => s.processes),
    maxProcesses: sum((s) => s.maxProcesses),
    seconds: sum((s) => s.seconds),
    savedSeconds: sum((s) => s.savedSeconds),
    resolved: sum((s) => s.resolved),
    unresolved: sum((s) => s.unresolved),
    alphaPerLook: head.alphaPerLook,
  };
  const confirming = sum((s) => s.confirmProcesses);
  if (confirming > 0) summary.confirmProcesses = confirming;
  const floors = defined(list.map((s) => s.harnessFloorNs));
  if (floors.length > 0) summary.harnessFloorNs = median(floors);
  const cuts = defined(list.map((s) => s.trailing));
  if (cuts.length > 0) {
    summary.trailing = {
      profileMs: Math.min(...cuts.map((t) => t.profileMs)),
      allocationMs: Math.min(...cuts.map((t) => t.allocationMs)),
    };
    const counted = cuts.filter((t) => t.allocated !== undefined && t.allocatable !== undefined);
    if (counted.length > 0) {
      summary.trailing.allocated = counted.reduce((total, t) => total + (t.allocated ?? 0), 0);
      summary.trailing.allocatable = counted.reduce((total, t) => total + (t.allocatable ?? 0), 0);
    }
  }
  return summary;
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
