// budget.maxMinutes is the whole run's: once timing is done, the attribution and allocation passes
// get what time is left, their measured time per side shrunk in proportion, never below the floor.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/config/config.js';
import {
  TRAILING_MIN_SCALE,
  trailingBenchmarkMs,
  trailingCostMs,
  trailingPlan,
} from '../../src/measure/trailing.js';

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
