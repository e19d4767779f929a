// Self and total value per operation for every function of a classified profile, in its unit.
import type { Frame, FunctionTable, PackedProfile, ProfiledFunction } from '../model.js';

/** A function's identity across base and head: its name and file, never its line. */
export function functionKey(frame: Pick<Frame, 'name' | 'file'>): string {
  return `${frame.name}\u0000${frame.file}`;
}

/** A V8 builtin (Array.prototype.push, Array.from…): a classified frame of Node's with no script. */
function isBuiltin(frame: Frame): boolean {
  return frame.kind === 'node' && frame.file === '';
}

export interface FunctionTableOptions {
  /**
   * Charge a builtin's self value to the nearest caller that is not one. For heap profiles: whether
   * V8 inlines a builtin such as `push` into its caller differs from process to process, so the
   * same bytes are sampled under the builtin in one and under the caller in another, a move that is
   * no change of the code. Charged to the caller, they stay in one place (and name the code that
   * asked for them).
   */
  builtinsToCaller?: boolean;
}

export function functionTable(profile: PackedProfile, options: FunctionTableOptions = {}): FunctionTable {
  const ops = profile.ops > 0 ? profile.ops : 1;
  const keys = profile.frames.map(functionKey);
  const byKey = new Map<string, ProfiledFunction & { self: number; total: number }>();
  const entry = (frameIndex: number) => {
    const key = keys[frameIndex] as string;
    const frame = profile.frames[frameIndex] as Frame;
    let e = byKey.get(key);
    if (!e) {
      e = { key, frame, selfPerOp: 0, totalPerOp: 0, selfSamples: 0, self: 0, total: 0 };
      byKey.set(key, e);
    } else if (frame.line > 0 && (e.frame.line === 0 || frame.line < e.frame.line)) {
      // The same function seen at several lines (inlined positions): link to its first line.
      e.frame = frame;
    }
    return e;
  };
  const { stackFrames, stackStart, values, samples } = profile;
  let total = 0;
  let totalSamples = 0;
  const seen = new Set<string>();
  for (let s = 0; s < values.length; s++) {
    const value = values[s] as number;
    const from = stackStart[s] as number;
    const to = stackStart[s + 1] as number;
    total += value;
    totalSamples += samples[s] as number;
    if (to > from) {
      let leaf = to - 1;
      if (options.builtinsToCaller) {
        while (leaf > from && isBuiltin(profile.frames[stackFrames[leaf] as number] as Frame)) leaf--;
      }
      const e = entry(stackFrames[leaf] as number);
      e.self += value;
      e.selfSamples += samples[s] as number;
    }
    // Recursion: a function counts once per stack in its total.
    seen.clear();
    for (let i = from; i < to; i++) {
      const f = stackFrames[i] as number;
      const key = keys[f] as string;
      if (seen.has(key)) continue;
      seen.add(key);
      entry(f).total += value;
    }
  }
  const functions: ProfiledFunction[] = [];
  for (const e of byKey.values()) {
    functions.push({
      key: e.key,
      frame: e.frame,
      selfPerOp: e.self / ops,
      totalPerOp: e.total / ops,
      selfSamples: e.selfSamples,
    });
  }
  functions.sort((a, b) => b.selfPerOp - a.selfPerOp);
  return { sampleType: profile.sampleType, ops, totalPerOp: total / ops, totalSamples, functions };
}
