// The attribution pass: each benchmark under the CPU profiler, inlining off (so a callee's samples
// are not charged to its caller), both sides in one process, in `budget.profileProcesses` fresh
// processes. Returns where each side's profile of each process was written, with the profiled
// slices' own timing.
import { mkdirSync } from 'node:fs';
import type { BenchmarkMeasurement, ProcessTiming, Side } from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { childBenchmark, type MeasureContext } from '../context.js';
import type { Executor } from '../executor.js';
import { inLanes, sidesInProcessOrder, widthOf } from '../lanes.js';

export interface AttributionInput {
  measurements: BenchmarkMeasurement[];
  /** Where `<slug>/<side>-<process>.pb.gz` files are written. */
  profileDir: string;
  /**
   * Time each side runs under the profiler per benchmark per process, ms: `budget.profileMs`, or
   * less when the deadline cut the trailing passes (`trailingPlan`).
   */
  sideMs: number;
  /**
   * Benchmarks profiled in more processes than `budget.profileProcesses`: those the timing pass
   * suspected of a change (they went to confirmation). Which function explains a change is the
   * question a reader has there, and a small change needs more processes to answer it.
   */
  deeper?: { keys: Set<string>; processes: number };
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
  const processesOf = (key: string) =>
    input.deeper?.keys.has(key)
      ? Math.max(input.deeper.processes, budget.profileProcesses)
      : budget.profileProcesses;
  const processes = Math.max(0, ...children.map((c) => processesOf(c.key)));
  // Processes side by side (`budget.parallel`): each writes its own files and its own entries below.
  await inLanes(
    processes,
    widthOf(budget),
    (processIndex, lane) =>
      executor.run({
        lane,
        label: `profiling ${processIndex + 1}/${processes}`,
        benchmarks: children.filter((c) => processIndex < processesOf(c.key)),
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
      }),
    ctx.signal,
  );
  return inOrder(byKey);
}

/** Each benchmark's entries in process order (processes side by side finish in any order). */
function inOrder(byKey: Map<string, BenchmarkAttribution>): Map<string, BenchmarkAttribution> {
  for (const into of byKey.values()) {
    const { entries, files } = sidesInProcessOrder(into.attributionTimings, into.profiles);
    into.attributionTimings = entries;
    into.profiles = files;
  }
  return byKey;
}
