// budget.maxMinutes is the whole run's: once timing is done, the attribution and allocation passes
// get what time is left, their measured time per side shrunk in proportion, never below the floor.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET as CONFIG_DEFAULT } from '../../src/config/config.js';
import {
  allocationCostMs,
  allocationsFitting,
  attributionCostMs,
  TRAILING_MIN_SCALE,
  trailingBenchmarkMs,
  trailingCostMs,
  trailingPlan,
} from '../../src/measure/trailing.js';

// The serial cost model (one process at a time); side by side is tested apart, with its own width.
const DEFAULT_BUDGET = { ...CONFIG_DEFAULT, parallel: 1 };

describe('the allocation pass under budget.maxMinutes, after attribution', () => {
  const budget = { ...DEFAULT_BUDGET, allocationProcesses: 1 };

  it('takes every benchmark when they fit at the measured pace', () => {
    expect(allocationsFitting(budget, 10, 1, allocationCostMs(budget, 10))).toBe(10);
    expect(allocationsFitting(budget, 10, 3, Number.POSITIVE_INFINITY)).toBe(10);
  });

  it('scales its cost by what attribution really took over its estimate, and takes what fits', () => {
    const left = allocationCostMs(budget, 10);
    // Attribution ran three times slower than the model: about a third of them fit.
    const fitting = allocationsFitting(budget, 10, 3, left);
    expect(fitting).toBeLessThan(10);
    expect(allocationCostMs(budget, fitting) * 3).toBeLessThanOrEqual(left);
    expect(allocationCostMs(budget, fitting + 1) * 3).toBeGreaterThan(left);
    // Faster than the model is not a licence to take more than the model says.
    expect(allocationsFitting(budget, 10, 0.5, left)).toBe(10);
    expect(allocationsFitting(budget, 20, 0.5, left)).toBe(10);
  });

  it('always keeps the first benchmark (the one that runs the change, when the order says so)', () => {
    expect(allocationsFitting(budget, 10, 5, 0)).toBe(1);
    expect(allocationsFitting(budget, 10, 5, -5_000)).toBe(1);
  });

  it('estimates attribution from the same model', () => {
    expect(attributionCostMs(budget, 0)).toBe(0);
    expect(attributionCostMs(budget, 2)).toBeGreaterThan(2 * budget.profileProcesses * 2 * budget.profileMs);
  });
});

describe('the trailing passes under budget.maxMinutes', () => {
  it("keeps the budget's times when they fit, or when there is no deadline", () => {
    const needed = trailingCostMs(DEFAULT_BUDGET, 2);
    for (const left of [needed + 1, Number.POSITIVE_INFINITY]) {
      const plan = trailingPlan(DEFAULT_BUDGET, 2, left);
      expect(plan).toMatchObject({ profileMs: 500, allocationMs: 200, scale: 1 });
      expect(plan.estimatedMs).toBe(needed);
    }
  });

  it('shrinks measured time in proportion so the passes fit the time left', () => {
    const full = trailingCostMs(DEFAULT_BUDGET, 20);
    const left = full * 0.6;
    const plan = trailingPlan(DEFAULT_BUDGET, 20, left);
    expect(plan.scale).toBeLessThan(1);
    expect(plan.scale).toBeGreaterThan(TRAILING_MIN_SCALE);
    expect(plan.profileMs).toBe(Math.round(500 * plan.scale));
    expect(plan.allocationMs).toBe(Math.round(200 * plan.scale));
    // Warm-ups and process starts stay whole: the estimate lands on the time left, not below it.
    expect(plan.estimatedMs).toBeCloseTo(left, 6);
    expect(trailingCostMs(DEFAULT_BUDGET, 20, plan.scale)).toBeCloseTo(left, 6);
  });

  it('never goes below the floor, however little time is left', () => {
    for (const left of [0, -5_000, 1_000]) {
      const plan = trailingPlan(DEFAULT_BUDGET, 20, left);
      expect(plan.scale).toBe(TRAILING_MIN_SCALE);
      expect(plan.profileMs).toBe(100);
      expect(plan.allocationMs).toBe(40);
    }
  });

  it('counts the allocation pass only when it is on, and nothing for no paired benchmark', () => {
    const without = { ...DEFAULT_BUDGET, allocationProcesses: 0 };
    expect(trailingCostMs(without, 3)).toBeLessThan(trailingCostMs(DEFAULT_BUDGET, 3));
    expect(trailingCostMs(DEFAULT_BUDGET, 0)).toBe(0);
    expect(trailingPlan(DEFAULT_BUDGET, 0, 0).scale).toBe(1);
    // A benchmark's share excludes process starts: 20 of them cost 20 shares plus the starts.
    const starts = (DEFAULT_BUDGET.profileProcesses + (DEFAULT_BUDGET.allocationProcesses ?? 0)) * 400;
    expect(trailingCostMs(DEFAULT_BUDGET, 20)).toBeCloseTo(
      20 * trailingBenchmarkMs(DEFAULT_BUDGET) + starts,
      6,
    );
  });
});
