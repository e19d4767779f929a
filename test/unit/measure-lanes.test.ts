// budget.parallel's pure parts: the lanes every pass runs its processes in, the waves of timing
// rounds, process order restored, the cost model's waves, per-lane cost accounting and the status.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, defaultParallel, parseConfig } from '../../src/config/config.js';
import { inLanes, inProcessOrder, waveRounds, widthOf } from '../../src/measure/lanes.js';
import { benchmarkCostMs, plannedTimingProcessMs, timingBenchmarkProcessMs } from '../../src/measure/plan.js';
import { attributionCostMs, trailingCostMs, waves } from '../../src/measure/trailing.js';
import { progressLine } from '../../src/report/progress.js';
import { costTracker } from '../../src/shard/record.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('inLanes', () => {
  it('runs every job once, at most `width` at a time, each lane one job after another', async () => {
    let running = 0;
    let most = 0;
    const ran: number[] = [];
    const lanesOf = new Map<number, number[]>();
    await inLanes(7, 3, async (index, lane) => {
      running++;
      most = Math.max(most, running);
      await tick();
      ran.push(index);
      lanesOf.set(lane, [...(lanesOf.get(lane) ?? []), index]);
      running--;
    });
    expect([...ran].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
    expect([...lanesOf.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('never opens more lanes than jobs, and one lane is one job at a time', async () => {
    let most = 0;
    let running = 0;
    const job = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    await inLanes(2, 8, job);
    expect(most).toBe(2);
    most = 0;
    await inLanes(5, 1, job);
    expect(most).toBe(1);
  });

  it('starts nothing new after a job throws, and throws once the running ones are done', async () => {
    const started: number[] = [];
    let finished = 0;
    await expect(
      inLanes(6, 2, async (index) => {
        started.push(index);
        await tick();
        if (index === 0) throw new Error('job 0 broke');
        finished++;
      }),
    ).rejects.toThrow('job 0 broke');
    // Jobs 0 and 1 ran side by side; job 1 finished; nothing after the failure started.
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });

  it('starts nothing once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await inLanes(
      5,
      1,
      async (index) => {
        started.push(index);
        if (index === 1) controller.abort();
      },
      controller.signal,
    );
    expect(started).toEqual([0, 1]);
  });
});

describe('waveRounds', () => {
  it('runs at most `width` rounds, each holding the benchmarks still owed that many', () => {
    const owed = [
      { item: 'a', need: 3 },
      { item: 'b', need: 1 },
      { item: 'c', need: 2 },
    ];
    expect(waveRounds(owed, 2)).toEqual([
      ['a', 'b', 'c'],
      ['a', 'c'],
    ]);
    expect(waveRounds(owed, 8)).toEqual([['a', 'b', 'c'], ['a', 'c'], ['a']]);
    expect(waveRounds(owed, 1)).toEqual([['a', 'b', 'c']]);
    expect(waveRounds([], 2)).toEqual([]);
  });
});

describe('inProcessOrder', () => {
  it('puts entries, and lists aligned with them, back in process order', () => {
    const entries = [{ process: 2 }, { process: 0 }, { process: 1 }];
    const order = inProcessOrder(entries);
    expect(order(entries).map((e) => e.process)).toEqual([0, 1, 2]);
    expect(order(['two', 'zero', 'one'])).toEqual(['zero', 'one', 'two']);
  });
});

describe('the cost model side by side', () => {
  const serial = { ...DEFAULT_BUDGET, parallel: 1 };
  const two = { ...DEFAULT_BUDGET, parallel: 2 };

  it('counts a pass as its waves of processes', () => {
    expect(waves(4, two)).toBe(2);
    expect(waves(3, two)).toBe(2);
    expect(waves(3, serial)).toBe(3);
    expect(attributionCostMs(two, 5)).toBe(attributionCostMs(serial, 5) / 2);
    expect(trailingCostMs(two, 5)).toBeLessThan(trailingCostMs(serial, 5));
  });

  it('plans a timing benchmark-process at its share of the wall time', () => {
    expect(plannedTimingProcessMs(two)).toBe(timingBenchmarkProcessMs(two) / 2);
    expect(plannedTimingProcessMs(serial)).toBe(timingBenchmarkProcessMs(serial));
    expect(benchmarkCostMs(two, true)).toBeLessThan(benchmarkCostMs(serial, true));
  });
});

describe('budget.parallel in the config', () => {
  it('defaults to one per core, at most 8, at least 1', () => {
    expect(defaultParallel(2)).toBe(2);
    expect(defaultParallel(64)).toBe(8);
    expect(defaultParallel(0)).toBe(1);
    expect(widthOf({})).toBe(1);
    expect(widthOf({ parallel: 3 })).toBe(3);
  });

  it('reads budget.parallel and refuses a width below 1, naming the key', () => {
    expect(parseConfig('budget: { parallel: 3 }\n', 'f.yml').budget.parallel).toBe(3);
    expect(() => parseConfig('budget: { parallel: 0 }\n', 'f.yml')).toThrow(/parallel/);
  });
});

describe('side by side in accounting and status', () => {
  it('charges each lane its own benchmark: overlapping processes do not steal each other’s time', () => {
    let t = 0;
    const tracker = costTracker(() => t);
    tracker.onWork('a', 0);
    tracker.onWork('b', 1);
    t = 10;
    tracker.onWork(undefined, 0);
    t = 30;
    tracker.onWork(undefined, 1);
    expect(Object.fromEntries(tracker.costs)).toEqual({ a: 10, b: 30 });
  });

  it('says how many processes run side by side', () => {
    const status = { phase: 'timing' as const, round: 0, done: 2, total: 8, sampling: 2, resolved: 0 };
    expect(progressLine({ ...status, secondsLeft: 10, parallel: 2 })).toContain('2 processes side by side');
    expect(progressLine({ ...status, secondsLeft: 10 })).not.toContain('side by side');
  });
});
