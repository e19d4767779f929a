// Which per-benchmark override applies: globs match `file > task name` or the task name alone, so
// `parse*` and `bench/parse.bench.ts > *` both work.
import picomatch from 'picomatch';
import type { BenchmarkId, BenchmarkOverride, Config, Thresholds } from '../model.js';
import { benchmarkKey } from '../model.js';

const cache = new Map<string, (input: string) => boolean>();

function matchesOverride(glob: string, id: BenchmarkId): boolean {
  let test = cache.get(glob);
  if (!test) {
    test = picomatch(glob, { dot: true });
    cache.set(glob, test);
  }
  return test(benchmarkKey(id)) || test(id.name);
}

/** The override that applies to a benchmark: the first whose glob matches (thresholds and skip alike). */
export function findOverride(overrides: BenchmarkOverride[], id: BenchmarkId): BenchmarkOverride | undefined {
  return overrides.find((o) => matchesOverride(o.match, id));
}

/**
 * Whether the config skips a benchmark: its first matching override says `skip: true`. A later
 * `skip: true` rule does not skip a benchmark an earlier rule already matched (first match wins).
 */
export function isSkipped(overrides: BenchmarkOverride[], id: BenchmarkId): boolean {
  return findOverride(overrides, id)?.skip === true;
}

/**
 * The thresholds that apply to a benchmark: the config's, with those its first matching override sets
 * on top. The one place an override is resolved (the measure stage's stop rule and compare's gates
 * both read it).
 */
export function thresholdsFor(config: Pick<Config, 'overrides' | 'thresholds'>, id: BenchmarkId): Thresholds {
  const own = findOverride(config.overrides, id)?.thresholds ?? {};
  const set = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
  return { ...config.thresholds, ...set };
}

/**
 * A threshold no change reaches: a track run with `thresholds.drift` gates on drift alone. Finite, so
 * the JSON report stays valid JSON.
 */
export const NO_GATE = 1e6;

/**
 * A track run's config: `thresholds.drift`, when set, is every benchmark's threshold and the run's only
 * gate (a per-benchmark override's thresholds give way to it), so "slower than the release beyond
 * drift" fails the run, confirmed as a pull request's regression is. The functions that moved most are
 * still named; against a release many move, and none of them alone fails a track run.
 */
export function creepGate(config: Config): Config {
  const drift = config.thresholds.drift;
  if (drift === undefined) return config;
  return {
    ...config,
    thresholds: {
      ...config.thresholds,
      benchmark: drift,
      function: NO_GATE,
      allocations: NO_GATE,
      ...(config.thresholds.fleet !== undefined ? { fleet: NO_GATE } : {}),
    },
    overrides: config.overrides.map((o) => ({ ...o, thresholds: {} })),
  };
}
