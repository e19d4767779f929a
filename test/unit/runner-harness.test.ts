// The tinybench adapter through the harness interface (harness/adapter.ts) every adapter implements:
// a slice measures at least its time and one operation, batched when the function is synchronous and
// seen, per call through tinybench's own run() otherwise; callOnce calls the function once with its hooks.
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { describe, expect, it } from 'vitest';
import {
  type BenchLike,
  recordTaskFunctions,
  tinybenchFile,
} from '../../src/measure/child/harness/tinybench.js';

// A file of this repository: the tinybench it resolves is the one this test imports.
const HERE = fileURLToPath(import.meta.url);

async function benchOf(fn: () => unknown, opts: Record<string, unknown> = {}) {
  await recordTaskFunctions(HERE);
  const bench = new Bench();
  bench.add('task', fn, opts);
  // The user's Bench as the runner sees it: only the parts it drives.
  return bench as unknown as BenchLike;
}

describe('tinybench adapter', () => {
  it('times a synchronous task in batches: many calls per slice, each call counted', async () => {
    let calls = 0;
    const bench = await benchOf(() => {
      calls++;
    });
    // tinybench calls a task once as it is added (to tell sync from async).
    calls = 0;
    const [task] = tinybenchFile(bench, { perCall: false }).tasks;
    if (!task) throw new Error('no task');
    expect(task.name).toBe('task');
    const started = performance.now();
    const timing = await task.slice(5);
    const wallNs = (performance.now() - started) * 1e6;
    // The probe call that chose batching, then every counted call.
    expect(calls).toBe(timing.ops + 1);
    expect(timing.ops).toBeGreaterThan(1000);
    // The slice ends at 5 ms of measured time or of wall time, whichever comes first.
    expect(wallNs).toBeGreaterThanOrEqual(5e6);
    expect(timing.totalNs).toBeGreaterThan(0);
    expect(timing.totalNs).toBeLessThanOrEqual(wallNs);
  });

  it('times every call through tinybench when the job asks for per-call timing', async () => {
    let calls = 0;
    const bench = await benchOf(() => {
      calls++;
    });
    calls = 0;
    const [task] = tinybenchFile(bench, { perCall: true }).tasks;
    const timing = await task?.slice(5);
    expect(timing?.ops).toBeGreaterThan(0);
    // tinybench's own run() calls the function besides the counted samples (its warm-up, if any):
    // never fewer calls than ops, and no probe call of the batching path.
    expect(calls).toBeGreaterThanOrEqual(timing?.ops ?? 0);
    expect(timing?.totalNs).toBeGreaterThan(0);
  });

  it("calls the task once with its hooks around it, and throws the task's own error", async () => {
    const order: string[] = [];
    const bench = await benchOf(() => order.push('fn'), {
      beforeAll: () => order.push('beforeAll'),
      beforeEach: () => order.push('beforeEach'),
      afterEach: () => order.push('afterEach'),
      afterAll: () => order.push('afterAll'),
    });
    order.length = 0;
    await tinybenchFile(bench, { perCall: false }).tasks[0]?.callOnce();
    expect(order).toEqual(['beforeAll', 'beforeEach', 'fn', 'afterEach', 'afterAll']);
    const failing = await benchOf(() => {
      throw new Error('the benchmark broke');
    });
    await expect(tinybenchFile(failing, { perCall: false }).tasks[0]?.slice(5)).rejects.toThrow(
      'the benchmark broke',
    );
  });
});
