// The data that flows between pipeline stages. Every stage takes some of these and returns others;
// nothing here does I/O. Fields of `Report` are a public contract (schemaVersion 1): add, never rename.

export type Side = 'base' | 'head';

// ---------------------------------------------------------------- config

export interface Thresholds {
  /** Fractional slowdown of a benchmark that fails the gate (0.05 = 5%). */
  benchmark: number;
  /** Growth of one function's self time, as a fraction of the benchmark's base time per op. */
  function: number;
  /**
   * Growth of a benchmark's allocated bytes per op that fails the gate (0.1 = 10% more bytes/op),
   * whatever its time did. Default in DEFAULT_CONFIG.
   */
  allocations?: number;
  /**
   * Estimated growth of fleet CPU (a function's self-time change × its share of production CPU) that
   * fails the gate; only with a production profile.
   */
  fleet?: number;
  /**
   * What a benchmark on base that head no longer has does to the verdict: `warn` (the default) says
   * so in the comment, `fail` fails the run. Top level only.
   */
  removed?: 'fail' | 'warn';
  /**
   * What a run that measured no benchmark on both sides is (none found, all failed to load, nothing
   * selected): `error` (the default) gives no verdict, exit 2; `warn` passes with a warning. Top level only.
   */
  failed?: 'error' | 'warn';
  /**
   * The creep gate of track mode (`flamegate track`, the Action's `mode: track`): fractional slowdown
   * of a benchmark at the pushed commit against its anchor (a release) that fails the track run,
   * confirmed as a pull request's regression is (0.05 = 5%). Top level only; absent, a track run
   * gates on `benchmark`.
   */
  drift?: number;
}

export interface BenchmarkOverride {
  /** Glob matched against `file > task name` and against the task name alone. */
  match: string;
  thresholds: Partial<Thresholds>;
  /** Skip this benchmark entirely. */
  skip: boolean;
}

export interface Budget {
  /**
   * Fresh child processes in the timing pass before the first look at a benchmark's interval (the
   * minimum); the interval is taken over processes. More are added only while it has not resolved.
   */
  processes: number;
  /** The most timing processes one benchmark gets (sequential sampling stops there). */
  maxProcesses: number;
  /**
   * Wall-clock budget of the whole run, in minutes, install and discovery included: after discovery,
   * as many benchmarks as fit at the minimum processes are measured (in the order given) and the rest
   * are left out (`Report.leftOut`); no further sampling round starts when it would not end, with the
   * attribution pass, inside it. The first benchmark, its minimum processes and confirmations always run.
   */
  maxMinutes: number;
  /** Time each benchmark runs per side in each timing process, in ms. */
  timePerProcessMs: number;
  /** Length of one alternating slice, in ms; longer for benchmarks whose single op is longer. */
  sliceMs: number;
  /** Warm-up per side per benchmark per process, in ms. */
  warmupMs: number;
  /** Time each side runs under the profiler, per benchmark, in each profiling process, in ms. */
  profileMs: number;
  /**
   * Fresh processes in the attribution pass. One process can carry its own JIT bias for a function:
   * the spread between processes widens every function's interval, and all processes but one must
   * agree on a function's direction, so one odd process cannot flag it.
   */
  profileProcesses: number;
  /** Average time between profiler samples, in microseconds. */
  profileIntervalUs: number;
  /** A benchmark that makes no progress for this long is killed and reported as failed. */
  timeoutMs: number;
  /**
   * Fresh processes in the allocation pass (bytes per op and allocating functions); 0 turns the
   * pass off. The interval of bytes/op is taken over them.
   */
  allocationProcesses: number;
  /** Time each side runs in the allocation pass, per benchmark, in each process, in ms. */
  allocationMs: number;
  /** Average bytes allocated between two samples of the heap profiler. */
  allocationIntervalBytes: number;
  /**
   * Measuring processes run side by side, in every pass (timing, confirmation, attribution,
   * allocation). Base and head are paired within each process, milliseconds apart, so what
   * co-running processes do to each other falls on both sides of every pair; the interval is still
   * taken over processes. Absent: 1. The config's default is one per core (`defaultParallel`).
   */
  parallel?: number;
}

export interface Config {
  /** Globs of benchmark files, relative to the repo (or working directory). */
  benchmarks: string[];
  /** Globs excluded from discovery (node_modules is always excluded). */
  exclude: string[];
  /** Install command; when absent the package manager is picked from the lockfile. */
  install?: string;
  /** Build command run after install. */
  build?: string;
  /** Minutes install and build may take on each side before their processes are killed (default 30). */
  timeouts?: { install?: number; build?: number };
  thresholds: Thresholds;
  overrides: BenchmarkOverride[];
  /** Functions to leave out of the function table and the function gate (globs on name or file). */
  ignoreFunctions: string[];
  budget: Budget;
  /** A profile taken in production (pprof or .cpuprofile), on disk, relative to the working directory. */
  productionProfile?: string;
  /**
   * `affected`: measure only the benchmarks whose module graph reaches a file the pull request changed;
   * `all`: every benchmark. Absent: `affected` for a pull request, `all` for a push (the entry point decides).
   */
  select?: 'affected' | 'all';
  /**
   * What track mode measures the pushed commit against: a tag glob (`v*`), a ref (`v2.3.0`, `main~20`)
   * or `N days ago` (the default branch's commit then). Absent: the latest release tag, a tag like
   * `v1.2.3` or `1.2.3` reachable from the commit (the one before, when the commit is itself tagged).
   */
  baseline?: string;
  /** The branch that keeps the history of track runs (default `flamegate-data`). */
  historyBranch?: string;
}

// ---------------------------------------------------------------- measure

export interface BenchmarkId {
  /** Path of the benchmark file relative to the working directory, with forward slashes. */
  file: string;
  /** The tinybench task name. */
  name: string;
}

export function benchmarkKey(id: BenchmarkId): string {
  return `${id.file} > ${id.name}`;
}

/**
 * A file or folder name flamegate writes under its output folder: the measure stage makes every slug
 * of this form, and names read back from a shard's artifact must be too (no `/`, no `..`).
 */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** One timing process's view of one benchmark: both sides measured in alternating slices. */
export interface ProcessTiming {
  /** Index of the process (0-based); even processes start with base, odd with head (ABBA). */
  process: number;
  base: SideTiming;
  head: SideTiming;
  /** ln(head ns/op ÷ base ns/op) for each adjacent pair of slices, in order. */
  pairLogRatios: number[];
}

export interface SideTiming {
  /** Operations measured. */
  ops: number;
  /** Sum of measured time, ns. */
  totalNs: number;
}

/** One side's allocations in one process of the allocation pass. */
export interface SideAllocation {
  /** Operations measured. */
  ops: number;
  /**
   * Bytes allocated in the measured slices, objects already collected included: the heap's growth
   * plus what every garbage collection during the slices freed.
   */
  bytes: number;
  /** Time spent in garbage collection during the measured slices, ns. */
  gcNs: number;
  /** Wall time of the measured slices, ns. */
  wallNs: number;
  /**
   * The part of `gcNs` spent in major collections (marking, mark-compact). A major collection lands
   * in whichever slice triggers it and collects both sides' garbage, so the compare stage shares it
   * out by bytes allocated instead of charging it to the side that happened to trigger it.
   */
  majorGcNs?: number;
  /**
   * Duration of each minor and each major collection, ns. A collection's duration is wall time, so
   * on a loaded machine a preempted one can last 100× the others: the compare stage reads counts
   * times the median duration.
   */
  minorGcDurationsNs?: number[];
  majorGcDurationsNs?: number[];
}

/** One allocation process's view of one benchmark, both sides alternating in slices. */
export interface ProcessAllocation {
  process: number;
  base: SideAllocation;
  head: SideAllocation;
  /** ln(head bytes/op ÷ base bytes/op) for each adjacent pair of slices. */
  pairLogRatios: number[];
}

/** Everything the timing and attribution passes produced for one benchmark. */
export interface BenchmarkMeasurement {
  id: BenchmarkId;
  /**
   * File-system-safe name of the benchmark, unique in this run: the folder of its profiles and the
   * name of its flame-graph files.
   */
  slug: string;
  /** Which sides have this task. */
  present: Record<Side, boolean>;
  /** Processes where both sides completed. Empty when a side failed. */
  timings: ProcessTiming[];
  /** Ops measured on a side present only on one side (added/removed benchmarks). */
  soloTimings: { side: Side; timing: SideTiming }[];
  /** A side that threw, hung or crashed, with its message. */
  errors: Partial<Record<Side, string>>;
  /**
   * A fault of flamegate or of the machine that stopped this benchmark, charged to neither side: the
   * runner crashed or hung before or between benchmarks (the profiler failed to load, the process was
   * killed), or failed outside the benchmark's own code. Never blamed on the pull request.
   */
  infrastructureError?: string;
  /** gzipped pprof files written by the attribution pass, one per profiling process, with the ops each covers. */
  profiles: Partial<Record<Side, { path: string; ops: number }[]>>;
  /**
   * The attribution pass's own paired timing, one entry per profiling process (same order as
   * `profiles`): the head/base time ratio that function self times are scaled by.
   */
  attributionTimings?: ProcessTiming[];
  /** The allocation pass, one entry per process where both sides completed. */
  allocations?: ProcessAllocation[];
  /** gzipped pprof heap profiles (`alloc_space`, bytes) of the allocation pass, same order. */
  allocationProfiles?: Partial<Record<Side, { path: string; ops: number }[]>>;
  /** How sequential sampling went for this benchmark (absent: a fixed number of processes). */
  sampling?: BenchmarkSampling;
  /**
   * Fresh timing processes run after sampling stopped, only for a benchmark that would fail the check:
   * data independent of the first verdict, which must agree before the benchmark fails.
   */
  confirmTimings?: ProcessTiming[];
  /**
   * Set when the benchmark was not measured for lack of time: `budget.maxMinutes` could not hold it
   * (the plan made after discovery, or a first timing round slower than planned). Why, in words.
   */
  leftOut?: string;
}

/** Why sequential sampling stopped for a benchmark. */
export type StopReason = 'resolved' | 'maxProcesses' | 'maxMinutes';

export interface BenchmarkSampling {
  /** Timing processes that ran this benchmark (before confirmation). */
  processes: number;
  stoppedBy: StopReason;
  /** Wall time of this benchmark's timing work in the child processes, ms (confirmation excluded). */
  wallMs: number;
}

/** Progress of the measure stage, reported after every process round. */
export interface MeasureStatus {
  phase: 'timing' | 'confirming' | 'profiling' | 'allocating';
  /** Process rounds finished in this phase. */
  round: number;
  /** Benchmark-processes finished in the whole stage, and the most it can still need (a bound). */
  done: number;
  total: number;
  /** Benchmarks still being sampled, and those already resolved. */
  sampling: number;
  resolved: number;
  /** Measuring processes running side by side (`budget.parallel`); absent when one at a time. */
  parallel?: number;
  /**
   * Estimated seconds left in the whole run: the rest of timing and any confirmation known, the
   * attribution and allocation passes, then reading the profiles, reporting and removing the checkouts.
   */
  secondsLeft: number;
}

/** What the measure stage spent, for the report's header. */
export interface MeasureRun {
  /** Wall time of the timing pass (sampling rounds), ms. */
  timingMs: number;
  /** Wall time of confirmation processes, ms. */
  confirmMs: number;
  /** ns per op of an empty task through the runner's timing loop (median over timing processes). */
  harnessFloorNs?: number;
  /**
   * Present when `budget.maxMinutes` left the attribution and allocation passes less time than the
   * budget asks: the measured time per side they ran with instead, ms; and when the allocation pass
   * was cut to the first benchmarks in the order measured, how many of how many it measured.
   */
  trailing?: { profileMs: number; allocationMs: number; allocated?: number; allocatable?: number };
  /** Wall time of the allocation pass, ms (absent when it was off). */
  allocationPassMs?: number;
  /** Which benchmarks were measured, given what the pull request changed (`Report.selection`). */
  selection?: Selection;
  /** The repository's benchmark settings flamegate did not honour or used differently (`Report.harnessNotes`). */
  harnessNotes?: string[];
}

/** Which benchmarks a run measured, given what the pull request changed (src/measure/affected.ts). */
export interface Selection {
  /** The `select` that applied: `affected` (the config's, or the default for a pull request) or `all`. */
  select: 'affected' | 'all';
  /**
   * Why every benchmark was measured under `select: affected`: the change touches a lockfile, the bench
   * config, a file no benchmark's imports reach but a run may read, or nothing differs.
   */
  everything?: string;
  /** The changed files (repository-relative) that some benchmark file's imports reach. */
  reachedChanges: string[];
  /**
   * Benchmarks not measured because no file this pull request changed is reachable from their file's
   * imports, on base or on head. They are not in `benchmarks`.
   */
  notAffected: BenchmarkId[];
  /**
   * Affected benchmarks whose file's benchmarks, each called once at discovery, called a function of a
   * changed file: measured first, with `executionUnknown`. The other affected ones reach the change
   * only through imports (a barrel module; a change to top-level code). Absent: not recorded.
   */
  executedChanges?: BenchmarkId[];
  /** Affected benchmarks whose single call failed, timed out or was not recorded: measured first too. */
  executionUnknown?: BenchmarkId[];
}

// ---------------------------------------------------------------- profile

export type FrameKind = 'user' | 'dependency' | 'node' | 'runtime' | 'harness';

export interface Frame {
  name: string;
  /** Repo-relative file (worktree prefix stripped), a `node:` URL, or '' for runtime frames. */
  file: string;
  /** First line of the function, for links only: identity never uses it. */
  line: number;
  kind: FrameKind;
  /** npm package name for `dependency` frames (scoped names included). */
  package?: string;
}

/** What a profile's values measure, as pprof names it: `wall`/`nanoseconds`, `alloc_space`/`bytes`… */
export interface SampleType {
  type: string;
  /** `nanoseconds` for every time profile (decoders convert other time units), `bytes`, `count`. */
  unit: 'nanoseconds' | 'bytes' | 'count' | (string & {});
}

/**
 * The one profile model: stacks of frames in flat typed arrays, each with a value in `sampleType`'s
 * unit. The decoders (src/profile/) make it, once per file; the function tables, the merged pprof
 * files, the flame-graph engine and its renderers all read it, and print its values in its unit.
 * Frames are shared through the `frames` table. 100k stacks as 100k small arrays cost more in garbage
 * collection than decoding them, hence the flat arrays.
 */
export interface PackedProfile {
  frames: Frame[];
  /** Frame indices of every stack, concatenated; each stack from the root (outermost caller) to the leaf. */
  stackFrames: Int32Array;
  /** Stack i is stackFrames[stackStart[i]] up to, not including, stackFrames[stackStart[i + 1]]. */
  stackStart: Int32Array;
  /** Value of each stack, in `sampleType.unit` (nanoseconds, bytes, samples…). */
  values: Float64Array;
  /** Samples each stack stands for. */
  samples: Float64Array;
  /** Operations the profile covers; 1 when unknown (then "per op" means "in total"). */
  ops: number;
  /** What `values` measure, and in which unit. */
  sampleType: SampleType;
}

/** One function of a FunctionTable: its self and total value per op, in the table's unit. */
export interface ProfiledFunction {
  /** Stable identity across sides: name and file, never the line. */
  key: string;
  frame: Frame;
  /** Value per op with the function as the leaf (self time, or bytes it allocated itself). */
  selfPerOp: number;
  /** Value per op with the function anywhere on the stack (recursion counted once). */
  totalPerOp: number;
  /** Samples in which the function was the leaf: the basis of its sampling error. */
  selfSamples: number;
}

/** One side of one benchmark after the profile stage. */
export interface SideProfile {
  /** All profiling processes together: what flame graphs draw. */
  stacks: PackedProfile;
  /** One function table per profiling process, in process order: what the function statistics read. */
  processes: FunctionTable[];
  /** The merged pprof file written for users, relative to the output directory. */
  path: string;
}

/** Every function of one profile, per op. */
export interface FunctionTable {
  /** The profile's sample type: `totalPerOp` and each function's values are in its unit. */
  sampleType: SampleType;
  ops: number;
  /** Value per op over all stacks. */
  totalPerOp: number;
  totalSamples: number;
  functions: ProfiledFunction[];
}

// ---------------------------------------------------------------- compare / report

export type BenchmarkStatus = 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed' | 'failed';
export type FunctionStatus = 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed';

export interface SideSummary {
  /** Median over timing processes of each process's ns per op. */
  medianNs: number;
  /**
   * The same median under its first, misleading name: kept because the JSON report is a contract
   * (fields are added, never renamed). Read `medianNs`.
   * @deprecated
   */
  meanNs: number;
  /** Operations measured, summed over processes. */
  ops: number;
  /**
   * The same count under its first, misleading name (it counts operations, not samples): kept because
   * the JSON report is a contract. Read `ops`.
   * @deprecated
   */
  samples: number;
}

export interface BenchmarkResult {
  name: string;
  file: string;
  status: BenchmarkStatus;
  base: SideSummary | null;
  head: SideSummary | null;
  /** head/base − 1; +0.12 means 12% slower. */
  change: number;
  /** 95% interval of change. */
  ci: [number, number];
  /**
   * Each side's ns per op as the report shows it, from the same paired processes as `change`, so the
   * two can never disagree: `base` is the geometric mean over those processes of each one's base ns
   * per op, `head` is `base × (1 + change)`. `base.medianNs`/`head.medianNs` are medians of absolute
   * per-process times, which load moves around; they can even cross on a real change. Absent when
   * the benchmark was not measured on both sides.
   */
  pairedNs?: { base: number; head: number };
  threshold: number;
  error?: string;
  /**
   * The failure is flamegate's or the machine's, not either side's (`error` says what): the benchmark
   * is `failed` but never counts against the pull request. See `Report.infrastructureErrors`.
   */
  infrastructure?: boolean;
  /** The interval is wider than the threshold: this run cannot tell a change of that size. */
  inconclusive?: boolean;
  /** Threshold for one function's self-time growth, as a fraction of base time per op. */
  functionThreshold?: number;
  /** Why the gate failed for this benchmark, one line per reason. */
  failures?: string[];
  /** What the function table of this benchmark rests on. */
  functionNoise?: FunctionNoise;
  /**
   * The finest change this run could tell for this benchmark: half the width of its interval, so an
   * observed change larger than this excludes zero. From the benchmark's own spread.
   */
  resolution?: number;
  /**
   * Standard deviation, across timing processes, of each process's ln(head/base): the per-process
   * bias the interval is taken over (about 0.02 on a quiet machine). Absent below two processes.
   */
  spread?: number;
  /** Timing processes behind `change` and `ci` (confirmation not included). */
  processes?: number;
  /** Why sampling stopped: the interval resolved, or `budget.maxProcesses` / `budget.maxMinutes` ran out. */
  stoppedBy?: StopReason;
  /**
   * Processes at which, with the spread seen, the interval would resolve against the threshold;
   * set on an unresolved benchmark when at most 1000 would do (absent: the change sits on or near the
   * threshold, or the spread is too large).
   */
  neededProcesses?: number;
  /** The second, independent measurement of a benchmark whose first verdict was `regressed` or `improved`. */
  confirmation?: Confirmation;
  /**
   * Wall time the benchmark processes spent on this benchmark, all passes and both sides, in ms
   * (loading its file included when it was the file's first task). `--costs` reads it to balance shards.
   */
  costMs?: number;
  /** In a run over several packages (a monorepo): the package directory, relative to the run's root. */
  package?: string;
  /** Allocated bytes per op and time in GC, from the allocation pass (absent when it is off). */
  memory?: MemoryResult;
}

/**
 * A benchmark's allocations. Bytes count every object allocated during the measured operations,
 * those already collected included (the heap's growth plus what each collection freed), with
 * tinybench's own bookkeeping per op (a few hundred bytes, the same on both sides).
 */
export interface MemoryResult {
  /** Median over the allocation processes of base's bytes per op. */
  baseBytesPerOp: number;
  /** baseBytesPerOp × (1 + change). */
  headBytesPerOp: number;
  /** head/base − 1 of bytes per op; +0.2 means 20% more bytes allocated per op. */
  change: number;
  /** 95% interval of change, over the allocation processes. */
  ci: [number, number];
  /** `regressed`: the interval excludes 0 and the growth exceeds `threshold`; `improved` likewise. */
  status: 'regressed' | 'improved' | 'unchanged';
  /** The allocation threshold that applied (`thresholds.allocations`). */
  threshold: number;
  /**
   * Share of the side's measured wall time spent in garbage collection (0.12 = 12%): its own minor
   * collections plus its share, by bytes allocated, of the major collections of both sides, each
   * counted at the median duration of its kind (a preempted collection does not decide it).
   */
  baseGcShare: number;
  headGcShare: number;
  /** Allocation processes where both sides completed. */
  processes: number;
}

/** One function's self allocations per op, from the sampling heap profiler of the allocation pass. */
export interface AllocationResult {
  benchmark: string;
  name: string;
  file: string;
  line: number;
  baseBytesPerOp: number;
  headBytesPerOp: number;
  deltaBytesPerOp: number;
  status: FunctionStatus;
  benchmarkFile?: string;
  kind?: FrameKind;
  package?: string;
  /** deltaBytesPerOp as a fraction of the benchmark's base bytes per op. */
  shareOfBenchmark?: number;
  /** The same statistics as a function's self time, on heap profiler samples. */
  evidence?: FunctionEvidence;
  /** Whether this pull request changed the function's source, or the version of its package. */
  source?: SourceChange;
}

export interface Confirmation {
  /** head/base − 1 in the confirmation processes alone. */
  change: number;
  /** 95% interval of that change (fixed number of processes, no optional stopping). */
  ci: [number, number];
  processes: number;
  /**
   * The confirmation reached the same verdict beyond the threshold; only then does the benchmark fail
   * (or count as improved).
   */
  confirmed: boolean;
  /** The verdict being confirmed. */
  firstVerdict?: 'regressed' | 'improved';
}

/** What the timing pass spent and saved (sequential sampling), for the comment's header. */
export interface SamplingSummary {
  /** Timing processes run, summed over benchmarks (confirmation included). */
  processes: number;
  /** Of `processes`, those that confirmed a first verdict (outside the sampling budget). */
  confirmProcesses?: number;
  /** What a fixed budget of `budget.maxProcesses` per benchmark would have run. */
  maxProcesses: number;
  /** Wall time of the timing pass and confirmations, seconds. */
  seconds: number;
  /**
   * Estimated seconds the run saved because benchmarks resolved before `budget.maxProcesses` (a
   * benchmark cut by `budget.maxMinutes` saved nothing: it was denied processes it needed).
   */
  savedSeconds: number;
  /** Benchmarks whose interval resolved / that hit a budget. */
  resolved: number;
  unresolved: number;
  /**
   * The smallest error rate a planned look spends (the last look's): α is split over the looks in
   * proportion to 1/k, most on the first (`lookAlphas`, src/stats/sequential.ts).
   */
  alphaPerLook: number;
  /** ns per op of an empty task through the runner's timing loop: the harness floor of this run. */
  harnessFloorNs?: number;
  /**
   * Present when `budget.maxMinutes` cut the attribution and allocation passes short: the measured
   * time per side per benchmark they ran with, ms (the budget's profileMs and allocationMs otherwise);
   * `allocated` of `allocatable`: the allocation pass measured only the first benchmarks in the
   * order measured (the ones that run the change first), the rest have no memory figures.
   */
  trailing?: { profileMs: number; allocationMs: number; allocated?: number; allocatable?: number };
}

export interface FunctionNoise {
  /** Profiling processes with both sides profiled. */
  processes: number;
  /** Profiler samples per side, all processes together. */
  samples: Record<Side, number>;
  /**
   * How much more than sampling error functions moved between processes (median over functions;
   * 1 = sampling error alone). Every function's interval is widened by it.
   */
  dispersion: number;
  /** Head/base time per op in the attribution pass (paired slices), which scales head self times. */
  ratio: number;
}

export interface FunctionResult {
  benchmark: string;
  name: string;
  file: string;
  line: number;
  baseSelfNsPerOp: number;
  headSelfNsPerOp: number;
  deltaNsPerOp: number;
  /** head/base − 1 of self time (Infinity-free: added functions report 1). */
  change: number;
  status: FunctionStatus;
  /** File of the benchmark this row belongs to. */
  benchmarkFile?: string;
  kind?: FrameKind;
  package?: string;
  /** deltaNsPerOp as a fraction of the benchmark's base time per op (what the function gate reads). */
  shareOfBenchmark?: number;
  /** The function gate failed on this row. */
  gate?: boolean;
  /** The statistics behind `status` (see README, "How the verdict is reached"). */
  evidence?: FunctionEvidence;
  /** Whether this pull request changed the function's source, or the version of its package. */
  source?: SourceChange;
  /**
   * With a production profile: the function's share of production CPU (self time, 0.14 = 14%); 0
   * when production never ran it (then notInProduction is set).
   */
  productionShare?: number;
  /** Estimated change of fleet CPU: `change` × productionShare (+0.008 = +0.8% of fleet CPU). */
  fleetImpact?: number;
  /** The production profile holds no function of this name and file. */
  notInProduction?: boolean;
  /** The fleet gate (thresholds.fleet) failed on this row. */
  fleetGate?: boolean;
}

export interface FunctionEvidence {
  /**
   * The change in the function's share of the benchmark (head share × head/base time ratio − base
   * share) divided by its standard error, sampling error inflated by the spread between processes.
   */
  z: number;
  /** Profiling processes in which the function moved in the same direction as the pooled change. */
  agreeing: number;
  processes: number;
}

/**
 * `edited`: the function's line range at head intersects the base..head diff of its file; `new`: its
 * file or the function did not exist on base; `dependency`: its package's installed version differs
 * between base and head; `unchanged`: none of these.
 */
export interface SourceChange {
  changed: boolean;
  reason: 'edited' | 'new' | 'dependency' | 'unchanged';
  /** Lines of the function at head (first and last), where the source could be parsed. */
  lines?: [number, number];
  /**
   * Of `lines`, the first and last that the base..head diff touches: the change itself, where the
   * Action's annotation goes (absent for a new file, where every line is new, and without `lines`).
   */
  changedLines?: [number, number];
  /** For dependency frames: the package's installed version on each side. */
  packageVersions?: { base?: string; head?: string };
}

// ---------------------------------------------------------------- source changes (workspace → compare)

/** What the pull request changed in the source, from git and the installed packages. */
export interface SourceChanges {
  /** Per repo-relative file changed between base and head. */
  files: Record<string, ChangedFile>;
  /** Installed package versions per side, keyed by the package folder relative to the worktree root. */
  packages: Record<Side, Record<string, string>>;
}

export interface ChangedFile {
  status: 'added' | 'modified' | 'deleted';
  /** Line ranges of head that the diff touches (a pure deletion touches the lines around it). */
  changedLines: [number, number][];
  /** First and last line of every function in the head file, where it parses. */
  functions?: [number, number][];
}

export interface RevisionInfo {
  ref: string;
  sha: string;
}

export interface Report {
  schemaVersion: 1;
  verdict: 'pass' | 'fail';
  base: RevisionInfo;
  head: RevisionInfo;
  benchmarks: BenchmarkResult[];
  functions: FunctionResult[];
  /** One line per exceeded threshold or head-only failure. */
  failures?: string[];
  /**
   * Faults of flamegate or of the machine (not of base or head), one line per distinct message with
   * the benchmarks it stopped. When present, the run is no verdict on the pull request: `verdict`
   * covers only what was measured, the CLI exits 2 and the Action fails the step naming the fault.
   */
  infrastructureErrors?: string[];
  /**
   * What the verdict rests on (absent from reports of earlier versions): benchmarks timed on both
   * sides, and benchmarks that failed on both sides, which no verdict covers.
   */
  measured?: {
    both: number;
    failedOnBoth: number;
    /** `thresholds.failed`: whether `nothingMeasured` is an error (exit 2) or a warning. */
    onNothing: 'error' | 'warn';
  };
  /**
   * Set when no benchmark was measured on both sides and nothing failed the gate: why, and what to fix.
   * Then the run is no verdict on the pull request (`verdict` covers only what was measured): with
   * `measured.onNothing` `error` the CLI exits 2 and the Action fails the step, as for
   * `infrastructureErrors`; with `warn` the run passes with this as a warning.
   */
  nothingMeasured?: string;
  /** Settings that shaped the run, so a reader can reproduce it. */
  settings?: {
    processes: number;
    timePerProcessMs: number;
    profileMs: number;
    node: string;
    /** Sequential sampling: the most timing processes per benchmark, and the run's wall-clock budget. */
    maxProcesses?: number;
    maxMinutes?: number;
    /** Measured time per side in each allocation process, ms, as configured (absent: the pass was off). */
    allocationMs?: number;
    /** Measuring processes that ran side by side (`budget.parallel`). */
    parallel?: number;
  };
  /** What sequential sampling spent and saved; in a merged report, the shards' totals (`flamegate merge`). */
  sampling?: SamplingSummary;
  /** Where the raw profiles were written, relative paths per benchmark key. */
  profiles?: Record<string, Partial<Record<Side, string>>>;
  /**
   * Functions whose self allocations per op changed, then the largest unchanged ones, per benchmark
   * (absent when the allocation pass is off).
   */
  allocations?: AllocationResult[];
  /** Where the heap profiles (pprof, `alloc_space` in bytes) were written, per benchmark key. */
  allocationProfiles?: Record<string, Partial<Record<Side, string>>>;
  /**
   * Wall time of the allocation pass, ms (what it adds to a run). In a merged report, the sum over the
   * shards: the same work as an unsharded run's pass (the shard jobs ran theirs side by side).
   */
  allocationPassMs?: number;
  /**
   * Hash of the effective config (thresholds, overrides, budget, globs…): shards of one run must
   * agree on it before `flamegate merge` combines them.
   */
  configFingerprint?: string;
  /** Set on the partial report of one shard job (`--shard i/N`). */
  shard?: ShardInfo;
  /** Set on a report that `flamegate merge` made from shard reports. */
  merged?: { shards: number; planDigest: string };
  /** In a run over several packages: their directories, relative to the run's root. */
  packages?: string[];
  /**
   * Which benchmarks were measured (absent from reports of earlier versions and from runs that had
   * nothing to select by): under `select: affected`, those the pull request can reach; the others are
   * listed as not affected.
   */
  selection?: Selection;
  /**
   * The repository's own benchmark settings (its vitest config, per project) that flamegate did not
   * honour, or honoured differently, one sentence each: never dropped without a word.
   */
  harnessNotes?: string[];
  /**
   * Benchmarks not measured because `budget.maxMinutes` could not hold them, in the order they were
   * given, each with why. They are in no verdict: the verdict's first line counts them.
   */
  leftOut?: LeftOutBenchmark[];
  /**
   * The `flamegate compare` options, beyond `--base` and `--head`, that repeat this run from the
   * repository's root: its config, the flags or inputs that replaced config values, packages, shard.
   * One argument per element, unquoted; the comment's reproduce line quotes them.
   */
  reproduce?: string[];
  /**
   * Creep on the default branch, read from the history branch (no extra measuring): the newest track
   * run of a commit in base's history, and each benchmark that had drifted from its anchor there (the
   * interval excludes zero), with this pull request's own change. Absent when nothing has drifted or
   * there is no history.
   */
  drift?: DriftNote;
}

/** `Report.drift`: what the history branch says of the default branch against its anchor. */
export interface DriftNote {
  /** The anchor of that track run (its tag, else its ref) and its commit. */
  anchor: RevisionInfo;
  /** The commit that track run measured (base or an ancestor of it), and when. */
  commit: string;
  time: string;
  benchmarks: DriftedBenchmark[];
}

export interface DriftedBenchmark {
  name: string;
  file: string;
  /** head/base − 1 of the default branch against the anchor, and its 95% interval. */
  change: number;
  ci: [number, number];
  /** This pull request's change of the same benchmark, when it was measured on both sides. */
  prChange?: number;
}

/** A benchmark the run had no time for (`Report.leftOut`). */
export interface LeftOutBenchmark {
  name: string;
  file: string;
  /** Why, in words: the plan, or a first timing round slower than planned. */
  reason: string;
}

/** Which share of the benchmarks one shard job measured, and how the split was made. */
/** Which shard of a CI matrix this run is: `--shard i/N`, the Action's `shard` input. */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ShardInfo {
  /** 1-based index of this shard. */
  index: number;
  /** Number of shards. */
  count: number;
  /** Benchmarks over all shards. */
  benchmarks: number;
  /** `estimate`: costs from the budget and discovery alone; `costs`: a previous run's measured costs. */
  basis: 'estimate' | 'costs';
  /** Expected cost of each shard, ms, in shard order. */
  estimatedMs: number[];
  /** Hash of `plan`: every shard of one run carries the same. */
  planDigest: string;
  /** Every benchmark key of the run (in discovery order) → the shard (1-based) that measures it. */
  plan: Record<string, number>;
}

// ---------------------------------------------------------------- run result (pipeline or merge → report writer)

/** Flame-graph stacks per benchmark key and side, as the profile stage classified them. */
export type StacksByBenchmark = Record<string, Partial<Record<Side, PackedProfile>>>;

/**
 * A finished run, whoever made it: the pipeline (`compare`, `demo`, the Action) or the merge of shard
 * results (`merge`, the Action's merge mode). It is everything the one run writer
 * (src/report/write-run.ts) needs to write report.json, comment.md, the flame graphs and the summary,
 * and to give the exit code; nothing in it is specific to where it came from.
 */
export interface RunResult {
  /** The JSON report (the contract), verdict included. */
  report: Report;
  /** The run's output folder: report.json, comment.md, flame/ and the raw profiles (profiles/) go here. */
  outDir: string;
  /** Path of report.json inside `outDir` (written by the run writer). */
  reportPath: string;
  /** CPU stacks of the attribution pass per benchmark key: one SVG and one HTML flame graph each. */
  cpuStacks: StacksByBenchmark;
  /**
   * Heap stacks of the allocation pass per benchmark key (in bytes, as each profile's sample type says): one allocation
   * viewer (`<slug>-alloc.html`) each. Empty or absent when the allocation pass was off.
   */
  allocationStacks?: StacksByBenchmark;
  /** File-system-safe name per benchmark key (the measure stage's): the flame-graph files are named after it. */
  slugs: Record<string, string>;
}

// ---------------------------------------------------------------- history (track mode → data branch)

/**
 * One track run, as one file on the history branch (`flamegate-data` by default, `runs/<file>.json`):
 * the pushed commit measured against its anchor (a release tag by default) in one paired run, so a
 * file is a change with its interval, never an absolute time from some machine. Fields are added,
 * never renamed: the page and the PR comment read files written by older versions.
 */
export interface HistoryEntry {
  schemaVersion: 1;
  /** When the run finished, ISO 8601 (UTC). */
  time: string;
  /** The commit measured: the pushed commit of the default branch. */
  commit: RevisionInfo;
  /** What it was measured against, and how that was chosen (`tag`: the tag's name when it is one). */
  anchor: RevisionInfo & { tag?: string };
  verdict: 'pass' | 'fail';
  /** `thresholds.drift` that applied, when set (the creep gate). */
  drift?: number;
  /** Where the run's flame graphs are (the workflow run's page, whose artifact holds them). */
  runUrl?: string;
  benchmarks: HistoryBenchmark[];
}

/** One benchmark of a track run: head (the pushed commit) against base (the anchor). */
export interface HistoryBenchmark {
  name: string;
  file: string;
  status: BenchmarkStatus;
  /** head/base − 1 against the anchor, and its 95% interval (absent when not measured on both). */
  change?: number;
  ci?: [number, number];
  /** The paired per-side ns per op (`BenchmarkResult.pairedNs`). */
  baseNs?: number;
  headNs?: number;
  /** The functions whose self time moved most since the anchor, largest first (at most 5). */
  movers: HistoryMover[];
}

export interface HistoryMover {
  name: string;
  file: string;
  package?: string;
  deltaNsPerOp: number;
  /** deltaNsPerOp as a share of the benchmark's base time per op. */
  shareOfBenchmark?: number;
}
