// The only module that imports the CPU profiler (@datadog/pprof), loaded on demand: the discovery,
// timing and allocation jobs never pay for it.
import type { SourceMapper as PprofSourceMapper } from '@datadog/pprof';
import type { SourceMapper } from './source-maps.js';

export type TimeProfiler = typeof import('@datadog/pprof').time;
/** A profile as the profiler hands it over (pprof-format's `Profile`), before it is encoded. */
export type CpuProfile = ReturnType<TimeProfiler['stop']>;

/** The time profiler. */
export async function loadProfiler(): Promise<TimeProfiler> {
  const { time } = await import('@datadog/pprof');
  return time;
}

/** Our source mapper, as the profiler's type (its own file-scanning class) names it. */
export function asPprofSourceMapper(mapper: SourceMapper): PprofSourceMapper {
  return mapper as unknown as PprofSourceMapper;
}
