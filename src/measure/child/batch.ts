// The batched timing loop: synchronous calls in batches between two clock reads (as mitata does), so
// a nanosecond task is not diluted by a clock read per call. Any harness whose task is a plain
// synchronous function times it here; the harness runs its own hooks around a slice.
import type { SideTiming } from '../../model.js';
import { clock, FunctionConstructor } from './pristine.js';

type BatchLoop = (fn: () => unknown, n: number, now: () => number) => number;

/** One task's loop and its calibrated batch size, kept from slice to slice. */
export interface Batcher {
  /** The task's function, bound to what it is called on. */
  bound: () => unknown;
  loop: BatchLoop;
  size: number;
}

/**
 * A fresh loop function per task: its call site sees one function only, so V8 can call (or inline) it
 * directly, as the user's own code would. The task's function comes bound (tinybench calls it with the
 * task as `this`): V8 inlines a bound function, where `fn.call(task)` in the loop would cost ~3 ns per
 * call. Named after the runner's file so that profiles cut it off with the rest of the harness.
 */
export function batcherFor(bound: () => unknown): Batcher {
  const loop = new FunctionConstructor(
    'fn',
    'n',
    'now',
    `let sink;\nconst t0 = now();\nfor (let i = 0; i < n; i++) sink = fn();\nconst t1 = now();\nglobalThis.__flamegateSink = sink;\nreturn t1 - t0;\n//# sourceURL=${import.meta.url}`,
  ) as BatchLoop;
  return { bound, loop, size: 1 };
}

/**
 * Batches of calls until `ms` of measured time. The batch size is calibrated so one batch lasts about
 * a quarter of the slice (at most 1 ms): long enough that two clock reads are lost in it, short
 * enough that a slice holds several batches.
 */
export function timeBatches(batcher: Batcher, ms: number): SideTiming {
  const { loop, bound } = batcher;
  const goalMs = Math.min(ms / 4, 1);
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const n = batcher.size;
    const took = loop(bound, n, clock);
    ops += n;
    totalMs += took;
    if (took < goalMs / 2 && n < 2 ** 30)
      batcher.size = Math.min(n * 2, Math.max(1, Math.ceil((n * goalMs) / Math.max(took, 1e-4))));
    else if (took > goalMs * 2 && n > 1) batcher.size = Math.max(1, Math.floor((n * goalMs) / took));
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}

/** The timing loop's floor: an empty task through the same batched timing, in ns per op. */
export function batchFloor(): number {
  const fn = () => undefined;
  const batcher = batcherFor(fn.bind({ name: '(empty)' }));
  // Long enough for the optimizing compiler (a background thread, late on a busy machine) to finish.
  timeBatches(batcher, 60);
  // The least of several short slices: a busy neighbour only ever adds time, never removes it.
  let floor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    const t = timeBatches(batcher, 2);
    floor = Math.min(floor, t.totalNs / t.ops);
  }
  return floor;
}
