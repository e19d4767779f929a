// Where the profiling jobs (CPU and heap) write their profiles, and how their frames are mapped to
// source positions. A file's operations are not in it: they travel in the job's result message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Side } from '../../model.js';
import {
  type AllocationJob,
  type ChildBenchmark,
  type ProfileJob,
  SIDE_LABEL,
  type WrittenProfile,
} from '../protocol.js';
import { SIDES } from './slices.js';
import { SourceMapper } from './source-maps.js';

/**
 * Maps the job's frames to source positions (source-maps.ts), within the checkouts; a job without
 * them (tests that run the child alone) maps within each benchmark file's folder.
 */
export function sourceMapperFor(job: ProfileJob | AllocationJob): SourceMapper {
  const roots = Object.values(job.roots ?? {}).filter((r): r is string => !!r);
  if (roots.length === 0)
    for (const b of job.benchmarks) for (const side of SIDES) if (b[side]) roots.push(dirname(b[side].file));
  return new SourceMapper(roots);
}

/**
 * Writes one profile per side that ran operations, `<slug>/<prefix><side>-<process>.pb.gz`, from
 * `encode`, which gets the comments every profile carries (benchmark, side).
 */
export function writePerSide(
  b: ChildBenchmark,
  totals: Partial<Record<Side, { ops: number }>>,
  job: Pick<ProfileJob | AllocationJob, 'outDir' | 'process'>,
  prefix: string,
  encode: (side: Side, comments: string[]) => Uint8Array,
): Partial<Record<Side, WrittenProfile>> {
  const dir = join(job.outDir, b.slug);
  mkdirSync(dir, { recursive: true });
  const profiles: Partial<Record<Side, WrittenProfile>> = {};
  for (const side of SIDES) {
    const ops = totals[side]?.ops;
    if (!ops) continue;
    const comments = [`flamegate.benchmark=${b.key}`, `${SIDE_LABEL}=${side}`];
    const path = join(dir, `${prefix}${side}-${job.process}.pb.gz`);
    writeFileSync(path, encode(side, comments));
    profiles[side] = { path, ops };
  }
  return profiles;
}
