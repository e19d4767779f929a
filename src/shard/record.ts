// What a run records so that shard results can be combined later: each benchmark's measured cost,
// the config fingerprint, the shard plan, the package of each benchmark, and (for shards) the
// flame-graph stacks, which `flamegate merge` renders into the one set of flame graphs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Config, Report, ShardInfo, Side, StackProfile } from '../model.js';
import { benchmarkKey } from '../model.js';
import { UsageError } from '../settings.js';
import { packageOf } from '../workspace/packages.js';
import { costsFromReport } from './select.js';

/** Accumulates the wall time between "now working on benchmark K" signals, per benchmark key. */
export function costTracker(now: () => number = () => performance.now()) {
  const costs = new Map<string, number>();
  let current: string | undefined;
  let since = 0;
  return {
    costs,
    onWork(key: string | undefined): void {
      const t = now();
      if (current !== undefined) costs.set(current, (costs.get(current) ?? 0) + (t - since));
      current = key;
      since = t;
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
      const pkg = packageOf(b.file, input.packages);
      if (pkg !== undefined) b.package = pkg;
    }
  }
  if (input.packages) report.packages = input.packages;
  if (input.shard) report.shard = input.shard;
}

export const STACKS_FILE = 'stacks.json.gz';

export type StacksByBenchmark = Record<string, Partial<Record<Side, StackProfile>>>;

/** What a shard leaves for `merge` to draw flame graphs from: the stacks, and each benchmark's file name. */
export interface ShardFlames {
  stacks: StacksByBenchmark;
  /** The measure stage's file-system-safe name per benchmark key (flame-graph files are named after it). */
  slugs: Record<string, string>;
}

export function writeStacks(outDir: string, flames: ShardFlames): string {
  const path = join(outDir, STACKS_FILE);
  writeFileSync(path, gzipSync(JSON.stringify(flames)));
  return path;
}

export function readStacks(path: string): ShardFlames {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ShardFlames;
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
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${what}: cannot read ${path} as a flamegate JSON report: ${(error as Error).message}`,
    );
  }
  return costsFromReport(report, `${what} (${path})`);
}
