// The measure stage: discovery, the timing pass (production flags, no profiler, base and head
// alternating in one process, repeated over fresh processes until each benchmark's interval resolves
// or the budget runs out), the confirmation of would-be regressions in fresh processes, and the
// attribution pass (profiler on, inlining off). A benchmark that throws, hangs or crashes is recorded
// as failed and the others go on.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
// Sequential sampling decides what to measure next with one pure function of the verdict's
// statistics (`samplingDecision`, src/compare/stats.ts), given the plan the budget implies; the rest
// imported from there is arithmetic (median, per-process ratio). No verdict logic lives here.
import {
  confirmationProcesses,
  median,
  processLogRatio,
  samplingDecision,
  samplingPlan,
} from '../compare/stats.js';
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
import { noInliningFlags, runChild } from './child-process.js';
import type { ChildBenchmark, ChildMessage, Job } from './protocol.js';

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
}

const SIDES: Side[] = ['base', 'head'];

export async function measure(input: MeasureInput): Promise<BenchmarkMeasurement[]> {
  return (await measureRun(input)).measurements;
}

/** `measure`, with what the timing pass spent and the harness floor it saw. */
export async function measureRun(
  input: MeasureInput,
): Promise<{ measurements: BenchmarkMeasurement[]; run: MeasureRun }> {
  const measurements = await discover(input);
  const runnable = measurements.filter((m) => Object.keys(m.errors).length === 0);
  const run: MeasureRun = { timingMs: 0, confirmMs: 0 };
  const clock = new StageClock(input, runnable);
  await timingPass(input, runnable, run, clock);
  await confirmPass(input, runnable, run, clock);
  const profiled = measurements.filter(
    (m) => m.present.base && m.present.head && Object.keys(m.errors).length === 0,
  );
  clock.status('profiling', 0, 0, 0);
  await attributionPass(input, profiled);
  return { measurements, run };
}

/** Progress bookkeeping: benchmark-processes done, their mean cost, and the estimate of what is left. */
class StageClock {
  done = 0;
  private costs: number[] = [];
  constructor(
    private input: MeasureInput,
    private runnable: BenchmarkMeasurement[],
  ) {}
  /** Median wall time of one benchmark in one timing process, ms (a first guess before any round). */
  get perBenchmarkProcessMs(): number {
    const b = this.input.budget;
    return this.costs.length > 0 ? median(this.costs) : 2 * (b.timePerProcessMs + b.warmupMs) + 50;
  }
  record(roundMs: number, benchmarks: number): void {
    this.done += benchmarks;
    if (benchmarks > 0) this.costs.push(roundMs / benchmarks);
  }
  /** The attribution pass, estimated from the budget: it runs after timing whatever happens. */
  get attributionMs(): number {
    const b = this.input.budget;
    const paired = this.runnable.filter((m) => m.present.base && m.present.head).length;
    return b.profileProcesses * (paired * (2 * (b.profileMs + b.warmupMs) + 100) + 400);
  }
  status(phase: MeasureStatus['phase'], round: number, remaining: number, sampling: number, resolved = 0) {
    const left =
      phase === 'profiling'
        ? this.attributionMs
        : remaining * this.perBenchmarkProcessMs + this.attributionMs;
    this.input.onStatus?.({
      phase,
      round,
      done: this.done,
      total: this.done + remaining,
      sampling,
      resolved,
      secondsLeft: left / 1000,
    });
  }
}

/** Loads every benchmark file on both sides and lists their tasks. */
export async function discover(input: MeasureInput): Promise<BenchmarkMeasurement[]> {
  const perSide = await Promise.all(
    SIDES.map(async (side) => {
      const { dir, files } = input.sides[side];
      const tasks = new Map<string, string[] | { error: string }>();
      if (files.length === 0) return tasks;
      input.onProgress?.(`loading ${files.length} benchmark file(s) on ${side}`);
      let pending = files;
      for (let attempt = 0; pending.length > 0 && !input.signal?.aborted; attempt++) {
        let loading: string | undefined;
        const outcome = await runChild(
          { kind: 'discover', files: pending.map((f) => join(dir, f)) },
          childOptions(input, side, `discover-${side}-${attempt}`, [], (message) => {
            if (message.type === 'progress') loading = relativeTo(dir, message.key);
            const file = 'file' in message ? relativeTo(dir, message.file) : undefined;
            if (message.type === 'discovered' && file) tasks.set(file, message.tasks);
            if (message.type === 'discover-error' && file) tasks.set(file, { error: message.error });
          }),
        );
        if (outcome.end === 'done' || outcome.end === 'aborted') break;
        // A file whose import hangs or kills the process fails alone; the others load in a new process.
        const why = `loading failed: ${describeEnd(outcome.end, input.budget.timeoutMs, outcome.output, outcome.exitCode)}`;
        const culprit = loading && !tasks.has(loading) ? loading : pending.find((f) => !tasks.has(f));
        if (culprit) tasks.set(culprit, { error: why });
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
        m.errors[side] = t.error;
      }
    });
  }
  return [...byKey.values()].filter((m) => !input.skip?.(m.id));
}

function toChild(m: BenchmarkMeasurement, sides: MeasureInput['sides'], index: number): ChildBenchmark {
  const key = benchmarkKey(m.id);
  const slug = `${String(index).padStart(3, '0')}-${`${m.id.file}-${m.id.name}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`;
  const spec = (side: Side) =>
    m.present[side] ? { file: join(sides[side].dir, m.id.file), task: m.id.name } : undefined;
  return { key, slug, base: spec('base'), head: spec('head') };
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
  const children = measurements.map((m, i) => toChild(m, input.sides, i));
  const state = new Map(
    measurements.map((m) => [
      benchmarkKey(m.id),
      { processes: 0, target: plan.minProcesses, wallMs: 0, stoppedBy: undefined as StopReason | undefined },
    ]),
  );
  const failed = (m: BenchmarkMeasurement) => Object.keys(m.errors).length > 0;
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
    const keys = new Set(pending.map((m) => benchmarkKey(m.id)));
    const roundStarted = Date.now();
    await runWithRespawn(
      input,
      `timing ${round + 1}`,
      children.filter((c) => keys.has(c.key)),
      byKey,
      [],
      (benchmarks) => ({
        kind: 'timing',
        benchmarks,
        firstSide,
        sliceMs: budget.sliceMs,
        warmupMs: budget.warmupMs,
        timeMs: budget.timePerProcessMs,
      }),
      (message, m) => recordTiming(message, m, round),
      (message) => {
        if (message.type === 'floor') floors.push(message.nsPerOp);
      },
    );
    const roundMs = Date.now() - roundStarted;
    clock.record(roundMs, pending.length);
    for (const m of pending) {
      const s = state.get(benchmarkKey(m.id));
      if (!s) continue;
      s.processes++;
      s.wallMs += roundMs / pending.length;
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
 * Confirm before fail: a benchmark whose sequential interval says `regressed` is measured again in
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
    if (!sampled || Object.keys(m.errors).length > 0) return false;
    const ratios = m.timings.map(processLogRatio);
    return samplingDecision(ratios, sampled.processes, input.thresholdOf?.(m.id) ?? 0.05, plan).suspect;
  });
  if (suspects.length === 0) return;
  const byKey = new Map(suspects.map((m) => [benchmarkKey(m.id), m]));
  const children = suspects.map((m) => toChild(m, input.sides, measurements.indexOf(m)));
  const rounds = confirmationProcesses(budget);
  const started = Date.now();
  for (let round = 0; round < rounds && !input.signal?.aborted; round++) {
    const live = children.filter((c) => Object.keys(byKey.get(c.key)?.errors ?? {}).length === 0);
    clock.status('confirming', round, (rounds - round) * live.length, live.length);
    const firstSide: Side = round % 2 === 0 ? 'base' : 'head';
    const roundStarted = Date.now();
    await runWithRespawn(
      input,
      `confirming ${round + 1}/${rounds}`,
      live,
      byKey,
      [],
      (benchmarks) => ({
        kind: 'timing',
        benchmarks,
        firstSide,
        sliceMs: budget.sliceMs,
        warmupMs: budget.warmupMs,
        timeMs: budget.timePerProcessMs,
      }),
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
  const children = measurements.map((m, i) => toChild(m, input.sides, i));
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
  const failed = (b: ChildBenchmark) => Object.keys(byKey.get(b.key)?.errors ?? {}).length > 0;
  let pending = all.filter((b) => !failed(b));
  let attempt = 0;
  while (pending.length > 0 && !input.signal?.aborted) {
    const reported = new Set<string>();
    const outcome = await runChild(
      makeJob(pending),
      childOptions(input, 'head', `${label.replace(/\W+/g, '-')}-${attempt++}`, nodeArgs, (message) => {
        if (!('key' in message)) {
          onOther?.(message);
          return;
        }
        const m = byKey.get(message.key);
        if (!m) return;
        if (message.type === 'error') {
          m.errors[message.side] = message.error;
          reported.add(message.key);
        } else if (message.type === 'timing' || message.type === 'profiled') {
          onResult(message, m);
          reported.add(message.key);
        }
      }),
    );
    if (outcome.end === 'done' || outcome.end === 'aborted') return;
    const why = describeEnd(outcome.end, input.budget.timeoutMs, outcome.output, outcome.exitCode);
    const culprit = outcome.last && byKey.get(outcome.last.key);
    if (culprit && outcome.last) {
      culprit.errors[outcome.last.side] = why;
      reported.add(outcome.last.key);
    } else {
      // Nothing to blame: the runner itself failed, so every pending benchmark fails with its reason.
      for (const b of pending) {
        const m = byKey.get(b.key);
        if (m) m.errors.head = why;
      }
      return;
    }
    pending = pending.filter((b) => !reported.has(b.key) && !failed(b));
  }
}

function describeEnd(end: string, timeoutMs: number, output: string, exitCode: number | null): string {
  const tail = output ? `\n${output.split('\n').slice(-8).join('\n')}` : '';
  if (end === 'timeout')
    return `timed out: no progress for ${(timeoutMs / 1000).toFixed(1)} s (budget.timeoutMs)`;
  return `the benchmark process exited unexpectedly (code ${exitCode ?? 'signal'})${tail}`;
}

function childOptions(
  input: MeasureInput,
  side: Side,
  name: string,
  nodeArgs: string[],
  onMessage: (message: ChildMessage) => void,
) {
  return {
    node: input.node,
    nodeArgs,
    cwd: input.sides[side].dir,
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
