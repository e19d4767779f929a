// The profile stage's one entry point: the attribution pass's per-process pprof files in; per
// benchmark and side, the merged stacks (for flame graphs), one function table per process (for the
// function statistics) and one merged pprof file for users out. Each file is decoded once.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BenchmarkMeasurement, Side, SideProfile, StackProfile } from '../model.js';
import { benchmarkKey } from '../model.js';
import { classifyProfile, relativeToRoots } from './classify.js';
import { functionTable } from './functions.js';
import { readPprof } from './pprof.js';
import { encodePprof } from './write-pprof.js';

export interface ProfileStageInput {
  measurements: BenchmarkMeasurement[];
  /** Worktree roots: their prefix is stripped from file names so base and head files compare. */
  roots: string[];
  /** Output directory; merged file paths are reported relative to it. */
  outDir: string;
}

export type BenchmarkProfiles = Record<string, Partial<Record<Side, SideProfile>>>;

const SIDES: Side[] = ['base', 'head'];

export function profileStage(input: ProfileStageInput): BenchmarkProfiles {
  const result: BenchmarkProfiles = {};
  for (const m of input.measurements) {
    for (const side of SIDES) {
      const written = m.profiles[side];
      if (!written?.length) continue;
      const raw = written.map((w) => readPprof(readFileSync(w.path)));
      const classified = raw.map((p) => classifyProfile(p, { roots: input.roots }));
      // The worktrees are gone once the run ends: the saved profile names files relative to the repo.
      const forUsers = mergeStacks(
        raw.map((p) => ({
          ...p,
          frames: p.frames.map((f) => ({ ...f, file: relativeToRoots(f.file, input.roots) })),
        })),
      );
      const path = join(dirname(written[0]?.path ?? input.outDir), `${side}.pb.gz`);
      writeFileSync(
        path,
        encodePprof(forUsers, [`flamegate.benchmark=${benchmarkKey(m.id)}`, `flamegate.side=${side}`]),
      );
      for (const w of written) rmSync(w.path, { force: true });
      (result[benchmarkKey(m.id)] ??= {})[side] = {
        stacks: mergeStacks(classified),
        processes: classified.map(functionTable),
        path: relative(input.outDir, path),
      };
    }
  }
  return result;
}

/** Several profiles of one side as one: frames are shared by identity, operations add up. */
export function mergeStacks(profiles: StackProfile[]): StackProfile {
  const frames: StackProfile['frames'] = [];
  const index = new Map<string, number>();
  const stacks: StackProfile['stacks'] = [];
  let ops = 0;
  for (const profile of profiles) {
    const remap = profile.frames.map((frame) => {
      const key = `${frame.name}\u0000${frame.file}\u0000${frame.line}\u0000${frame.kind}\u0000${frame.package ?? ''}`;
      let i = index.get(key);
      if (i === undefined) {
        i = frames.length;
        frames.push(frame);
        index.set(key, i);
      }
      return i;
    });
    for (const stack of profile.stacks) {
      stacks.push({
        frames: stack.frames.map((f) => remap[f] as number),
        ns: stack.ns,
        samples: stack.samples,
      });
    }
    ops += profile.ops;
  }
  return { frames, stacks, ops };
}
