// Reads a V8 CPU profile (`node --cpu-prof`, Chrome DevTools' "Save profile", `inspector` sessions):
// JSON with a call tree of `nodes` and, per sample, the node it hit and the time since the previous one.
// The call tree already merges equal stacks, so there is one stack per node that holds time.
import type { Frame, PackedProfile, SampleType } from '../model.js';
import { checkCap, LIMITS, overCap } from './limits.js';
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

/** Position of each node by its id; refuses a repeated id. */
function slotsById(nodes: CpuNode[]): Map<number, number> {
  checkCap(nodes.length, LIMITS.samples, 'call-tree nodes');
  const slot = new Map<number, number>();
  nodes.forEach((n, i) => {
    if (slot.has(n.id)) throw new Error(`node id ${n.id} appears twice in "nodes"`);
    slot.set(n.id, i);
  });
  return slot;
}

/** Each node's parent (position, -1 for a root), from `children` lists or `parent` ids; refuses unknown ids. */
function parentsOf(nodes: CpuNode[], slot: Map<number, number>): Int32Array {
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    if (n.children !== undefined && !Array.isArray(n.children)) {
      throw new Error(`node ${n.id} has "children" that is not a list of node ids`);
    }
    for (const child of n.children ?? []) {
      const c = slot.get(child);
      if (c === undefined)
        throw new Error(`node ${n.id} lists child ${String(child)}, which is no node's id`);
      if (parent[c] !== -1 && parent[c] !== i) throw new Error(`node ${child} is the child of two nodes`);
      parent[c] = i;
    }
    if (n.parent !== undefined) {
      const p = slot.get(n.parent);
      if (p === undefined)
        throw new Error(`node ${n.id} names parent ${String(n.parent)}, which is no node's id`);
      parent[i] = p;
    }
  });
  return parent;
}

/**
 * Each node's self time (µs) and samples. As DevTools does, a sample lasts until the next one is
 * taken. V8 can record a sample slightly before the previous one (a negative delta): that sample's
 * time is counted as 0, as before; a delta that is not a number, a sample of an unknown node, or
 * samples and deltas of different lengths are refused rather than read as 0.
 */
function selfTimes(
  json: CpuProfileJson,
  slot: Map<number, number>,
): { selfUs: Float64Array; hits: Float64Array } {
  const nodes = json.nodes;
  const selfUs = new Float64Array(nodes.length);
  const hits = new Float64Array(nodes.length);
  const samples = json.samples ?? [];
  const deltas = json.timeDeltas;
  if (!Array.isArray(samples)) throw new Error('"samples" is not a list of node ids');
  if (samples.length > 0) {
    if (!Array.isArray(deltas)) throw new Error('it has "samples" but no "timeDeltas" list to time them');
    if (deltas.length !== samples.length) {
      throw new Error(
        `it has ${samples.length} samples but ${deltas.length} timeDeltas: each sample needs one`,
      );
    }
    for (let i = 0; i < deltas.length; i++) {
      if (!Number.isFinite(deltas[i])) {
        throw new Error(
          `timeDeltas[${i}] is ${JSON.stringify(deltas[i]) ?? 'missing'}, not a number of microseconds`,
        );
      }
    }
    let last = 0;
    for (let i = 0; i < samples.length; i++) {
      const at = slot.get(samples[i] as number);
      if (at === undefined)
        throw new Error(`samples[${i}] is ${JSON.stringify(samples[i])}, which is no node's id`);
      const next = deltas[i + 1];
      const us = next !== undefined ? next : last;
      if (next !== undefined) last = next;
      selfUs[at] = (selfUs[at] as number) + Math.max(0, us);
      hits[at] = (hits[at] as number) + 1;
    }
    return { selfUs, hits };
  }
  // Old profiles carry only hit counts: spread the profile's duration evenly over them.
  let total = 0;
  nodes.forEach((n) => {
    if (n.hitCount !== undefined && !(Number.isFinite(n.hitCount) && n.hitCount >= 0)) {
      throw new Error(`node ${n.id} has hitCount ${JSON.stringify(n.hitCount)}, not a count`);
    }
    total += n.hitCount ?? 0;
  });
  const span = (json.endTime ?? 0) - (json.startTime ?? 0);
  const perHit = total > 0 && span > 0 ? span / total : 1000;
  nodes.forEach((n, i) => {
    hits[i] = n.hitCount ?? 0;
    selfUs[i] = (n.hitCount ?? 0) * perHit;
  });
  return { selfUs, hits };
}

/**
 * Each node's count of frames from its root (skipped frames not counted), in one pass over the
 * nodes: a node's depth is its parent's plus its own, found once for every node. Throws on a cycle.
 */
function depthsOf(parent: Int32Array, frameOf: Int32Array): Int32Array {
  const depth = new Int32Array(parent.length).fill(-1);
  const pending: number[] = [];
  for (let i = 0; i < parent.length; i++) {
    // Climb to the first node whose depth is known (or a root), then come back down.
    for (let at = i; at >= 0 && (depth[at] as number) < 0; at = parent[at] as number) {
      if ((depth[at] as number) === -2) throw new Error('the call tree has a cycle');
      depth[at] = -2;
      pending.push(at);
    }
    while (pending.length > 0) {
      const at = pending.pop() as number;
      const p = parent[at] as number;
      depth[at] = (p >= 0 ? (depth[p] as number) : 0) + ((frameOf[at] as number) >= 0 ? 1 : 0);
    }
  }
  return depth;
}

export function decodeCpuProfile(json: CpuProfileJson): PackedProfile {
  const nodes = json.nodes;
  const slot = slotsById(nodes);
  const parent = parentsOf(nodes, slot);
  const { selfUs, hits } = selfTimes(json, slot);

  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    const call = n.callFrame;
    const name =
      typeof call?.functionName === 'string' && call.functionName ? call.functionName : '(anonymous)';
    if (SKIPPED.has(name)) return;
    const file = typeof call?.url === 'string' ? call.url : '';
    const line = Number.isInteger(call?.lineNumber) ? (call?.lineNumber as number) + 1 : 0;
    const key = `${name}\u0000${file}\u0000${line}`;
    let f = frameIndex.get(key);
    if (f === undefined) {
      f = frames.length;
      if (f === LIMITS.frames) throw overCap(LIMITS.frames, 'distinct frames');
      frames.push({ name, file, line: Math.max(0, line), kind: 'user' });
      frameIndex.set(key, f);
    }
    frameOf[i] = f;
  });

  // Every node that holds time is one stack, from its root: a deep chain whose every node holds time
  // makes stacks as long as the chain, as many as its nodes. Their frames are counted before any is made.
  const depth = depthsOf(parent, frameOf);
  let stackFrames = 0;
  for (let i = 0; i < nodes.length; i++)
    if (hits[i] !== 0 && frameOf[i] !== -1) stackFrames += depth[i] as number;
  checkCap(stackFrames, LIMITS.stackFrames, 'frames over all its stacks');

  const out = new StackBuffer(nodes.length, stackFrames);
  for (let i = 0; i < nodes.length; i++) {
    if (hits[i] === 0 || frameOf[i] === -1) continue;
    // The stack is written leaf first from the end of its room: its depth is known.
    const room = out.reserve(depth[i] as number);
    let w = out.length + (depth[i] as number);
    for (let at = i; at >= 0; at = parent[at] as number) {
      const f = frameOf[at] as number;
      if (f >= 0) room[--w] = f;
    }
    out.length += depth[i] as number;
    out.endStack((selfUs[i] as number) * 1000, hits[i] as number);
  }
  return out.finish(frames, 1, CPUPROFILE_SAMPLE_TYPE);
}
