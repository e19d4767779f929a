// The profile job (the attribution pass): each benchmark's sides alternate under the CPU profiler,
// every sample labelled with its benchmark, side and phase; one profile per side is written, of the
// measured samples only, and its `profiled` result carries the files, their ops and the slices' timing.
import { gzipSync } from 'node:zlib';
import type { Side, SideTiming } from '../../../model.js';
import { type ChildBenchmark, type ProfileJob, SIDE_LABEL, type WrittenProfile } from '../../protocol.js';
import { sendToParent } from '../pristine.js';
import { sourceMapperFor, writePerSide } from '../profile-files.js';
import { asPprofSourceMapper, type CpuProfile, loadProfiler } from '../profiler.js';
import { alternate, loadSides, withSliceErrors } from '../slices.js';

/** What every sample of the profiling process is labelled with (the profiler's sampling context). */
interface SliceContext {
  benchmark?: string;
  side?: Side;
  phase?: 'load' | 'warmup' | 'measure';
}

export async function runProfile(job: ProfileJob): Promise<void> {
  const time = await loadProfiler();
  // Started before the first benchmark module is imported and kept running until every benchmark of
  // this process is profiled: V8's profiler does not see code compiled while it was off, and charges
  // that code's samples to the caller (docs/measurement.md). Phases are told apart by the sampling
  // context instead, and only `measure` samples are kept.
  time.start({
    intervalMicros: job.intervalUs,
    withContexts: true,
    lineNumbers: false,
    // Called for every location while a profile is written: frames of transformed code get their
    // source positions (source-maps.ts).
    sourceMapper: asPprofSourceMapper(sourceMapperFor(job)),
  });
  const labelled = async <T>(context: SliceContext, run: () => Promise<T>): Promise<T> => {
    time.setContext(context);
    try {
      return await run();
    } finally {
      time.setContext({});
    }
  };
  for (const b of job.benchmarks) {
    const sides = await loadSides(b, (side, load) =>
      labelled({ benchmark: b.key, side, phase: 'load' }, load),
    );
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: 'base' as Side };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' }, (side, run) =>
          labelled({ benchmark: b.key, side, phase: 'warmup' }, run),
        );
      const { totals, pairLogRatios } = await alternate(
        b.key,
        sides,
        { ...common, timeMs: job.timeMs, phase: 'measure' },
        (side, run) => labelled({ benchmark: b.key, side, phase: 'measure' }, run),
      );
      // `restart` hands the running profiler a fresh profile without stopping it, so the next
      // benchmark's code is compiled while the profiler is on.
      const profile = time.stop(true, ({ context }): Record<string, string> => {
        const slice = context?.context as SliceContext | undefined;
        return slice?.phase === 'measure' && slice.benchmark === b.key && slice.side
          ? { [SIDE_LABEL]: slice.side }
          : {};
      });
      const profiles = writeSideProfiles(profile, b, totals, job);
      await sendToParent({
        type: 'profiled',
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios,
      });
    });
  }
  time.stop(false);
}

/** Splits one benchmark's profile by its side label into `<slug>/<side>-<process>.pb.gz`. */
function writeSideProfiles(
  profile: CpuProfile,
  b: ChildBenchmark,
  totals: Partial<Record<Side, SideTiming>>,
  job: ProfileJob,
): Partial<Record<Side, WrittenProfile>> {
  const labelKey = profile.stringTable.dedup(SIDE_LABEL);
  const all = profile.sample;
  const profiles = writePerSide(b, totals, job, '', (side, comments) => {
    const sideValue = profile.stringTable.dedup(side);
    profile.sample = all.filter((s) => s.label.some((l) => l.key === labelKey && l.str === sideValue));
    profile.comment = comments.map((c) => profile.stringTable.dedup(c));
    return gzipSync(profile.encode());
  });
  profile.sample = all;
  return profiles;
}
