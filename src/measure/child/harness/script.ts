// What the script harnesses (mitata, benchmark.js, bench-node) share. Their files are scripts: they
// register benchmarks, then call the harness's own `run()`, which measures and prints. flamegate
// loads such a file up to that call: the harness's `run` is replaced by one that says the file is
// done registering and returns a promise that never settles, so nothing after it (printing, the
// harness's own measuring) runs. The benchmarks registered are then timed in flamegate's slices.
import { pathToFileURL } from 'node:url';
import type { SideTiming } from '../../../model.js';
import { batcherFor, timeBatches } from '../batch.js';
import { clock } from '../pristine.js';
import type { HarnessOptions } from './adapter.js';

let ranScript: (() => void) | undefined;

/** Called by a harness's replaced `run()`: the file being loaded has registered its benchmarks. */
export function scriptRan(): void {
  ranScript?.();
}

/** What a replaced asynchronous `run()` returns: the code awaiting it never resumes. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/**
 * How long a file that called `run()` is given to finish its synchronous work and settle: a CommonJS
 * file that runs two suites (`a.run(); b.run();`) registers the second after the first call.
 */
const AFTER_RUN_MS = 50;

/**
 * Imports a benchmark script until its module has been evaluated (its namespace is returned), or it
 * called its harness's `run()` (undefined when it has not finished evaluating by then)
 * (its module may never finish evaluating: `await run()` at the top level waits forever). An
 * error the file throws before that is its loading error; one after it (code reading the results of
 * a `run()` that ran nothing) is not, and is left unhandled by no one.
 */
export async function importScript(file: string): Promise<Record<string, unknown> | undefined> {
  // The script sees the command line it is run with (`node bench/index.js`), not the runner's: scripts
  // parse it (`parseArgs` refuses an argument it does not know, such as the runner's job file).
  process.argv = [process.argv[0] ?? process.execPath, file];
  let ran = false;
  const calledRun = new Promise<void>((resolve) => {
    ranScript = () => {
      ran = true;
      resolve();
    };
  });
  const imported = import(pathToFileURL(file).href).then(
    (namespace: Record<string, unknown>) => namespace,
    (error: unknown) => {
      if (!ran) throw error;
      return undefined;
    },
  );
  try {
    return await Promise.race([
      imported,
      calledRun.then(() =>
        Promise.race([imported, new Promise<undefined>((r) => setTimeout(() => r(undefined), AFTER_RUN_MS))]),
      ),
    ]);
  } finally {
    ranScript = undefined;
  }
}

/** Names made unique in their file: a second benchmark of the same name gets ` (2)`, and so on. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** A benchmark's identity in its file: its group, its name, and its parameters, as `group > name [k=v]`. */
export function identity(
  group: string | null | undefined,
  name: string,
  params?: Record<string, unknown>,
): string {
  const args =
    params && Object.keys(params).length > 0
      ? ` [${Object.entries(params)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(', ')}]`
      : '';
  return `${group ? `${group} > ` : ''}${name}${args}`;
}

export const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as { then?: unknown }).then === 'function';

/**
 * Times one call at a time until `ms` of measured time: for calls that may return a promise, and for
 * calls whose arguments are made fresh for each call (`prepare`, outside the timed region).
 */
export async function timeEach<A extends unknown[]>(
  call: (...args: A) => unknown,
  ms: number,
  prepare?: () => Promise<A> | A,
): Promise<SideTiming> {
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const args = prepare ? await prepare() : ([] as unknown as A);
    const started = clock();
    const result = call(...args);
    if (isThenable(result)) await result;
    totalMs += clock() - started;
    ops++;
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}

/** A loop the harness compiles or drives itself: runs `n` operations and returns the ms they took. */
export type CountedLoop = (n: number) => number | Promise<number>;

/**
 * Runs a counted loop until `ms` of measured time, calibrating `n` as `timeBatches` does (a loop
 * lasts about a quarter of the slice, at most 1 ms). `state.size` carries the calibration from slice
 * to slice.
 */
export async function timeCounted(
  loop: CountedLoop,
  ms: number,
  state: { size: number },
): Promise<SideTiming> {
  const goalMs = Math.min(ms / 4, 1);
  let ops = 0;
  let totalMs = 0;
  const end = clock() + ms;
  do {
    const n = state.size;
    const result = loop(n);
    const took = typeof result === 'number' ? result : await result;
    ops += n;
    totalMs += took;
    if (took < goalMs / 2 && n < 2 ** 30)
      state.size = Math.min(n * 2, Math.max(1, Math.ceil((n * goalMs) / Math.max(took, 1e-4))));
    else if (took > goalMs * 2 && n > 1) state.size = Math.max(1, Math.floor((n * goalMs) / took));
  } while (totalMs < ms && clock() < end);
  return { ops, totalNs: totalMs * 1e6 };
}

/**
 * The slice timer of a plain call, decided at its first slice: synchronous calls in batches
 * (`batch.ts`); one call at a time when a probe call returns a promise, when the job asks for per-call
 * timing, or when its arguments are made fresh for every call (`prepare`).
 */
export function callTimer(
  call: (...args: unknown[]) => unknown,
  options: HarnessOptions,
  prepare?: () => Promise<unknown[]>,
): (ms: number) => Promise<SideTiming> {
  let mode: 'batch' | 'each' | undefined;
  const batcher = batcherFor(call as () => unknown);
  return async (ms) => {
    if (!mode) {
      if (options.perCall || prepare) mode = 'each';
      else {
        const probe = call();
        if (isThenable(probe)) await probe;
        mode = isThenable(probe) ? 'each' : 'batch';
      }
    }
    return mode === 'batch' ? timeBatches(batcher, ms) : timeEach(call, ms, prepare);
  };
}
