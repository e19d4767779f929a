// The overhead job (the self-benchmark's figure of the profiler's cost): blocks with and without the
// profiler alternate (starting and stopping it between blocks, outside measured time), so each pair
// of blocks sees the same machine speed; each benchmark's `overhead` result holds the pair ratios.
import type { Side } from '../../../model.js';
import type { OverheadJob } from '../../protocol.js';
import { log, sendToParent } from '../pristine.js';
import { loadProfiler } from '../profiler.js';
import { alternate, loadSides, nsPerOp, withSliceErrors } from '../slices.js';

const BLOCK_MS = 150;
const SETTLE_MS = 100;

export async function runOverhead(job: OverheadJob): Promise<void> {
  const time = await loadProfiler();
  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: 'base' as Side, timeMs: BLOCK_MS };
      await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const pairLogRatios: number[] = [];
      for (let pair = 0; pair * 2 * BLOCK_MS < job.timeMs; pair++) {
        const measured: Record<string, number> = {};
        for (const profiled of pair % 2 === 0 ? [true, false] : [false, true]) {
          if (profiled)
            time.start({ intervalMicros: job.intervalUs, withContexts: true, lineNumbers: false });
          // Starting or stopping the profiler disturbs the code that runs next for a while (code
          // events are logged, the sampler thread spins up): the attribution pass never pays that
          // inside its measured phase, so neither does this figure.
          await alternate(b.key, sides, { ...common, timeMs: SETTLE_MS, phase: 'warmup' });
          const { totals } = await alternate(
            b.key,
            sides,
            { ...common, phase: 'measure' },
            profiled
              ? async (side, run) => {
                  time.setContext({ side });
                  return run();
                }
              : undefined,
          );
          if (profiled) time.stop(false);
          measured[String(profiled)] = nsPerOp(totals);
        }
        pairLogRatios.push(log((measured.true ?? 0) / (measured.false ?? 1)));
      }
      await sendToParent({ type: 'overhead', key: b.key, pairLogRatios });
    });
  }
}
