// `budget.parallel`: how many measuring processes run side by side. Every pass runs its processes
// through `inLanes`, so the width is set in one place. Base and head are paired inside each process,
// so what two co-running processes do to each other falls on both sides of every pair; each process
// is still one independent sample of the paired ratio, and the interval is taken over them.
import type { Budget, Side } from '../model.js';

/** Measuring processes side by side: `budget.parallel`, 1 when absent. */
export function widthOf(budget: Pick<Budget, 'parallel'>): number {
  return Math.max(1, Math.floor(budget.parallel ?? 1));
}

/**
 * Runs jobs `0 … count-1`, at most `width` at a time, each started as soon as a lane is free, and
 * resolves when all are done. `lane` (0 … width-1) names the lane a job runs in: per-lane cost
 * accounting (shard costs) needs to know which jobs overlap. A job that throws stops new jobs from
 * starting; the error is raised once the running ones are done, so no process outlives the pass.
 */
export async function inLanes(
  count: number,
  width: number,
  job: (index: number, lane: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (laneIndex: number) => {
    while (next < count && !failure && !signal?.aborted) {
      const index = next++;
      try {
        await job(index, laneIndex);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(width), count));
  await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i)));
  if (failure) throw failure.error;
}

/**
 * Process waves (the timing and confirmation passes' rounds, run side by side): `need[i]` rounds are
 * still owed to item `i`; a wave runs `min(width, max need)` rounds at once, and round `j` of the wave
 * holds the items owed more than `j` rounds, so no item gets more processes than it is owed.
 */
export function waveRounds<T>(items: { item: T; need: number }[], width: number): T[][] {
  const most = Math.max(0, ...items.map((i) => i.need));
  const rounds = Math.min(Math.max(1, Math.floor(width)), most);
  return Array.from({ length: rounds }, (_, j) => items.filter((i) => i.need > j).map((i) => i.item));
}

/**
 * Processes side by side finish in any order. `inProcessOrder(entries)` gives the permutation that
 * puts a benchmark's per-process entries (and any list aligned with them) back in process order, so a
 * run's files and figures line up the same way whatever the width.
 */
export function inProcessOrder(entries: { process: number }[]): <T>(aligned: T[]) => T[] {
  const order = entries.map((e, i) => ({ process: e.process, i })).sort((x, y) => x.process - y.process);
  return <T>(aligned: T[]) => order.map((o) => aligned[o.i] as T);
}

/**
 * A benchmark's per-process entries and the per-side files written with them, both in process order
 * (the attribution and allocation passes keep the two aligned by process).
 */
export function sidesInProcessOrder<E extends { process: number }, F>(
  entries: E[],
  files: Partial<Record<Side, F[]>>,
): { entries: E[]; files: Record<Side, F[]> } {
  const order = inProcessOrder(entries);
  return { entries: order(entries), files: { base: order(files.base ?? []), head: order(files.head ?? []) } };
}
