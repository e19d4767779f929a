// What the runner reads from the process's globals, taken when this module is evaluated: before any
// benchmark file, or the tinybench it imports, is loaded. Benchmark code shares the process with the
// runner, so it could replace `performance.now`, `Math.log` or `process.send` to forge the numbers the
// runner reports; with these references, replacing a global changes nothing the runner sends.
// This stops simple tampering only: code in the same process can still patch built-in prototypes or
// Node's internals, so a verdict computed here is not a security control (README, Security).
// The repository's own preloads (a Yarn PnP `.pnp.cjs`, a vitest `execArgv` `--import`) run before this
// module; flamegate's preload (pristine-preload.ts), started first, took the globals before them.
import { performance as perfHooksPerformance } from 'node:perf_hooks';
import type { ChildMessage } from '../protocol.js';
import { PRISTINE_KEY, type PristineGlobals } from './pristine-key.js';

const preloaded = (globalThis as Record<symbol, PristineGlobals | undefined>)[Symbol.for(PRISTINE_KEY)];
const performance = preloaded?.performance ?? perfHooksPerformance;
const now = preloaded?.now ?? performance.now;

/** The monotonic clock every slice is timed with, in ms. */
export const clock: () => number = now.bind(performance);

/** `Math.log`, for the pair ratios the verdict is computed from. */
export const log: (x: number) => number = preloaded?.log ?? Math.log;

/** The `Function` constructor, which makes each task's timing loop. */
export const FunctionConstructor: FunctionConstructor = preloaded?.FunctionConstructor ?? Function;

type SendFunction = (message: unknown, handle: undefined, options: object, callback: () => void) => boolean;
const ipc = process as unknown as { _send?: SendFunction; send?: SendFunction };
// `process.send` only checks its arguments and calls `this._send`, which writes to the IPC channel it
// closes over: the original `_send`, called on `process`, is a path that wrapping either one misses.
const rawSend = (preloaded?.send as SendFunction | undefined) ?? ipc._send ?? ipc.send;

/** Sends a message to the parent through the IPC channel as it was when the runner started. */
export function sendToParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!rawSend) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      resolve();
      return;
    }
    rawSend.call(process, message, undefined, { swallowErrors: false }, () => resolve());
  });
}

/** A global the runner's timing depends on, how to read it now, and how to put the original back. */
interface Watched {
  name: string;
  original: unknown;
  read: () => unknown;
  holder: object;
  key: string;
}

const hrtime = preloaded?.hrtime ?? process.hrtime;
// The clocks the runner and tinybench time with. Date is not among them: nothing measured reads it,
// so a benchmark that mocks it does not break a result.
const WATCHED: Watched[] = [
  {
    name: 'globalThis.performance',
    original: performance,
    read: () => globalThis.performance,
    holder: globalThis,
    key: 'performance',
  },
  {
    name: 'performance.now',
    original: now,
    read: () => performance.now,
    holder: performance,
    key: 'now',
  },
  { name: 'process.hrtime', original: hrtime, read: () => process.hrtime, holder: process, key: 'hrtime' },
  {
    name: 'process.hrtime.bigint',
    original: preloaded?.hrtimeBigint ?? hrtime.bigint,
    read: () => process.hrtime?.bigint,
    holder: hrtime,
    key: 'bigint',
  },
];

/**
 * The clocks benchmark code replaced since the runner started (empty when none). Whatever was
 * replaced is put back, so the next benchmark in this process runs with the real clocks again.
 */
export function replacedClocks(): string[] {
  const replaced: string[] = [];
  for (const w of WATCHED) {
    let current: unknown;
    try {
      current = w.read();
    } catch {
      current = undefined;
    }
    if (current === w.original) continue;
    replaced.push(w.name);
    try {
      Object.defineProperty(w.holder, w.key, {
        value: w.original,
        writable: true,
        configurable: true,
        enumerable: Object.getOwnPropertyDescriptor(w.holder, w.key)?.enumerable ?? false,
      });
    } catch {
      // Made read-only by the benchmark: the runner's own references still time it correctly.
    }
  }
  return replaced;
}
