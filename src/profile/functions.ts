// Self and total time per operation for every function of a classified profile.
import type { Frame, FunctionSelfTime, FunctionTable, StackProfile } from '../model.js';

/** A function's identity across base and head: its name and file, never its line. */
export function functionKey(frame: Pick<Frame, 'name' | 'file'>): string {
  return `${frame.name}\u0000${frame.file}`;
}

export function functionTable(profile: StackProfile): FunctionTable {
  const ops = profile.ops > 0 ? profile.ops : 1;
  const keys = profile.frames.map(functionKey);
  const byKey = new Map<string, FunctionSelfTime & { selfNs: number; totalNs: number }>();
  const entry = (frameIndex: number) => {
    const key = keys[frameIndex] as string;
    const frame = profile.frames[frameIndex] as Frame;
    let e = byKey.get(key);
    if (!e) {
      e = { key, frame, selfNsPerOp: 0, totalNsPerOp: 0, selfSamples: 0, selfNs: 0, totalNs: 0 };
      byKey.set(key, e);
    } else if (frame.line > 0 && (e.frame.line === 0 || frame.line < e.frame.line)) {
      // The same function seen at several lines (inlined positions): link to its first line.
      e.frame = frame;
    }
    return e;
  };
  let totalNs = 0;
  let totalSamples = 0;
  const seen = new Set<string>();
  for (const stack of profile.stacks) {
    totalNs += stack.ns;
    totalSamples += stack.samples;
    const leaf = stack.frames[stack.frames.length - 1];
    if (leaf !== undefined) {
      const e = entry(leaf);
      e.selfNs += stack.ns;
      e.selfSamples += stack.samples;
    }
    // Recursion: a function counts once per stack in its total time.
    seen.clear();
    for (const f of stack.frames) {
      const key = keys[f] as string;
      if (seen.has(key)) continue;
      seen.add(key);
      entry(f).totalNs += stack.ns;
    }
  }
  const functions: FunctionSelfTime[] = [];
  for (const e of byKey.values()) {
    functions.push({
      key: e.key,
      frame: e.frame,
      selfNsPerOp: e.selfNs / ops,
      totalNsPerOp: e.totalNs / ops,
      selfSamples: e.selfSamples,
    });
  }
  functions.sort((a, b) => b.selfNsPerOp - a.selfNsPerOp);
  return { ops, totalNsPerOp: totalNs / ops, totalSamples, functions };
}
