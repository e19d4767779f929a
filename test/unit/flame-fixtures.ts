// Hand-built profile pairs for the flame-graph tests. Stacks are written root first as `a;b;c`.
import type { Frame, FrameKind, PackedProfile, SampleType } from '../../src/model.js';
import { TIME_SAMPLE_TYPE } from '../../src/profile/packed.js';
import { packProfile } from '../helpers/stacks.js';

export interface FrameSpec {
  file?: string;
  line?: number;
  kind?: FrameKind;
  package?: string;
}

/** A profile from `stack → value` pairs (total ns, or `sampleType`'s unit, over `ops` operations). */
export function profile(
  stacks: Record<string, number>,
  ops = 1,
  specs: Record<string, FrameSpec> = {},
  sampleType: SampleType = TIME_SAMPLE_TYPE,
): PackedProfile {
  const frames: Frame[] = [];
  const ids = new Map<string, number>();
  const frameId = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      const spec = specs[name] ?? {};
      id = frames.length;
      const frame: Frame = {
        name,
        file: spec.file ?? 'src/app.ts',
        line: spec.line ?? 10 + frames.length,
        kind: spec.kind ?? 'user',
      };
      if (spec.package) frame.package = spec.package;
      frames.push(frame);
      ids.set(name, id);
    }
    return id;
  };
  return packProfile(
    {
      frames,
      stacks: Object.entries(stacks).map(([path, value]) => ({
        frames: path.split(';').map(frameId),
        value,
        samples: Math.max(1, Math.round(value / 1000)),
      })),
      ops,
    },
    sampleType,
  );
}

/**
 * The standard pair: `slow` grows from 100 to 300 ns/op, `fast` shrinks from 200 to 50, `steady`
 * stays, `legacy` exists only on base. Base runs 10 ops, head 20 (per-op normalisation matters).
 */
export function standardPair(): { base: PackedProfile; head: PackedProfile } {
  const base = profile(
    {
      'main;run;slow': 1000,
      'main;run;fast': 2000,
      'main;steady': 3000,
      'main;legacy;oldHelper': 1500,
    },
    10,
  );
  const head = profile(
    {
      'main;run;slow': 6000,
      'main;run;fast': 1000,
      'main;steady': 6000,
    },
    20,
  );
  return { base, head };
}
