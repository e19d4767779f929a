// What every pass of the measure stage shares: the two checkouts, the budget, the launcher, the
// deadline and where to tell progress; and the ledger of failures, the one record the passes write
// together (a benchmark failed in one pass is not run by the next).
import { join } from 'node:path';
import type { BenchmarkMeasurement, Budget, Side } from '../model.js';
import { benchmarkKey } from '../model.js';
import { hasFailed } from './blame.js';
import type { Launcher } from './launcher.js';
import type { ChildBenchmark } from './protocol.js';

export interface SideFiles {
  /** Directory the relative benchmark paths resolve against (the working directory in the worktree). */
  dir: string;
  /** Benchmark files relative to `dir`. */
  files: string[];
}

export interface MeasureContext {
  sides: Record<Side, SideFiles>;
  /** The parsed budget, as configured: a pass cut to the deadline is given its own times. */
  budget: Budget;
  launcher: Launcher;
  /** Epoch ms by which the run should end (`budget.maxMinutes` from the run's start). */
  deadline?: number;
  signal?: AbortSignal;
  /** One line of progress for the log. */
  progress: (line: string) => void;
  /**
   * Told which benchmark a child starts working on, and `undefined` when a child ends (cost
   * accounting), with the lane the child runs in: children side by side are accounted apart.
   */
  work: (key: string | undefined, lane: number) => void;
}

/** A benchmark's failures so far: a side's code that threw, hung or crashed, or the infrastructure's. */
export interface Failure {
  errors: Partial<Record<Side, string>>;
  infrastructureError?: string;
}

/**
 * The failures of every benchmark, from discovery on. Written by discovery's records and by the
 * executor (what a child reported, or whom its crash is charged to); read by every pass to skip a
 * benchmark that already failed, and by `measureRun` when it assembles the measurements.
 */
export class Failures {
  private byKey = new Map<string, Failure>();

  /** Starts from what discovery found (a file that failed to load). */
  constructor(discovered: BenchmarkMeasurement[]) {
    for (const m of discovered) {
      const failure: Failure = { errors: { ...m.errors } };
      if (m.infrastructureError !== undefined) failure.infrastructureError = m.infrastructureError;
      this.byKey.set(benchmarkKey(m.id), failure);
    }
  }

  private entry(key: string): Failure {
    let failure = this.byKey.get(key);
    if (!failure) {
      failure = { errors: {} };
      this.byKey.set(key, failure);
    }
    return failure;
  }

  /** A side's code failed (the last message for a side wins, as the child reports it). */
  side(key: string, side: Side, message: string): void {
    this.entry(key).errors[side] = message;
  }

  /** flamegate or the machine failed while this benchmark was pending. */
  infrastructure(key: string, message: string): void {
    this.entry(key).infrastructureError = message;
  }

  /** Failed on a side or by an infrastructure error: not run again (`hasFailed`, blame.ts). */
  has(key: string): boolean {
    const failure = this.byKey.get(key);
    return !!failure && hasFailed(failure);
  }

  /** Failed on a side (an infrastructure error alone does not count). */
  hasSideError(key: string): boolean {
    return Object.keys(this.byKey.get(key)?.errors ?? {}).length > 0;
  }

  of(key: string): Failure {
    const failure = this.byKey.get(key);
    return {
      errors: { ...failure?.errors },
      ...(failure?.infrastructureError !== undefined
        ? { infrastructureError: failure.infrastructureError }
        : {}),
    };
  }
}

/** A benchmark as the child sees it: the task on each side that has it, by absolute path. */
export function childBenchmark(m: BenchmarkMeasurement, sides: Record<Side, SideFiles>): ChildBenchmark {
  const key = benchmarkKey(m.id);
  const spec = (side: Side) =>
    m.present[side] ? { file: join(sides[side].dir, m.id.file), task: m.id.name } : undefined;
  return { key, slug: m.slug, base: spec('base'), head: spec('head') };
}

/** Both sides have it: timed on both, profiled and allocation-measured. */
export function isPaired(m: BenchmarkMeasurement): boolean {
  return m.present.base && m.present.head;
}
