// The allocation pass: apart from the timing and attribution passes, so neither pays for the heap
// profiler. Inlining is off as in the attribution pass, so an allocation is charged to the function
// that makes it and not to the caller it was inlined into; both sides run alike, so bytes/op compare.
import { mkdirSync } from 'node:fs';
import type { BenchmarkMeasurement, ProcessAllocation, Side } from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { childBenchmark, type MeasureContext } from '../context.js';
import type { Executor } from '../executor.js';
import { inLanes, sidesInProcessOrder, widthOf } from '../lanes.js';
import { ALLOCATION_MIN_WARMUP_MS } from '../trailing.js';

export interface AllocationInput {
  measurements: BenchmarkMeasurement[];
  /** Where `<slug>/alloc-<side>-<process>.pb.gz` files are written. */
  profileDir: string;
  /**
   * Time each side runs per benchmark per process, ms: `budget.allocationMs`, or less when the
   * deadline cut the trailing passes (`trailingPlan`).
   */
  sideMs: number;
}

/** One benchmark's heap profiles and bytes/op, process by process (both sides or neither). */
export interface BenchmarkAllocations {
  allocationProfiles: Partial<Record<Side, { path: string; ops: number }[]>>;
  allocations: ProcessAllocation[];
}

export interface AllocationResult {
  byKey: Map<string, BenchmarkAllocations>;
  /** Wall time of the pass, ms. */
  passMs: number;
}

/** Undefined when the pass did not run (`budget.allocationProcesses` 0, or nothing to measure). */
export async function allocationPass(
  ctx: MeasureContext,
  executor: Executor,
  input: AllocationInput,
): Promise<AllocationResult | undefined> {
  const { budget } = ctx;
  const processes = budget.allocationProcesses;
  if (processes === 0 || input.measurements.length === 0) return undefined;
  const started = Date.now();
  const outDir = input.profileDir;
  mkdirSync(outDir, { recursive: true });
  const byKey = new Map<string, BenchmarkAllocations>();
  const children = input.measurements.map((m) => childBenchmark(m, ctx.sides));
  const keys = new Set(input.measurements.map((m) => benchmarkKey(m.id)));
  // Processes side by side (`budget.parallel`): each writes its own files and its own entries below.
  await inLanes(
    processes,
    widthOf(budget),
    (processIndex, lane) =>
      executor.run({
        lane,
        label: `allocations ${processIndex + 1}/${processes}`,
        benchmarks: children,
        nodeArgs: ctx.launcher.noInliningFlags(),
        job: (benchmarks) => ({
          kind: 'allocation',
          benchmarks,
          firstSide: processIndex % 2 === 0 ? 'base' : 'head',
          // Longer slices than the timing pass: the collector's books are read around every slice.
          sliceMs: Math.max(budget.sliceMs, 25),
          // Each side's functions tier up on their own; a side still tiering up allocates differently
          // (boxed numbers, no escape analysis), so this pass warms up longer than the timing pass.
          warmupMs: Math.max(budget.warmupMs, ALLOCATION_MIN_WARMUP_MS),
          timeMs: input.sideMs,
          samplingIntervalBytes: budget.allocationIntervalBytes,
          outDir,
          process: processIndex,
          roots: { base: ctx.sides.base.dir, head: ctx.sides.head.dir },
        }),
        onResult: (message, key) => {
          if (message.type !== 'allocated' || !keys.has(key)) return;
          const { base, head } = message.profiles;
          if (!base || !head || !message.base || !message.head) return;
          let into = byKey.get(key);
          if (!into) {
            into = { allocationProfiles: { base: [], head: [] }, allocations: [] };
            byKey.set(key, into);
          }
          into.allocationProfiles.base?.push(base);
          into.allocationProfiles.head?.push(head);
          into.allocations.push({
            process: processIndex,
            base: message.base,
            head: message.head,
            pairLogRatios: message.pairLogRatios,
          });
        },
      }),
    ctx.signal,
  );
  return { byKey: inOrder(byKey), passMs: Date.now() - started };
}

/** Each benchmark's entries in process order (processes side by side finish in any order). */
function inOrder(byKey: Map<string, BenchmarkAllocations>): Map<string, BenchmarkAllocations> {
  for (const into of byKey.values()) {
    const { entries, files } = sidesInProcessOrder(into.allocations, into.allocationProfiles);
    into.allocations = entries;
    into.allocationProfiles = files;
  }
  return byKey;
}
