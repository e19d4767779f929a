// Reads a V8 CPU profile (`node --cpu-prof`, Chrome DevTools' "Save profile", `inspector` sessions):
// JSON with a call tree of `nodes` and, per sample, the node it hit and the time since the previous one.
// The call tree already merges equal stacks, so there is one stack per node that holds time.
import type { Frame, PackedProfile, SampleType } from '../model.js';
import { StackBuffer } from './packed.js';

interface CallFrame {
  functionName?: string;
  url?: string;
  lineNumber?: number;
}

interface CpuNode {
  id: number;
  callFrame?: CallFrame;
  hitCount?: number;
  children?: number[];
  parent?: number;
}

export interface CpuProfileJson {
  nodes: CpuNode[];
  startTime?: number;
  endTime?: number;
  samples?: number[];
  timeDeltas?: number[];
}

export const CPUPROFILE_SAMPLE_TYPE: SampleType = { type: 'cpu', unit: 'nanoseconds' };

/** The synthetic root, and the time V8 reports while the thread waited: neither is code running. */
const SKIPPED = new Set(['(root)', '(idle)']);

export function isCpuProfile(value: unknown): value is CpuProfileJson {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as CpuProfileJson).nodes) &&
    (value as CpuProfileJson).nodes.every(
      (n) => typeof n === 'object' && n !== null && typeof n.id === 'number',
    )
  );
}

export function decodeCpuProfile(json: CpuProfileJson): PackedProfile {
  const nodes = json.nodes;
  const slot = new Map<number, number>();
  nodes.forEach((n, i) => {
    slot.set(n.id, i);
  });
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    for (const child of n.children ?? []) {
      const c = slot.get(child);
      if (c !== undefined) parent[c] = i;
    }
    if (typeof n.parent === 'number') parent[i] = slot.get(n.parent) ?? -1;
  });

  // Self time per node, in µs. As DevTools does, a sample lasts until the next one is taken.
  const selfUs = new Float64Array(nodes.length);
  const hits = new Float64Array(nodes.length);
  const samples = json.samples ?? [];
  const deltas = json.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    let last = 0;
    for (let i = 0; i < samples.length; i++) {
      const at = slot.get(samples[i] as number);
      if (at === undefined) continue;
      const next = deltas[i + 1];
      const us = next !== undefined ? next : last;
      if (next !== undefined) last = next;
      selfUs[at] = (selfUs[at] as number) + Math.max(0, us);
      hits[at] = (hits[at] as number) + 1;
    }
  } else {
    // Old profiles carry only hit counts: spread the profile's duration evenly over them.
    let total = 0;
    for (const n of nodes) total += n.hitCount ?? 0;
    const span = (json.endTime ?? 0) - (json.startTime ?? 0);
    const perHit = total > 0 && span > 0 ? span / total : 1000;
    nodes.forEach((n, i) => {
      hits[i] = n.hitCount ?? 0;
      selfUs[i] = (n.hitCount ?? 0) * perHit;
    });
  }

  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    const name = n.callFrame?.functionName || '(anonymous)';
    if (SKIPPED.has(name)) return;
    const file = n.callFrame?.url ?? '';
    const line = (n.callFrame?.lineNumber ?? -1) + 1;
    const key = `${name}\u0000${file}\u0000${line}`;
    let f = frameIndex.get(key);
    if (f === undefined) {
      f = frames.length;
      frames.push({ name, file, line: Math.max(0, line), kind: 'user' });
      frameIndex.set(key, f);
    }
    frameOf[i] = f;
  });

  const out = new StackBuffer(nodes.length, nodes.length * 16);
  const path: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (hits[i] === 0 || frameOf[i] === -1) continue;
    path.length = 0;
    for (let at = i; at >= 0; at = parent[at] as number) {
      const f = frameOf[at] as number;
      if (f >= 0) path.push(f);
      if (path.length > nodes.length) throw new Error('the call tree has a cycle');
    }
    for (let k = path.length - 1; k >= 0; k--) out.pushFrame(path[k] as number);
    out.endStack((selfUs[i] as number) * 1000, hits[i] as number);
  }
  return out.finish(frames, 1, CPUPROFILE_SAMPLE_TYPE);
}
