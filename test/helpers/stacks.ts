// Readable stacks for tests: a profile written as one object per stack, turned into the profile model
// (PackedProfile) the code reads, and back into lines to compare.
import type { Frame, PackedProfile, SampleType } from '../../src/model.js';
import { StackBuffer, TIME_SAMPLE_TYPE } from '../../src/profile/packed.js';

export interface StackSpec {
  /** Frame indices, root first. */
  frames: number[];
  /** The stack's value in the profile's unit (ns for the default wall-time profile). */
  value: number;
  samples: number;
}

/** Hand-written stacks over a frame table. */
export interface StackList {
  frames: Frame[];
  stacks: StackSpec[];
  ops: number;
}

/** The profile model of hand-written stacks; wall time in nanoseconds unless `sampleType` says otherwise. */
export function packProfile(spec: StackList, sampleType: SampleType = TIME_SAMPLE_TYPE): PackedProfile {
  const out = new StackBuffer(spec.stacks.length);
  for (const stack of spec.stacks) {
    for (const f of stack.frames) out.pushFrame(f);
    out.endStack(stack.value, stack.samples);
  }
  return out.finish(spec.frames, spec.ops, sampleType);
}

/** The stacks of a profile, one object per stack (frame indices root first). */
export function stacksOf(profile: PackedProfile): StackSpec[] {
  const out: StackSpec[] = [];
  for (let s = 0; s < profile.values.length; s++) {
    out.push({
      frames: Array.from(profile.stackFrames.subarray(profile.stackStart[s], profile.stackStart[s + 1])),
      value: profile.values[s] as number,
      samples: profile.samples[s] as number,
    });
  }
  return out;
}
