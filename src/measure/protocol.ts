// Messages between the measuring parent and the child runner: the job goes down in a JSON file, the
// results come up over Node's IPC channel. The child runs under the user's `node`, so everything here
// is plain JSON. Each job kind has its own result message, and the messages a job may send are
// `MessageOf<kind>`; `protocol-parse.ts` checks both directions where they are received.
import type { Side, SideAllocation, SideTiming } from '../model.js';

/** One benchmark as the child sees it: the task on each side that has it. */
export interface ChildBenchmark {
  key: string;
  /** File-system-safe name for this benchmark's profile folder. */
  slug: string;
  base?: TaskSpec;
  head?: TaskSpec;
}

/** A task of a benchmark file, by its file's absolute path and its name in the file. */
export interface TaskSpec {
  file: string;
  task: string;
}

export interface DiscoverJob {
  kind: 'discover';
  /** Absolute paths of benchmark files on one side. */
  files: string[];
  /** Record the files each benchmark file's imports reach (affected selection). */
  graph?: boolean;
  /**
   * With `graph`: the changed script files on this side (absolute paths). Each benchmark of a file
   * whose imports reach one is called once, and `executed` says which of them it ran.
   */
  executed?: string[];
  /**
   * With `executed`: how long the calls may take in all, ms. Files whose turn comes after it are
   * reported `skipped` (ranked by their imports alone).
   */
  executeMs?: number;
}

export interface TimingJob {
  kind: 'timing';
  benchmarks: ChildBenchmark[];
  /** Which side runs first in each pair; alternated per pair as well (ABBA). */
  firstSide: Side;
  sliceMs: number;
  warmupMs: number;
  /** Measured time per side per benchmark. */
  timeMs: number;
  /** Time every call with tinybench's `run()` instead of batching synchronous calls (comparison only). */
  perCall?: boolean;
}

/** The attribution pass: both sides alternate under the CPU profiler, one profile per side written. */
export interface ProfileJob {
  kind: 'profile';
  benchmarks: ChildBenchmark[];
  sliceMs: number;
  warmupMs: number;
  /** Time per side per benchmark under the profiler. */
  timeMs: number;
  intervalUs: number;
  /** Directory where `<slug>/<side>-<process>.pb.gz` files are written. */
  outDir: string;
  /** Index of this profiling process, part of the file names. */
  process: number;
  /** Folder of each side's checkout: frames of its own code are mapped to source positions there. */
  roots?: Partial<Record<Side, string>>;
}

/**
 * The profiler's own cost (the self-benchmark): blocks with and without the profiler alternate, and
 * their paired ratios are reported. Nothing is written.
 */
export interface OverheadJob {
  kind: 'overhead';
  benchmarks: ChildBenchmark[];
  sliceMs: number;
  warmupMs: number;
  /** Time per benchmark over all blocks, with and without the profiler. */
  timeMs: number;
  intervalUs: number;
}

/**
 * The allocation pass: both sides alternate in slices, as in the timing pass, with V8's sampling heap
 * profiler on (counting objects already collected) and every garbage collection accounted for.
 */
export interface AllocationJob {
  kind: 'allocation';
  benchmarks: ChildBenchmark[];
  firstSide: Side;
  sliceMs: number;
  warmupMs: number;
  /** Measured time per side per benchmark. */
  timeMs: number;
  /** Average bytes allocated between two heap profiler samples. */
  samplingIntervalBytes: number;
  /** Directory where `<slug>/alloc-<side>-<process>.pb.gz` files are written. */
  outDir: string;
  process: number;
  /**
   * Folder of each side's worktree: a heap sample belongs to the side whose folder holds a frame of
   * its stack. Without it, the folder of each benchmark file.
   */
  roots?: Partial<Record<Side, string>>;
}

export type Job = DiscoverJob | TimingJob | ProfileJob | OverheadJob | AllocationJob;
export type JobKind = Job['kind'];
/** The jobs that run benchmarks (all but discovery). */
export type BenchmarkJob = Exclude<Job, DiscoverJob>;

export type { SideAllocation };

// Discovery's messages.

/** Sent before each benchmark file loads, so the parent knows which file hangs or kills the process. */
export interface LoadingMessage {
  type: 'loading';
  file: string;
}
export interface DiscoveredMessage {
  type: 'discovered';
  file: string;
  tasks: string[];
  /**
   * With `DiscoverJob.graph`: every file the benchmark file's imports reached, itself included,
   * as absolute real paths; absent when the recording may have missed one.
   */
  reached?: string[];
}
/** `reached`: as for `discovered`, what its imports reached before it failed. */
export interface DiscoverErrorMessage {
  type: 'discover-error';
  file: string;
  error: string;
  reached?: string[];
}
/** With `DiscoverJob.graph`, last: every file the process loaded through an import, real paths. */
export interface LoadedMessage {
  type: 'loaded';
  files: string[];
}
/** With `DiscoverJob.executed`: the file's benchmarks are about to be called once each. */
export interface ExecutingMessage {
  type: 'executing';
  file: string;
}
/**
 * The changed files (real paths) a function of which the file's benchmarks called; `unknown`: a
 * benchmark failed or timed out, so what it runs is not known. `tasks`: the same per benchmark
 * (by task name) whose own call is known, so one benchmark of a file is told from its neighbours.
 */
export interface ExecutedMessage {
  type: 'executed';
  file: string;
  changed: string[];
  unknown?: boolean;
  skipped?: boolean;
  tasks?: Record<string, string[]>;
}
/**
 * A vitest project met while discovering: the Node flags its config gives the processes that run
 * its bench files, and its settings flamegate does not honour (one sentence each).
 */
export interface VitestProjectMessage {
  type: 'vitest-project';
  execArgv: string[];
  notes: string[];
}
export type DiscoveryMessage =
  | LoadingMessage
  | DiscoveredMessage
  | DiscoverErrorMessage
  | LoadedMessage
  | ExecutingMessage
  | ExecutedMessage
  | VitestProjectMessage;

// Every benchmark job's messages.

/** Sent before each piece of work, so the parent's watchdog knows what hangs. */
export interface ProgressMessage {
  type: 'progress';
  key: string;
  side: Side;
  phase: 'load' | 'warmup' | 'measure';
}
/**
 * A benchmark failed. `side` names the side whose code threw; without it the failure happened outside
 * either side's code (flamegate or the machine: writing a profile, starting the profiler).
 */
export interface ErrorMessage {
  type: 'error';
  key: string;
  side?: Side;
  error: string;
}

// One result per job kind.

/** A profile a child wrote, and the operations it covers (they travel here only, not in the file). */
export interface WrittenProfile {
  path: string;
  ops: number;
}

export interface TimingResult {
  type: 'timing';
  key: string;
  base?: SideTiming;
  head?: SideTiming;
  pairLogRatios: number[];
}
/** ns per op of an empty task through the timing loop, measured once per timing process. */
export interface FloorMessage {
  type: 'floor';
  nsPerOp: number;
}
export interface ProfiledResult {
  type: 'profiled';
  key: string;
  profiles: Partial<Record<Side, WrittenProfile>>;
  /** The profiled slices' own timing: the head/base ratio that function self times scale by. */
  base?: SideTiming;
  head?: SideTiming;
  pairLogRatios: number[];
}
/** ln(ns/op with the profiler ÷ ns/op without) for adjacent blocks. */
export interface OverheadResult {
  type: 'overhead';
  key: string;
  pairLogRatios: number[];
}
export interface AllocatedResult {
  type: 'allocated';
  key: string;
  /** Heap profiles (pprof, `alloc_space` in bytes), one per side. */
  profiles: Partial<Record<Side, WrittenProfile>>;
  base?: SideAllocation;
  head?: SideAllocation;
  /** ln(head bytes/op ÷ base bytes/op) for each adjacent pair of slices. */
  pairLogRatios: number[];
}

/** The job is finished: everything it had to say was said. */
export interface DoneMessage {
  type: 'done';
}

/** What each kind of job may send, besides `done`. */
export interface MessagesByKind {
  discover: DiscoveryMessage;
  timing: ProgressMessage | ErrorMessage | TimingResult | FloorMessage;
  profile: ProgressMessage | ErrorMessage | ProfiledResult;
  overhead: ProgressMessage | ErrorMessage | OverheadResult;
  allocation: ProgressMessage | ErrorMessage | AllocatedResult;
}

/** The messages a job of kind `K` may send. */
export type MessageOf<K extends JobKind> = MessagesByKind[K] | DoneMessage;
export type ChildMessage = MessageOf<JobKind>;

/**
 * Written into the comments of a pprof file flamegate saves for users (`profile/write-pprof.ts`), read
 * back by `flamegate diff`. The child's own files do not carry it: their ops travel over IPC.
 */
export const OPS_COMMENT_PREFIX = 'flamegate.ops=';
export const SIDE_LABEL = 'flamegate.side';
