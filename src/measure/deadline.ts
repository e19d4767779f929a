// What `budget.maxMinutes` does to the measure stage before and during the first timing round: after
// discovery, the benchmarks the plan cannot hold are left out (`BenchmarkMeasurement.leftOut`), and the
// first round runs in processes of about 30 s of planned work, checked between them against what it
// really costs. The arithmetic is `plan.ts`'s; this is where it meets the measurements.
import type { BenchmarkMeasurement } from '../model.js';
import { benchmarkKey } from '../model.js';
import { hasFailed } from './blame.js';
import type { MeasureInput } from './measure.js';
import { firstRoundChunk, type PlanItem, planSuite, slowerThanPlannedReason, stillFitting } from './plan.js';
import { afterMeasureMs, allocationsFitting, attributionCostMs } from './trailing.js';

/**
 * Leaves out what `budget.maxMinutes` cannot hold, once discovery is done: the benchmarks that fit at
 * the minimum processes are kept in the order given, the rest get `leftOut` and are never run.
 */
export function planToDeadline(input: MeasureInput, measurements: BenchmarkMeasurement[]): void {
  if (input.deadline === undefined) return;
  const candidates = measurements.filter((m) => !hasFailed(m));
  const msLeft = input.deadline - Date.now();
  const plan = planSuite(candidates.map(planItem), input.budget, msLeft);
  if (plan.leftOut.length === 0) return;
  const reasons = new Map(plan.leftOut.map((l) => [l.key, l.reason]));
  for (const m of candidates) {
    const reason = reasons.get(benchmarkKey(m.id));
    if (reason !== undefined) m.leftOut = reason;
  }
  input.onProgress?.(
    `budget.maxMinutes: measuring ${plan.measured.length} of ${candidates.length} benchmarks, ${plan.leftOut.length} left out (${plan.leftOut[0]?.reason})`,
  );
}

function planItem(m: BenchmarkMeasurement): PlanItem {
  return { key: benchmarkKey(m.id), paired: m.present.base && m.present.head };
}

/**
 * The first timing round, in processes of about 30 s of planned work each (a quarter of the benchmarks
 * when that is less, so the plan is checked at least four times): between them the plan is
 * checked against what a benchmark-process really cost, and when the rest would overrun the deadline
 * no further benchmark is started (they are left out, each with why). Returns the benchmarks it ran.
 */
export async function firstRound(
  input: MeasureInput,
  pending: BenchmarkMeasurement[],
  runBenchmarks: (list: BenchmarkMeasurement[]) => Promise<void>,
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
      const timingProcessMs = spentMs / ran.length;
      const fitting = stillFitting({
        budget,
        started: ran.length,
        startedPaired: ran.filter((m) => m.present.base && m.present.head).length,
        next: rest.map(planItem),
        timingProcessMs,
        msLeft: deadline - Date.now(),
      });
      if (fitting < rest.length) {
        const reason = slowerThanPlannedReason(budget, timingProcessMs);
        for (const m of rest.slice(fitting)) m.leftOut = reason;
        input.onProgress?.(`${reason}: ${rest.length - fitting} benchmark(s) left out`);
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
 * in a progress line when that is fewer.
 */
export function allocationsToDeadline(
  input: MeasureInput,
  allocatable: number,
  profiled: number,
  attributionMs: number,
): number {
  const { deadline, budget } = input;
  if (deadline === undefined || budget.allocationProcesses === 0 || allocatable === 0) return allocatable;
  const slowdown = attributionMs / Math.max(1, attributionCostMs(budget, profiled));
  const msLeft = deadline - Date.now() - afterMeasureMs(profiled);
  const fitting = allocationsFitting(budget, allocatable, slowdown, msLeft);
  if (fitting < allocatable)
    input.onProgress?.(
      `budget.maxMinutes: the allocation pass measures ${fitting} of ${allocatable} benchmark(s), the first in the order measured ` +
        `(the attribution pass took ${(attributionMs / 1000).toFixed(0)} s)`,
    );
  return fitting;
}
