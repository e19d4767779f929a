// What `budget.maxMinutes` does to the measure stage before and during the first timing round: after
// discovery, the benchmarks the plan cannot hold are left out (`BenchmarkMeasurement.leftOut`), and the
// first round runs in processes of about 30 s of planned work, checked between them against what it
// really costs. The arithmetic is `plan.ts`'s; this is where it meets the measurements.

import { plural } from '../format.js';
import type { BenchmarkMeasurement, Budget } from '../model.js';
import { benchmarkKey } from '../model.js';
import { hasFailed } from './blame.js';
import { firstRoundChunk, type PlanItem, planSuite, slowerThanPlannedReason, stillFitting } from './plan.js';
import { afterMeasureMs, allocationsFitting, attributionCostMs } from './trailing.js';

/** What the deadline's decisions read of the measure context (context.ts). */
export interface DeadlineInput {
  budget: Budget;
  /** Epoch ms by which the run should end; none: nothing is cut. */
  deadline?: number;
  signal?: AbortSignal;
  progress: (line: string) => void;
}

/** Benchmarks left out for lack of time, by key, each with why (`BenchmarkMeasurement.leftOut`). */
export type LeftOut = Map<string, string>;

/**
 * What `budget.maxMinutes` cannot hold, once discovery is done: the benchmarks that fit at the minimum
 * processes are kept in the order given, the rest are left out (returned, each with why) and never run.
 */
export function planToDeadline(input: DeadlineInput, measurements: BenchmarkMeasurement[]): LeftOut {
  const leftOut: LeftOut = new Map();
  if (input.deadline === undefined) return leftOut;
  const candidates = measurements.filter((m) => !hasFailed(m));
  const msLeft = input.deadline - Date.now();
  const plan = planSuite(candidates.map(planItem), input.budget, msLeft);
  if (plan.leftOut.length === 0) return leftOut;
  for (const l of plan.leftOut) leftOut.set(l.key, l.reason);
  input.progress(
    `budget.maxMinutes: measuring ${plan.measured.length} of ${candidates.length} benchmarks, ${plan.leftOut.length} left out (${plan.leftOut[0]?.reason})`,
  );
  return leftOut;
}

function planItem(m: BenchmarkMeasurement): PlanItem {
  return { key: benchmarkKey(m.id), paired: m.present.base && m.present.head };
}

/**
 * The first timing round, in processes of about 30 s of planned work each (a quarter of the benchmarks
 * when that is less, so the plan is checked at least four times): between them the plan is
 * checked against what a benchmark-process really cost, and when the rest would overrun the deadline
 * no further benchmark is started (they are added to `leftOut`, each with why, as soon as that is
 * known: the stage clock counts what is still to be profiled from it). Returns the benchmarks it ran.
 */
export async function firstRound(
  input: DeadlineInput,
  pending: BenchmarkMeasurement[],
  runBenchmarks: (list: BenchmarkMeasurement[]) => Promise<void>,
  leftOut: LeftOut,
  /** Timing processes `runBenchmarks` runs side by side for each chunk (the first wave's rounds). */
  roundsAtOnce = 1,
): Promise<BenchmarkMeasurement[]> {
  const { deadline, budget } = input;
  if (deadline === undefined) {
    await runBenchmarks(pending);
    return pending;
  }
  const ran: BenchmarkMeasurement[] = [];
  let spentMs = 0;
  // At least four checks, however small the suite: eleven benchmarks of 0.9 s planned each are one
  // 30 s process, and a repository whose processes load for seconds (es-toolkit's did) would be
  // found slower than planned only once all eleven had started.
  const chunk = Math.min(firstRoundChunk(budget), Math.max(1, Math.ceil(pending.length / 4)));
  while (ran.length < pending.length && !input.signal?.aborted) {
    const rest = pending.slice(ran.length);
    if (ran.length > 0) {
      // What one benchmark-process cost, with the processes side by side sharing the wall time.
      const timingProcessMs = spentMs / (ran.length * roundsAtOnce);
      const fitting = stillFitting({
        budget,
        roundsDone: roundsAtOnce,
        started: ran.length,
        startedPaired: ran.filter((m) => m.present.base && m.present.head).length,
        next: rest.map(planItem),
        timingProcessMs,
        msLeft: deadline - Date.now(),
      });
      if (fitting < rest.length) {
        const reason = slowerThanPlannedReason(budget, timingProcessMs);
        for (const m of rest.slice(fitting)) leftOut.set(benchmarkKey(m.id), reason);
        input.progress(`${reason}: ${plural(rest.length - fitting, 'benchmark')} left out`);
        if (fitting === 0) break;
        rest.length = fitting;
      }
    }
    const next = rest.slice(0, chunk);
    const started = Date.now();
    await runBenchmarks(next);
    spentMs += Date.now() - started;
    ran.push(...next);
  }
  return ran;
}

/**
 * How many of the `allocatable` benchmarks (in the order measured) the allocation pass takes, once
 * the attribution pass over `profiled` benchmarks has taken `attributionMs`: all of them without a
 * deadline, else those that fit at the pace attribution really ran at (`allocationsFitting`), said
 * in a progress line when that is fewer. `times`: the two passes' measured time per side, as
 * `trailingPlan` set them.
 */
export function allocationsToDeadline(
  input: DeadlineInput,
  times: { profileMs: number; allocationMs: number },
  allocatable: number,
  profiled: number,
  attributionMs: number,
): number {
  const { deadline, budget } = input;
  if (deadline === undefined || budget.allocationProcesses === 0 || allocatable === 0) return allocatable;
  const slowdown = attributionMs / Math.max(1, attributionCostMs(budget, profiled, times.profileMs));
  const msLeft = deadline - Date.now() - afterMeasureMs(profiled);
  const fitting = allocationsFitting(budget, allocatable, slowdown, msLeft, times.allocationMs);
  if (fitting < allocatable)
    input.progress(
      `budget.maxMinutes: the allocation pass measures ${fitting} of ${plural(allocatable, 'benchmark')}, the first in the order measured ` +
        `(the attribution pass took ${(attributionMs / 1000).toFixed(0)} s)`,
    );
  return fitting;
}
