// The bench-node adapter. A bench-node file builds a `new Suite(options)`, adds benchmarks with
// `.add(name, fn)` or `.add(name, options, fn)`, then calls `.run()`, which measures, reports and
// resolves with the results. The user's own copy of bench-node (the one the file resolves) is patched
// before the file loads: `Suite#add` records what it was given, and `run()` never settles, so the
// reporter and the code that reads the results do not run.
//
// A plain function is timed as flamegate times any task (synchronous calls in batches, an async
// function one awaited call at a time). A function that takes a `timer` is the managed form: it is
// called with a timer whose `count` is the batch size flamegate asks for, and its own `timer.start()`
// and `timer.end(iterations)` mark what is timed, as in bench-node.
import { createRequire } from 'node:module';
import { clock } from '../pristine.js';
import type { HarnessAdapter, HarnessOptions, HarnessTask } from './adapter.js';
import { checkHarnessVersion, scriptHarnessOf } from './imports.js';
import {
  callTimer,
  identity,
  importScript,
  isThenable,
  never,
  scriptRan,
  timeCounted,
  uniqueNames,
} from './script.js';
import { ensureTypeScript } from './tinybench.js';

type BenchFn = (timer?: unknown) => unknown;
interface SuiteModule {
  Suite: { prototype: { add: (...args: unknown[]) => unknown; run: (...args: unknown[]) => unknown } };
}

let current: { name: string; fn: BenchFn }[] | undefined;
const patched = new WeakSet<object>();

function patch(file: string): void {
  const mod = createRequire(file)('bench-node') as SuiteModule;
  const proto = mod.Suite?.prototype;
  if (!proto || typeof proto.add !== 'function')
    throw new Error('the bench-node this file imports has no Suite');
  if (patched.has(proto)) return;
  patched.add(proto);
  const add = proto.add;
  proto.add = function (this: unknown, name: unknown, options: unknown, fn: unknown) {
    const result = add.call(this, name, options, fn);
    const given = typeof options === 'function' ? options : fn;
    // Recorded once bench-node has checked the arguments: what it refuses is the file's own error.
    if (current && typeof given === 'function') current.push({ name: String(name), fn: given as BenchFn });
    return result;
  };
  proto.run = () => {
    scriptRan();
    return never();
  };
}

/** bench-node's managed timer: `count` to loop, `start()` and `end(iterations)` around the loop. */
class ManagedTimer {
  started = 0;
  ended = 0;
  iterations = 0;
  constructor(readonly count: number) {}
  start(): void {
    this.started = clock();
  }
  end(iterations = 1): void {
    this.ended = clock();
    this.iterations = iterations;
  }
}

function managedTask(name: string, fn: BenchFn): HarnessTask {
  const calibration = { size: 1 };
  const run = async (n: number) => {
    const timer = new ManagedTimer(n);
    const result = fn(timer);
    if (isThenable(result)) await result;
    if (!timer.started) throw new Error('You forgot to call .start()');
    if (!timer.ended) throw new Error('You forgot to call .end(count)');
    return { ms: timer.ended - timer.started, iterations: timer.iterations };
  };
  return {
    name,
    async slice(ms) {
      let ops = 0;
      let totalMs = 0;
      // The iterations it says it ran are the operations; the count asked for only calibrates.
      const timing = await timeCounted(
        async (n) => {
          const r = await run(n);
          ops += r.iterations;
          totalMs += r.ms;
          return r.ms;
        },
        ms,
        calibration,
      );
      return timing.ops > 0 ? { ops, totalNs: totalMs * 1e6 } : timing;
    },
    async callOnce() {
      await run(1);
    },
  };
}

function plainTask(name: string, fn: BenchFn, options: HarnessOptions): HarnessTask {
  const call = () => fn();
  return {
    name,
    slice: callTimer(call, options),
    async callOnce() {
      const result = call();
      if (isThenable(result)) await result;
    },
  };
}

export const benchNode: HarnessAdapter = {
  name: 'bench-node',
  claims: (file) => scriptHarnessOf(file) === 'bench-node',
  async load(file, options) {
    checkHarnessVersion(file, 'bench-node');
    ensureTypeScript(file);
    patch(file);
    const registered: { name: string; fn: BenchFn }[] = [];
    current = registered;
    try {
      await importScript(file);
    } finally {
      current = undefined;
    }
    const names = uniqueNames(registered.map((r) => identity(undefined, r.name)));
    return {
      tasks: registered.map((r, i) =>
        r.fn.length >= 1
          ? managedTask(names[i] ?? r.name, r.fn)
          : plainTask(names[i] ?? r.name, r.fn, options),
      ),
    };
  },
};
