// The attribution pass: each benchmark under the CPU profiler, inlining off (so a callee's samples
// are not charged to its caller), both sides in one process, in `budget.profileProcesses` fresh
// processes. Returns where each side's profile of each process was written, with the profiled
// slices' own timing.
import { mkdirSync } from 'node:fs';
import type { BenchmarkMeasurement, ProcessTiming, Side } from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { childBenchmark, type MeasureContext } from '../context.js';
import type { Executor } from '../executor.js';

export interface AttributionInput {
  measurements: BenchmarkMeasurement[];
  /** Where `<slug>/<side>-<process>.pb.gz` files are written. */
  profileDir: string;
  /**
   * Time each side runs under the profiler per benchmark per process, ms: `budget.profileMs`, or
   * less when the deadline cut the trailing passes (`trailingPlan`).
   */
  sideMs: number;
}

/** One benchmark's profiles and their timing, process by process (both sides or neither). */
export interface BenchmarkAttribution {
  profiles: Partial<Record<Side, { path: string; ops: number }[]>>;
  attributionTimings: ProcessTiming[];
}

export async function attributionPass(
  ctx: MeasureContext,
  executor: Executor,
  input: AttributionInput,
): Promise<Map<string, BenchmarkAttribution>> {
  const { budget } = ctx;
  const outDir = input.profileDir;
  mkdirSync(outDir, { recursive: true });
  const byKey = new Map<string, BenchmarkAttribution>();
  const children = input.measurements.map((m) => childBenchmark(m, ctx.sides));
  const keys = new Set(input.measurements.map((m) => benchmarkKey(m.id)));
  for (let processIndex = 0; processIndex < budget.profileProcesses; processIndex++) {
    await executor.run({
      label: `profiling ${processIndex + 1}/${budget.profileProcesses}`,
      benchmarks: children,
      nodeArgs: ctx.launcher.noInliningFlags(),
      job: (benchmarks) => ({
        kind: 'profile',
        benchmarks,
        sliceMs: Math.max(budget.sliceMs, 20),
        warmupMs: budget.warmupMs,
        timeMs: input.sideMs,
        intervalUs: budget.profileIntervalUs,
        outDir,
        process: processIndex,
        roots: { base: ctx.sides.base.dir, head: ctx.sides.head.dir },
      }),
      onResult: (message, key) => {
        if (message.type !== 'profiled' || !keys.has(key)) return;
        // Kept only when both sides were written, so profiles and timings stay aligned by process.
        const { base, head } = message.profiles;
        if (!base || !head || !message.base || !message.head) return;
        let into = byKey.get(key);
        if (!into) {
          into = { profiles: { base: [], head: [] }, attributionTimings: [] };
          byKey.set(key, into);
        }
        into.profiles.base?.push(base);
        into.profiles.head?.push(head);
        into.attributionTimings.push({
          process: processIndex,
          base: message.base,
          head: message.head,
          pairLogRatios: message.pairLogRatios,
        });
      },
    });
  }
  return byKey;
}
