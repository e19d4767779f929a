// The timing pass's decisions, apart from running anything: which benchmarks the next round runs
// (sequential sampling, src/stats/sequential.ts), whether that round still fits before the deadline,
// and the stage clock that turns rounds done into the status line's estimate. Pure: no process, no
// wall clock of its own (the clock is given `now`).
import type { BenchmarkSampling, Budget, MeasureStatus, StopReason } from '../model.js';
import { median } from '../stats/estimate.js';
import { type SequentialPlan, samplingDecision } from '../stats/sequential.js';
import { widthOf } from './lanes.js';
import { plannedTimingProcessMs } from './plan.js';
import { afterMeasureMs, trailingCostMs, trailingPlan } from './trailing.js';

/** One benchmark as the scheduler sees it. */
export interface Scheduled {
  key: string;
  /** On both sides: its interval decides when it stops; a one-sided benchmark stops at the minimum. */
  paired: boolean;
}

/** What the timing pass knows of a benchmark when it looks: its data so far, and whether it failed. */
export interface SamplingView {
  failed: (key: string) => boolean;
  /** ln(head/base) of each timing process so far. */
  ratios: (key: string) => number[];
  threshold: (key: string) => number;
}

export interface Round {
  /** Keys the round runs, in the order scheduled. */
  pending: string[];
  /** Processes each pending key is owed before its next look (at least 1). */
  need: Map<string, number>;
  /** Benchmark-processes still planned (a bound: the current targets, not the maximum). */
  remaining: number;
  /** Benchmarks whose interval resolved. */
  resolved: number;
}

interface State {
  processes: number;
  /** Processes to reach before the next look. */
  target: number;
  wallMs: number;
  stoppedBy?: StopReason;
}

/**
 * Sequential sampling across rounds: every benchmark runs in `plan.minProcesses` processes; at each
 * planned look a benchmark whose interval resolved against its threshold stops, and the others are
 * given processes up to the next look, until `plan.maxProcesses`.
 */
export class RoundScheduler {
  private state = new Map<string, State>();
  private paired = new Map<string, boolean>();

  constructor(
    benchmarks: Scheduled[],
    private plan: SequentialPlan,
  ) {
    for (const b of benchmarks) {
      this.state.set(b.key, { processes: 0, target: plan.minProcesses, wallMs: 0 });
      this.paired.set(b.key, b.paired);
    }
  }

  /** Looks at every benchmark that reached its target, and says what the next round runs. */
  next(view: SamplingView): Round {
    for (const [key, s] of this.state) {
      if (s.stoppedBy || view.failed(key) || s.processes < s.target) continue;
      if (!this.paired.get(key)) {
        s.stoppedBy = 'resolved';
        continue;
      }
      const decision = samplingDecision(view.ratios(key), s.processes, view.threshold(key), this.plan);
      if (decision.stop) s.stoppedBy = decision.stop;
      else if (decision.next !== undefined) s.target = decision.next;
    }
    const live = [...this.state].filter(([key, s]) => !s.stoppedBy && !view.failed(key));
    return {
      pending: live.filter(([, s]) => s.processes < s.target).map(([key]) => key),
      need: new Map(
        live.filter(([, s]) => s.processes < s.target).map(([key, s]) => [key, s.target - s.processes]),
      ),
      remaining: live.reduce((sum, [, s]) => sum + s.target - s.processes, 0),
      resolved: [...this.state.values()].filter((s) => s.stoppedBy === 'resolved').length,
    };
  }

  /** Stops the given benchmarks for good (the deadline). */
  stop(keys: string[], reason: StopReason): void {
    for (const key of keys) {
      const s = this.state.get(key);
      if (s) s.stoppedBy = reason;
    }
  }

  /**
   * A round ran these benchmarks in `roundMs`: a process each, the time shared evenly (a round of a
   * wave side by side is given its share of the wave's wall time).
   */
  ran(keys: string[], roundMs: number): void {
    for (const key of keys) {
      const s = this.state.get(key);
      if (!s) continue;
      s.processes++;
      s.wallMs += roundMs / keys.length;
    }
  }

  /** How sampling went for a benchmark that ran at least once (a deadline ends one still sampling). */
  sampling(key: string): BenchmarkSampling | undefined {
    const s = this.state.get(key);
    if (!s || s.processes === 0) return undefined;
    return { processes: s.processes, stoppedBy: s.stoppedBy ?? 'maxMinutes', wallMs: Math.round(s.wallMs) };
  }
}

/**
 * The deadline projection: a further round, then the attribution pass and reporting (`trailingMs`),
 * ends by the deadline. Without one every round fits.
 */
export function roundFits(input: {
  now: number;
  deadline: number | undefined;
  pending: number;
  perBenchmarkProcessMs: number;
  trailingMs: number;
}): boolean {
  if (input.deadline === undefined) return true;
  return input.now + input.pending * input.perBenchmarkProcessMs + input.trailingMs <= input.deadline;
}

export interface ClockInput {
  budget: Budget;
  deadline?: number;
  /** Paired benchmarks still to be profiled (those the deadline left out are not). */
  paired: () => number;
  now: () => number;
  emit: (status: MeasureStatus) => void;
}

/** Progress bookkeeping: benchmark-processes done, their mean cost, and the estimate of what is left. */
export class StageClock {
  done = 0;
  private costs: number[] = [];
  /** Benchmarks a running round has started (the child's progress messages), so status moves within it. */
  private startedInRound = new Set<string>();
  private roundStatus?: () => void;
  private trailingFrom?: { at: number; ms: number };

  constructor(private input: ClockInput) {}

  /**
   * Median wall time of one benchmark in one timing process, ms, with processes side by side counted
   * as the wall time they share (a first guess before any round: the budget's, over `budget.parallel`).
   */
  get perBenchmarkProcessMs(): number {
    const { budget } = this.input;
    return this.costs.length > 0 ? median(this.costs) : plannedTimingProcessMs(budget);
  }

  record(roundMs: number, benchmarks: number): void {
    this.done += benchmarks;
    this.startedInRound.clear();
    this.roundStatus = undefined;
    if (benchmarks > 0) this.costs.push(roundMs / benchmarks);
  }

  /** A child started a benchmark: the status of the running round is told again, one benchmark on. */
  started(key: string | undefined): void {
    if (key === undefined || this.startedInRound.has(key)) return;
    this.startedInRound.add(key);
    this.roundStatus?.();
  }

  /**
   * The attribution and allocation passes, estimated from the budget, and the work after measuring:
   * they run after timing whatever happens.
   */
  get attributionMs(): number {
    const paired = this.input.paired();
    return trailingCostMs(this.input.budget, paired) + afterMeasureMs(paired);
  }

  /**
   * The trailing passes and reporting as the time left will shape them (`trailingPlan` cuts the passes
   * to the deadline), for the time left shown; `attributionMs` stays the uncut cost sampling plans on.
   */
  private trailingEtaMs(timingMs: number): number {
    const { deadline, budget } = this.input;
    const paired = this.input.paired();
    if (deadline === undefined) return this.attributionMs;
    const msLeft = deadline - this.input.now() - timingMs - afterMeasureMs(paired);
    return trailingPlan(budget, paired, msLeft).estimatedMs + afterMeasureMs(paired);
  }

  status(phase: MeasureStatus['phase'], round: number, remaining: number, sampling: number, resolved = 0) {
    if (phase === 'timing' || phase === 'confirming') {
      // Within the round, each benchmark started means the one before it is done.
      this.roundStatus = () => {
        const inRound = Math.max(0, this.startedInRound.size - 1);
        this.emit(phase, round, this.done + inRound, remaining - inRound, sampling, resolved);
      };
      this.roundStatus();
      return;
    }
    this.emit(phase, round, this.done, 0, sampling, resolved);
  }

  private emit(
    phase: MeasureStatus['phase'],
    round: number,
    done: number,
    remaining: number,
    sampling: number,
    resolved: number,
  ): void {
    const timingMs = remaining * this.perBenchmarkProcessMs;
    let left = timingMs + this.trailingEtaMs(timingMs);
    if (phase === 'profiling') this.trailingFrom = { at: this.input.now(), ms: left };
    if (phase === 'allocating' && this.trailingFrom)
      // What the attribution pass used of the estimate is gone; reporting is still ahead.
      left = Math.max(afterMeasureMs(0), this.trailingFrom.ms - (this.input.now() - this.trailingFrom.at));
    this.input.emit({
      phase,
      round,
      done,
      total: done + remaining,
      sampling,
      resolved,
      secondsLeft: left / 1000,
      ...(widthOf(this.input.budget) > 1 ? { parallel: widthOf(this.input.budget) } : {}),
    });
  }
}
