// Merges a base and a head profile into one call tree, so that a frame at one place in the call tree can
// be compared across the two sides. Everything is per operation (the two sides run different numbers
// of operations in the same wall time, so raw totals would not compare), in the profiles' unit: the
// tree carries their sample type, and every renderer prints values in it.
//
// The engine knows nothing about JavaScript: a frame's identity is its name and file (never the line,
// which moves with any edit above it). Only the optional collapsing reads Frame.kind and Frame.package.
import { formatNs, formatPercent, type ValueKind, valueKindOf } from '../format.js';
import type { SampleType } from '../model.js';
import { TIME_SAMPLE_TYPE } from '../profile/packed.js';
import { type NodeColumns, walkLevels } from './levels.js';
import { type CollapseOptions, type SideKey, type SideStacks, sideStacks, type TreeInput } from './side.js';

export {
  type CollapseOptions,
  NODE_GROUP_NAME,
  type SideStacks,
  sideStacks,
  type TreeInput,
} from './side.js';

/** One place in the merged call tree: a function (or collapsed group, see SideKey) under its callers. */
export interface FlameNode extends SideKey {
  /** Value per op (the tree's unit) in this frame and below it. */
  baseTotal: number;
  headTotal: number;
  /** Value per op with this frame on top of the stack (for collapsed nodes: in any frame of the group). */
  baseSelf: number;
  headSelf: number;
  depth: number;
  /** Sorted by name then file, so that the same subtree sits at the same place on both sides. */
  children: FlameNode[];
}

export interface TreeOptions {
  collapse?: CollapseOptions;
  /** Name of the root frame; defaults to `all`. */
  rootName?: string;
}

export interface FlameTree {
  root: FlameNode;
  /**
   * What every value of the tree measures: head's sample type (base's when head is missing). The
   * renderers print values in its unit: ns, bytes, samples.
   */
  sampleType: SampleType;
  /** Total value per op of each side (equal to root.baseTotal / root.headTotal). */
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

/** One function's values summed over every place it appears in the tree. */
export interface FlameFunction extends Omit<SideKey, 'collapsed'> {
  baseSelf: number;
  headSelf: number;
  /** Value per op with the function anywhere on the stack; recursion is counted once. */
  baseTotal: number;
  headTotal: number;
}

/**
 * Frames whose larger side is below this share of the benchmark total are not materialised as nodes
 * (with everything below them). At 1200 px that is 0.06 px: invisible in every rendering, and a 100k-sample
 * profile of varied stacks has millions of such one-sample nodes. Function sums still count them.
 */
export const DEFAULT_MIN_FRACTION = 5e-5;

export interface BuildOptions extends TreeOptions {
  /** See DEFAULT_MIN_FRACTION; 0 keeps every node. */
  minFraction?: number;
}

/** Builds the merged tree. Either side may be missing (an added or removed benchmark). */
export function buildFlameTree(
  base: TreeInput | undefined,
  head: TreeInput | undefined,
  options: BuildOptions = {},
): FlameTree {
  return mergeSides(sideStacks(base, options.collapse), sideStacks(head, options.collapse), options);
}

/**
 * The merged tree before its node objects are made: the walk records nodes as columns, and the
 * objects are made once every value is known (made during the walk, their self times started as
 * small integers and turned into doubles, and V8 migrated every node to a new shape).
 */
interface FlatTree {
  rootName: string;
  /** Every function (or collapsed group) of either side; nodes name theirs by index. */
  keys: SideKey[];
  nodes: NodeColumns;
  sampleType: SampleType;
  baseOps: number;
  headOps: number;
  baseSamples: number;
  headSamples: number;
  functions: FlameFunction[];
}

/**
 * The merged tree of two sides prepared by sideStacks with the same collapse options (each side may
 * be prepared elsewhere, as `flamegate diff` does head on a worker thread).
 */
export function mergeSides(base: SideStacks, head: SideStacks, options: BuildOptions = {}): FlameTree {
  return treeOf(mergeFlat(base, head, options));
}

/** mergeSides without the node objects. */
function mergeFlat(base: SideStacks, head: SideStacks, options: BuildOptions = {}): FlatTree {
  // One key list for both sides: base's keys in their order, then those only on head. A function's
  // line is head's when head has it, so that source links point at the code under review.
  const keys: SideKey[] = [];
  const ids = new Map<string, number>();
  const keyMap = (side: SideStacks, isHead: boolean): Int32Array => {
    const map = new Int32Array(side.keys.length);
    side.keys.forEach((k, i) => {
      let id = ids.get(k.key);
      if (id === undefined) {
        id = keys.length;
        keys.push({ ...k });
        ids.set(k.key, id);
      } else if (isHead && !k.collapsed) {
        (keys[id] as SideKey).line = k.line;
      }
      map[i] = id;
    });
    return map;
  };
  const baseMap = keyMap(base, false);
  const headMap = keyMap(head, true);
  const cut = Math.max(base.valueTotal, head.valueTotal) * (options.minFraction ?? DEFAULT_MIN_FRACTION);
  const nodes = walkLevels(keys, { stacks: base, keyMap: baseMap }, { stacks: head, keyMap: headMap }, cut);
  return {
    rootName: options.rootName ?? 'all',
    keys,
    nodes,
    sampleType: head.sampleType ?? base.sampleType ?? TIME_SAMPLE_TYPE,
    baseOps: base.ops,
    headOps: head.ops,
    baseSamples: base.samples,
    headSamples: head.samples,
    functions: functionsOf(keys, base, baseMap, head, headMap),
  };
}

/** The node objects of a flat tree; each parent's children in the order of the columns. */
function treeOf(flat: FlatTree): FlameTree {
  const { nodes: n, keys } = flat;
  const objects: FlameNode[] = new Array(n.count);
  const root: FlameNode = {
    key: '',
    name: flat.rootName,
    file: '',
    line: 0,
    kind: 'harness',
    collapsed: false,
    baseTotal: n.baseTotal[0] as number,
    headTotal: n.headTotal[0] as number,
    baseSelf: n.baseSelf[0] as number,
    headSelf: n.headSelf[0] as number,
    depth: 0,
    children: [],
  };
  objects[0] = root;
  for (let i = 1; i < n.count; i++) {
    const k = keys[n.key[i] as number] as SideKey;
    const node: FlameNode = {
      key: k.key,
      name: k.name,
      file: k.file,
      line: k.line,
      kind: k.kind,
      collapsed: k.collapsed,
      baseTotal: n.baseTotal[i] as number,
      headTotal: n.headTotal[i] as number,
      baseSelf: n.baseSelf[i] as number,
      headSelf: n.headSelf[i] as number,
      depth: n.depth[i] as number,
      children: [],
    };
    if (k.package !== undefined) node.package = k.package;
    objects[i] = node;
    (objects[n.parent[i] as number] as FlameNode).children.push(node);
  }
  return {
    root,
    sampleType: flat.sampleType,
    baseTotal: root.baseTotal,
    headTotal: root.headTotal,
    baseOps: flat.baseOps,
    headOps: flat.headOps,
    baseSamples: flat.baseSamples,
    headSamples: flat.headSamples,
    nodeCount: n.count,
    maxDepth: n.maxDepth,
    functions: flat.functions,
  };
}

/**
 * Each function's self and total time over every stack, including those too small to draw: summed by
 * each side while its stacks were read, so that every frame is read once.
 */
function functionsOf(
  keys: SideKey[],
  base: SideStacks,
  baseMap: Int32Array,
  head: SideStacks,
  headMap: Int32Array,
): FlameFunction[] {
  const n = keys.length;
  const sums = {
    bs: new Float64Array(n),
    hs: new Float64Array(n),
    bt: new Float64Array(n),
    ht: new Float64Array(n),
  };
  const reached = new Uint8Array(n);
  const add = (side: SideStacks, map: Int32Array, self: Float64Array, total: Float64Array) => {
    for (let i = 0; i < map.length; i++) {
      const k = map[i] as number;
      self[k] = (self[k] as number) + (side.self[i] as number);
      total[k] = (total[k] as number) + (side.total[i] as number);
      if (side.reached[i] === 1) reached[k] = 1;
    }
  };
  add(base, baseMap, sums.bs, sums.bt);
  add(head, headMap, sums.hs, sums.ht);
  const out: FlameFunction[] = [];
  for (let k = 0; k < n; k++) {
    // A key no stack reached (a frame only in the table) is not a function of this tree.
    if (reached[k] === 0) continue;
    const info = keys[k] as SideKey;
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

/** Change of self value per op (head − base). */
export function selfDelta(node: FlameNode): number {
  return node.headSelf - node.baseSelf;
}

/** Change of total value per op (head − base). */
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

/** What the renderers print values as, from their options. */
export interface ValueOptions {
  /**
   * Whether the values are per operation (`/op`); default true, as in a compare run. `flamegate diff`
   * says false for profiles that count no operations.
   */
  perOp?: boolean;
  /** Overrides the tree's own unit and wording altogether (tests; a caller that knows better). */
  value?: ValueKind;
  /**
   * The benchmark's own figures (the report's paired per-side times and change). The header leads
   * with them, so it says what the comment's table says; the profile's totals (profiled time, the
   * profiler's cost included) are named as such.
   */
  timing?: BenchmarkTiming;
}

/** A benchmark's per-side ns per op and change, as the report shows them (`sideFigures`). */
export interface BenchmarkTiming {
  baseNs: number;
  headNs: number;
  /** head/base − 1. */
  change: number;
}

/** `benchmark +23.7%: 4.45 ms → 5.50 ms per op`: the header's lead, the same figures as the table. */
export function timingHeadline(t: BenchmarkTiming): string {
  return `benchmark ${formatPercent(t.change)}: ${formatNs(t.baseNs)} → ${formatNs(t.headNs)} per op`;
}

/** How to print the tree's values: in the unit of its sample type, carried from the decoder. */
export function valueKindOfTree(tree: FlameTree, options: ValueOptions): ValueKind {
  return options.value ?? valueKindOf(tree.sampleType, options.perOp ?? true);
}
