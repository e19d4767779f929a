// `budget.maxMinutes` bounds the whole run, the first timing round included. Every benchmark runs in
// every timing round, so a suite too big for the budget would spend it all (and hours more) on its
// first round. Instead, once discovery is done, the run plans which benchmarks it can measure at the
// minimum processes with every pass after them (the attribution and allocation passes at the shortest
// times `trailingPlan` may cut them to: timing every benchmark it can comes before deeper profiles),
// takes them in the order given (the benchmarks this pull request can reach first, when selection
// says so) and leaves the rest out, each with why; during the first round it checks the plan against
// what the round really costs and stops taking new benchmarks when they would overrun. Pure: a cost model from the budget, and counts.

import { formatSeconds } from '../format.js';
import type { Budget } from '../model.js';
import { samplingPlan } from '../stats/sequential.js';
import { widthOf } from './lanes.js';
import {
  afterMeasureMs,
  BENCHMARK_SWITCH_MS,
  PROCESS_START_MS,
  TRAILING_MIN_SCALE,
  trailingBenchmarkMs,
  trailingCostMs,
} from './trailing.js';

export interface PlanItem {
  key: string;
  /** On both sides: timed on both and profiled; else timed on its one side only. */
  paired: boolean;
}

export interface SuitePlan {
  /** Keys to measure, in the order given. */
  measured: string[];
  /** Keys left out, in the order given, each with why. */
  leftOut: { key: string; reason: string }[];
  /** Estimated cost of one paired benchmark at the minimum processes, every pass, ms. */
  perBenchmarkMs: number;
  /** Estimated wall time of the measured benchmarks, from the end of discovery to the run's end, ms. */
  estimatedMs: number;
}

/** One benchmark's wall time in one timing process, both sides: warm-ups, measured time, the switch. */
export function timingBenchmarkProcessMs(budget: Budget): number {
  return 2 * (budget.timePerProcessMs + budget.warmupMs) + BENCHMARK_SWITCH_MS;
}

/**
 * What one benchmark-process costs the run's wall time as planned: processes side by side
 * (`budget.parallel`) share it.
 */
export function plannedTimingProcessMs(budget: Budget): number {
  return timingBenchmarkProcessMs(budget) / widthOf(budget);
}

/** What one more paired benchmark adds after measuring (its profiles read, its flame graphs drawn), ms. */
const AFTER_PER_BENCHMARK_MS = afterMeasureMs(1) - afterMeasureMs(0);

/**
 * What one benchmark costs the whole run at the minimum processes, ms: its timing processes, then for a
 * paired one the attribution and allocation passes at their shortest times and its share of reporting.
 * `timingProcessMs`: one timing process's cost (both sides), measured when known.
 */
export function benchmarkCostMs(budget: Budget, paired: boolean, timingProcessMs?: number): number {
  const min = samplingPlan(budget).minProcesses;
  const perProcess = timingProcessMs ?? plannedTimingProcessMs(budget);
  if (!paired) return (min * perProcess) / 2;
  return min * perProcess + trailingBenchmarkMs(budget, TRAILING_MIN_SCALE) + AFTER_PER_BENCHMARK_MS;
}

/** What the run costs whatever it measures, ms: process starts of every pass, and reporting. */
function fixedCostMs(budget: Budget): number {
  const min = samplingPlan(budget).minProcesses;
  const trailingStarts = trailingCostMs(budget, 1) - trailingBenchmarkMs(budget);
  return Math.ceil(min / widthOf(budget)) * PROCESS_START_MS + trailingStarts + afterMeasureMs(0);
}

/**
 * Which benchmarks fit in `msLeft` (the time from now to the run's deadline), taken in the order given
 * until the next one does not fit; the first always runs, so a run measures something. A budget with
 * no deadline (`msLeft` infinite) measures them all.
 */
export function planSuite(items: PlanItem[], budget: Budget, msLeft: number): SuitePlan {
  const perBenchmarkMs = benchmarkCostMs(budget, true);
  let estimatedMs = fixedCostMs(budget);
  let fitting = 0;
  for (const item of items) {
    const cost = benchmarkCostMs(budget, item.paired);
    if (fitting > 0 && estimatedMs + cost > msLeft) break;
    estimatedMs += cost;
    fitting++;
  }
  const reason =
    `budget.maxMinutes (${minutes(budget)}) holds ${fitting} of ${items.length} benchmarks at the minimum ` +
    `${samplingPlan(budget).minProcesses} timing processes: about ${duration(perBenchmarkMs)} each ` +
    `with the shortest profiles, ${formatSeconds(Math.max(0, msLeft) / 1000)} left after install and discovery`;
  return {
    measured: items.slice(0, fitting).map((i) => i.key),
    leftOut: items.slice(fitting).map((i) => ({ key: i.key, reason })),
    perBenchmarkMs,
    estimatedMs,
  };
}

/**
 * During the first timing round: how many of `next` (not started yet) still fit, given what a timing
 * process has really cost per benchmark so far. The benchmarks already started keep their minimum
 * processes and their profiling; `next` are taken in order while the whole still ends by the deadline.
 */
export function stillFitting(input: {
  budget: Budget;
  /** Timing processes each started benchmark has run (the first wave's rounds); default 1. */
  roundsDone?: number;
  /** Benchmarks that ran their first timing process(es), and how many of them are paired. */
  started: number;
  startedPaired: number;
  next: PlanItem[];
  /** Measured wall time of one benchmark in one timing process so far, ms. */
  timingProcessMs: number;
  msLeft: number;
}): number {
  const { budget, timingProcessMs } = input;
  const min = samplingPlan(budget).minProcesses;
  let projected =
    input.started * Math.max(0, min - (input.roundsDone ?? 1)) * timingProcessMs +
    trailingCostMs(budget, input.startedPaired, TRAILING_MIN_SCALE) +
    afterMeasureMs(input.startedPaired);
  let fitting = 0;
  for (const item of input.next) {
    projected += benchmarkCostMs(budget, item.paired, timingProcessMs);
    if (projected > input.msLeft) break;
    fitting++;
  }
  return fitting;
}

/** Why a benchmark was left out during the first round: it turned out slower than planned. */
export function slowerThanPlannedReason(budget: Budget, measuredMs: number): string {
  return (
    `budget.maxMinutes (${minutes(budget)}): the first timing round ran slower than planned ` +
    `(${duration(measuredMs)} per benchmark-process, planned ${duration(plannedTimingProcessMs(budget))}), ` +
    'so no further benchmark was started'
  );
}

/** Benchmarks per first-round process: about 30 s of planned work, so the plan is checked that often. */
export function firstRoundChunk(budget: Budget): number {
  return Math.max(1, Math.floor(30_000 / timingBenchmarkProcessMs(budget)));
}

function duration(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatSeconds(ms / 1000);
}

function minutes(budget: Budget): string {
  return `${budget.maxMinutes} min`;
}
