// What a run records so that shard results can be combined later: each benchmark's measured cost,
// the config fingerprint, the shard plan, the package of each benchmark, and (for shards) the
// flame-graph stacks of the attribution (CPU) and allocation (heap) passes, which `flamegate merge`
// renders into the one set of flame graphs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Config, PackedProfile, Report, ShardInfo, Side, StacksByBenchmark } from '../model.js';
import { benchmarkKey, SAFE_NAME } from '../model.js';
import { checkJsonSize, gunzipBounded, LIMITS, readFileBounded, readJsonBounded } from '../profile/limits.js';
import { profileFromJson, profileToJson } from '../profile/profile-json.js';
import { UsageError } from '../settings.js';
import { packageDirOf } from '../workspace/packages.js';
import { costsFromReport } from './select.js';

/**
 * Accumulates the wall time between "now working on benchmark K" signals, per benchmark key, in each
 * lane apart (processes side by side, `budget.parallel`): a benchmark's cost is the wall time its own
 * process spent on it.
 */
export function costTracker(now: () => number = () => performance.now()) {
  const costs = new Map<string, number>();
  const lanes = new Map<number, { current: string | undefined; since: number }>();
  return {
    costs,
    onWork(key: string | undefined, lane = 0): void {
      const t = now();
      const open = lanes.get(lane);
      if (open?.current !== undefined)
        costs.set(open.current, (costs.get(open.current) ?? 0) + (t - open.since));
      lanes.set(lane, { current: key, since: t });
    },
  };
}

/** Stable hash of the effective config: key order is normalised, so only values count. */
export function configFingerprint(config: Config): string {
  const normalise = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(normalise);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, normalise(v)]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(normalise(config)))
    .digest('hex')
    .slice(0, 16);
}

/** Adds the fields sharding and monorepos need to a freshly compared report. */
export function recordRun(
  report: Report,
  input: { config: Config; costs: Map<string, number>; shard?: ShardInfo; packages?: string[] },
): void {
  report.configFingerprint = configFingerprint(input.config);
  for (const b of report.benchmarks) {
    const cost = input.costs.get(benchmarkKey(b));
    if (cost !== undefined) b.costMs = Math.round(cost);
    if (input.packages) {
      const pkg = packageDirOf(b.file, input.packages);
      if (pkg !== undefined) b.package = pkg;
    }
  }
  if (input.packages) report.packages = input.packages;
  if (input.shard) report.shard = input.shard;
}

export const STACKS_FILE = 'stacks.json.gz';

/** What a shard leaves for `merge` to draw flame graphs from: the stacks, and each benchmark's file name. */
export interface ShardFlames {
  /** CPU stacks of the attribution pass. */
  stacks: StacksByBenchmark;
  /**
   * Heap stacks of the allocation pass (in bytes, as their sample type says), for the allocation viewers. Absent
   * from shards of earlier versions, which kept CPU stacks only.
   */
  allocationStacks?: StacksByBenchmark;
  /** The measure stage's file-system-safe name per benchmark key (flame-graph files are named after it). */
  slugs: Record<string, string>;
}

export function writeStacks(outDir: string, flames: ShardFlames): string {
  const path = join(outDir, STACKS_FILE);
  // Each profile as JSON (typed arrays as lists), its sample type with it.
  const toJson = (byBenchmark: StacksByBenchmark) =>
    Object.fromEntries(
      Object.entries(byBenchmark).map(([key, sides]) => [
        key,
        Object.fromEntries(
          Object.entries(sides).map(([side, profile]) => [side, profile && profileToJson(profile)]),
        ),
      ]),
    );
  const allocationStacks = flames.allocationStacks && toJson(flames.allocationStacks);
  writeFileSync(
    path,
    gzipSync(JSON.stringify({ stacks: toJson(flames.stacks), allocationStacks, slugs: flames.slugs })),
  );
  return path;
}

/**
 * Reads a shard's stacks. The file comes from an artifact, which the shard's job (and the pull
 * request's code in it) could write: it is read within the caps on files (LIMITS), and every slug,
 * frame and stack is checked before flame graphs are drawn and files named from it. Throws a message
 * naming what is wrong; the caller names the file.
 */
export function readStacks(path: string): ShardFlames {
  const text = gunzipBounded(readFileBounded(path));
  checkJsonSize(text);
  let flames: unknown;
  try {
    flames = JSON.parse(text.toString('utf8'));
  } catch (error) {
    throw new Error(`it is not JSON: ${(error as Error).message}`);
  }
  return checkFlames(flames);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkFlames(value: unknown): ShardFlames {
  if (!isObject(value) || !isObject(value.stacks) || !isObject(value.slugs)) {
    throw new Error('it does not hold "stacks" and "slugs"');
  }
  for (const [key, slug] of Object.entries(value.slugs)) {
    if (typeof slug !== 'string' || !SAFE_NAME.test(slug)) {
      throw new Error(
        `benchmark ${JSON.stringify(key)} has the file name ${JSON.stringify(slug)}, which is not a plain file name (letters, digits, . _ -)`,
      );
    }
  }
  if (value.allocationStacks !== undefined && !isObject(value.allocationStacks)) {
    throw new Error('its "allocationStacks" is not stacks per benchmark');
  }
  const read = (byBenchmark: Record<string, unknown>, what: string): StacksByBenchmark => {
    const stacks: StacksByBenchmark = {};
    for (const [key, sides] of Object.entries(byBenchmark)) {
      if (!isObject(sides)) throw new Error(`benchmark ${JSON.stringify(key)} holds no ${what}s`);
      const profiles: Partial<Record<Side, PackedProfile>> = {};
      for (const side of ['base', 'head'] as const) {
        if (sides[side] !== undefined)
          profiles[side] = profileFromJson(sides[side], `${side} ${what} of ${JSON.stringify(key)}`);
      }
      stacks[key] = profiles;
    }
    return stacks;
  };
  return {
    stacks: read(value.stacks, 'profile'),
    ...(value.allocationStacks === undefined
      ? {}
      : { allocationStacks: read(value.allocationStacks, 'heap profile') }),
    slugs: value.slugs as Record<string, string>,
  };
}

/** Shard artifacts of one run: `flamegate-shard-2-of-4`, or with a comment-key `flamegate-<key>-shard-2-of-4`. */
export function shardArtifactPrefix(commentKey?: string): string {
  const key = commentKey ? `${commentKey.replace(/[^A-Za-z0-9._-]+/g, '-')}-` : '';
  return `flamegate-${key}shard-`;
}

/** Reads `--costs` / the `costs` input: a previous report's measured cost per benchmark. */
export function readCostsFile(path: string, what: string): Record<string, number> {
  let report: unknown;
  try {
    report = readJsonBounded(path, LIMITS.reportBytes);
  } catch (error) {
    throw new UsageError(
      `${what}: cannot read ${path} as a flamegate JSON report: ${(error as Error).message}`,
    );
  }
  return costsFromReport(report, `${what} (${path})`);
}
