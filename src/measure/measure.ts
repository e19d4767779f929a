// The measure stage: discovery, the timing pass (production flags, no profiler, base and head
// alternating in one process, repeated over fresh processes until each benchmark's interval resolves
// or the budget runs out), the confirmation of would-be regressions in fresh processes, and the
// attribution pass (profiler on, inlining off). A benchmark that throws, hangs or crashes is recorded
// as failed and the others go on.
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BenchmarkId,
  BenchmarkMeasurement,
  Budget,
  MeasureRun,
  MeasureStatus,
  Side,
  StopReason,
} from '../model.js';
import { benchmarkKey } from '../model.js';
// Sequential sampling decides what to measure next with one pure function of the verdict's
// statistics (`samplingDecision`, src/stats/sequential.ts), given the plan the budget implies; the rest
// imported from there is arithmetic (median, per-process ratio). No verdict logic lives here.
import { median, processLogRatio } from '../stats/estimate.js';
import { confirmationProcesses, samplingDecision, samplingPlan } from '../stats/sequential.js';
import {
  executionFields,
  executionJob,
  repoPath,
  type Select,
  type SideGraph,
  selectAffected,
} from './affected.js';
import { blameUnfinished, hasFailed, infrastructureMessage } from './blame.js';
import { type ChildOutcome, crashMessage, noInliningFlags, runChild } from './child-process.js';
import { allocationsToDeadline, firstRound, planToDeadline } from './deadline.js';
import { timingBenchmarkProcessMs } from './plan.js';
import { pnpNodeArgs } from './pnp.js';
import type { ChildBenchmark, ChildMessage, Job } from './protocol.js';
import { discoveryFlags, flagsFailure, harnessNotes, learnFromChild, measuringFlags } from './repo-flags.js';
import { ALLOCATION_MIN_WARMUP_MS, afterMeasureMs, trailingCostMs, trailingPlan } from './trailing.js';

export interface SideFiles {
  /** Directory the relative benchmark paths resolve against (the working directory in the worktree). */
  dir: string;
  /** Benchmark files relative to `dir`. */
  files: string[];
}

export interface MeasureInput {
  sides: Record<Side, SideFiles>;
  budget: Budget;
  node: string;
  /** Scratch directory for job files. */
  workDir: string;
  /** Where the attribution pass writes `<benchmark>/{base,head}.pb.gz`. */
  profileDir: string;
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
  /** Told which benchmark a child starts working on, and `undefined` when a child ends (cost accounting). */
  onWork?: (key: string | undefined) => void;
  /**
   * Measure only the benchmarks the pull request can reach (`select: affected`, src/measure/affected.ts):
   * `changed` are the repository-relative files it changed, `committed` those in either revision,
   * `roots` each side's repository root.
   */
  affected?: { select: Select; changed: string[]; committed?: Set<string>; roots: Record<Side, string> };
}

const SIDES: Side[] = ['base', 'head'];

export async function measure(input: MeasureInput): Promise<BenchmarkMeasurement[]> {
  return (await measureRun(input)).measurements;
}

/** `measure`, with what the timing pass spent and the harness floor it saw. */
export async function measureRun(
  input: MeasureInput,
): Promise<{ measurements: BenchmarkMeasurement[]; run: MeasureRun }> {
  const graphs = recordsGraphs(input) ? { base: noGraph(), head: noGraph() } : undefined;
  const discovered = await discover(input, graphs);
  const { found, order, selection } = applySelection(input, discovered, graphs);
  const measurements = input.select ? input.select(found) : found;
  const run: MeasureRun = { timingMs: 0, confirmMs: 0, ...(selection ? { selection } : {}) };
  // The affected first: what budget.maxMinutes cannot hold is cut from the end of this order.
  planToDeadline(input, order(measurements));
  const runnable = order(measurements.filter((m) => !hasFailed(m) && !m.leftOut));
  const clock = new StageClock(input, runnable);
  await timingPass(input, runnable, run, clock);
  await confirmPass(input, runnable, run, clock);
  const profiled = measurements.filter(
    (m) => m.present.base && m.present.head && !hasFailed(m) && !m.leftOut,
  );
  // budget.maxMinutes is the whole run's: what timing left decides how long the trailing passes measure.
  const msLeft =
    input.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : input.deadline - Date.now() - afterMeasureMs(profiled.length);
  const trailing = trailingPlan(input.budget, profiled.length, msLeft);
  if (trailing.scale < 1) {
    run.trailing = { profileMs: trailing.profileMs, allocationMs: trailing.allocationMs };
    input.onProgress?.(
      `budget.maxMinutes: attribution and allocation passes cut to ${trailing.profileMs} ms and ${trailing.allocationMs} ms per side ` +
        `(budget: ${input.budget.profileMs} ms and ${input.budget.allocationMs} ms) for ${profiled.length} benchmark(s)`,
    );
  }
  const trailingInput: MeasureInput = {
    ...input,
    budget: { ...input.budget, profileMs: trailing.profileMs, allocationMs: trailing.allocationMs },
  };
  clock.status('profiling', 0, 0, 0);
  const attributionStarted = Date.now();
  await attributionPass(trailingInput, profiled);
  const attributionMs = Date.now() - attributionStarted;
  const allocating = order(
    measurements.filter(
      (m) => m.present.base && m.present.head && Object.keys(m.errors).length === 0 && !m.leftOut,
    ),
  );
  const fitting = allocationsToDeadline(trailingInput, allocating.length, profiled.length, attributionMs);
  if (fitting < allocating.length) {
    run.trailing = {
      profileMs: trailing.profileMs,
      allocationMs: trailing.allocationMs,
      allocated: fitting,
      allocatable: allocating.length,
    };
    allocating.length = fitting;
  }
  if (input.budget.allocationProcesses > 0) clock.status('allocating', 0, 0, 0);
  const allocationMs = await allocationPass(trailingInput, allocating);
  if (allocationMs !== undefined) run.allocationPassMs = allocationMs;
  const notes = harnessNotes(input.sides);
  if (notes.length > 0) run.harnessNotes = notes;
  return { measurements, run };
}

/** Progress bookkeeping: benchmark-processes done, their mean cost, and the estimate of what is left. */
class StageClock {
  done = 0;
  private costs: number[] = [];
  /** Benchmarks a running round has started (the child's progress messages), so status moves within it. */
  private startedInRound = new Set<string>();
  private roundStatus?: () => void;
  private trailingFrom?: { at: number; ms: number };
  constructor(
    private input: MeasureInput,
    private runnable: BenchmarkMeasurement[],
  ) {}
  /** Median wall time of one benchmark in one timing process, ms (a first guess before any round). */
  get perBenchmarkProcessMs(): number {
    return this.costs.length > 0 ? median(this.costs) : timingBenchmarkProcessMs(this.input.budget);
  }
  record(roundMs: number, benchmarks: number): void {
    this.done += benchmarks;
    this.startedInRound.clear();
    this.roundStatus = undefined;
    if (benchmarks > 0) this.costs.push(roundMs / benchmarks);
  }
  /** A child started a benchmark: the status of the running round is told again, one benchmark on. */
  started(key: string | undefined): void {
    if (key === undefined || this.startedInRound.has(key)) return;
    this.startedInRound.add(key);
    this.roundStatus?.();
  }
  /**
   * The attribution and allocation passes, estimated from the budget, and the work after measuring:
   * they run after timing whatever happens.
   */
  get attributionMs(): number {
    const paired = this.runnable.filter((m) => m.present.base && m.present.head && !m.leftOut).length;
    return trailingCostMs(this.input.budget, paired) + afterMeasureMs(paired);
  }
  /**
   * The trailing passes and reporting as the time left will shape them (`trailingPlan` cuts the passes
   * to the deadline), for the time left shown; `attributionMs` stays the uncut cost sampling plans on.
   */
  private trailingEtaMs(timingMs: number): number {
    const { deadline, budget } = this.input;
    const paired = this.runnable.filter((m) => m.present.base && m.present.head && !m.leftOut).length;
    if (deadline === undefined) return this.attributionMs;
    const msLeft = deadline - Date.now() - timingMs - afterMeasureMs(paired);
    return trailingPlan(budget, paired, msLeft).estimatedMs + afterMeasureMs(paired);
  }
  status(phase: MeasureStatus['phase'], round: number, remaining: number, sampling: number, resolved = 0) {
    if (phase === 'timing' || phase === 'confirming') {
      // Within the round, each benchmark started means the one before it is done.
      this.roundStatus = () => {
        const inRound = Math.max(0, this.startedInRound.size - 1);
        this.emit(phase, round, this.done + inRound, remaining - inRound, sampling, resolved);
      };
      this.roundStatus();
      return;
    }
    this.emit(phase, round, this.done, 0, sampling, resolved);
  }
  private emit(
    phase: MeasureStatus['phase'],
    round: number,
    done: number,
    remaining: number,
    sampling: number,
    resolved: number,
  ): void {
    const timingMs = remaining * this.perBenchmarkProcessMs;
    let left = timingMs + this.trailingEtaMs(timingMs);
    if (phase === 'profiling') this.trailingFrom = { at: Date.now(), ms: left };
    if (phase === 'allocating' && this.trailingFrom)
      // What the attribution pass used of the estimate is gone; reporting is still ahead.
      left = Math.max(afterMeasureMs(0), this.trailingFrom.ms - (Date.now() - this.trailingFrom.at));
    this.input.onStatus?.({
      phase,
      round,
      done,
      total: done + remaining,
      sampling,
      resolved,
      secondsLeft: left / 1000,
    });
  }
}

/** Whether discovery records module graphs: only when there is a change to select by. */
function recordsGraphs(input: MeasureInput): boolean {
  return (input.affected?.changed.length ?? 0) > 0;
}

function noGraph(): SideGraph {
  return { reached: new Map(), loaded: new Set() };
}

/**
 * The affected selection: the benchmarks to measure (in discovery order, for the report), the order
 * to measure them in (affected first), and what the report says of it.
 */
function applySelection(
  input: MeasureInput,
  discovered: BenchmarkMeasurement[],
  graphs: Record<Side, SideGraph> | undefined,
): {
  found: BenchmarkMeasurement[];
  order: (list: BenchmarkMeasurement[]) => BenchmarkMeasurement[];
  selection?: MeasureRun['selection'];
} {
  const { affected } = input;
  if (!affected) return { found: discovered, order: (list) => list };
  const chosen = selectAffected(discovered, { ...affected, graphs });
  const rank = new Map(chosen.measure.map((m, i) => [m, i]));
  const skipped = new Set(chosen.notAffected);
  if (skipped.size > 0)
    input.onProgress?.(
      `${skipped.size} benchmark(s) not affected by this pull request (no changed file is reachable from their imports): not measured`,
    );
  else if (chosen.everything && affected.select === 'affected')
    input.onProgress?.(`select: affected measures every benchmark: ${chosen.everything}`);
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

/**
 * Loads every benchmark file on both sides and lists their tasks; with `graphs`, records there the
 * files each benchmark file's imports reached, relative to its side's repository root.
 */
export async function discover(
  input: MeasureInput,
  graphs?: Record<Side, SideGraph>,
): Promise<BenchmarkMeasurement[]> {
  const perSide = await Promise.all(
    SIDES.map(async (side) => {
      const { dir, files } = input.sides[side];
      const tasks = new Map<string, string[] | { error: string; infrastructure?: boolean }>();
      if (files.length === 0) return tasks;
      input.onProgress?.(`loading ${files.length} benchmark file(s) on ${side}`);
      const graph = graphs?.[side];
      const roots = input.affected ? rootsOf(input.affected.roots[side]) : [];
      const executed = graph && input.affected ? executionJob(input.affected, side) : undefined;
      const changed = new Set(input.affected?.changed);
      const reachesChange = (file: string) => !!graph?.reached.get(file)?.some((f) => changed.has(f));
      let pending = files;
      for (let attempt = 0; pending.length > 0 && !input.signal?.aborted; attempt++) {
        let loading: string | undefined;
        let executing: string | undefined;
        const flags = discoveryFlags(input.sides, side);
        const outcome = await runChild(
          {
            kind: 'discover',
            files: pending.map((f) => join(dir, f)),
            ...(graph ? { graph: true } : {}),
            ...(executed ? { executed, executeMs: executionBudgetMs(input.budget) } : {}),
          },
          childOptions(input, dir, `discover-${side}-${attempt}`, flags, (message) => {
            if (learnFromChild(input.sides, side, message)) return;
            if (message.type === 'progress') loading = relativeTo(dir, message.key);
            const file = 'file' in message ? relativeTo(dir, message.file) : undefined;
            if (message.type === 'executing' || message.type === 'executed')
              executing = message.type === 'executing' ? file : undefined;
            if (graph) recordGraph(graph, message, file, roots);
            if (message.type === 'discovered' && file) tasks.set(file, message.tasks);
            if (message.type === 'discover-error' && file) tasks.set(file, { error: message.error });
          }),
        );
        if (outcome.end === 'aborted') break;
        if (outcome.end === 'done') {
          // Its vitest config asks for Node flags this process lacked: the side is discovered again with them.
          if (discoveryFlags(input.sides, side).length === flags.length) break;
          tasks.clear();
          pending = files;
          continue;
        }
        // A benchmark called once to see what it runs (affected.ts) hung: its file loaded, and is
        // ranked as unknown. The calls come after every file is listed: the files whose calls had not
        // run yet are loaded again in a new process, and called there.
        if (executing !== undefined) {
          const hung = executing;
          pending = pending.filter(
            (f) => !tasks.has(f) || (f !== hung && graph?.executed?.get(f) === undefined && reachesChange(f)),
          );
          continue;
        }
        // A file whose import hangs or kills the process fails alone; the others load in a new process.
        // A process that dies while loading nothing is nobody's file: every file left fails with it.
        const why = describeEnd(outcome, input.budget.timeoutMs);
        const blame = blameUnfinished(loading ? { key: loading, side } : undefined, new Set(tasks.keys()));
        const badFlags = blame.kind === 'side' ? undefined : flagsFailure(input.sides, side, flags, why);
        if (blame.kind === 'side') tasks.set(blame.key, { error: `loading failed: ${why}` });
        else if (badFlags) {
          for (const f of pending) if (!tasks.has(f)) tasks.set(f, { error: badFlags });
        } else
          for (const f of pending)
            if (!tasks.has(f)) tasks.set(f, { error: infrastructureMessage(why), infrastructure: true });
        pending = pending.filter((f) => !tasks.has(f));
      }
      return tasks;
    }),
  );
  const byKey = new Map<string, BenchmarkMeasurement>();
  const get = (id: BenchmarkId) => {
    const key = benchmarkKey(id);
    let m = byKey.get(key);
    if (!m) {
      m = {
        id,
        slug: '',
        present: { base: false, head: false },
        timings: [],
        soloTimings: [],
        errors: {},
        profiles: {},
      };
      byKey.set(key, m);
    }
    return m;
  };
  const files = [...new Set([...input.sides.base.files, ...input.sides.head.files])].sort();
  for (const file of files) {
    const sideTasks = SIDES.map((side) => perSide[SIDES.indexOf(side)]?.get(file));
    const names = new Set<string>();
    for (const t of sideTasks) if (Array.isArray(t)) for (const name of t) names.add(name);
    SIDES.forEach((side, i) => {
      const t = sideTasks[i];
      if (t === undefined) return;
      if (Array.isArray(t)) {
        for (const name of t) get({ file, name }).present[side] = true;
        return;
      }
      // A file that fails to load fails every task the other side knows of, or stands alone.
      const targets = names.size > 0 ? [...names] : ['(load)'];
      for (const name of targets) {
        const m = get({ file, name });
        m.present[side] = true;
        if (t.infrastructure) m.infrastructureError = t.error;
        else m.errors[side] = t.error;
      }
    });
  }
  const kept = [...byKey.values()].filter((m) => !input.skip?.(m.id));
  // The index keeps names unique when two benchmarks differ only in characters a file name cannot hold.
  kept.forEach((m, i) => {
    m.slug = `${String(i).padStart(3, '0')}-${`${m.id.file}-${m.id.name}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`;
  });
  return kept;
}

/** A root as given and as its real path: the child reports real paths. */
function rootsOf(root: string): string[] {
  try {
    const real = realpathSync(root);
    return real === root ? [root] : [root, real];
  } catch {
    return [root];
  }
}

/** Adds what a discover child said of module graphs to its side's graph, in repository paths. */
function recordGraph(graph: SideGraph, message: ChildMessage, file: string | undefined, roots: string[]) {
  const inRepo = (paths: string[]) => paths.flatMap((p) => repoPath(p, roots) ?? []);
  if ((message.type === 'discovered' || message.type === 'discover-error') && file && message.reached)
    graph.reached.set(file, inRepo(message.reached));
  if (message.type === 'loaded') for (const f of inRepo(message.files)) graph.loaded.add(f);
  if (message.type === 'executed' && file) {
    (graph.executed ??= new Map()).set(
      file,
      message.skipped ? 'skipped' : message.unknown ? 'unknown' : inRepo(message.changed),
    );
    if (message.tasks)
      (graph.executedTasks ??= new Map()).set(
        file,
        new Map(Object.entries(message.tasks).map(([task, changed]) => [task, inRepo(changed)])),
      );
  }
}

/**
 * How long the execution pass may call benchmarks on each side: a share of `budget.maxMinutes`, which
 * the calls come out of (15%, at least 5 s: 27 s at the default 3 minutes). One call of a benchmark
 * over a large input can take seconds under coverage; a suite of a thousand would take minutes.
 */
function executionBudgetMs(budget: Budget): number {
  return Math.max(5_000, budget.maxMinutes * 60_000 * 0.15);
}

function toChild(m: BenchmarkMeasurement, sides: MeasureInput['sides']): ChildBenchmark {
  const key = benchmarkKey(m.id);
  const spec = (side: Side) =>
    m.present[side] ? { file: join(sides[side].dir, m.id.file), task: m.id.name } : undefined;
  return { key, slug: m.slug, base: spec('base'), head: spec('head') };
}

/**
 * The timing pass, sampled sequentially: every benchmark runs in `budget.processes` fresh processes;
 * then, at each planned look (`lookSchedule`), a benchmark whose interval has resolved against its
 * threshold stops, and the others get fresh processes up to the next look. Sampling ends at
 * `budget.maxProcesses`, or when the next round would not end (with the attribution pass) before
 * the run's deadline. All benchmarks start together and stop for good, so a benchmark's process
 * index is the round's index and the ABBA order holds for each of them.
 */
async function timingPass(
  input: MeasureInput,
  measurements: BenchmarkMeasurement[],
  run: MeasureRun,
  clock: StageClock,
): Promise<void> {
  const { budget } = input;
  const plan = samplingPlan(budget);
  const byKey = new Map(measurements.map((m) => [benchmarkKey(m.id), m]));
  const children = measurements.map((m) => toChild(m, input.sides));
  const state = new Map(
    measurements.map((m) => [
      benchmarkKey(m.id),
      { processes: 0, target: plan.minProcesses, wallMs: 0, stoppedBy: undefined as StopReason | undefined },
    ]),
  );
  // A benchmark the first round had no time to start is out of the pass like a failed one.
  const failed = (m: BenchmarkMeasurement) => hasFailed(m) || !!m.leftOut;
  const threshold = (m: BenchmarkMeasurement) => input.thresholdOf?.(m.id) ?? 0.05;
  const floors: number[] = [];
  const started = Date.now();
  for (let round = 0; !input.signal?.aborted; round++) {
    for (const m of measurements) {
      const s = state.get(benchmarkKey(m.id));
      if (!s || s.stoppedBy || failed(m) || s.processes < s.target) continue;
      if (!m.present.base || !m.present.head) {
        s.stoppedBy = 'resolved';
        continue;
      }
      const decision = samplingDecision(m.timings.map(processLogRatio), s.processes, threshold(m), plan);
      if (decision.stop) s.stoppedBy = decision.stop;
      else if (decision.next !== undefined) s.target = decision.next;
    }
    const pending = measurements.filter((m) => {
      const s = state.get(benchmarkKey(m.id));
      return !!s && !s.stoppedBy && !failed(m) && s.processes < s.target;
    });
    const remaining = measurements.reduce((sum, m) => {
      const s = state.get(benchmarkKey(m.id));
      return sum + (s && !s.stoppedBy && !failed(m) ? s.target - s.processes : 0);
    }, 0);
    const resolved = [...state.values()].filter((s) => s.stoppedBy === 'resolved').length;
    if (pending.length === 0) break;
    // The minimum always runs; a further round starts only if it and the attribution pass still fit.
    if (round >= plan.minProcesses && input.deadline !== undefined) {
      const projected = Date.now() + pending.length * clock.perBenchmarkProcessMs + clock.attributionMs;
      if (projected > input.deadline) {
        for (const m of pending) {
          const s = state.get(benchmarkKey(m.id));
          if (s) s.stoppedBy = 'maxMinutes';
        }
        break;
      }
    }
    clock.status('timing', round, remaining, pending.length, resolved);
    const firstSide: Side = round % 2 === 0 ? 'base' : 'head';
    const roundStarted = Date.now();
    const runBenchmarks = async (list: BenchmarkMeasurement[]) => {
      const keys = new Set(list.map((m) => benchmarkKey(m.id)));
      await runWithRespawn(
        {
          ...input,
          onWork: (key) => {
            input.onWork?.(key);
            clock.started(key);
          },
        },
        `timing ${round + 1}`,
        children.filter((c) => keys.has(c.key)),
        byKey,
        [],
        timingJob(budget, firstSide),
        (message, m) => recordTiming(message, m, round),
        (message) => {
          if (message.type === 'floor') floors.push(message.nsPerOp);
        },
      );
    };
    const ran = round === 0 ? await firstRound(input, pending, runBenchmarks) : pending;
    if (round > 0) await runBenchmarks(pending);
    const roundMs = Date.now() - roundStarted;
    clock.record(roundMs, ran.length);
    for (const m of ran) {
      const s = state.get(benchmarkKey(m.id));
      if (!s) continue;
      s.processes++;
      s.wallMs += roundMs / ran.length;
    }
  }
  for (const m of measurements) {
    const s = state.get(benchmarkKey(m.id));
    if (s && !failed(m) && s.processes > 0)
      m.sampling = {
        processes: s.processes,
        stoppedBy: s.stoppedBy ?? 'maxMinutes',
        wallMs: Math.round(s.wallMs),
      };
  }
  run.timingMs = Date.now() - started;
  if (floors.length > 0) run.harnessFloorNs = median(floors);
}

/** A timing process's job (production flags, no profiler): the sampling rounds and confirmation alike. */
function timingJob(budget: Budget, firstSide: Side): (benchmarks: ChildBenchmark[]) => Job {
  return (benchmarks) => ({
    kind: 'timing',
    benchmarks,
    firstSide,
    sliceMs: budget.sliceMs,
    warmupMs: budget.warmupMs,
    timeMs: budget.timePerProcessMs,
  });
}

function recordTiming(
  message: ChildMessage,
  m: BenchmarkMeasurement,
  process: number,
  into?: 'confirm',
): void {
  if (message.type !== 'timing') return;
  if (message.base && message.head) {
    const timing = { process, base: message.base, head: message.head, pairLogRatios: message.pairLogRatios };
    if (into === 'confirm') (m.confirmTimings ??= []).push(timing);
    else m.timings.push(timing);
  } else if (into !== 'confirm') {
    const side: Side = message.base ? 'base' : 'head';
    const timing = message.base ?? message.head;
    if (timing) m.soloTimings.push({ side, timing });
  }
}

/**
 * Confirm before fail: a benchmark whose sequential interval says `regressed` (or `improved`: a flag
 * a reader acts on too) is measured again in
 * fresh processes, after sampling has stopped, so the second verdict rests on data the first one
 * never saw. Not cut by the deadline: a regression is never let through for lack of time.
 */
async function confirmPass(
  input: MeasureInput,
  measurements: BenchmarkMeasurement[],
  run: MeasureRun,
  clock: StageClock,
): Promise<void> {
  const { budget } = input;
  const plan = samplingPlan(budget);
  const suspects = measurements.filter((m) => {
    const sampled = m.sampling;
    if (!sampled || hasFailed(m)) return false;
    const ratios = m.timings.map(processLogRatio);
    return samplingDecision(ratios, sampled.processes, input.thresholdOf?.(m.id) ?? 0.05, plan).suspect;
  });
  if (suspects.length === 0) return;
  const byKey = new Map(suspects.map((m) => [benchmarkKey(m.id), m]));
  const children = suspects.map((m) => toChild(m, input.sides));
  // Each suspect gets the size its own first estimate calls for; the rounds run until the largest.
  const sizes = new Map(
    suspects.map((m) => [benchmarkKey(m.id), confirmationProcesses(budget, m.timings.map(processLogRatio))]),
  );
  const rounds = Math.max(...sizes.values());
  const started = Date.now();
  for (let round = 0; round < rounds && !input.signal?.aborted; round++) {
    const live = children.filter((c) => {
      const m = byKey.get(c.key);
      return !!m && !hasFailed(m) && round < (sizes.get(c.key) ?? 0);
    });
    if (live.length === 0) break;
    const left = [...sizes.values()].reduce((sum, size) => sum + Math.max(0, size - round), 0);
    clock.status('confirming', round, left, live.length);
    const firstSide: Side = round % 2 === 0 ? 'base' : 'head';
    const roundStarted = Date.now();
    await runWithRespawn(
      input,
      `confirming ${round + 1}/${rounds}`,
      live,
      byKey,
      [],
      timingJob(budget, firstSide),
      (message, m) => recordTiming(message, m, round, 'confirm'),
    );
    clock.record(Date.now() - roundStarted, live.length);
  }
  run.confirmMs = Date.now() - started;
}

/**
 * Runs each benchmark under the profiler, both sides in one process, in `budget.profileProcesses`
 * fresh processes, and records where each side's profile of each process was written.
 */
export async function attributionPass(
  input: MeasureInput,
  measurements: BenchmarkMeasurement[],
): Promise<void> {
  const { budget } = input;
  const outDir = input.profileDir;
  mkdirSync(outDir, { recursive: true });
  const byKey = new Map(measurements.map((m) => [benchmarkKey(m.id), m]));
  const children = measurements.map((m) => toChild(m, input.sides));
  for (let process = 0; process < budget.profileProcesses; process++) {
    const label = `profiling ${process + 1}/${budget.profileProcesses}`;
    await runWithRespawn(
      input,
      label,
      children,
      byKey,
      noInliningFlags(input.node),
      (benchmarks) => ({
        kind: 'profile',
        benchmarks,
        sliceMs: Math.max(budget.sliceMs, 20),
        warmupMs: budget.warmupMs,
        timeMs: budget.profileMs,
        intervalUs: budget.profileIntervalUs,
        outDir,
        process,
        profile: true,
        roots: { base: input.sides.base.dir, head: input.sides.head.dir },
      }),
      (message, m) => {
        if (message.type !== 'profiled') return;
        // Kept only when both sides were written, so profiles and timings stay aligned by process.
        const { base, head } = message.profiles;
        if (!base || !head || !message.base || !message.head) return;
        (m.profiles.base ??= []).push(base);
        (m.profiles.head ??= []).push(head);
        (m.attributionTimings ??= []).push({
          process,
          base: message.base,
          head: message.head,
          pairLogRatios: message.pairLogRatios,
        });
      },
    );
  }
}

/**
 * The allocation pass: apart from the timing and attribution passes, so neither pays for the heap
 * profiler. Inlining is off as in the attribution pass, so an allocation is charged to the function
 * that makes it and not to the caller it was inlined into; both sides run alike, so bytes/op compare.
 */
/** Returns the pass's wall time in ms, or undefined when it did not run. */
export async function allocationPass(
  input: MeasureInput,
  measurements: BenchmarkMeasurement[],
): Promise<number | undefined> {
  const { budget } = input;
  const processes = budget.allocationProcesses;
  if (processes === 0 || measurements.length === 0) return undefined;
  const started = Date.now();
  const outDir = input.profileDir;
  mkdirSync(outDir, { recursive: true });
  const byKey = new Map(measurements.map((m) => [benchmarkKey(m.id), m]));
  const children = measurements.map((m) => toChild(m, input.sides));
  for (let process = 0; process < processes; process++) {
    await runWithRespawn(
      input,
      `allocations ${process + 1}/${processes}`,
      children,
      byKey,
      noInliningFlags(input.node),
      (benchmarks) => ({
        kind: 'allocation',
        benchmarks,
        firstSide: process % 2 === 0 ? 'base' : 'head',
        // Longer slices than the timing pass: the collector's books are read around every slice.
        sliceMs: Math.max(budget.sliceMs, 25),
        // Each side's functions tier up on their own; a side still tiering up allocates differently
        // (boxed numbers, no escape analysis), so this pass warms up longer than the timing pass.
        warmupMs: Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS),
        timeMs: budget.allocationMs,
        samplingIntervalBytes: budget.allocationIntervalBytes,
        outDir,
        process,
        roots: { base: input.sides.base.dir, head: input.sides.head.dir },
      }),
      (message, m) => {
        if (message.type !== 'allocated') return;
        const { base, head } = message.profiles;
        if (!base || !head || !message.base || !message.head) return;
        const profiles = (m.allocationProfiles ??= {});
        (profiles.base ??= []).push(base);
        (profiles.head ??= []).push(head);
        (m.allocations ??= []).push({
          process,
          base: message.base,
          head: message.head,
          pairLogRatios: message.pairLogRatios,
        });
      },
    );
  }
  return Date.now() - started;
}

/**
 * Runs a job over the given benchmarks; when the child hangs or dies, the benchmark it was running
 * is marked failed and a fresh child takes the rest.
 */
async function runWithRespawn(
  input: MeasureInput,
  label: string,
  all: ChildBenchmark[],
  byKey: Map<string, BenchmarkMeasurement>,
  nodeArgs: string[],
  makeJob: (benchmarks: ChildBenchmark[]) => Job,
  onResult: (message: ChildMessage, m: BenchmarkMeasurement) => void,
  onOther?: (message: ChildMessage) => void,
): Promise<void> {
  const failed = (b: ChildBenchmark) => {
    const m = byKey.get(b.key);
    return !!m && hasFailed(m);
  };
  let pending = all.filter((b) => !failed(b));
  let attempt = 0;
  while (pending.length > 0 && !input.signal?.aborted) {
    const reported = new Set<string>();
    const outcome = await runChild(
      makeJob(pending),
      // One process runs both sides; its working directory is head's, as for a `run:` step in the pull
      // request's checkout. Failures are charged by what the child reports, never by this directory.
      childOptions(
        input,
        input.sides.head.dir,
        `${label.replace(/\W+/g, '-')}-${attempt++}`,
        // The repository's own flags (its vitest execArgv) first; flamegate's, which it relies on, last.
        [...measuringFlags(input.sides), ...nodeArgs],
        (message) => {
          if (message.type === 'progress') input.onWork?.(message.key);
          if (!('key' in message)) {
            onOther?.(message);
            return;
          }
          const m = byKey.get(message.key);
          if (!m) return;
          if (message.type === 'error') {
            if (message.side) m.errors[message.side] = message.error;
            else m.infrastructureError = infrastructureMessage(message.error, 'while running this benchmark');
            reported.add(message.key);
          } else if (
            message.type === 'timing' ||
            message.type === 'profiled' ||
            message.type === 'allocated'
          ) {
            onResult(message, m);
            reported.add(message.key);
          }
        },
      ),
    );
    input.onWork?.(undefined);
    if (outcome.end === 'done' || outcome.end === 'aborted') return;
    const why = describeEnd(outcome, input.budget.timeoutMs);
    const blame = blameUnfinished(outcome.last, reported);
    if (blame.kind === 'infrastructure') {
      // Nothing to blame: the runner itself failed, so every benchmark left fails with its reason,
      // charged to neither side.
      for (const b of pending) {
        const m = byKey.get(b.key);
        if (m && !reported.has(b.key)) m.infrastructureError = infrastructureMessage(why);
      }
      return;
    }
    const culprit = byKey.get(blame.key);
    if (culprit) culprit.errors[blame.side] = why;
    reported.add(blame.key);
    pending = pending.filter((b) => !reported.has(b.key) && !failed(b));
  }
}

function describeEnd(outcome: ChildOutcome, timeoutMs: number): string {
  if (outcome.end === 'timeout')
    return `timed out: no progress for ${(timeoutMs / 1000).toFixed(1)} s (budget.timeoutMs)`;
  return crashMessage(outcome.output, outcome.exitCode, outcome.signal ?? null);
}

function childOptions(
  input: MeasureInput,
  cwd: string,
  name: string,
  nodeArgs: string[],
  onMessage: (message: ChildMessage) => void,
) {
  return {
    node: input.node,
    // A Yarn Plug'n'Play side (this process's own first) gets its runtime preloaded, as `yarn node`.
    nodeArgs,
    nodeOptions: pnpNodeArgs([cwd, input.sides.head.dir, input.sides.base.dir], nodeArgs),
    cwd,
    timeoutMs: input.budget.timeoutMs,
    jobFile: join(input.workDir, `job-${name}.json`),
    signal: input.signal,
    onMessage,
  };
}

function relativeTo(dir: string, abs: string): string {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return abs.startsWith(prefix) ? abs.slice(prefix.length) : abs;
}
