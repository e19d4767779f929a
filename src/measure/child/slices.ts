// Base and head in one process, in short alternating slices: a pair of slices milliseconds apart sees
// the same machine speed. Every benchmark job (timing, profile, overhead, allocation) runs its
// benchmarks through here, and wraps a slice (`around`) with what it measures besides time.
import type { Side, SideTiming } from '../../model.js';
import type { ChildBenchmark } from '../protocol.js';
import { checkClocks, errorText } from './failures.js';
import type { HarnessTask } from './harness/adapter.js';
import { loadTask } from './harness/load.js';
import { clock, log, sendToParent } from './pristine.js';

export const SIDES: Side[] = ['base', 'head'];

/** The task of each side of one benchmark that has it. */
export type Loaded = Partial<Record<Side, HarnessTask>>;

/**
 * Loads each side's task of a benchmark, announcing each load first. A side that fails to load is
 * reported as the benchmark's error on that side, and the benchmark is not run (`undefined`).
 */
export async function loadSides(
  b: ChildBenchmark,
  around?: <T>(side: Side, load: () => Promise<T>) => Promise<T>,
  order: Side[] = SIDES,
): Promise<Loaded | undefined> {
  const sides: Loaded = {};
  for (const side of order) {
    const spec = b[side];
    if (!spec) continue;
    await sendToParent({ type: 'progress', key: b.key, side, phase: 'load' });
    try {
      const load = () => loadTask(spec);
      sides[side] = await (around ? around(side, load) : load());
    } catch (error) {
      await sendToParent({ type: 'error', key: b.key, side, error: errorText(error) });
      return undefined;
    }
  }
  return sides;
}

export interface AlternateOptions {
  sliceMs: number;
  timeMs: number;
  firstSide: Side;
  phase: 'warmup' | 'measure';
}

/**
 * Alternates slices of the present sides until each has run `timeMs` of wall time, pairing
 * adjacent slices. The order inside a pair flips every pair (ABBA) so neither side always goes first.
 * A slice that throws ends it, with the side whose slice threw (see `withSliceErrors`).
 */
export async function alternate(
  key: string,
  sides: Loaded,
  options: AlternateOptions,
  around?: (side: Side, run: () => Promise<SideTiming>) => Promise<SideTiming>,
): Promise<{ totals: Partial<Record<Side, SideTiming>>; pairLogRatios: number[] }> {
  const present = SIDES.filter((s) => sides[s]);
  const totals: Partial<Record<Side, SideTiming>> = {};
  const wall: Record<Side, number> = { base: 0, head: 0 };
  const pairLogRatios: number[] = [];
  let pair = 0;
  while (present.some((s) => wall[s] < options.timeMs)) {
    const baseFirst = (pair % 2 === 0) === (options.firstSide === 'base');
    const order = present.length === 2 ? (baseFirst ? SIDES : [...SIDES].reverse()) : present;
    const slice: Partial<Record<Side, SideTiming>> = {};
    for (const side of order) {
      const task = sides[side];
      if (!task) continue;
      await sendToParent({ type: 'progress', key, side, phase: options.phase });
      const started = clock();
      const run = async () => {
        const timing = await task.slice(options.sliceMs);
        checkClocks();
        return timing;
      };
      try {
        slice[side] = around ? await around(side, run) : await run();
      } catch (error) {
        throw Object.assign(new Error('slice failed'), { side, cause: error });
      }
      wall[side] += clock() - started;
    }
    for (const side of present) {
      const t = slice[side];
      if (!t) continue;
      const total = totals[side] ?? { ops: 0, totalNs: 0 };
      totals[side] = { ops: total.ops + t.ops, totalNs: total.totalNs + t.totalNs };
    }
    if (slice.base && slice.head) {
      pairLogRatios.push(log(slice.head.totalNs / slice.head.ops / (slice.base.totalNs / slice.base.ops)));
    }
    pair++;
  }
  return { totals, pairLogRatios };
}

/**
 * Runs one benchmark's work; a failure is reported as its error, on the side whose slice threw, or on
 * neither side when it happened outside both sides' code (writing a profile, the profiler).
 */
export async function withSliceErrors(key: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const failure = error as { side?: Side; cause?: unknown };
    await sendToParent({
      type: 'error',
      key,
      // No side: the failure is outside both sides' code, and the parent charges it to neither.
      side: failure.side,
      error: errorText(failure.cause ?? error),
    });
  }
}

/** ns per op over both sides' totals. */
export function nsPerOp(totals: Partial<Record<Side, SideTiming>>): number {
  const t = SIDES.map((s) => totals[s]).filter((x): x is SideTiming => !!x);
  return t.reduce((sum, x) => sum + x.totalNs, 0) / t.reduce((sum, x) => sum + x.ops, 0);
}
