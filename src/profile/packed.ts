// Conversions between the packed form the decoders produce and the one-array-per-stack StackProfile,
// and the growable buffers the decoders fill.
import type { PackedProfile, SampleType, StackProfile } from '../model.js';

/** One array per stack: for stages that walk stacks one by one. */
export function unpackStacks(profile: PackedProfile): StackProfile {
  const { stackFrames, stackStart, values, samples } = profile;
  const stacks: StackProfile['stacks'] = new Array(values.length);
  for (let s = 0; s < values.length; s++) {
    const from = stackStart[s] as number;
    const to = stackStart[s + 1] as number;
    const frames: number[] = new Array(to - from);
    for (let i = from; i < to; i++) frames[i - from] = stackFrames[i] as number;
    stacks[s] = { frames, ns: values[s] as number, samples: samples[s] as number };
  }
  return { frames: profile.frames, stacks, ops: profile.ops };
}

export const TIME_SAMPLE_TYPE: SampleType = { type: 'wall', unit: 'nanoseconds' };

export function packStacks(profile: StackProfile, sampleType: SampleType = TIME_SAMPLE_TYPE): PackedProfile {
  const out = new StackBuffer(profile.stacks.length, profile.stacks.length * 8);
  for (const stack of profile.stacks) {
    for (const f of stack.frames) out.pushFrame(f);
    out.endStack(stack.ns, stack.samples);
  }
  return out.finish(profile.frames, profile.ops, sampleType);
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
