// One executor for every pass that runs benchmarks (timing, confirmation, attribution, allocation):
// it launches a job over the benchmarks, hands each result to the pass, and when the process hangs
// or dies charges the failure (blame.ts) and launches a fresh process for the benchmarks left.
import { blameUnfinished, infrastructureMessage, type LastProgress } from './blame.js';
import { crashMessage } from './child-process.js';
import type { Failures, MeasureContext } from './context.js';
import type { LaunchOutcome } from './launcher.js';
import type { ChildBenchmark, ChildMessage, Job } from './protocol.js';
import { measuringFlags } from './repo-flags.js';

/** A message carrying one benchmark's result. */
export type ResultMessage = Extract<ChildMessage, { type: 'timing' | 'profiled' | 'allocated' }>;

export interface JobRun {
  /** Names the processes (their job files): the pass and its round. */
  label: string;
  benchmarks: ChildBenchmark[];
  /** The job for the benchmarks still pending (all of them at first, the rest after a respawn). */
  job: (benchmarks: ChildBenchmark[]) => Job;
  /** flamegate's own Node flags, after the repository's. */
  nodeArgs?: string[];
  /** A benchmark's result. */
  onResult: (message: ResultMessage, key: string) => void;
  /** A message about no benchmark (the timing loop's `floor`). */
  onOther?: (message: ChildMessage) => void;
  /** A child started work on a benchmark (its `progress` message). */
  onStarted?: (key: string) => void;
  /** The lane the process runs in, when processes run side by side (`inLanes`); default 0. */
  lane?: number;
}

export class Executor {
  constructor(
    private ctx: MeasureContext,
    /** Where the executor charges failures; the passes read it to skip a failed benchmark. */
    readonly failures: Failures,
  ) {}

  /**
   * Runs a job over the given benchmarks; when the child hangs or dies, the benchmark it was running
   * is marked failed and a fresh child takes the rest. A benchmark that already failed is not run.
   */
  async run(run: JobRun): Promise<void> {
    const { ctx, failures } = this;
    const keys = new Set(run.benchmarks.map((b) => b.key));
    let pending = run.benchmarks.filter((b) => !failures.has(b.key));
    let attempt = 0;
    while (pending.length > 0 && !ctx.signal?.aborted) {
      const reported = new Set<string>();
      let last: LastProgress | undefined;
      const outcome = await ctx.launcher.launch({
        job: run.job(pending),
        name: `${run.label.replace(/\W+/g, '-')}-${attempt++}`,
        // One process runs both sides; its working directory is head's, as for a `run:` step in the pull
        // request's checkout. Failures are charged by what the child reports, never by this directory.
        cwd: ctx.sides.head.dir,
        // The repository's own flags (its vitest execArgv) first; flamegate's, which it relies on, last.
        nodeArgs: [...measuringFlags(ctx.sides), ...(run.nodeArgs ?? [])],
        onMessage: (message) => {
          if (message.type === 'progress') {
            last = { key: message.key, side: message.side };
            ctx.work(message.key, run.lane ?? 0);
            run.onStarted?.(message.key);
          }
          if (!('key' in message)) {
            run.onOther?.(message);
            return;
          }
          if (!keys.has(message.key)) return;
          if (message.type === 'error') {
            if (message.side) failures.side(message.key, message.side, message.error);
            else
              failures.infrastructure(
                message.key,
                infrastructureMessage(message.error, 'while running this benchmark'),
              );
            reported.add(message.key);
          } else if (
            message.type === 'timing' ||
            message.type === 'profiled' ||
            message.type === 'allocated'
          ) {
            run.onResult(message, message.key);
            reported.add(message.key);
          }
        },
      });
      ctx.work(undefined, run.lane ?? 0);
      if (outcome.end === 'done' || outcome.end === 'aborted') return;
      const why = describeEnd(outcome, ctx.budget.timeoutMs);
      const blame = blameUnfinished(last, reported);
      if (blame.kind === 'infrastructure') {
        // Nothing to blame: the runner itself failed, so every benchmark left fails with its reason,
        // charged to neither side.
        for (const b of pending)
          if (!reported.has(b.key)) failures.infrastructure(b.key, infrastructureMessage(why));
        return;
      }
      if (keys.has(blame.key)) failures.side(blame.key, blame.side, why);
      reported.add(blame.key);
      pending = pending.filter((b) => !reported.has(b.key) && !failures.has(b.key));
    }
  }
}

/** Why a process ended before its job was done, in the words a failed benchmark reports. */
export function describeEnd(outcome: LaunchOutcome, timeoutMs: number): string {
  if (outcome.violation) return outcome.violation;
  if (outcome.end === 'timeout')
    return `timed out: no progress for ${(timeoutMs / 1000).toFixed(1)} s (budget.timeoutMs)`;
  return crashMessage(outcome.output, outcome.exitCode, outcome.signal ?? null);
}
