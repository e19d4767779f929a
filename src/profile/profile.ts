// The profile stage's one entry point: the attribution pass's per-process CPU profiles and the
// allocation pass's per-process heap profiles in; per benchmark and side, the merged profile (for
// flame graphs), one function table per process (for the function and allocation statistics) and one
// merged pprof file for users out. Each file is decoded once, into the one profile model
// (PackedProfile), which carries its sample type from there on: time in nanoseconds for the
// attribution pass, `alloc_space` in bytes for the allocation pass.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BenchmarkMeasurement, Side, SideProfile } from '../model.js';
import { benchmarkKey } from '../model.js';
import { classifyProfile, relativeToRoots } from './classify.js';
import { type FunctionTableOptions, functionTable } from './functions.js';
import { readFileBounded } from './limits.js';
import { mergeProfiles } from './packed.js';
import { decodePprof } from './pprof.js';
import { encodePprof } from './write-pprof.js';

export interface ProfileStageInput {
  measurements: BenchmarkMeasurement[];
  /** Worktree roots: their prefix is stripped from file names so base and head files compare. */
  roots: string[];
  /** Output directory; merged file paths are reported relative to it. */
  outDir: string;
}

export type BenchmarkProfiles = Record<string, Partial<Record<Side, SideProfile>>>;

export interface ProfileStageOutput {
  /** The attribution pass: time profiles (`wall`, in nanoseconds). */
  cpu: BenchmarkProfiles;
  /** The allocation pass: heap profiles (`alloc_space`, in bytes); empty when the pass was off. */
  allocations: BenchmarkProfiles;
}

const SIDES: Side[] = ['base', 'head'];

/** What tells the two kinds of profile apart; everything else is done alike. */
interface ProfileKind {
  written: (m: BenchmarkMeasurement, side: Side) => { path: string; ops: number }[] | undefined;
  /** The merged file's name for a side. */
  fileName: (side: Side) => string;
  /** pprof sample type to read (default: the time profiler's); the decoded profile carries it on. */
  valueType?: string;
  /** How each process's function table is made (heap profiles charge builtins to their callers). */
  tables: FunctionTableOptions;
}

const CPU: ProfileKind = {
  written: (m, side) => m.profiles[side],
  fileName: (side) => `${side}.pb.gz`,
  tables: {},
};
const HEAP: ProfileKind = {
  written: (m, side) => m.allocationProfiles?.[side],
  fileName: (side) => `alloc-${side}.pb.gz`,
  valueType: 'alloc_space',
  tables: { builtinsToCaller: true },
};

export function profileStage(input: ProfileStageInput): ProfileStageOutput {
  return { cpu: mergeAll(input, CPU), allocations: mergeAll(input, HEAP) };
}

function mergeAll(input: ProfileStageInput, kind: ProfileKind): BenchmarkProfiles {
  const result: BenchmarkProfiles = {};
  for (const m of input.measurements) {
    for (const side of SIDES) {
      const written = kind.written(m, side);
      if (!written?.length) continue;
      // A child's file does not carry its ops: they came over IPC with its path.
      const raw = written.map((w) => ({
        ...decodePprof(readFileBounded(w.path), kind.valueType ? { valueType: kind.valueType } : {}),
        ops: w.ops,
      }));
      const classified = raw.map((p) => classifyProfile(p, { roots: input.roots }));
      // The worktrees are gone once the run ends: the saved profile names files relative to the repo.
      const forUsers = mergeProfiles(
        raw.map((p) => ({
          ...p,
          frames: p.frames.map((f) => ({ ...f, file: relativeToRoots(f.file, input.roots) })),
        })),
      );
      const path = join(dirname(written[0]?.path ?? input.outDir), kind.fileName(side));
      writeFileSync(
        path,
        encodePprof(forUsers, [`flamegate.benchmark=${benchmarkKey(m.id)}`, `flamegate.side=${side}`]),
      );
      for (const w of written) rmSync(w.path, { force: true });
      (result[benchmarkKey(m.id)] ??= {})[side] = {
        stacks: mergeProfiles(classified),
        processes: classified.map((p) => functionTable(p, kind.tables)),
        path: relative(input.outDir, path),
      };
    }
  }
  return result;
}
