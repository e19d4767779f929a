// The allocation job. Both sides alternate in slices, as in the timing job, each slice booked by the
// garbage collector (`AllocationBooks`). Per function, V8's sampling heap profiler (through the
// inspector, counting collected objects too) runs without a break from before the first benchmark
// module loads to the end: stopping and restarting it costs tens of ms and slows the code that runs
// next several-fold, so it is read once per benchmark and its samples split by side (`splitBySide`).
import type { Session } from 'node:inspector/promises';
import { dirname } from 'node:path';
import type { AllocationJob } from '../../protocol.js';
import { AllocationBooks, flamegateAllocationMark, splitBySide } from '../heap-accounting.js';
import type { SamplingHeapProfile } from '../heap-profile.js';
import { sendToParent } from '../pristine.js';
import { sourceMapperFor, writePerSide } from '../profile-files.js';
import { alternate, loadSides, withSliceErrors } from '../slices.js';

export async function runAllocation(job: AllocationJob): Promise<void> {
  const { Session: InspectorSession } = await import('node:inspector/promises');
  const session: Session = new InspectorSession();
  session.connect();
  await session.post('HeapProfiler.enable');
  const sampling = {
    samplingInterval: job.samplingIntervalBytes,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  };
  await session.post('HeapProfiler.startSampling', sampling);
  const read = async (): Promise<SamplingHeapProfile> => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    await session.post('HeapProfiler.startSampling', sampling);
    return profile as unknown as SamplingHeapProfile;
  };
  const sourceMapper = sourceMapperFor(job);

  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const books = new AllocationBooks();
      flamegateAllocationMark(job.samplingIntervalBytes);
      await alternate(b.key, sides, { ...common, timeMs: job.timeMs, phase: 'measure' }, (side, run) =>
        books.slice(side, run),
      );
      flamegateAllocationMark(job.samplingIntervalBytes);
      const stacks = splitBySide(
        await read(),
        {
          base: b.base ? dirname(b.base.file) : undefined,
          head: b.head ? dirname(b.head.file) : undefined,
          roots: job.roots,
        },
        sourceMapper,
      );
      const { totals } = books;
      const profiles = writePerSide(b, totals, job, 'alloc-', (side, comments) =>
        stacks[side].encode(comments, job.samplingIntervalBytes),
      );
      await sendToParent({
        type: 'allocated',
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios: books.pairLogRatios(),
      });
    });
  }
  await session.post('HeapProfiler.stopSampling');
  session.disconnect();
}
