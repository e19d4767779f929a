// The merged tree, built one depth at a time from both sides' columns (side.ts). At each depth every
// stack still alive adds its time to (its node, its next key); only the pairs above the cut become
// nodes, and stacks below a dropped node stop there. A 100k-sample profile of varied stacks has
// millions of one-sample paths; this way they cost a few hash operations each instead of a node per
// frame.
import type { SideKey, SideStacks } from './side.js';

/** One side for the walk: its columns, and each of its keys' id in the merged key list. */
interface WalkSide {
  stacks: SideStacks;
  keyMap: Int32Array;
}

/**
 * The merged tree's nodes as columns, node 0 the root: each node's key (in the merged key list), its
 * parent (an earlier node), depth, and each side's total and self time per op. Children follow their
 * parent's earlier children, in order of name then file.
 */
export interface NodeColumns {
  count: number;
  key: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  baseTotal: Float64Array;
  headTotal: Float64Array;
  baseSelf: Float64Array;
  headSelf: Float64Array;
  maxDepth: number;
}

/** Walks both sides' stacks down from the root; frames below `cut` on both sides are left out. */
export function walkLevels(keys: SideKey[], base: WalkSide, head: WalkSide, cut: number): NodeColumns {
  const sides = [base, head];
  const stackCount = base.stacks.value.length + head.stacks.value.length;
  const keyRank = rankKeys(keys);
  const table = new NodeTable(base.stacks.valueTotal, head.stacks.valueTotal);
  const pairs: Pairs = {
    parent: new Int32Array(stackCount),
    key: new Int32Array(stackCount),
    bt: new Float64Array(stackCount),
    ht: new Float64Array(stackCount),
    // Room for the most pairs a depth can have (one per stack) at most half full; only the part in
    // use is ever touched.
    slots: new Int32Array(2 ** Math.ceil(Math.log2(2 * stackCount + 16))),
    size: 16,
    count: 0,
  };
  // Every stack starts at the root, as if pair 0 of the depth above had become node 0 (the root):
  // depth 0 is then a depth like the others, and the empty stacks are the root's self time.
  const startAtRoot = (n: number): Live => {
    const rank = new Int32Array(n);
    for (let r = 0; r < n; r++) rank[r] = r;
    return { rank, pair: new Int32Array(n) };
  };
  let live = sides.map((s) => startAtRoot(s.stacks.value.length));
  let next: Live[] = sides.map((s) => ({
    rank: new Int32Array(s.stacks.value.length),
    pair: new Int32Array(s.stacks.value.length),
  }));
  let nLive = sides.map((s) => s.stacks.value.length);
  let nodeOf = new Int32Array(1024);
  let maxDepth = 0;
  // Nodes of the depth above are numbered [levelStart, table.count): the parents of this depth.
  let levelStart = 0;
  for (let depth = 0; ; depth++) {
    resetPairs(pairs);
    nLive = sides.map((s, side) =>
      nextLevel(
        pairs,
        s,
        side,
        depth,
        nodeOf,
        live[side] as Live,
        nLive[side] as number,
        next[side] as Live,
        table.self[side] as Float64Array,
      ),
    );
    // The stacks left become the live lists: swap the two sets of arrays rather than copy.
    [live, next] = [next, live];
    if ((nLive[0] as number) + (nLive[1] as number) === 0) break;
    const n = pairs.count;
    if (nodeOf.length < n) nodeOf = new Int32Array(Math.max(n, nodeOf.length * 2));
    nodeOf.fill(-1, 0, n);
    // The pairs above the cut become nodes in order of parent, then name and file, so that every
    // node's children come out sorted (the same subtree at the same place on both sides).
    const kept = keptInOrder(pairs, cut, keyRank, levelStart, table.count - levelStart);
    levelStart = table.count;
    for (let i = 0; i < kept.length; i++) {
      const c = kept[i] as number;
      nodeOf[c] = table.add(
        pairs.key[c] as number,
        pairs.parent[c] as number,
        depth + 1,
        pairs.bt[c] as number,
        pairs.ht[c] as number,
      );
    }
    if (kept.length > 0) maxDepth = depth + 1;
  }
  return table.finish(maxDepth);
}

/** The nodes found by the walk, in growing columns. */
class NodeTable {
  count = 1;
  key = new Int32Array(1024);
  parent = new Int32Array(1024);
  depth = new Int32Array(1024);
  baseTotal = new Float64Array(1024);
  headTotal = new Float64Array(1024);
  /** Self time per node, base then head. */
  self = [new Float64Array(1024), new Float64Array(1024)];

  constructor(baseTotal: number, headTotal: number) {
    this.baseTotal[0] = baseTotal;
    this.headTotal[0] = headTotal;
  }

  add(key: number, parent: number, depth: number, baseTotal: number, headTotal: number): number {
    if (this.count === this.key.length) this.grow();
    const id = this.count++;
    this.key[id] = key;
    this.parent[id] = parent;
    this.depth[id] = depth;
    this.baseTotal[id] = baseTotal;
    this.headTotal[id] = headTotal;
    return id;
  }

  private grow(): void {
    const size = this.key.length * 2;
    const int = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const float = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.key = int(this.key);
    this.parent = int(this.parent);
    this.depth = int(this.depth);
    this.baseTotal = float(this.baseTotal);
    this.headTotal = float(this.headTotal);
    this.self = this.self.map(float);
  }

  finish(maxDepth: number): NodeColumns {
    const n = this.count;
    return {
      count: n,
      key: this.key.slice(0, n),
      parent: this.parent.slice(0, n),
      depth: this.depth.slice(0, n),
      baseTotal: this.baseTotal.slice(0, n),
      headTotal: this.headTotal.slice(0, n),
      baseSelf: (this.self[0] as Float64Array).slice(0, n),
      headSelf: (this.self[1] as Float64Array).slice(0, n),
      maxDepth,
    };
  }
}

/** The (node, key) pairs found at one depth, with each side's time; and the hash table that finds them. */
interface Pairs {
  parent: Int32Array;
  key: Int32Array;
  bt: Float64Array;
  ht: Float64Array;
  slots: Int32Array;
  size: number;
  count: number;
}

/** One side's live stacks: their rank (see SideStacks) and the pair each adds to at this depth. */
interface Live {
  rank: Int32Array;
  pair: Int32Array;
}

/** Each key's place in the order of children: by name, then file. */
function rankKeys(keys: SideKey[]): Int32Array {
  const ids = keys.map((_, i) => i);
  ids.sort((a, b) => compareNameFile(keys[a] as SideKey, keys[b] as SideKey));
  const rank = new Int32Array(keys.length);
  ids.forEach((id, i) => {
    rank[id] = i;
  });
  return rank;
}

function compareNameFile(a: { name: string; file: string }, b: { name: string; file: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return 0;
}

/**
 * The pairs at or above the cut, ordered by parent, then key rank. Parents are the previous depth's
 * nodes, a range of `parents` ids from `firstParent`: one number per pair encodes the order and the
 * pair, and a numeric sort orders them (a comparator sort costs a call per comparison).
 */
function keptInOrder(
  pairs: Pairs,
  cut: number,
  keyRank: Int32Array,
  firstParent: number,
  parents: number,
): Int32Array {
  const n = pairs.count;
  const keyCount = keyRank.length;
  const kept = new Int32Array(n);
  let count = 0;
  for (let c = 0; c < n; c++) {
    if ((pairs.bt[c] as number) >= cut || (pairs.ht[c] as number) >= cut) kept[count++] = c;
  }
  if (count < 2) return kept.subarray(0, count);
  if (Math.max(parents, 1) * keyCount * n < 2 ** 52) {
    const code = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const c = kept[i] as number;
      const parent = (pairs.parent[c] as number) - firstParent;
      code[i] = (parent * keyCount + (keyRank[pairs.key[c] as number] as number)) * n + c;
    }
    code.sort();
    for (let i = 0; i < count; i++) kept[i] = (code[i] as number) % n;
    return kept.subarray(0, count);
  }
  return kept
    .subarray(0, count)
    .sort(
      (a, b) =>
        (pairs.parent[a] as number) - (pairs.parent[b] as number) ||
        (keyRank[pairs.key[a] as number] as number) - (keyRank[pairs.key[b] as number] as number),
    );
}

// The hot loops live in small functions of their own: inside one big function V8 compiled them
// on-stack and threw the code away again at every new branch, several times slower.

const pairHash = (parent: number, key: number): number => {
  let x = Math.imul(parent ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(key + 0x7f4a7c15, 0x85ebca77);
  x ^= x >>> 15;
  return Math.imul(x, 0x2c1b3c6d);
};

function resetPairs(pairs: Pairs): void {
  pairs.count = 0;
  pairs.size = 16;
  pairs.slots.fill(0, 0, pairs.size);
}

/** Keeps the table at most half full: when it is not, doubles it and re-inserts the pairs found so far. */
function grow(pairs: Pairs): void {
  if (pairs.count * 2 <= pairs.size) return;
  pairs.size *= 2;
  const { slots, parent, key } = pairs;
  slots.fill(0, 0, pairs.size);
  const mask = pairs.size - 1;
  for (let p = 0; p < pairs.count; p++) {
    let g = pairHash(parent[p] as number, key[p] as number) & mask;
    while (slots[g] !== 0) g = (g + 1) & mask;
    slots[g] = p + 1;
  }
}

/**
 * Moves each live stack of one side to the node its pair became (stacks under a dropped pair stop),
 * books self time where a stack ends, and adds the others to (node, key at `depth`); the stacks left
 * are written, compacted, into `next`. Returns how many there are.
 */
function nextLevel(
  pairs: Pairs,
  walkSide: WalkSide,
  side: number,
  depth: number,
  nodeOf: Int32Array,
  live: Live,
  nLive: number,
  next: Live,
  self: Float64Array,
): number {
  const { stacks } = walkSide;
  const reaching = stacks.reaching[depth] ?? 0;
  // Live stacks keep ascending ranks, and ranks go longest first: the stacks that end at this depth
  // (rank ≥ reaching) are the last ones. Each kind has a loop (and a function: V8 compiles a long
  // loop on its own, and code after it without type feedback threw it away) free of that test.
  let ending = nLive;
  while (ending > 0 && (live.rank[ending - 1] as number) >= reaching) ending--;
  endStacks(stacks.value, nodeOf, live, ending, nLive, self);
  return goOn(pairs, walkSide, side, stacks.colStart[depth] ?? 0, nodeOf, live, ending, next);
}

/** Live stacks [from, to) end at this depth: their time is their node's self time. */
function endStacks(
  value: Float64Array,
  nodeOf: Int32Array,
  { rank, pair }: Live,
  from: number,
  to: number,
  self: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const id = nodeOf[pair[i] as number] as number;
    if (id >= 0) self[id] = (self[id] as number) + (value[rank[i] as number] as number);
  }
}

/**
 * Live stacks [0, count) go on: each adds its time to the pair (its node, its key in the column at
 * `from`), found in the hash table (added when new); returns the stacks left, written to `next`. The
 * table is sized by the pairs found, not the stacks: far fewer, so it stays in cache.
 */
function goOn(
  pairs: Pairs,
  { stacks, keyMap }: WalkSide,
  side: number,
  from: number,
  nodeOf: Int32Array,
  { rank, pair }: Live,
  count: number,
  next: Live,
): number {
  const { keysAt, value } = stacks;
  const nextRank = next.rank;
  const nextPair = next.pair;
  // Every field is read whichever the side: a field first read for head's stacks, once base's had
  // got V8 to optimize this, threw the optimized code away.
  const { parent: pParent, key: pKey, bt, ht } = pairs;
  const times = side === 1 ? ht : bt;
  let { slots, size } = pairs;
  let mask = size - 1;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const id = nodeOf[pair[i] as number] as number;
    if (id < 0) continue;
    const r = rank[i] as number;
    const key = keyMap[keysAt[from + r] as number] as number;
    const v = value[r] as number;
    let h = pairHash(id, key) & mask;
    let c = -1;
    for (;;) {
      const found = (slots[h] as number) - 1;
      if (found < 0) break;
      if (pParent[found] === id && pKey[found] === key) {
        c = found;
        break;
      }
      h = (h + 1) & mask;
    }
    if (c >= 0) times[c] = (times[c] as number) + v;
    else {
      c = pairs.count++;
      pParent[c] = id;
      pKey[c] = key;
      bt[c] = 0;
      ht[c] = 0;
      times[c] = v;
      slots[h] = c + 1;
      // Asked, and the table read again, at every new pair (not only when it must grow): V8 has then
      // seen both before it optimizes this loop. First met in optimized code, they threw it away.
      grow(pairs);
      slots = pairs.slots;
      size = pairs.size;
      mask = size - 1;
    }
    nextRank[n] = r;
    nextPair[n] = c;
    n++;
  }
  return n;
}
