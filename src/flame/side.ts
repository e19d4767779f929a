// One side of a flame-graph delta, prepared on its own: every frame turned into a key (its function's
// identity, or a collapsed group's), every stack's keys laid out for the level walk, and each
// function's self and total value summed, in the profile's unit (its sample type travels on). Needs nothing of the other side, so `flamegate diff` prepares
// head on a worker thread while this thread prepares base; tree.ts merges the two.
import type { FrameKind, PackedProfile, SampleType } from '../model.js';
import { emptyProfile, StackBuffer } from '../profile/packed.js';

export interface CollapseOptions {
  /** Merge every run of frames of one dependency package into one node named after the package. */
  dependencies?: boolean;
  /** Merge every run of Node internals (kind `node`) into one node. */
  node?: boolean;
}

export const NODE_GROUP_NAME = '(node internals)';

/** What a key stands for: one function (name and file), or a collapsed group of frames. */
export interface SideKey {
  /** Identity: `name\0file`, or a group key for collapsed frames. */
  key: string;
  name: string;
  file: string;
  /**
   * Line of the function: of the first frame with the key on one side; merged, head's when head has
   * the function (links point at the code under review), else base's.
   */
  line: number;
  kind: FrameKind;
  package?: string;
  /** The key stands for several frames merged by collapsing (a package or Node internals). */
  collapsed: boolean;
}

/**
 * A side's stacks as columns, for the level walk (levels.ts): the stacks are ordered longest first,
 * so that those reaching depth d are exactly the first reaching[d]; column d holds their keys at
 * depth d in that order. A level then reads its column front to back; read stack by stack instead,
 * every live stack cost a cache miss per level.
 */
export interface SideStacks {
  keys: SideKey[];
  /**
   * Column d starts at keysAt[colStart[d]]; entry r is the key at depth d of the r-th longest stack.
   * Two bytes a key when there are fewer than 65,536 keys (always, in practice): half the memory to
   * fill and to read back.
   */
  keysAt: KeyColumn;
  colStart: Int32Array;
  /** Stacks longer than d; reaching[0] counts the non-empty stacks. */
  reaching: Int32Array;
  /** Value per op of the r-th longest stack (empty stacks last), in `sampleType.unit`. */
  value: Float64Array;
  /** Per key: self value per op (as the leaf) and total value per op (anywhere on a stack, once per stack). */
  self: Float64Array;
  total: Float64Array;
  /** Per key: 1 when some stack holds it (a frame can be only in the table). */
  reached: Uint8Array;
  /** Sum of `value`. */
  valueTotal: number;
  samples: number;
  ops: number;
  /** What the values measure; undefined for a missing side (an added or removed benchmark). */
  sampleType?: SampleType;
}

type KeyColumn = Int32Array | Uint16Array;

/** What a flame graph is drawn from: the profile model, as decoded (no copy of any stack). */
export type TreeInput = PackedProfile;

/** Prepares one side; a missing side (an added or removed benchmark) is an empty one. */
export function sideStacks(input: TreeInput | undefined, collapse: CollapseOptions = {}): SideStacks {
  const profile = input ?? emptyProfile();
  const { keys, frameKey, frameGroup } = keysOf(profile, collapse);
  const stackCount = profile.values.length;
  const ops = profile.ops > 0 ? profile.ops : 1;
  const length = new Int32Array(stackCount);
  const value = new Float64Array(stackCount);
  const sums = {
    self: new Float64Array(keys.length),
    total: new Float64Array(keys.length),
    stamp: new Int32Array(keys.length).fill(-1),
  };
  // With no collapsed groups every frame is one key, so the stacks' lengths are known before reading
  // them and one pass both sums and writes the columns. With groups (or at an out-of-range frame index,
  // where that pass gives up) the stacks are first rewritten as stacks of keys, one per key.
  const laidOut = (stacks: PackedProfile, toKey: Int32Array) => {
    sums.self.fill(0);
    sums.total.fill(0);
    sums.stamp.fill(-1);
    const samples = lengthsOf(stacks, ops, length, value);
    const side = layOut(length, value, keys.length);
    return writeAndSum(stacks, toKey, side.rank, side.colStart, side.keysAt, sums)
      ? { samples, side }
      : undefined;
  };
  const asKeys = () => {
    const laid = laidOut(keyStacks(profile, frameKey, frameGroup), identity(keys.length));
    if (!laid) throw new Error('stacks of keys hold a key out of range');
    return laid;
  };
  const { samples, side } = (frameGroup.includes(1) ? undefined : laidOut(profile, frameKey)) ?? asKeys();
  const valueTotal = sumOf(value);
  const reached = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) reached[k] = sums.stamp[k] === -1 ? 0 : 1;
  return {
    keys,
    keysAt: side.keysAt,
    colStart: side.colStart,
    reaching: side.reaching,
    value: side.rankedValue,
    self: sums.self,
    total: sums.total,
    reached,
    valueTotal,
    samples,
    ops,
    ...(input ? { sampleType: input.sampleType } : {}),
  };
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum;
}

/** Each frame's key, and whether the key stands for a collapsed group (a run of it counts once). */
function keysOf(
  profile: PackedProfile,
  collapse: CollapseOptions,
): { keys: SideKey[]; frameKey: Int32Array; frameGroup: Uint8Array } {
  const keys: SideKey[] = [];
  const ids = new Map<string, number>();
  const frameKey = new Int32Array(profile.frames.length);
  const frameGroup = new Uint8Array(profile.frames.length);
  profile.frames.forEach((f, i) => {
    let info: SideKey;
    if (collapse.dependencies && f.kind === 'dependency' && f.package) {
      const pkg = f.package;
      info = {
        key: `\u0001pkg\u0000${pkg}`,
        name: pkg,
        file: '',
        line: 0,
        kind: 'dependency',
        package: pkg,
        collapsed: true,
      };
    } else if (collapse.node && f.kind === 'node') {
      info = { key: '\u0001node', name: NODE_GROUP_NAME, file: '', line: 0, kind: 'node', collapsed: true };
    } else {
      info = {
        key: `${f.name}\u0000${f.file}`,
        name: f.name,
        file: f.file,
        line: f.line,
        kind: f.kind,
        collapsed: false,
      };
      if (f.package !== undefined) info.package = f.package;
    }
    let id = ids.get(info.key);
    if (id === undefined) {
      id = keys.length;
      keys.push(info);
      ids.set(info.key, id);
    }
    frameKey[i] = id;
    frameGroup[i] = info.collapsed ? 1 : 0;
  });
  return { keys, frameKey, frameGroup };
}

/**
 * The stacks as stacks of keys: a frame index out of range is skipped, a run of one collapsed group
 * is one key. Values and samples as they are.
 */
function keyStacks(profile: PackedProfile, frameKey: Int32Array, frameGroup: Uint8Array): PackedProfile {
  const { stackFrames, stackStart, values } = profile;
  const out = new StackBuffer(values.length, stackFrames.length);
  const keys = out.reserve(stackFrames.length);
  const frameTotal = frameKey.length;
  let at = 0;
  for (let s = 0; s < values.length; s++) {
    let prev = -1;
    const to = stackStart[s + 1] as number;
    for (let i = stackStart[s] as number; i < to; i++) {
      const fi = stackFrames[i] as number;
      if (fi < 0 || fi >= frameTotal) continue;
      const key = frameKey[fi] as number;
      if (frameGroup[fi] === 1 && key === prev) continue;
      keys[at++] = key;
      prev = key;
    }
    out.length = at;
    out.endStack(values[s] as number, profile.samples[s] as number);
  }
  // The entries are keys, not frames: there is no frame table to give.
  return out.finish([], profile.ops, profile.sampleType);
}

/** Key k is key k (for stacks that already are stacks of keys). */
function identity(count: number): Int32Array {
  const map = new Int32Array(count);
  for (let k = 0; k < count; k++) map[k] = k;
  return map;
}

/** Each stack's frame count (its key count when no frame is collapsed) and value per op; returns the samples. */
function lengthsOf(profile: PackedProfile, ops: number, length: Int32Array, value: Float64Array): number {
  let samples = 0;
  const { stackStart, values } = profile;
  for (let s = 0; s < values.length; s++) {
    samples += profile.samples[s] as number;
    value[s] = (values[s] as number) / ops;
    length[s] = (stackStart[s + 1] as number) - (stackStart[s] as number);
  }
  return samples;
}

/**
 * The one pass when every frame is one key: each key into its column, and each key's self and total
 * time (once per stack, at any depth). False, with the sums partly made, at a frame index out of range.
 */
function writeAndSum(
  profile: PackedProfile,
  frameKey: Int32Array,
  rank: Int32Array,
  colStart: Int32Array,
  keysAt: KeyColumn,
  sums: { self: Float64Array; total: Float64Array; stamp: Int32Array },
): boolean {
  const { stackFrames, stackStart, values } = profile;
  const { self, total, stamp } = sums;
  const frameTotal = frameKey.length;
  const ops = profile.ops > 0 ? profile.ops : 1;
  for (let s = 0; s < values.length; s++) {
    const r = rank[s] as number;
    const v = (values[s] as number) / ops;
    const from = stackStart[s] as number;
    const to = stackStart[s + 1] as number;
    let key = -1;
    for (let i = from; i < to; i++) {
      const fi = stackFrames[i] as number;
      if (fi < 0 || fi >= frameTotal) return false;
      key = frameKey[fi] as number;
      keysAt[(colStart[i - from] as number) + r] = key;
      if (stamp[key] !== s) {
        stamp[key] = s;
        total[key] = (total[key] as number) + v;
      }
    }
    if (key >= 0) self[key] = (self[key] as number) + v;
  }
  return true;
}

/**
 * Orders the stacks longest first (a counting sort, profile order within one length) and sizes the
 * columns. Each loop over the stacks is a function of its own: V8 compiles a long loop while it runs,
 * and the code after it, not yet run, made it throw that code away at every next loop.
 */
function layOut(length: Int32Array, value: Float64Array, keyCount: number) {
  const ofLength = lengthCounts(length);
  const maxLen = ofLength.length - 1;
  const reaching = new Int32Array(maxLen + 1);
  for (let d = maxLen - 1; d >= 0; d--)
    reaching[d] = (reaching[d + 1] as number) + (ofLength[d + 1] as number);
  const colStart = new Int32Array(maxLen + 1);
  for (let d = 1; d <= maxLen; d++) colStart[d] = (colStart[d - 1] as number) + (reaching[d - 1] as number);
  const rank = new Int32Array(length.length);
  const rankedValue = new Float64Array(length.length);
  // Stacks of length L come after the reaching[L] longer ones.
  assignRanks(length, value, reaching.slice(), rank, rankedValue);
  const size = colStart[maxLen] as number;
  const keysAt: KeyColumn = keyCount < 65536 ? new Uint16Array(size) : new Int32Array(size);
  return { keysAt, colStart, reaching, rank, rankedValue };
}

/** How many stacks have each length, 0 to the longest. */
function lengthCounts(length: Int32Array): Int32Array {
  let maxLen = 0;
  for (let s = 0; s < length.length; s++) maxLen = Math.max(maxLen, length[s] as number);
  const ofLength = new Int32Array(maxLen + 1);
  countLengths(length, ofLength);
  return ofLength;
}

function countLengths(length: Int32Array, ofLength: Int32Array): void {
  for (let s = 0; s < length.length; s++) {
    const len = length[s] as number;
    ofLength[len] = (ofLength[len] as number) + 1;
  }
}

function assignRanks(
  length: Int32Array,
  value: Float64Array,
  nextRank: Int32Array,
  rank: Int32Array,
  rankedValue: Float64Array,
): void {
  for (let s = 0; s < length.length; s++) {
    const len = length[s] as number;
    const r = nextRank[len] as number;
    nextRank[len] = r + 1;
    rank[s] = r;
    rankedValue[r] = value[s] as number;
  }
}
