// The attribution and allocation passes run after the timing pass whatever happens, so they are what
// `budget.maxMinutes` can still shape once timing is done. Pure: a cost model from the budget, and the
// share of their measured time per side that fits in the time left.
import type { Budget } from '../model.js';
import { widthOf } from './lanes.js';

/**
 * Warm-up per side per benchmark in each allocation process, at least: each side's functions tier up
 * on their own, and code still tiering up allocates differently (boxed numbers, no escape analysis).
 * Was 300 ms; 200 ms kept A/A clean of allocation flags in the runs of README's Measured table and
 * takes 0.2 s off every benchmark in every allocation process.
 */
export const ALLOCATION_MIN_WARMUP_MS = 200;

/**
 * The shortest the trailing passes' measured time per side may be cut to, as a share of the
 * budget's: below a fifth (100 ms of the default 500) the profiles hold too few samples for any
 * function to clear the evidence bar, so the pass would cost time and say nothing.
 */
export const TRAILING_MIN_SCALE = 0.2;

/**
 * What the run still does after the measure stage (decode and classify every profile, compare, draw
 * the flame graphs, write the report, remove the worktrees), ms: kept out of the time the trailing
 * passes may use, so that the whole run, not just measuring, ends by the deadline.
 */
export function afterMeasureMs(paired: number): number {
  return 3000 + 250 * paired;
}

/** Per-process and per-benchmark overheads the cost model adds to measured time, ms. */
export const PROCESS_START_MS = 400;
export const BENCHMARK_SWITCH_MS = 100;

export interface TrailingPlan {
  /** Measured time per side per benchmark in each attribution process, ms. */
  profileMs: number;
  /** Measured time per side per benchmark in each allocation process, ms. */
  allocationMs: number;
  /** profileMs ÷ budget.profileMs (the same share of allocationMs): 1 unless time ran short. */
  scale: number;
  /** Estimated wall time of both passes at this plan, ms. */
  estimatedMs: number;
}

/** Estimated wall time of the attribution and allocation passes for `paired` benchmarks, ms. */
export function trailingCostMs(budget: Budget, paired: number, scale = 1): number {
  if (paired === 0) return 0;
  const { fixed, measured } = costParts(budget, paired);
  return fixed + scale * measured;
}

/**
 * What one benchmark on both sides adds to the trailing passes at the budget's times (or `scale` of
 * their measured time), ms: warm-ups, measured time and the switch between benchmarks, in every
 * attribution and allocation process.
 */
export function trailingBenchmarkMs(budget: Budget, scale = 1): number {
  const { fixed, measured } = costParts(budget, 1);
  return fixed - processStarts(budget) + scale * measured;
}

function processStarts(budget: Budget): number {
  return (
    (waves(budget.profileProcesses, budget) + waves(budget.allocationProcesses, budget)) * PROCESS_START_MS
  );
}

/**
 * A pass of `processes` processes costs as many process-lengths as it has waves of processes side by
 * side (`budget.parallel`): 4 attribution processes two at a time take about two processes' time.
 */
export function waves(processes: number, budget: Budget): number {
  return Math.ceil(processes / widthOf(budget));
}

function costParts(budget: Budget, paired: number): { fixed: number; measured: number } {
  const profiling = waves(budget.profileProcesses, budget);
  const allocating = waves(budget.allocationProcesses, budget);
  const allocationWarmup = Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS);
  const warmups =
    profiling * paired * (2 * budget.warmupMs + BENCHMARK_SWITCH_MS) +
    allocating * paired * (2 * allocationWarmup + BENCHMARK_SWITCH_MS);
  return {
    fixed: warmups + processStarts(budget),
    measured: profiling * paired * 2 * budget.profileMs + allocating * paired * 2 * budget.allocationMs,
  };
}

/**
 * Estimated wall time of the attribution pass alone for `paired` benchmarks, ms, at `profileMs` per
 * side (the budget's, or what `trailingPlan` cut it to).
 */
export function attributionCostMs(budget: Budget, paired: number, profileMs = budget.profileMs): number {
  if (paired === 0) return 0;
  const perBenchmark = 2 * budget.warmupMs + BENCHMARK_SWITCH_MS + 2 * profileMs;
  return waves(budget.profileProcesses, budget) * (PROCESS_START_MS + paired * perBenchmark);
}

/**
 * Estimated wall time of the allocation pass alone for `benchmarks` benchmarks, ms, at `allocationMs`
 * per side (the budget's, or what `trailingPlan` cut it to).
 */
export function allocationCostMs(
  budget: Budget,
  benchmarks: number,
  allocationMs = budget.allocationMs,
): number {
  const processes = budget.allocationProcesses;
  if (processes === 0 || benchmarks === 0) return 0;
  const warmup = Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS);
  const perBenchmark = 2 * warmup + BENCHMARK_SWITCH_MS + 2 * allocationMs;
  return waves(processes, budget) * (PROCESS_START_MS + benchmarks * perBenchmark);
}

/**
 * How many of `benchmarks` (in the order they are measured in) the allocation pass can take in
 * `msLeft`, its cost model scaled by `slowdown`: what the attribution pass just cost over what the
 * same model said (at least 1). Profiled processes of a large repository load its files slower
 * than any constant guesses (es-toolkit's allocation pass took three times its estimate), and
 * attribution, which ran just before under the same conditions, is the nearest measure of that.
 * The first benchmark always runs: it runs the change, when the order says so.
 */
export function allocationsFitting(
  budget: Budget,
  benchmarks: number,
  slowdown: number,
  msLeft: number,
  allocationMs = budget.allocationMs,
): number {
  const scale = Math.max(1, slowdown);
  let fitting = benchmarks;
  while (fitting > 1 && allocationCostMs(budget, fitting, allocationMs) * scale > msLeft) fitting--;
  return fitting;
}

/**
 * The plan for the trailing passes given the time left before the run's deadline: the budget's
 * times when they fit, else their measured time per side shrunk in proportion (warm-ups and process
 * starts stay whole, processes stay as many), down to TRAILING_MIN_SCALE. Fewer samples make the
 * function verdicts more cautious, never looser: their evidence is counted from the samples there are.
 */
export function trailingPlan(budget: Budget, paired: number, msLeft: number): TrailingPlan {
  const full = {
    profileMs: budget.profileMs,
    allocationMs: budget.allocationMs,
    scale: 1,
    estimatedMs: trailingCostMs(budget, paired),
  };
  if (paired === 0 || !(full.estimatedMs > msLeft)) return full;
  const { fixed, measured } = costParts(budget, paired);
  const scale = Math.min(1, Math.max(TRAILING_MIN_SCALE, (msLeft - fixed) / measured));
  return {
    profileMs: Math.round(budget.profileMs * scale),
    allocationMs: Math.round(full.allocationMs * scale),
    scale,
    estimatedMs: fixed + scale * measured,
  };
}

/**
 * Attribution processes for a benchmark the timing pass suspected of a change (it went to
 * confirmation), as a multiple of `budget.profileProcesses`. Measured on a ~2.5% slowdown of one
 * js-yaml function at a 1% gate: 4 processes × 500 ms named it in 2 runs of 10; 8 processes gave
 * the function z 2.7–6.1 (one run of six under the bar of 3); 12 give √1.5 × that.
 * A benchmark that did not move costs nothing more.
 */
export const SUSPECT_PROFILE_FACTOR = 3;

/**
 * How many attribution processes each suspected benchmark gets: `SUSPECT_PROFILE_FACTOR` times the
 * budget's when the passes run uncut and the extra processes still end by the deadline, else the
 * budget's (time ran short: every benchmark gets the same).
 */
export function suspectProfileProcesses(
  budget: Budget,
  plan: TrailingPlan,
  suspects: number,
  msLeft: number,
): number {
  const processes = budget.profileProcesses * SUSPECT_PROFILE_FACTOR;
  if (suspects === 0 || plan.scale < 1) return budget.profileProcesses;
  const extra = attributionCostMs(
    { ...budget, profileProcesses: processes - budget.profileProcesses },
    suspects,
    plan.profileMs,
  );
  return plan.estimatedMs + extra <= msLeft ? processes : budget.profileProcesses;
}
