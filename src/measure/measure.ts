// The measure stage: discovery, the timing pass (production flags, no profiler, base and head
// alternating in one process, repeated over fresh processes until each benchmark's interval resolves
// or the budget runs out), the confirmation of would-be regressions in fresh processes, the
// attribution pass (profiler on, inlining off) and the allocation pass. Each pass (passes/) returns
// its own result; the measurements are assembled once, here, at the end. A benchmark that throws,
// hangs or crashes is recorded as failed (the executor's ledger) and the others go on.

import { plural } from '../format.js';
import type { BenchmarkId, BenchmarkMeasurement, Budget, MeasureRun, MeasureStatus, Side } from '../model.js';
import { benchmarkKey } from '../model.js';
import { executionFields, type SideGraph, selectAffected } from './affected.js';
import { hasFailed } from './blame.js';
import { Failures, isPaired, type MeasureContext, type SideFiles } from './context.js';
import { allocationsToDeadline, type LeftOut, planToDeadline } from './deadline.js';
import { Executor } from './executor.js';
import { type Launcher, runnerLauncher } from './launcher.js';
import { type AllocationResult, allocationPass } from './passes/allocation.js';
import { attributionPass, type BenchmarkAttribution } from './passes/attribution.js';
import { type ConfirmResult, confirmPass } from './passes/confirm.js';
import { type AffectedInput, discoverPass } from './passes/discover.js';
import { type TimingResult, timingPass } from './passes/timing.js';
import { harnessNotes } from './repo-flags.js';
import { StageClock } from './schedule.js';
import { afterMeasureMs, suspectProfileProcesses, trailingPlan } from './trailing.js';

/** What the pipeline gives the measure stage. */
export interface MeasureOptions {
  sides: Record<Side, SideFiles>;
  budget: Budget;
  /** The node benchmarks run under (the default launcher's). */
  node: string;
  /** Scratch directory for job files (the default launcher's). */
  workDir: string;
  /** Where the attribution and allocation passes write `<benchmark>/…pb.gz`. */
  profileDir: string;
  /** Starts the benchmark processes; default: flamegate's child runner under `node`. */
  launcher?: Launcher;
  /** Leave out benchmarks the config skips. */
  skip?: (id: BenchmarkId) => boolean;
  onProgress?: (line: string) => void;
  /** After every process round: what is done and how long the rest should take. */
  onStatus?: (status: MeasureStatus) => void;
  /** The threshold a benchmark's interval is resolved against (sequential sampling); default 5%. */
  thresholdOf?: (id: BenchmarkId) => number;
  /** Epoch ms by which the run should end (`budget.maxMinutes` from the run's start). */
  deadline?: number;
  signal?: AbortSignal;
  /** Keeps a share of the discovered benchmarks (one shard's); applied right after discovery. */
  select?: (found: BenchmarkMeasurement[]) => BenchmarkMeasurement[];
  /**
   * Told which benchmark a child starts working on, and `undefined` when a child ends (cost
   * accounting), with the lane the child runs in (`budget.parallel` lanes).
   */
  onWork?: (key: string | undefined, lane: number) => void;
  /** Measure only the benchmarks the pull request can reach (`select: affected`, src/measure/affected.ts). */
  affected?: AffectedInput;
}

const nothing = () => {};

function contextOf(options: MeasureOptions): MeasureContext {
  const { sides, budget, deadline, signal } = options;
  return {
    sides,
    budget,
    launcher:
      options.launcher ??
      runnerLauncher({
        node: options.node,
        workDir: options.workDir,
        timeoutMs: budget.timeoutMs,
        sides,
        signal,
      }),
    ...(deadline !== undefined ? { deadline } : {}),
    ...(signal ? { signal } : {}),
    progress: options.onProgress ?? nothing,
    work: options.onWork ?? nothing,
  };
}

export async function measure(options: MeasureOptions): Promise<BenchmarkMeasurement[]> {
  return (await measureRun(options)).measurements;
}

/**
 * Loads every benchmark file on both sides and lists their tasks; with `graphs`, records there the
 * files each benchmark file's imports reached, relative to its side's repository root.
 */
export function discover(
  options: MeasureOptions,
  graphs?: Record<Side, SideGraph>,
): Promise<BenchmarkMeasurement[]> {
  return discoverPass(contextOf(options), { affected: options.affected, graphs, skip: options.skip });
}

/** `measure`, with what the timing pass spent and the harness floor it saw. */
export async function measureRun(
  options: MeasureOptions,
): Promise<{ measurements: BenchmarkMeasurement[]; run: MeasureRun }> {
  const ctx = contextOf(options);
  const { budget } = ctx;
  const { affected } = options;
  const thresholdOf = options.thresholdOf ?? (() => 0.05);
  const keyOf = (m: BenchmarkMeasurement) => benchmarkKey(m.id);
  const graphs = recordsGraphs(affected) ? { base: noGraph(), head: noGraph() } : undefined;
  const discovered = await discoverPass(ctx, { affected, graphs, skip: options.skip });
  const { found, order, selection } = applySelection(ctx, affected, discovered, graphs);
  const measurements = options.select ? options.select(found) : found;
  const run: MeasureRun = { timingMs: 0, confirmMs: 0, ...(selection ? { selection } : {}) };
  // The affected first: what budget.maxMinutes cannot hold is cut from the end of this order.
  const leftOut = planToDeadline(ctx, order(measurements));
  const executor = new Executor(ctx, new Failures(measurements));
  const { failures } = executor;
  const runnable = order(measurements.filter((m) => !hasFailed(m) && !leftOut.has(keyOf(m))));
  const clock = new StageClock({
    budget,
    deadline: ctx.deadline,
    // Read live: a first round slower than planned leaves benchmarks out, and they are not profiled.
    paired: () => runnable.filter((m) => isPaired(m) && !leftOut.has(keyOf(m))).length,
    now: Date.now,
    emit: options.onStatus ?? nothing,
  });
  const timing = await timingPass(ctx, executor, { measurements: runnable, thresholdOf, clock, leftOut });
  run.timingMs = timing.timingMs;
  if (timing.harnessFloorNs !== undefined) run.harnessFloorNs = timing.harnessFloorNs;
  const confirm = await confirmPass(ctx, executor, { measurements: runnable, timing, thresholdOf, clock });
  run.confirmMs = confirm.confirmMs;
  const profiled = measurements.filter(
    (m) => isPaired(m) && !failures.has(keyOf(m)) && !leftOut.has(keyOf(m)),
  );
  // budget.maxMinutes is the whole run's: what timing left decides how long the trailing passes measure.
  const msLeft =
    ctx.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : ctx.deadline - Date.now() - afterMeasureMs(profiled.length);
  // The trailing passes' measured time per side: the budget's, or less when time ran short.
  const trailing = trailingPlan(budget, profiled.length, msLeft);
  if (trailing.scale < 1) {
    run.trailing = { profileMs: trailing.profileMs, allocationMs: trailing.allocationMs };
    ctx.progress(
      `budget.maxMinutes: attribution and allocation passes cut to ${trailing.profileMs} ms and ${trailing.allocationMs} ms per side ` +
        `(budget: ${budget.profileMs} ms and ${budget.allocationMs} ms) for ${plural(profiled.length, 'benchmark')}`,
    );
  }
  // The benchmarks the timing pass suspected of a change get more attribution processes, time allowing.
  const suspects = new Set(profiled.map(keyOf).filter((key) => confirm.byKey.has(key)));
  const deeper = {
    keys: suspects,
    processes: suspectProfileProcesses(budget, trailing, suspects.size, msLeft),
  };
  clock.status('profiling', 0, 0, 0);
  const attributionStarted = Date.now();
  const attribution = await attributionPass(ctx, executor, {
    measurements: profiled,
    profileDir: options.profileDir,
    sideMs: trailing.profileMs,
    deeper,
  });
  const attributionMs = Date.now() - attributionStarted;
  // An infrastructure error alone does not keep a benchmark out of this count (the executor skips it).
  const allocating = order(
    measurements.filter((m) => isPaired(m) && !failures.hasSideError(keyOf(m)) && !leftOut.has(keyOf(m))),
  );
  const fitting = allocationsToDeadline(ctx, trailing, allocating.length, profiled.length, attributionMs);
  if (fitting < allocating.length) {
    run.trailing = {
      profileMs: trailing.profileMs,
      allocationMs: trailing.allocationMs,
      allocated: fitting,
      allocatable: allocating.length,
    };
    allocating.length = fitting;
  }
  if (budget.allocationProcesses > 0) clock.status('allocating', 0, 0, 0);
  const allocation = await allocationPass(ctx, executor, {
    measurements: allocating,
    profileDir: options.profileDir,
    sideMs: trailing.allocationMs,
  });
  if (allocation) run.allocationPassMs = allocation.passMs;
  const notes = harnessNotes(ctx.sides);
  if (notes.length > 0) run.harnessNotes = notes;
  const results = { failures, leftOut, timing, confirm, attribution, allocation };
  return { measurements: measurements.map((m) => assemble(m, results)), run };
}

/** Every pass's result for one benchmark, put together: the one place a measurement is built. */
function assemble(
  m: BenchmarkMeasurement,
  results: {
    failures: Failures;
    leftOut: LeftOut;
    timing: TimingResult;
    confirm: ConfirmResult;
    attribution: Map<string, BenchmarkAttribution>;
    allocation: AllocationResult | undefined;
  },
): BenchmarkMeasurement {
  const key = benchmarkKey(m.id);
  const failure = results.failures.of(key);
  const timed = results.timing.byKey.get(key);
  const confirmTimings = results.confirm.byKey.get(key);
  const attributed = results.attribution.get(key);
  const allocated = results.allocation?.byKey.get(key);
  const leftOut = results.leftOut.get(key);
  return {
    id: m.id,
    slug: m.slug,
    present: m.present,
    timings: timed?.timings ?? [],
    soloTimings: timed?.soloTimings ?? [],
    errors: failure.errors,
    profiles: attributed?.profiles ?? {},
    ...(failure.infrastructureError !== undefined
      ? { infrastructureError: failure.infrastructureError }
      : {}),
    ...(leftOut !== undefined ? { leftOut } : {}),
    ...(timed?.sampling ? { sampling: timed.sampling } : {}),
    ...(confirmTimings ? { confirmTimings } : {}),
    ...(attributed ? { attributionTimings: attributed.attributionTimings } : {}),
    ...(allocated
      ? { allocations: allocated.allocations, allocationProfiles: allocated.allocationProfiles }
      : {}),
  };
}

/** Whether discovery records module graphs: only when there is a change to select by. */
function recordsGraphs(affected: AffectedInput | undefined): boolean {
  return (affected?.changed.length ?? 0) > 0;
}

function noGraph(): SideGraph {
  return { reached: new Map(), loaded: new Set() };
}

/**
 * The affected selection: the benchmarks to measure (in discovery order, for the report), the order
 * to measure them in (affected first), and what the report says of it.
 */
function applySelection(
  ctx: MeasureContext,
  affected: AffectedInput | undefined,
  discovered: BenchmarkMeasurement[],
  graphs: Record<Side, SideGraph> | undefined,
): {
  found: BenchmarkMeasurement[];
  order: (list: BenchmarkMeasurement[]) => BenchmarkMeasurement[];
  selection?: MeasureRun['selection'];
} {
  if (!affected) return { found: discovered, order: (list) => list };
  const chosen = selectAffected(discovered, { ...affected, graphs });
  const rank = new Map(chosen.measure.map((m, i) => [m, i]));
  const skipped = new Set(chosen.notAffected);
  if (skipped.size > 0)
    ctx.progress(
      `${plural(skipped.size, 'benchmark')} not affected by this pull request (no changed file is reachable from their imports): not measured`,
    );
  else if (chosen.everything && affected.select === 'affected')
    ctx.progress(`select: affected measures every benchmark: ${chosen.everything}`);
  return {
    found: discovered.filter((m) => !skipped.has(m)),
    order: (list) => [...list].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0)),
    selection: {
      select: affected.select,
      ...(chosen.everything ? { everything: chosen.everything } : {}),
      reachedChanges: chosen.reachedChanges,
      notAffected: chosen.notAffected.map((m) => m.id),
      ...executionFields(chosen),
    },
  };
}
