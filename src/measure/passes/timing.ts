// The timing pass, sampled sequentially: every benchmark runs in `budget.processes` fresh processes
// (production flags, no profiler, base and head alternating in one process); then, at each planned
// look, a benchmark whose interval has resolved against its threshold stops, and the others get fresh
// processes up to the next look (the scheduler, schedule.ts). Sampling ends at `budget.maxProcesses`,
// or when the next round would not end (with the attribution pass) before the run's deadline. All
// benchmarks start together and stop for good, so a benchmark's process index is the round's index
// and the ABBA order holds for each of them.
import type {
  BenchmarkId,
  BenchmarkMeasurement,
  BenchmarkSampling,
  Budget,
  ProcessTiming,
  Side,
  SideTiming,
} from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { median, processLogRatio } from '../../stats/estimate.js';
import { samplingPlan } from '../../stats/sequential.js';
import { childBenchmark, isPaired, type MeasureContext } from '../context.js';
import { firstRound, type LeftOut } from '../deadline.js';
import type { Executor, ResultMessage } from '../executor.js';
import { inLanes, inProcessOrder, waveRounds, widthOf } from '../lanes.js';
import type { ChildBenchmark, Job } from '../protocol.js';
import { RoundScheduler, roundFits, type StageClock } from '../schedule.js';

export interface TimingInput {
  /** The benchmarks to time, in the order measured. */
  measurements: BenchmarkMeasurement[];
  /** The threshold a benchmark's interval is resolved against. */
  thresholdOf: (id: BenchmarkId) => number;
  clock: StageClock;
  /** What the deadline left out: read, and added to when the first round runs slower than planned. */
  leftOut: LeftOut;
}

/** One benchmark's timing data. */
export interface BenchmarkTimings {
  /** Processes where both sides completed, by round. */
  timings: ProcessTiming[];
  /** A benchmark present on one side only: that side's timing in each process. */
  soloTimings: { side: Side; timing: SideTiming }[];
  /** How sampling went; absent when the benchmark failed or never ran. */
  sampling?: BenchmarkSampling;
}

export interface TimingResult {
  byKey: Map<string, BenchmarkTimings>;
  /** Wall time of the pass, ms. */
  timingMs: number;
  /** Median ns/op of an empty task through the timing loop, over the processes that measured it. */
  harnessFloorNs?: number;
}

export async function timingPass(
  ctx: MeasureContext,
  executor: Executor,
  input: TimingInput,
): Promise<TimingResult> {
  const { budget } = ctx;
  const { measurements, clock, leftOut } = input;
  const plan = samplingPlan(budget);
  const byKey = new Map<string, BenchmarkTimings>(
    measurements.map((m) => [benchmarkKey(m.id), { timings: [], soloTimings: [] }]),
  );
  const ids = new Map(measurements.map((m) => [benchmarkKey(m.id), m.id]));
  const children = measurements.map((m) => childBenchmark(m, ctx.sides));
  const scheduler = new RoundScheduler(
    measurements.map((m) => ({ key: benchmarkKey(m.id), paired: isPaired(m) })),
    plan,
  );
  // A benchmark the first round had no time to start is out of the pass like a failed one.
  const failed = (key: string) => executor.failures.has(key) || leftOut.has(key);
  const floors: number[] = [];
  const width = widthOf(budget);
  const started = Date.now();
  // Waves of rounds side by side (`budget.parallel`): a wave is at most `width` rounds, each one
  // process, and never more rounds than a benchmark is owed before its next look.
  for (let round = 0; !ctx.signal?.aborted; ) {
    const next = scheduler.next({
      failed,
      ratios: (key) => byKey.get(key)?.timings.map(processLogRatio) ?? [],
      threshold: (key) => {
        const id = ids.get(key);
        return id ? input.thresholdOf(id) : 0;
      },
    });
    if (next.pending.length === 0) break;
    const wave = waveRounds(
      next.pending.map((key) => ({ item: key, need: next.need.get(key) ?? 1 })),
      width,
    );
    // The minimum always runs; a further wave starts only if it and the attribution pass still fit.
    if (
      round >= plan.minProcesses &&
      !roundFits({
        now: Date.now(),
        deadline: ctx.deadline,
        pending: wave.reduce((sum, keys) => sum + keys.length, 0),
        perBenchmarkProcessMs: clock.perBenchmarkProcessMs,
        trailingMs: clock.attributionMs,
      })
    ) {
      scheduler.stop(next.pending, 'maxMinutes');
      break;
    }
    clock.status('timing', round, next.remaining, next.pending.length, next.resolved);
    const waveStarted = Date.now();
    const runRound = (index: number, lane: number, keys: Set<string>) =>
      executor.run({
        lane,
        label: `timing ${index + 1}`,
        benchmarks: children.filter((c) => keys.has(c.key)),
        // ABBA across processes: which side goes first alternates with the round.
        job: timingJob(budget, index % 2 === 0 ? 'base' : 'head'),
        onResult: (message, key) => {
          const timings = byKey.get(key);
          if (timings) recordTiming(message, timings, index);
        },
        onOther: (message) => {
          if (message.type === 'floor') floors.push(message.nsPerOp);
        },
        onStarted: (key) => clock.started(key),
      });
    // The wave's rounds, for the benchmarks given (the first wave runs its benchmarks in chunks).
    const runWave = (list: BenchmarkMeasurement[]) => {
      const listed = new Set(list.map((m) => benchmarkKey(m.id)));
      return inLanes(
        wave.length,
        width,
        (j, lane) => runRound(round + j, lane, new Set(wave[j]?.filter((key) => listed.has(key)))),
        ctx.signal,
      );
    };
    const pendingKeys = new Set(next.pending);
    const pending = measurements.filter((m) => pendingKeys.has(benchmarkKey(m.id)));
    let ran = pending;
    if (round === 0) ran = await firstRound(ctx, pending, runWave, leftOut, wave.length);
    else await runWave(pending);
    const ranKeys = new Set(ran.map((m) => benchmarkKey(m.id)));
    const waveMs = Date.now() - waveStarted;
    const rounds = wave.map((keys) => keys.filter((key) => ranKeys.has(key)));
    clock.record(
      waveMs,
      rounds.reduce((sum, keys) => sum + keys.length, 0),
    );
    for (const keys of rounds) scheduler.ran(keys, waveMs / rounds.length);
    for (const timings of byKey.values()) timings.timings = inProcessOrder(timings.timings)(timings.timings);
    round += wave.length;
  }
  for (const [key, timings] of byKey) {
    const sampling = failed(key) ? undefined : scheduler.sampling(key);
    if (sampling) timings.sampling = sampling;
  }
  return {
    byKey,
    timingMs: Date.now() - started,
    ...(floors.length > 0 ? { harnessFloorNs: median(floors) } : {}),
  };
}

/** A timing process's job (production flags, no profiler): the sampling rounds and confirmation alike. */
export function timingJob(budget: Budget, firstSide: Side): (benchmarks: ChildBenchmark[]) => Job {
  return (benchmarks) => ({
    kind: 'timing',
    benchmarks,
    firstSide,
    sliceMs: budget.sliceMs,
    warmupMs: budget.warmupMs,
    timeMs: budget.timePerProcessMs,
  });
}

function recordTiming(message: ResultMessage, into: BenchmarkTimings, process: number): void {
  if (message.type !== 'timing') return;
  if (message.base && message.head)
    into.timings.push({
      process,
      base: message.base,
      head: message.head,
      pairLogRatios: message.pairLogRatios,
    });
  else {
    const side: Side = message.base ? 'base' : 'head';
    const timing = message.base ?? message.head;
    if (timing) into.soloTimings.push({ side, timing });
  }
}
