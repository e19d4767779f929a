// Merges a base and a head profile into one call tree, so that a frame at one place in the call tree can
// be compared across the two sides. Everything is time per operation: the two sides run different
// numbers of operations in the same wall time, so raw ns would not compare.
//
// The engine knows nothing about JavaScript: a frame's identity is its name and file (never the line,
// which moves with any edit above it). Only the optional collapsing reads Frame.kind and Frame.package.
import type { FrameKind, PackedProfile, StackProfile } from '../model.js';
import { packStacks } from '../profile/packed.js';

export interface FlameNode {
  /** Identity along the path: `name\0file`, or a group key for collapsed frames. */
  key: string;
  name: string;
  file: string;
  /** Line of the function on head when it exists there (links point at head), else on base. */
  line: number;
  kind: FrameKind;
  package?: string;
  /** This node stands for several frames merged by collapsing (a package or Node internals). */
  collapsed: boolean;
  /** ns per op spent in this frame and below it. */
  baseTotal: number;
  headTotal: number;
  /** ns per op with this frame on top of the stack (for collapsed nodes: in any frame of the group). */
  baseSelf: number;
  headSelf: number;
  depth: number;
  /** Sorted by name then file, so that the same subtree sits at the same place on both sides. */
  children: FlameNode[];
}

export interface CollapseOptions {
  /** Merge every run of frames of one dependency package into one node named after the package. */
  dependencies?: boolean;
  /** Merge every run of Node internals (kind `node`) into one node. */
  node?: boolean;
}

export interface TreeOptions {
  collapse?: CollapseOptions;
  /** Name of the root frame; defaults to `all`. */
  rootName?: string;
}

export interface FlameTree {
  root: FlameNode;
  /** Total ns per op of each side (equal to root.baseTotal / root.headTotal). */
  baseTotal: number;
  headTotal: number;
  baseOps: number;
  headOps: number;
  baseSamples: number;
  headSamples: number;
  /** Nodes in the tree, root included. */
  nodeCount: number;
  /** Deepest depth (root is 0). */
  maxDepth: number;
  /** Functions over the full merge, sorted by |self delta|, largest first. */
  functions: FlameFunction[];
}

/** One function's times summed over every place it appears in the tree. */
export interface FlameFunction {
  key: string;
  name: string;
  file: string;
  line: number;
  kind: FrameKind;
  package?: string;
  baseSelf: number;
  headSelf: number;
  /** Time per op with the function anywhere on the stack; recursion is counted once. */
  baseTotal: number;
  headTotal: number;
}

export const NODE_GROUP_NAME = '(node internals)';

/**
 * Frames whose larger side is below this share of the benchmark total are not materialised as nodes
 * (with everything below them). At 1200 px that is 0.06 px: invisible in every rendering, and a 100k-sample
 * profile of varied stacks has millions of such one-sample nodes. Function sums still count them.
 */
export const DEFAULT_MIN_FRACTION = 5e-5;

const EMPTY: StackProfile = { frames: [], stacks: [], ops: 1 };

interface KeyInfo {
  key: string;
  name: string;
  file: string;
  line: number;
  seenOnHead: boolean;
  kind: FrameKind;
  package?: string;
  collapsed: boolean;
}

export interface BuildOptions extends TreeOptions {
  /** See DEFAULT_MIN_FRACTION; 0 keeps every node. */
  minFraction?: number;
}

/** Either form of a profile: the packed one (decoders) skips a copy of every stack. */
export type TreeInput = StackProfile | PackedProfile;

const isPacked = (p: TreeInput): p is PackedProfile => 'stackFrames' in p;
// One walk over stacks for both forms: the one-array-per-stack form (small profiles of a compare run)
// is packed first, so the decoders' packed form (100k-sample diffs) pays no conversion.
const packed = (p: TreeInput): PackedProfile => (isPacked(p) ? p : packStacks(p));

/** Builds the merged tree. Either side may be missing (an added or removed benchmark). */
export function buildFlameTree(
  base: TreeInput | undefined,
  head: TreeInput | undefined,
  options: BuildOptions = {},
): FlameTree {
  const b = packed(base ?? EMPTY);
  const h = packed(head ?? EMPTY);
  const collapse = options.collapse ?? {};
  const keyIds = new Map<string, number>();
  const keys: KeyInfo[] = [];

  // Pass 1: every stack of both sides as a run of key ids in one flat array, with collapsed groups
  // already absorbed. Sequential and allocation-free per frame.
  const stackCount = b.values.length + h.values.length;
  const frameCount = b.stackFrames.length + h.stackFrames.length;
  const seq = new Int32Array(frameCount);
  const start = new Int32Array(stackCount + 1);
  const value = new Float64Array(stackCount);
  const isHead = new Uint8Array(stackCount);
  let baseSamples = 0;
  let headSamples = 0;
  let si = 0;
  let at = 0;
  // Every key comes from one frame (or stands for several): the frame count bounds the keys.
  const sums = newSums(b.frames.length + h.frames.length);
  const add = (profile: PackedProfile, head: boolean) => {
    const ops = profile.ops > 0 ? profile.ops : 1;
    const frameKey = new Int32Array(profile.frames.length);
    const frameGroup = new Uint8Array(profile.frames.length);
    profile.frames.forEach((f, i) => {
      let key: string;
      let info: Omit<KeyInfo, 'key' | 'seenOnHead'>;
      if (collapse.dependencies && f.kind === 'dependency' && f.package) {
        key = `\u0001pkg\u0000${f.package}`;
        info = {
          name: f.package,
          file: '',
          line: 0,
          kind: 'dependency',
          package: f.package,
          collapsed: true,
        };
      } else if (collapse.node && f.kind === 'node') {
        key = '\u0001node';
        info = { name: NODE_GROUP_NAME, file: '', line: 0, kind: 'node', collapsed: true };
      } else {
        key = `${f.name}\u0000${f.file}`;
        info = { name: f.name, file: f.file, line: f.line, kind: f.kind, collapsed: false };
        if (f.package !== undefined) info.package = f.package;
      }
      let id = keyIds.get(key);
      if (id === undefined) {
        id = keys.length;
        keys.push({ key, seenOnHead: false, ...info });
        keyIds.set(key, id);
      }
      const k = keys[id] as KeyInfo;
      // Prefer head's line so that source links point at the code under review.
      if (head && !k.seenOnHead && !k.collapsed) {
        k.seenOnHead = true;
        k.line = f.line;
      }
      frameKey[i] = id;
      frameGroup[i] = info.collapsed ? 1 : 0;
    });
    const r = flatten(profile, ops, head, frameKey, frameGroup, seq, start, value, isHead, si, at, sums);
    si = r.si;
    at = r.at;
    if (head) headSamples += r.samples;
    else baseSamples += r.samples;
  };
  add(b, false);
  add(h, true);
  start[si] = at;

  let baseTotal = 0;
  let headTotal = 0;
  for (let s = 0; s < stackCount; s++) {
    if (isHead[s]) headTotal += value[s] as number;
    else baseTotal += value[s] as number;
  }
  const root: FlameNode = {
    key: '',
    name: options.rootName ?? 'all',
    file: '',
    line: 0,
    kind: 'harness',
    collapsed: false,
    baseTotal,
    headTotal,
    baseSelf: 0,
    headSelf: 0,
    depth: 0,
    children: [],
  };
  const cut = Math.max(baseTotal, headTotal) * (options.minFraction ?? DEFAULT_MIN_FRACTION);
  const built = buildLevels(root, keys, seq, start, value, isHead, cut);

  return {
    root,
    baseTotal,
    headTotal,
    baseOps: b.ops > 0 ? b.ops : 1,
    headOps: h.ops > 0 ? h.ops : 1,
    baseSamples,
    headSamples,
    nodeCount: built.nodeCount,
    maxDepth: built.maxDepth,
    functions: functionsOf(keys, sums),
  };
}

/** Appends a profile's stacks to the flat arrays (a hot loop, kept in a small function for V8). */
function flatten(
  profile: PackedProfile,
  ops: number,
  head: boolean,
  frameKey: Int32Array,
  frameGroup: Uint8Array,
  seq: Int32Array,
  start: Int32Array,
  value: Float64Array,
  isHead: Uint8Array,
  si: number,
  at: number,
  sums: Sums,
): { si: number; at: number; samples: number } {
  let samples = 0;
  const { stackFrames, stackStart, values } = profile;
  const frameTotal = frameKey.length;
  const total = head ? sums.ht : sums.bt;
  const stamp = sums.stamp;
  for (let s = 0; s < values.length; s++) {
    samples += profile.samples[s] as number;
    start[si] = at;
    const v = (values[s] as number) / ops;
    value[si] = v;
    isHead[si] = head ? 1 : 0;
    let prev = -1;
    const to = stackStart[s + 1] as number;
    for (let i = stackStart[s] as number; i < to; i++) {
      const fi = stackFrames[i] as number;
      if (fi < 0 || fi >= frameTotal) continue;
      const key = frameKey[fi] as number;
      if (frameGroup[fi] === 1 && key === prev) continue;
      seq[at++] = key;
      prev = key;
      if (stamp[key] !== si) {
        stamp[key] = si;
        total[key] = (total[key] as number) + v;
      }
    }
    bookSelf(sums, seq, start[si] as number, at, v, head);
    si++;
  }
  return { si, at, samples };
}

// Pass 2 builds the tree one depth at a time. At each depth every stack still alive adds its time to
// (its node, its next key); only the pairs above the cut become nodes, and stacks below a dropped node
// stop there. A 100k-sample profile of varied stacks has millions of one-sample paths; this way they
// cost a few hash operations each instead of a node per frame.
function buildLevels(
  root: FlameNode,
  keys: KeyInfo[],
  seq: Int32Array,
  start: Int32Array,
  value: Float64Array,
  isHead: Uint8Array,
  cut: number,
): { nodeCount: number; maxDepth: number } {
  const stackCount = value.length;
  const nodes: FlameNode[] = [root];
  let active = new Int32Array(stackCount);
  let nActive = 0;
  const cur = new Int32Array(stackCount);
  for (let s = 0; s < stackCount; s++) {
    if ((start[s + 1] as number) > (start[s] as number)) active[nActive++] = s;
    else if (isHead[s]) root.headSelf += value[s] as number;
    else root.baseSelf += value[s] as number;
  }
  const cand = new Int32Array(stackCount);
  const level: Level = {
    parent: new Int32Array(stackCount),
    key: new Int32Array(stackCount),
    bt: new Float64Array(stackCount),
    ht: new Float64Array(stackCount),
    slots: new Int32Array(16),
  };
  let next = new Int32Array(stackCount);
  let maxDepth = 0;
  for (let depth = 0; nActive > 0; depth++) {
    const nCand = groupLevel(level, active, nActive, cur, cand, seq, start, value, isHead, depth);
    const nodeOf = new Int32Array(nCand).fill(-1);
    for (let c = 0; c < nCand; c++) {
      const bt = level.bt[c] as number;
      const ht = level.ht[c] as number;
      if (bt < cut && ht < cut) continue;
      const k = keys[level.key[c] as number] as KeyInfo;
      const node: FlameNode = {
        key: k.key,
        name: k.name,
        file: k.file,
        line: k.line,
        kind: k.kind,
        collapsed: k.collapsed,
        baseTotal: bt,
        headTotal: ht,
        baseSelf: 0,
        headSelf: 0,
        depth: depth + 1,
        children: [],
      };
      if (k.package !== undefined) node.package = k.package;
      nodeOf[c] = nodes.length;
      nodes.push(node);
      (nodes[level.parent[c] as number] as FlameNode).children.push(node);
      maxDepth = depth + 1;
    }
    const nNext = advanceLevel(nodes, nodeOf, active, nActive, next, cur, cand, start, value, isHead, depth);
    // The stacks left become the active list: swap the two arrays rather than copy.
    [active, next] = [next, active];
    nActive = nNext;
  }
  for (const node of nodes) if (node.children.length > 1) node.children.sort(compareNodes);
  return { nodeCount: nodes.length, maxDepth };
}

interface Level {
  parent: Int32Array;
  key: Int32Array;
  bt: Float64Array;
  ht: Float64Array;
  slots: Int32Array;
}

// The two hot loops live in small functions of their own: inside one big function V8 compiled them
// on-stack and threw the code away again at every new branch, several times slower.

const pairHash = (parent: number, key: number): number => {
  let x = Math.imul(parent ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(key + 0x7f4a7c15, 0x85ebca77);
  x ^= x >>> 15;
  return Math.imul(x, 0x2c1b3c6d);
};

/**
 * Sums each active stack's time into its (node, next key) pair; returns the number of pairs. The
 * hash table is sized by the pairs found, not the stacks: far fewer, so it stays in cache.
 */
function groupLevel(
  level: Level,
  active: Int32Array,
  nActive: number,
  cur: Int32Array,
  cand: Int32Array,
  seq: Int32Array,
  start: Int32Array,
  value: Float64Array,
  isHead: Uint8Array,
  depth: number,
): number {
  let size = 1024;
  if (level.slots.length < size) level.slots = new Int32Array(size);
  let slots = level.slots;
  slots.fill(0, 0, size);
  let mask = size - 1;
  const { parent: cParent, key: cKey, bt: cBt, ht: cHt } = level;
  let nCand = 0;
  for (let i = 0; i < nActive; i++) {
    const s = active[i] as number;
    const parent = cur[s] as number;
    const key = seq[(start[s] as number) + depth] as number;
    let h = pairHash(parent, key) & mask;
    let c = -1;
    for (;;) {
      const id = (slots[h] as number) - 1;
      if (id < 0) {
        c = nCand++;
        cParent[c] = parent;
        cKey[c] = key;
        cBt[c] = 0;
        cHt[c] = 0;
        slots[h] = c + 1;
        break;
      }
      if (cParent[id] === parent && cKey[id] === key) {
        c = id;
        break;
      }
      h = (h + 1) & mask;
    }
    cand[s] = c;
    if (isHead[s] === 1) cHt[c] = (cHt[c] as number) + (value[s] as number);
    else cBt[c] = (cBt[c] as number) + (value[s] as number);
    // Keep the table at most half full: grow and re-insert the pairs found so far.
    if (nCand * 2 > size) {
      size *= 2;
      mask = size - 1;
      if (level.slots.length < size) level.slots = new Int32Array(size);
      slots = level.slots;
      slots.fill(0, 0, size);
      for (let p = 0; p < nCand; p++) {
        let g = pairHash(cParent[p] as number, cKey[p] as number) & mask;
        while (slots[g] !== 0) g = (g + 1) & mask;
        slots[g] = p + 1;
      }
    }
  }
  return nCand;
}

/** Moves each stack to its new node, books self time where a stack ends; returns the stacks left. */
function advanceLevel(
  nodes: FlameNode[],
  nodeOf: Int32Array,
  active: Int32Array,
  nActive: number,
  next: Int32Array,
  cur: Int32Array,
  cand: Int32Array,
  start: Int32Array,
  value: Float64Array,
  isHead: Uint8Array,
  depth: number,
): number {
  let nNext = 0;
  for (let i = 0; i < nActive; i++) {
    const s = active[i] as number;
    const id = nodeOf[cand[s] as number] as number;
    if (id < 0) continue;
    cur[s] = id;
    if ((start[s] as number) + depth + 1 >= (start[s + 1] as number)) {
      const node = nodes[id] as FlameNode;
      if (isHead[s] === 1) node.headSelf += value[s] as number;
      else node.baseSelf += value[s] as number;
    } else {
      next[nNext++] = s;
    }
  }
  return nNext;
}

/**
 * Each function's self and total time over every stack, including those too small to draw: summed
 * while the stacks are flattened, so that every frame is read once.
 */
interface Sums {
  bs: Float64Array;
  hs: Float64Array;
  bt: Float64Array;
  ht: Float64Array;
  /** The last stack that counted each key: a recursive function's time counts once per stack. */
  stamp: Int32Array;
}

function newSums(n: number): Sums {
  return {
    bs: new Float64Array(n),
    hs: new Float64Array(n),
    bt: new Float64Array(n),
    ht: new Float64Array(n),
    stamp: new Int32Array(n).fill(-1),
  };
}

/** The leaf of the stack just flattened takes its self time. */
function bookSelf(sums: Sums, seq: Int32Array, from: number, to: number, v: number, head: boolean): void {
  if (to === from) return;
  const leaf = seq[to - 1] as number;
  const self = head ? sums.hs : sums.bs;
  self[leaf] = (self[leaf] as number) + v;
}

function functionsOf(keys: KeyInfo[], sums: Sums): FlameFunction[] {
  const out: FlameFunction[] = [];
  for (let k = 0; k < keys.length; k++) {
    // A key no stack reached (a frame only in the table) is not a function of this tree.
    if (sums.stamp[k] === -1) continue;
    const info = keys[k] as KeyInfo;
    const fn: FlameFunction = {
      key: info.key,
      name: info.name,
      file: info.file,
      line: info.line,
      kind: info.kind,
      baseSelf: sums.bs[k] as number,
      headSelf: sums.hs[k] as number,
      baseTotal: sums.bt[k] as number,
      headTotal: sums.ht[k] as number,
    };
    if (info.package !== undefined) fn.package = info.package;
    out.push(fn);
  }
  return out.sort(
    (x, y) =>
      Math.abs(y.headSelf - y.baseSelf) - Math.abs(x.headSelf - x.baseSelf) || (x.name < y.name ? -1 : 1),
  );
}

function compareNodes(a: FlameNode, b: FlameNode): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return 0;
}

/** Change of self time per op (head − base). */
export function selfDelta(node: FlameNode): number {
  return node.headSelf - node.baseSelf;
}

/** Change of total time per op (head − base). */
export function totalDelta(node: FlameNode): number {
  return node.headTotal - node.baseTotal;
}

/** The larger side's total: the scale against which a change is "big". */
export function scaleOf(tree: FlameTree): number {
  return Math.max(tree.baseTotal, tree.headTotal);
}

/** Functions summed over the whole tree (the root excluded), sorted by |self delta|, largest first. */
export function flameFunctions(tree: FlameTree): FlameFunction[] {
  return tree.functions;
}
