// The profile stage for the allocation pass's heap profiles: per benchmark and side, one function
// table per process (`selfNsPerOp` holds bytes per op) for the allocation statistics, the merged
// stacks for the allocation flame graph, and one merged pprof file (`alloc_space`, bytes) for users.
// Each file is decoded once.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BenchmarkMeasurement, Side, SideProfile } from '../model.js';
import { benchmarkKey } from '../model.js';
import { classifyProfile, relativeToRoots } from './classify.js';
import { functionTable } from './functions.js';
import { readPprof } from './pprof.js';
import type { BenchmarkProfiles, ProfileStageInput } from './profile.js';
import { mergeStacks } from './profile.js';
import { encodePprof } from './write-pprof.js';

export const ALLOC_SPACE = { type: 'alloc_space', unit: 'bytes' };

export function allocationProfileStage(input: ProfileStageInput): BenchmarkProfiles {
  const result: BenchmarkProfiles = {};
  for (const m of input.measurements) {
    for (const side of ['base', 'head'] as Side[]) {
      const written = m.allocationProfiles?.[side];
      if (!written?.length) continue;
      const raw = written.map((w) => readPprof(readFileSync(w.path), { valueType: ALLOC_SPACE.type }));
      const classified = raw.map((p) => classifyProfile(p, { roots: input.roots }));
      const forUsers = mergeStacks(
        raw.map((p) => ({
          ...p,
          frames: p.frames.map((f) => ({ ...f, file: relativeToRoots(f.file, input.roots) })),
        })),
      );
      const path = join(dirname(written[0]?.path ?? input.outDir), `alloc-${side}.pb.gz`);
      writeFileSync(
        path,
        encodePprof(
          forUsers,
          [`flamegate.benchmark=${benchmarkKey(m.id)}`, `flamegate.side=${side}`],
          ALLOC_SPACE,
        ),
      );
      for (const w of written) rmSync(w.path, { force: true });
      (result[benchmarkKey(m.id)] ??= {})[side] = {
        stacks: mergeStacks(classified),
        processes: classified.map(functionTable),
        path: relative(input.outDir, path),
      } satisfies SideProfile;
    }
  }
  return result;
}

/** Measurements whose allocation pass wrote heap profiles. */
export function hasAllocations(measurements: BenchmarkMeasurement[]): boolean {
  return measurements.some((m) => (m.allocations?.length ?? 0) > 0);
}
