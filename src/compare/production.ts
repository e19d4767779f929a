// Production weighting: a function's share of production CPU, taken from a profile of the fleet
// (pprof from a continuous profiler, or a .cpuprofile), turns a benchmark's self-time change into the
// number a reviewer can weigh: "slowPath is 14% of production CPU; +6% self time ≈ +0.8% fleet CPU".
// Pure: it takes the report's function rows and a decoded production profile, and returns enriched
// rows plus the failures of the optional fleet gate.
//
// Matching. Production runs the code from other paths (a build directory, a container's /app), so a
// function matches by name and by the trailing segments of its file path: `src/records.js` in the
// benchmark matches `/app/src/records.js` and `file:///srv/app/src/records.js` in production. In a
// monorepo a user file also matches by its whole path inside its package (`packages/a/index.js` is
// `index.js` to the package, and matches `/app/index.js`), but never a production file that lies in
// another package of the run. User code and dependencies never match each other: a user file never
// matches a file production ran from node_modules, and a dependency (package X) matches only files
// under node_modules/X/ by its path inside X (`lodash/map.js`), so npm, pnpm and yarn layouts match
// each other. Code that production runs from different files (transpiled or bundled output without the
// source file names) cannot match and is reported as never run in production.
import { formatPercent } from '../format.js';
import type { FrameKind, FunctionResult, PackedProfile, Report } from '../model.js';
import { npmPackageOf } from '../profile/classify.js';
import { packageDirOf } from '../workspace/packages.js';
import { verdictFrom } from './verdict.js';

/** One function as production ran it. */
export interface ProductionFunction {
  /** pathSegments of its file. */
  segments: string[];
  /** Its share of all production self time. */
  share: number;
  /** Its file lies under a node_modules/ directory: production ran it as a dependency. */
  inNodeModules: boolean;
  /** The npm package of that file (after the last node_modules/), when it names one. */
  package?: string;
}

/** Self time per function in production, as shares of all production self time. */
export interface ProductionShares {
  /** name → production functions of that name, with their file segments and share. */
  byName: Map<string, ProductionFunction[]>;
  /** Samples (or hits) the profile holds: with few samples, small shares are noise. */
  samples: number;
}

/** A file as a forward-slash path: a file:// URL's decoded path, backslashes turned around. */
function toPosixPath(file: string): string {
  let path = file;
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      path = path.slice('file://'.length);
    }
  }
  return path.replace(/\\/g, '/');
}

/** Path segments used for matching: a URL's path, forward slashes, only what follows node_modules. */
export function pathSegments(file: string): string[] {
  let path = toPosixPath(file);
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) path = path.slice(at + 'node_modules/'.length);
  return splitPath(path);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

const IN_NODE_MODULES = /(^|\/)node_modules\//;

/**
 * Each function's share of the production profile's self time. The profile is expected to be
 * classified (classifyProfile) so that anonymous functions carry the same names as in the benchmark.
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
    const path = toPosixPath(file);
    const entry: ProductionFunction = {
      segments: pathSegments(file),
      share: total > 0 ? self / total : 0,
      inNodeModules: IN_NODE_MODULES.test(path),
    };
    const pkg = npmPackageOf(path);
    if (pkg !== undefined) entry.package = pkg;
    list.push(entry);
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

/** What is known of a benchmark function besides its name and file. */
export interface MatchOptions {
  /** Its kind and npm package (FunctionResult's); without them, a file under node_modules is a dependency's. */
  kind?: FrameKind;
  package?: string;
  /**
   * Directories of the user's packages in a monorepo, relative to the same root as the file (the
   * repository's): a user file then also matches by its path inside its package.
   */
  packages?: string[];
}

/**
 * The production share of a benchmark function, or undefined when production never ran it. A user
 * file matches when it shares the file name and the directory above it with the production file (or
 * the whole path, when shorter), or its whole path inside its package; a dependency's file matches
 * the same path inside the same package. Among several matches the longest shared suffix wins, and
 * equally good ones are summed (production cannot tell them apart).
 */
export function shareOf(
  shares: ProductionShares,
  name: string,
  file: string,
  options: MatchOptions = {},
): number | undefined {
  const candidates = shares.byName.get(name);
  if (!candidates) return undefined;
  const segments = pathSegments(file);
  const path = toPosixPath(file);
  const score =
    options.kind === 'dependency' || IN_NODE_MODULES.test(path)
      ? dependencyScore(segments, options.package ?? npmPackageOf(path))
      : userScore(segments, path, options.packages ?? []);
  let best = -1;
  let sum = 0;
  for (const c of candidates) {
    let s: number | undefined;
    if (segments.length === 0 || c.segments.length === 0) {
      // Runtime frames (no file on either side) match by name alone.
      s = segments.length === c.segments.length ? 0 : undefined;
    } else s = score(c);
    if (s === undefined) continue;
    if (s > best) {
      best = s;
      sum = c.share;
    } else if (s === best) sum += c.share;
  }
  return best >= 0 ? sum : undefined;
}

/** How well a production function matches: the path segments both agree on, undefined for no match. */
type Score = (candidate: ProductionFunction) => number | undefined;

/** The trailing-segments rule: the file name and the directory above it, or the whole shorter path. */
function suffixMatch(segments: string[], candidate: string[]): number | undefined {
  const n = commonSuffix(segments, candidate);
  return n > 0 && n >= Math.min(2, segments.length, candidate.length) ? n : undefined;
}

function userScore(segments: string[], path: string, packages: string[]): Score {
  // The file's path inside its package: production deploys a package's own directory (its
  // package.json at /app), so in a monorepo the directories above the package are not there.
  const dir = packageDirOf(path, packages);
  const dirSegments = dir === undefined ? [] : splitPath(dir);
  const inPackage = dir === undefined ? undefined : segments.length - dirSegments.length;
  // The other packages, to tell a file of theirs from this one's; a file in no package of the run
  // has no package to tell apart.
  const others = dir === undefined ? [] : packages.filter((p) => p !== dir).map(splitPath);
  return (c) => {
    // The same file name in a dependency is another file; a user file never matches one.
    if (c.inNodeModules) return undefined;
    const n = commonSuffix(segments, c.segments);
    const matches =
      suffixMatch(segments, c.segments) !== undefined || (inPackage !== undefined && n >= inPackage);
    if (!matches) return undefined;
    // What production has above the shared part places its file in another package of this run:
    // `/app/packages/b/src/x.js` is b's file, not a's `packages/a/src/x.js`.
    const above = c.segments.slice(0, c.segments.length - n);
    if (others.some((other) => other.length > 0 && endsWith(above, other))) return undefined;
    return n;
  };
}

function dependencyScore(segments: string[], pkg: string | undefined): Score {
  const inside = pkg === undefined ? undefined : insidePackage(segments, pkg);
  return (c) => {
    // A dependency runs from node_modules in production too; a same-named file elsewhere (vendored,
    // the user's own) is another file.
    if (!c.inNodeModules) return undefined;
    if (pkg === undefined || inside === undefined) return suffixMatch(segments, c.segments);
    if (c.package !== pkg) return undefined;
    // Both paths are taken from the package's root: they must agree in full, or they are two files.
    const theirs = insidePackage(c.segments, pkg);
    return theirs !== undefined && theirs.join('/') === inside.join('/') ? c.segments.length : undefined;
  };
}

/** Segments of a path that starts with the package's name (`@scope/name/…`), after the name. */
function insidePackage(segments: string[], pkg: string): string[] | undefined {
  const name = pkg.split('/');
  return endsWith(segments.slice(0, name.length), name) ? segments.slice(name.length) : undefined;
}

function endsWith(segments: string[], tail: string[]): boolean {
  if (tail.length > segments.length) return false;
  const from = segments.length - tail.length;
  return tail.every((s, i) => segments[from + i] === s);
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

export interface WeighOptions {
  /** The user's package directories (MatchOptions.packages), in a run over several packages. */
  packages?: string[];
}

/**
 * Whether a row's self time grew with evidence: `regressed`, or `added` (a function head runs and
 * base did not, flagged only on the same evidence; the function gate fails on both alike). An
 * `unchanged` row's change is noise, whatever its size times its share: the fleet gate never fails
 * on it, or every hot function would fail the check now and then by chance.
 */
function grewWithEvidence(row: FunctionResult): boolean {
  return row.status === 'regressed' || row.status === 'added';
}

/**
 * Adds productionShare, fleetImpact (the self-time change times the production share) and
 * notInProduction to every row, noise included (informative), and applies the fleet gate to the rows
 * whose self time grew with evidence.
 */
export function weighFunctions(
  rows: FunctionResult[],
  shares: ProductionShares,
  gate: FleetGate = {},
  options: WeighOptions = {},
): WeightedFunctions {
  const failures: string[] = [];
  const functions = rows.map((row): FunctionResult => {
    const match: MatchOptions = {};
    if (row.kind) match.kind = row.kind;
    if (row.package) match.package = row.package;
    if (options.packages) match.packages = options.packages;
    const share = shareOf(shares, row.name, row.file, match);
    if (share === undefined || share === 0) {
      return { ...row, productionShare: 0, fleetImpact: 0, notInProduction: true };
    }
    const fleetImpact = share * row.change;
    const over = gate.fleet !== undefined && grewWithEvidence(row) && fleetImpact > gate.fleet;
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

/**
 * The report with weighted function rows; the fleet gate's failures turn the verdict to fail. The
 * package directories default to the report's own `packages`, which are relative to the run's
 * working directory: the rows' base too when the run starts at the repository root.
 */
export function weighReport(
  report: Report,
  shares: ProductionShares,
  gate: FleetGate = {},
  options: WeighOptions = {},
): Report {
  const packages = options.packages ?? report.packages;
  const { functions, failures } = weighFunctions(
    report.functions,
    shares,
    gate,
    packages ? { packages } : {},
  );
  if (failures.length === 0) return { ...report, functions };
  const all = [...(report.failures ?? []), ...failures];
  return { ...report, functions, verdict: verdictFrom(all), failures: all };
}
