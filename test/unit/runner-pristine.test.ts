import { afterEach, describe, expect, it } from 'vitest';
import { clock, replacedClocks } from '../../src/measure/child/pristine.js';

const original = { now: performance.now, hrtime: process.hrtime, bigint: process.hrtime.bigint };

afterEach(() => {
  // Whatever a test left behind, the next one starts with the real clocks.
  replacedClocks();
});

describe("the runner's own clocks", () => {
  it('see nothing replaced while benchmark code leaves the clocks alone', () => {
    expect(replacedClocks()).toEqual([]);
  });

  it('name each replaced clock and put the original back', () => {
    performance.now = () => Number.NaN;
    process.hrtime.bigint = () => 0n;
    expect(replacedClocks()).toEqual(['performance.now', 'process.hrtime.bigint']);
    expect(performance.now).toBe(original.now);
    expect(process.hrtime.bigint).toBe(original.bigint);
    expect(replacedClocks()).toEqual([]);
  });

  it('see a patched prototype and a replaced global object too', () => {
    // An earlier restore may have left the original as an own property, which would hide the prototype.
    delete (performance as { now?: unknown }).now;
    const proto = Object.getPrototypeOf(performance) as { now: () => number };
    const now = proto.now;
    proto.now = () => 0;
    try {
      expect(replacedClocks()).toEqual(['performance.now']);
      expect(performance.now()).toBeGreaterThan(0);
    } finally {
      proto.now = now;
    }
    const realPerformance = globalThis.performance;
    (globalThis as { performance: unknown }).performance = { now: () => 0 };
    process.hrtime = (() => [0, 0]) as unknown as typeof process.hrtime;
    expect(replacedClocks()).toEqual(['globalThis.performance', 'process.hrtime']);
    expect(globalThis.performance).toBe(realPerformance);
    expect(process.hrtime).toBe(original.hrtime);
  });

  it('time with the clock taken at start, whatever replaces performance.now', () => {
    performance.now = () => 0;
    const t0 = clock();
    const t1 = clock();
    expect(t0).toBeGreaterThan(0);
    expect(t1).toBeGreaterThanOrEqual(t0);
  });
});
