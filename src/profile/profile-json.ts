// The profile model (PackedProfile) as JSON, for a shard's stacks file (`stacks.json.gz`), which
// `flamegate merge` reads back to draw the flame graphs: the same fields, typed arrays as plain
// lists, the sample type with them. No second model: a profile read back is the profile written.
import type { PackedProfile } from '../model.js';
import { checkCap, LIMITS } from './limits.js';

/** A PackedProfile with its typed arrays as lists (what JSON.stringify can write). */
export interface ProfileJson {
  frames: PackedProfile['frames'];
  stackFrames: number[];
  stackStart: number[];
  values: number[];
  samples: number[];
  ops: number;
  sampleType: PackedProfile['sampleType'];
}

export function profileToJson(profile: PackedProfile): ProfileJson {
  return {
    frames: profile.frames,
    stackFrames: Array.from(profile.stackFrames),
    stackStart: Array.from(profile.stackStart),
    values: Array.from(profile.values),
    samples: Array.from(profile.samples),
    ops: profile.ops,
    sampleType: profile.sampleType,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/**
 * The profile a ProfileJson holds. The file may come from an artifact a pull request's code could
 * write: every list is checked (lengths that agree, frame indices within the frames, stacks that
 * follow one another, values that are numbers) within the caps per profile (LIMITS), and a message
 * naming `what` is thrown otherwise.
 */
export function profileFromJson(value: unknown, what: string): PackedProfile {
  if (!isObject(value) || !Array.isArray(value.frames)) throw new Error(`the ${what} is not a profile`);
  const { frames, stackFrames, stackStart, values, samples, ops, sampleType } = value;
  if (!isObject(sampleType) || typeof sampleType.type !== 'string' || typeof sampleType.unit !== 'string') {
    throw new Error(`the ${what} does not say what its values measure (no sample type and unit)`);
  }
  if (typeof ops !== 'number' || !(ops > 0)) throw new Error(`the ${what} has no operation count`);
  checkCap(frames.length, LIMITS.frames, `distinct frames in the ${what}`);
  for (const frame of frames as unknown[]) {
    if (
      !isObject(frame) ||
      typeof frame.name !== 'string' ||
      typeof frame.file !== 'string' ||
      typeof frame.line !== 'number'
    ) {
      throw new Error(`the ${what} has a frame without a name, file and line`);
    }
  }
  if (
    !isNumberList(stackFrames) ||
    !isNumberList(stackStart) ||
    !isNumberList(values) ||
    !isNumberList(samples)
  ) {
    throw new Error(`the ${what} has no lists of stack frames, stack starts, values and samples`);
  }
  checkCap(values.length, LIMITS.samples, `stacks in the ${what}`);
  checkCap(stackFrames.length, LIMITS.stackFrames, `frames over all stacks of the ${what}`);
  const frameCount = frames.length;
  const stacksAgree =
    samples.length === values.length &&
    stackStart.length === values.length + 1 &&
    stackStart[0] === 0 &&
    stackStart[values.length] === stackFrames.length &&
    stackStart.every((at, i) => Number.isInteger(at) && (i === 0 || at >= (stackStart[i - 1] as number))) &&
    stackFrames.every((f) => Number.isInteger(f) && f >= 0 && f < frameCount);
  if (!stacksAgree) throw new Error(`the ${what} has a stack that is not frames of the profile with a value`);
  return {
    frames: frames as PackedProfile['frames'],
    stackFrames: Int32Array.from(stackFrames),
    stackStart: Int32Array.from(stackStart),
    values: Float64Array.from(values),
    samples: Float64Array.from(samples),
    ops,
    sampleType: { type: sampleType.type, unit: sampleType.unit },
  };
}
