// Confirm before fail: a benchmark whose sequential interval says `regressed` (or `improved`: a flag
// a reader acts on too) is measured again in fresh processes, after sampling has stopped, so the
// second verdict rests on data the first one never saw. Not cut by the deadline: a regression is
// never let through for lack of time.
import type { BenchmarkId, BenchmarkMeasurement, ProcessTiming, Side } from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { processLogRatio } from '../../stats/estimate.js';
import { confirmationProcesses, samplingDecision, samplingPlan } from '../../stats/sequential.js';
import { childBenchmark, type MeasureContext } from '../context.js';
import type { Executor } from '../executor.js';
import { inLanes, inProcessOrder, widthOf } from '../lanes.js';
import type { StageClock } from '../schedule.js';
import { type TimingResult, timingJob } from './timing.js';

export interface ConfirmInput {
  /** The benchmarks the timing pass ran. */
  measurements: BenchmarkMeasurement[];
  timing: TimingResult;
  thresholdOf: (id: BenchmarkId) => number;
  clock: StageClock;
}

export interface ConfirmResult {
  /** Each confirmed benchmark's processes where both sides completed, by round. */
  byKey: Map<string, ProcessTiming[]>;
  /** Wall time of the confirmation processes, ms (0 when nothing was suspect). */
  confirmMs: number;
}

export async function confirmPass(
  ctx: MeasureContext,
  executor: Executor,
  input: ConfirmInput,
): Promise<ConfirmResult> {
  const { budget } = ctx;
  const plan = samplingPlan(budget);
  const byKey = new Map<string, ProcessTiming[]>();
  const ratiosOf = (m: BenchmarkMeasurement) =>
    input.timing.byKey.get(benchmarkKey(m.id))?.timings.map(processLogRatio) ?? [];
  const suspects = input.measurements.filter((m) => {
    const key = benchmarkKey(m.id);
    const sampled = input.timing.byKey.get(key)?.sampling;
    if (!sampled || executor.failures.has(key)) return false;
    return samplingDecision(ratiosOf(m), sampled.processes, input.thresholdOf(m.id), plan).suspect;
  });
  if (suspects.length === 0) return { byKey, confirmMs: 0 };
  const children = suspects.map((m) => childBenchmark(m, ctx.sides));
  // Each suspect gets the size its own first estimate calls for; the rounds run until the largest.
  const sizes = new Map(
    suspects.map((m) => [benchmarkKey(m.id), confirmationProcesses(budget, ratiosOf(m))]),
  );
  const rounds = Math.max(...sizes.values());
  // Rounds side by side (`budget.parallel`); the clock is told each round's share of the wall time.
  const width = Math.min(widthOf(budget), rounds);
  const started = Date.now();
  await inLanes(
    rounds,
    width,
    async (round, lane) => {
      const live = children.filter((c) => !executor.failures.has(c.key) && round < (sizes.get(c.key) ?? 0));
      if (live.length === 0) return;
      const left = [...sizes.values()].reduce((sum, size) => sum + Math.max(0, size - round), 0);
      input.clock.status('confirming', round, left, live.length);
      const firstSide: Side = round % 2 === 0 ? 'base' : 'head';
      const roundStarted = Date.now();
      await executor.run({
        lane,
        label: `confirming ${round + 1}/${rounds}`,
        benchmarks: live,
        job: timingJob(budget, firstSide),
        onResult: (message, key) => {
          if (message.type !== 'timing' || !message.base || !message.head) return;
          const timing = {
            process: round,
            base: message.base,
            head: message.head,
            pairLogRatios: message.pairLogRatios,
          };
          const timings = byKey.get(key);
          if (timings) timings.push(timing);
          else byKey.set(key, [timing]);
        },
      });
      input.clock.record((Date.now() - roundStarted) / width, live.length);
    },
    ctx.signal,
  );
  for (const [key, timings] of byKey) byKey.set(key, inProcessOrder(timings)(timings));
  return { byKey, confirmMs: Date.now() - started };
}
