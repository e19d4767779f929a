// The timing job (the timing pass and confirmation): each benchmark's sides alternate in slices,
// with no profiler; the totals and the pair ratios go back as its `timing` result.
import type { Side } from '../../../model.js';
import type { TimingJob } from '../../protocol.js';
import { batchFloor } from '../batch.js';
import { configureHarness } from '../harness/load.js';
import { sendToParent } from '../pristine.js';
import { alternate, loadSides, withSliceErrors } from '../slices.js';

export async function runTiming(job: TimingJob): Promise<void> {
  const perCall = job.perCall === true;
  configureHarness({ perCall });
  if (!perCall) await sendToParent({ type: 'floor', nsPerOp: batchFloor() });
  // The side loaded first can run differently all process long (older objects, shared built-ins'
  // inline caches); loading in the process's ABBA order turns that into spread between processes,
  // which the interval sees, instead of a bias every process shares.
  const loadOrder: Side[] = job.firstSide === 'base' ? ['base', 'head'] : ['head', 'base'];
  for (const b of job.benchmarks) {
    const sides = await loadSides(b, undefined, loadOrder);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const { totals, pairLogRatios } = await alternate(b.key, sides, {
        ...common,
        timeMs: job.timeMs,
        phase: 'measure',
      });
      await sendToParent({ type: 'timing', key: b.key, base: totals.base, head: totals.head, pairLogRatios });
    });
  }
}
