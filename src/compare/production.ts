// Production weighting: a function's share of production CPU, taken from a profile of the fleet
// (pprof from a continuous profiler, or a .cpuprofile), turns a benchmark's self-time change into the
// number a reviewer can weigh: "slowPath is 14% of production CPU; +6% self time ≈ +0.8% fleet CPU".
// Pure: it takes the report's function rows and a decoded production profile, and returns enriched
// rows plus the failures of the optional fleet gate.
//
// Matching. Production runs the code from other paths (a build directory, a container's /app), so a
// function matches by name and by the trailing segments of its file path: `src/records.js` in the
// benchmark matches `/app/src/records.js` and `file:///srv/app/src/records.js` in production; for a
// dependency only the part after the last `node_modules/` counts (`lodash/map.js`), so npm, pnpm and
// yarn layouts match each other. Code that production runs from different files (transpiled or bundled
// output without the source file names) cannot match and is reported as never run in production.
import { formatPercent } from '../format.js';
import type { FunctionResult, PackedProfile, Report } from '../model.js';

/** Self time per function in production, as shares of all production self time. */
export interface ProductionShares {
  /** name → production functions of that name, with their file segments and share. */
  byName: Map<string, { segments: string[]; share: number }[]>;
  /** Samples (or hits) the profile holds: with few samples, small shares are noise. */
  samples: number;
}

/** Path segments used for matching: a URL's path, forward slashes, only what follows node_modules. */
export function pathSegments(file: string): string[] {
  let path = file;
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      path = path.slice('file://'.length);
    }
  }
  path = path.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) path = path.slice(at + 'node_modules/'.length);
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * Each function's share of the production profile's self time. The profile is expected to be
 * classified (classifyPacked) so that anonymous functions carry the same names as in the benchmark.
 */
export function productionShares(profile: PackedProfile): ProductionShares {
  const { stackFrames, stackStart, values, samples } = profile;
  const selfByFrame = new Float64Array(profile.frames.length);
  let total = 0;
  let sampleCount = 0;
  for (let s = 0; s < values.length; s++) {
    const to = stackStart[s + 1] as number;
    const value = values[s] as number;
    total += value;
    sampleCount += samples[s] as number;
    if (to > (stackStart[s] as number)) {
      const leaf = stackFrames[to - 1] as number;
      selfByFrame[leaf] = (selfByFrame[leaf] as number) + value;
    }
  }
  // Frames of one function (several lines, several roots) are summed under name and file.
  const byKey = new Map<string, { name: string; file: string; self: number }>();
  profile.frames.forEach((frame, i) => {
    const key = `${frame.name}\u0000${frame.file}`;
    const entry = byKey.get(key);
    if (entry) entry.self += selfByFrame[i] as number;
    else byKey.set(key, { name: frame.name, file: frame.file, self: selfByFrame[i] as number });
  });
  const byName: ProductionShares['byName'] = new Map();
  for (const { name, file, self } of byKey.values()) {
    const list = byName.get(name) ?? [];
    list.push({ segments: pathSegments(file), share: total > 0 ? self / total : 0 });
    byName.set(name, list);
  }
  return { byName, samples: sampleCount };
}

/** Trailing path segments two files have in common. */
function commonSuffix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The production share of a benchmark function, or undefined when production never ran it. A file
 * matches when it shares the file name and the directory above it with the production file (or the
 * whole path, when shorter); among several matches the longest shared suffix wins, and equally good
 * ones are summed (production cannot tell them apart).
 */
export function shareOf(shares: ProductionShares, name: string, file: string): number | undefined {
  const candidates = shares.byName.get(name);
  if (!candidates) return undefined;
  const segments = pathSegments(file);
  let best = -1;
  let sum = 0;
  for (const c of candidates) {
    let score: number;
    if (segments.length === 0 || c.segments.length === 0) {
      // Runtime frames (no file on either side) match by name alone.
      if (segments.length !== c.segments.length) continue;
      score = 0;
    } else {
      score = commonSuffix(segments, c.segments);
      if (score === 0 || score < Math.min(2, segments.length, c.segments.length)) continue;
    }
    if (score > best) {
      best = score;
      sum = c.share;
    } else if (score === best) sum += c.share;
  }
  return best >= 0 ? sum : undefined;
}

export interface FleetGate {
  /** Estimated growth of fleet CPU (a fraction) that fails the check; absent: no gate. */
  fleet?: number;
}

export interface WeightedFunctions {
  functions: FunctionResult[];
  /** One line per function over the fleet threshold. */
  failures: string[];
}

/**
 * Adds productionShare, fleetImpact (the self-time change times the production share) and
 * notInProduction to every row, and applies the fleet gate to rows whose self time grew.
 */
export function weighFunctions(
  rows: FunctionResult[],
  shares: ProductionShares,
  gate: FleetGate = {},
): WeightedFunctions {
  const failures: string[] = [];
  const functions = rows.map((row): FunctionResult => {
    const share = shareOf(shares, row.name, row.file);
    if (share === undefined || share === 0) {
      return { ...row, productionShare: 0, fleetImpact: 0, notInProduction: true };
    }
    const fleetImpact = share * row.change;
    const over = gate.fleet !== undefined && fleetImpact > gate.fleet;
    if (over) {
      failures.push(
        `${row.benchmark}: ${row.name}${row.file ? ` (${row.file})` : ''} estimated fleet CPU ` +
          `${formatPercent(fleetImpact)} (${formatPercent(share, false)} of production CPU × ` +
          `${formatPercent(row.change)} self time), fleet threshold ${formatPercent(gate.fleet ?? 0, false)}`,
      );
    }
    const enriched: FunctionResult = { ...row, productionShare: share, fleetImpact };
    if (over) enriched.fleetGate = true;
    return enriched;
  });
  return { functions, failures };
}

/** The report with weighted function rows; the fleet gate's failures turn the verdict to fail. */
export function weighReport(report: Report, shares: ProductionShares, gate: FleetGate = {}): Report {
  const { functions, failures } = weighFunctions(report.functions, shares, gate);
  if (failures.length === 0) return { ...report, functions };
  return {
    ...report,
    functions,
    verdict: 'fail',
    failures: [...(report.failures ?? []), ...failures],
  };
}
