// The profile model's (PackedProfile, model.ts) helpers: the growable buffers the decoders fill, and
// the merge of several profiles of one side into one.
import type { PackedProfile, SampleType } from '../model.js';

/** Wall time: what flamegate's own profiler records and what an empty time profile is. */
export const TIME_SAMPLE_TYPE: SampleType = { type: 'wall', unit: 'nanoseconds' };

/** A profile of no stacks, in the given sample type. */
export function emptyProfile(sampleType: SampleType = TIME_SAMPLE_TYPE): PackedProfile {
  return new StackBuffer(0, 0).finish([], 1, sampleType);
}

/**
 * Several profiles of one side as one: frames are shared by identity, stacks are kept one for one,
 * operations add up. The profiles must measure the same thing: a merge of time and bytes is refused.
 */
export function mergeProfiles(profiles: PackedProfile[], sampleType?: SampleType): PackedProfile {
  const type = sampleType ?? profiles[0]?.sampleType ?? TIME_SAMPLE_TYPE;
  let frameCount = 0;
  let stackCount = 0;
  for (const p of profiles) {
    if (p.sampleType.unit !== type.unit || p.sampleType.type !== type.type) {
      throw new Error(
        `cannot merge a ${p.sampleType.type}/${p.sampleType.unit} profile into ${type.type}/${type.unit} ones`,
      );
    }
    frameCount += p.stackFrames.length;
    stackCount += p.values.length;
  }
  const frames: PackedProfile['frames'] = [];
  const index = new Map<string, number>();
  const out = new StackBuffer(stackCount, frameCount);
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
    const { stackFrames, stackStart, values, samples } = profile;
    for (let s = 0; s < values.length; s++) {
      const to = stackStart[s + 1] as number;
      for (let i = stackStart[s] as number; i < to; i++)
        out.pushFrame(remap[stackFrames[i] as number] as number);
      out.endStack(values[s] as number, samples[s] as number);
    }
    ops += profile.ops;
  }
  return out.finish(frames, profiles.length > 0 ? ops : 1, type);
}

/** Growable flat arrays of stacks, filled frame by frame (root first) then closed with endStack. */
export class StackBuffer {
  private frames: Int32Array;
  private starts: Int32Array;
  private vals: Float64Array;
  private counts: Float64Array;
  private frameCount = 0;
  private stackCount = 0;

  constructor(stacks = 1024, frames = stacks * 16) {
    this.frames = new Int32Array(Math.max(16, frames));
    this.starts = new Int32Array(Math.max(16, stacks + 1));
    this.vals = new Float64Array(Math.max(16, stacks));
    this.counts = new Float64Array(Math.max(16, stacks));
  }

  /** The frame array with room for `n` more frames, for writing directly (then set `length`). */
  reserve(n: number): Int32Array {
    const need = this.frameCount + n;
    if (need > this.frames.length) {
      const grown = new Int32Array(Math.max(need, this.frames.length * 2));
      grown.set(this.frames.subarray(0, this.frameCount));
      this.frames = grown;
    }
    return this.frames;
  }

  /** Frames written so far, over all stacks. */
  get length(): number {
    return this.frameCount;
  }

  set length(n: number) {
    this.frameCount = n;
  }

  pushFrame(frame: number): void {
    if (this.frameCount === this.frames.length) {
      const grown = new Int32Array(this.frames.length * 2);
      grown.set(this.frames);
      this.frames = grown;
    }
    this.frames[this.frameCount++] = frame;
  }

  /** Frames pushed since the last endStack. */
  get openFrames(): number {
    return this.frameCount - (this.starts[this.stackCount] as number);
  }

  /** Closes the stack begun after the previous endStack (an empty stack is kept: it holds time). */
  endStack(value: number, samples: number): void {
    if (this.stackCount + 2 > this.starts.length) {
      const size = this.starts.length * 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const vals = new Float64Array(size);
      vals.set(this.vals);
      this.vals = vals;
      const counts = new Float64Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.vals[this.stackCount] = value;
    this.counts[this.stackCount] = samples;
    this.stackCount++;
    this.starts[this.stackCount] = this.frameCount;
  }

  /** Forgets the frames pushed since the last endStack. */
  dropStack(): void {
    this.frameCount = this.starts[this.stackCount] as number;
  }

  /** The stacks so far (views, not copies). */
  stacks(): Pick<PackedProfile, 'stackFrames' | 'stackStart' | 'values' | 'samples'> {
    return {
      stackFrames: this.frames.subarray(0, this.frameCount),
      stackStart: this.starts.subarray(0, this.stackCount + 1),
      values: this.vals.subarray(0, this.stackCount),
      samples: this.counts.subarray(0, this.stackCount),
    };
  }

  finish(frames: PackedProfile['frames'], ops: number, sampleType: SampleType): PackedProfile {
    return { frames, ...this.stacks(), ops, sampleType };
  }
}
