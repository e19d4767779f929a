import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  formatDeltaValue,
  formatNs,
  formatPercent,
  formatValue,
  namesWithFiles,
  perOpSuffix,
  plural,
  quantityOf,
  valueKindOf
} from "./cli-chunk-DZIVBFCG.js";
import {
  TIME_SAMPLE_TYPE,
  sideStacks
} from "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/escape.ts
var INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
var NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
function escapeHtml(text) {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML, "�").replace(/[&<>"']/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      default:
        return "&#39;";
    }
  });
}
__name(escapeHtml, "escapeHtml");
function jsonForScript(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
__name(jsonForScript, "jsonForScript");
function oneLine(text) {
  return text.replace(/[\r\n\t]+/g, " ");
}
__name(oneLine, "oneLine");
var NAME_MAX = 120;
function shortenMiddle(text, max) {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? "…" : "";
  const kept = max - 1;
  let headEnd = Math.ceil(kept / 2);
  let tailStart = text.length - (kept - headEnd);
  if (/[\uD800-\uDBFF]/.test(text.charAt(headEnd - 1))) headEnd--;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(tailStart))) tailStart++;
  return `${text.slice(0, headEnd)}…${text.slice(tailStart)}`;
}
__name(shortenMiddle, "shortenMiddle");
function clip(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}
__name(clip, "clip");
function clipAtWord(text, max) {
  if (text.length <= max) return text;
  const cut = clip(text, max);
  const space = cut.lastIndexOf(" ", cut.length - 2);
  return space > max / 2 ? `${cut.slice(0, space)} …` : cut;
}
__name(clipAtWord, "clipAtWord");
var UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
function plainText(text) {
  return oneLine(text).replace(UNPRINTABLE, "�");
}
__name(plainText, "plainText");
function shownName(text, max) {
  return shortenMiddle(plainText(text), max);
}
__name(shownName, "shownName");
function codeName(text, options = {}) {
  let name = shownName(text, options.max ?? NAME_MAX);
  if (name === "") return '""';
  if (options.cell) name = name.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(name.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad2 = /^[` ]|[` ]$/.test(name) ? " " : "";
  return `${fence}${pad2}${name}${pad2}${fence}`;
}
__name(codeName, "codeName");
function htmlCodeName(text, max = NAME_MAX) {
  return `<code>${escapeHtml(shownName(text, max))}</code>`;
}
__name(htmlCodeName, "htmlCodeName");
var WORD_JOINER = "⁠";
function markdownText(text, max) {
  return clip(plainText(text), max).replace(/@/g, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`).replace(/\b(gh)-(?=\d)/gi, `$1-${WORD_JOINER}`).replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([*_`[\]~!])/g, "\\$1");
}
__name(markdownText, "markdownText");

// src/flame/levels.ts
function walkLevels(keys, base, head, cut) {
  const sides = [base, head];
  const stackCount = base.stacks.value.length + head.stacks.value.length;
  const keyRank = rankKeys(keys);
  const table = new NodeTable(base.stacks.valueTotal, head.stacks.valueTotal);
  const pairs = {
    parent: new Int32Array(stackCount),
    key: new Int32Array(stackCount),
    bt: new Float64Array(stackCount),
    ht: new Float64Array(stackCount),
    // Room for the most pairs a depth can have (one per stack) at most half full; only the part in
    // use is ever touched.
    slots: new Int32Array(2 ** Math.ceil(Math.log2(2 * stackCount + 16))),
    size: 16,
    count: 0
  };
  const startAtRoot = /* @__PURE__ */ __name((n) => {
    const rank = new Int32Array(n);
    for (let r2 = 0; r2 < n; r2++) rank[r2] = r2;
    return { rank, pair: new Int32Array(n) };
  }, "startAtRoot");
  let live = sides.map((s) => startAtRoot(s.stacks.value.length));
  let next = sides.map((s) => ({
    rank: new Int32Array(s.stacks.value.length),
    pair: new Int32Array(s.stacks.value.length)
  }));
  let nLive = sides.map((s) => s.stacks.value.length);
  let nodeOf = new Int32Array(1024);
  let maxDepth = 0;
  let levelStart = 0;
  for (let depth = 0; ; depth++) {
    resetPairs(pairs);
    nLive = sides.map(
      (s, side) => nextLevel(
        pairs,
        s,
        side,
        depth,
        nodeOf,
        live[side],
        nLive[side],
        next[side],
        table.self[side]
      )
    );
    [live, next] = [next, live];
    if (nLive[0] + nLive[1] === 0) break;
    const n = pairs.count;
    if (nodeOf.length < n) nodeOf = new Int32Array(Math.max(n, nodeOf.length * 2));
    nodeOf.fill(-1, 0, n);
    const kept = keptInOrder(pairs, cut, keyRank, levelStart, table.count - levelStart);
    levelStart = table.count;
    for (let i = 0; i < kept.length; i++) {
      const c = kept[i];
      nodeOf[c] = table.add(
        pairs.key[c],
        pairs.parent[c],
        depth + 1,
        pairs.bt[c],
        pairs.ht[c]
      );
    }
    if (kept.length > 0) maxDepth = depth + 1;
  }
  return table.finish(maxDepth);
}
__name(walkLevels, "walkLevels");
var NodeTable = class {
  static {
    __name(this, "NodeTable");
  }
  count = 1;
  key = new Int32Array(1024);
  parent = new Int32Array(1024);
  depth = new Int32Array(1024);
  baseTotal = new Float64Array(1024);
  headTotal = new Float64Array(1024);
  /** Self time per node, base then head. */
  self = [new Float64Array(1024), new Float64Array(1024)];
  constructor(baseTotal, headTotal) {
    this.baseTotal[0] = baseTotal;
    this.headTotal[0] = headTotal;
  }
  add(key, parent, depth, baseTotal, headTotal) {
    if (this.count === this.key.length) this.grow();
    const id = this.count++;
    this.key[id] = key;
    this.parent[id] = parent;
    this.depth[id] = depth;
    this.baseTotal[id] = baseTotal;
    this.headTotal[id] = headTotal;
    return id;
  }
  grow() {
    const size = this.key.length * 2;
    const int = /* @__PURE__ */ __name((a) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    }, "int");
    const float = /* @__PURE__ */ __name((a) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    }, "float");
    this.key = int(this.key);
    this.parent = int(this.parent);
    this.depth = int(this.depth);
    this.baseTotal = float(this.baseTotal);
    this.headTotal = float(this.headTotal);
    this.self = this.self.map(float);
  }
  finish(maxDepth) {
    const n = this.count;
    return {
      count: n,
      key: this.key.slice(0, n),
      parent: this.parent.slice(0, n),
      depth: this.depth.slice(0, n),
      baseTotal: this.baseTotal.slice(0, n),
      headTotal: this.headTotal.slice(0, n),
      baseSelf: this.self[0].slice(0, n),
      headSelf: this.self[1].slice(0, n),
      maxDepth
    };
  }
};
function rankKeys(keys) {
  const ids = keys.map((_, i) => i);
  ids.sort((a, b) => compareNameFile(keys[a], keys[b]));
  const rank = new Int32Array(keys.length);
  ids.forEach((id, i) => {
    rank[id] = i;
  });
  return rank;
}
__name(rankKeys, "rankKeys");
function compareNameFile(a, b) {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return 0;
}
__name(compareNameFile, "compareNameFile");
function keptInOrder(pairs, cut, keyRank, firstParent, parents) {
  const n = pairs.count;
  const keyCount = keyRank.length;
  const kept = new Int32Array(n);
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (pairs.bt[c] >= cut || pairs.ht[c] >= cut) kept[count++] = c;
  }
  if (count < 2) return kept.subarray(0, count);
  if (Math.max(parents, 1) * keyCount * n < 2 ** 52) {
    const code = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const c = kept[i];
      const parent = pairs.parent[c] - firstParent;
      code[i] = (parent * keyCount + keyRank[pairs.key[c]]) * n + c;
    }
    code.sort();
    for (let i = 0; i < count; i++) kept[i] = code[i] % n;
    return kept.subarray(0, count);
  }
  return kept.subarray(0, count).sort(
    (a, b) => pairs.parent[a] - pairs.parent[b] || keyRank[pairs.key[a]] - keyRank[pairs.key[b]]
  );
}
__name(keptInOrder, "keptInOrder");
var pairHash = /* @__PURE__ */ __name((parent, key) => {
  let x = Math.imul(parent ^ 1540483477, 2654435761) ^ Math.imul(key + 2135587861, 2246822519);
  x ^= x >>> 15;
  return Math.imul(x, 739982445);
}, "pairHash");
function resetPairs(pairs) {
  pairs.count = 0;
  pairs.size = 16;
  pairs.slots.fill(0, 0, pairs.size);
}
__name(resetPairs, "resetPairs");
function grow(pairs) {
  if (pairs.count * 2 <= pairs.size) return;
  pairs.size *= 2;
  const { slots, parent, key } = pairs;
  slots.fill(0, 0, pairs.size);
  const mask = pairs.size - 1;
  for (let p = 0; p < pairs.count; p++) {
    let g = pairHash(parent[p], key[p]) & mask;
    while (slots[g] !== 0) g = g + 1 & mask;
    slots[g] = p + 1;
  }
}
__name(grow, "grow");
function nextLevel(pairs, walkSide, side, depth, nodeOf, live, nLive, next, self) {
  const { stacks } = walkSide;
  const reaching = stacks.reaching[depth] ?? 0;
  let ending = nLive;
  while (ending > 0 && live.rank[ending - 1] >= reaching) ending--;
  endStacks(stacks.value, nodeOf, live, ending, nLive, self);
  return goOn(pairs, walkSide, side, stacks.colStart[depth] ?? 0, nodeOf, live, ending, next);
}
__name(nextLevel, "nextLevel");
function endStacks(value, nodeOf, { rank, pair }, from, to, self) {
  for (let i = from; i < to; i++) {
    const id = nodeOf[pair[i]];
    if (id >= 0) self[id] = self[id] + value[rank[i]];
  }
}
__name(endStacks, "endStacks");
function goOn(pairs, { stacks, keyMap }, side, from, nodeOf, { rank, pair }, count, next) {
  const { keysAt, value } = stacks;
  const nextRank = next.rank;
  const nextPair = next.pair;
  const { parent: pParent, key: pKey, bt, ht } = pairs;
  const times = side === 1 ? ht : bt;
  let { slots, size } = pairs;
  let mask = size - 1;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const id = nodeOf[pair[i]];
    if (id < 0) continue;
    const r2 = rank[i];
    const key = keyMap[keysAt[from + r2]];
    const v = value[r2];
    let h = pairHash(id, key) & mask;
    let c = -1;
    for (; ; ) {
      const found = slots[h] - 1;
      if (found < 0) break;
      if (pParent[found] === id && pKey[found] === key) {
        c = found;
        break;
      }
      h = h + 1 & mask;
    }
    if (c >= 0) times[c] = times[c] + v;
    else {
      c = pairs.count++;
      pParent[c] = id;
      pKey[c] = key;
      bt[c] = 0;
      ht[c] = 0;
      times[c] = v;
      slots[h] = c + 1;
      grow(pairs);
      slots = pairs.slots;
      size = pairs.size;
      mask = size - 1;
    }
    nextRank[n] = r2;
    nextPair[n] = c;
    n++;
  }
  return n;
}
__name(goOn, "goOn");

// src/flame/tree.ts
var DEFAULT_MIN_FRACTION = 5e-5;
function buildFlameTree(base, head, options = {}) {
  return mergeSides(sideStacks(base, options.collapse), sideStacks(head, options.collapse), options);
}
__name(buildFlameTree, "buildFlameTree");
function mergeSides(base, head, options = {}) {
  return treeOf(mergeFlat(base, head, options));
}
__name(mergeSides, "mergeSides");
function mergeFlat(base, head, options = {}) {
  const keys = [];
  const ids = /* @__PURE__ */ new Map();
  const keyMap = /* @__PURE__ */ __name((side, isHead) => {
    const map = new Int32Array(side.keys.length);
    side.keys.forEach((k, i) => {
      let id = ids.get(k.key);
      if (id === void 0) {
        id = keys.length;
        keys.push({ ...k });
        ids.set(k.key, id);
      } else if (isHead && !k.collapsed) {
        keys[id].line = k.line;
      }
      map[i] = id;
    });
    return map;
  }, "keyMap");
  const baseMap = keyMap(base, false);
  const headMap = keyMap(head, true);
  const cut = Math.max(base.valueTotal, head.valueTotal) * (options.minFraction ?? DEFAULT_MIN_FRACTION);
  const nodes = walkLevels(keys, { stacks: base, keyMap: baseMap }, { stacks: head, keyMap: headMap }, cut);
  return {
    rootName: options.rootName ?? "all",
    keys,
    nodes,
    sampleType: head.sampleType ?? base.sampleType ?? TIME_SAMPLE_TYPE,
    baseOps: base.ops,
    headOps: head.ops,
    baseSamples: base.samples,
    headSamples: head.samples,
    functions: functionsOf(keys, base, baseMap, head, headMap)
  };
}
__name(mergeFlat, "mergeFlat");
function treeOf(flat) {
  const { nodes: n, keys } = flat;
  const objects = new Array(n.count);
  const root = {
    key: "",
    name: flat.rootName,
    file: "",
    line: 0,
    kind: "harness",
    collapsed: false,
    baseTotal: n.baseTotal[0],
    headTotal: n.headTotal[0],
    baseSelf: n.baseSelf[0],
    headSelf: n.headSelf[0],
    depth: 0,
    children: []
  };
  objects[0] = root;
  for (let i = 1; i < n.count; i++) {
    const k = keys[n.key[i]];
    const node = {
      key: k.key,
      name: k.name,
      file: k.file,
      line: k.line,
      kind: k.kind,
      collapsed: k.collapsed,
      baseTotal: n.baseTotal[i],
      headTotal: n.headTotal[i],
      baseSelf: n.baseSelf[i],
      headSelf: n.headSelf[i],
      depth: n.depth[i],
      children: []
    };
    if (k.package !== void 0) node.package = k.package;
    objects[i] = node;
    objects[n.parent[i]].children.push(node);
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
    functions: flat.functions
  };
}
__name(treeOf, "treeOf");
function functionsOf(keys, base, baseMap, head, headMap) {
  const n = keys.length;
  const sums = {
    bs: new Float64Array(n),
    hs: new Float64Array(n),
    bt: new Float64Array(n),
    ht: new Float64Array(n)
  };
  const reached = new Uint8Array(n);
  const add = /* @__PURE__ */ __name((side, map, self, total) => {
    for (let i = 0; i < map.length; i++) {
      const k = map[i];
      self[k] = self[k] + side.self[i];
      total[k] = total[k] + side.total[i];
      if (side.reached[i] === 1) reached[k] = 1;
    }
  }, "add");
  add(base, baseMap, sums.bs, sums.bt);
  add(head, headMap, sums.hs, sums.ht);
  const out = [];
  for (let k = 0; k < n; k++) {
    if (reached[k] === 0) continue;
    const info = keys[k];
    const fn = {
      key: info.key,
      name: info.name,
      file: info.file,
      line: info.line,
      kind: info.kind,
      baseSelf: sums.bs[k],
      headSelf: sums.hs[k],
      baseTotal: sums.bt[k],
      headTotal: sums.ht[k]
    };
    if (info.package !== void 0) fn.package = info.package;
    out.push(fn);
  }
  return out.sort(
    (x, y) => Math.abs(y.headSelf - y.baseSelf) - Math.abs(x.headSelf - x.baseSelf) || (x.name < y.name ? -1 : 1)
  );
}
__name(functionsOf, "functionsOf");
function selfDelta(node) {
  return node.headSelf - node.baseSelf;
}
__name(selfDelta, "selfDelta");
function totalDelta(node) {
  return node.headTotal - node.baseTotal;
}
__name(totalDelta, "totalDelta");
function scaleOf(tree) {
  return Math.max(tree.baseTotal, tree.headTotal);
}
__name(scaleOf, "scaleOf");
function flameFunctions(tree) {
  return tree.functions;
}
__name(flameFunctions, "flameFunctions");
function timingHeadline(t) {
  return `benchmark ${formatPercent(t.change)}: ${formatNs(t.baseNs)} → ${formatNs(t.headNs)} per op`;
}
__name(timingHeadline, "timingHeadline");
function valueKindOfTree(tree, options) {
  return options.value ?? valueKindOf(tree.sampleType, options.perOp ?? true);
}
__name(valueKindOfTree, "valueKindOfTree");

// src/links.ts
function blobUrl(repoUrl, ref, path, line2 = 0) {
  const encode = /* @__PURE__ */ __name((part) => encodeURIComponent(part).replace(/\(/g, "%28").replace(/\)/g, "%29"), "encode");
  const file = path.split("/").map(encode).join("/");
  return `${repoUrl.replace(/\/+$/, "")}/blob/${encode(ref)}/${file}${line2 > 0 ? `#L${line2}` : ""}`;
}
__name(blobUrl, "blobUrl");
function sourceUrl(repoUrl, sha, file, line2) {
  if (!repoUrl || !sha || !file) return void 0;
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith("/") || /(^|\/)node_modules\//.test(file))
    return void 0;
  return blobUrl(repoUrl, sha, file, line2);
}
__name(sourceUrl, "sourceUrl");

// browser-script:src/flame/browser/html-viewer.ts
var html_viewer_default = '"use strict";\n(() => {\n  // src/escape.ts\n  var INVALID_XML = /[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]/gu;\n  var NEEDS_ESCAPING = /[&<>"\'\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]/;\n  function escapeHtml(text) {\n    if (!NEEDS_ESCAPING.test(text)) return text;\n    return text.replace(INVALID_XML, "�").replace(/[&<>"\']/g, (c) => {\n      switch (c) {\n        case "&":\n          return "&amp;";\n        case "<":\n          return "&lt;";\n        case ">":\n          return "&gt;";\n        case \'"\':\n          return "&quot;";\n        default:\n          return "&#39;";\n      }\n    });\n  }\n\n  // src/format.ts\n  function formatNs(ns) {\n    const abs = Math.abs(ns);\n    if (abs === 0) return "0 ns";\n    if (abs < 1) return `${trim(ns.toPrecision(2))} ns`;\n    if (abs < 1e3) return `${trim(ns.toPrecision(3))} ns`;\n    if (abs < 1e6) return `${trim((ns / 1e3).toPrecision(3))} µs`;\n    if (abs < 1e9) return `${trim((ns / 1e6).toPrecision(3))} ms`;\n    return `${trim((ns / 1e9).toPrecision(3))} s`;\n  }\n  function formatDeltaNs(ns) {\n    if (ns === 0) return "±0 ns";\n    return ns > 0 ? `+${formatNs(ns)}` : `−${formatNs(-ns)}`;\n  }\n  function trim(s) {\n    const n = Number(s);\n    return String(n);\n  }\n  function formatPercent(fraction, signed = true) {\n    if (!Number.isFinite(fraction)) return fraction > 0 ? "+∞" : fraction < 0 ? "−∞" : "–";\n    const pct = fraction * 100;\n    const digits = Math.abs(pct) >= 100 ? 0 : 1;\n    const text = Math.abs(pct).toFixed(digits);\n    if (!signed) return `${fraction < 0 ? "−" : ""}${text}%`;\n    return `${pct > 0 && text !== 0 .toFixed(digits) ? "+" : pct < 0 && text !== 0 .toFixed(digits) ? "−" : "±"}${text}%`;\n  }\n  function formatBytes(bytes) {\n    const abs = Math.abs(bytes);\n    if (abs < 1024) return `${trim(bytes.toPrecision(3))} B`;\n    if (abs < 1024 ** 2) return `${trim((bytes / 1024).toPrecision(3))} KiB`;\n    if (abs < 1024 ** 3) return `${trim((bytes / 1024 ** 2).toPrecision(3))} MiB`;\n    return `${trim((bytes / 1024 ** 3).toPrecision(3))} GiB`;\n  }\n  function formatDeltaBytes(bytes) {\n    if (bytes === 0) return "±0 B";\n    return bytes > 0 ? `+${formatBytes(bytes)}` : `−${formatBytes(-bytes)}`;\n  }\n  var NS_PER_OP = { unit: "nanoseconds", perOp: true };\n  function baseUnit(unit) {\n    if (unit === "nanoseconds" || unit === "ns") return "ns";\n    if (unit === "bytes") return "bytes";\n    if (unit === "count" || unit === "samples") return "samples";\n    return "other";\n  }\n  function formatValue(value, kind2) {\n    switch (baseUnit(kind2.unit)) {\n      case "ns":\n        return formatNs(value);\n      case "bytes":\n        return formatBytes(value);\n      default:\n        return countOf(value, kind2.unit);\n    }\n  }\n  function formatDeltaValue(value, kind2) {\n    switch (baseUnit(kind2.unit)) {\n      case "ns":\n        return formatDeltaNs(value);\n      case "bytes":\n        return formatDeltaBytes(value);\n      default:\n        if (value === 0) return `±${countOf(0, kind2.unit)}`;\n        return value > 0 ? `+${countOf(value, kind2.unit)}` : `−${countOf(-value, kind2.unit)}`;\n    }\n  }\n  function perOpSuffix(kind2) {\n    return kind2.perOp ? "/op" : "";\n  }\n  function quantityOf(kind2) {\n    if (kind2.quantity !== void 0) return kind2.quantity;\n    const base = baseUnit(kind2.unit);\n    return base === "ns" ? "time" : base === "other" ? kind2.unit : base;\n  }\n  function countOf(value, unit) {\n    const abs = Math.abs(value);\n    const text = abs >= 100 ? String(Math.round(value)) : trim(value.toPrecision(3));\n    const name = baseUnit(unit) === "samples" ? Math.abs(Number(text)) === 1 ? "sample" : "samples" : unit;\n    return name ? `${text} ${name}` : text;\n  }\n\n  // src/flame/browser/html-viewer.ts\n  function byId(id) {\n    const el = document.getElementById(id);\n    if (!el) throw new Error(`flame viewer: #${id} is missing`);\n    return el;\n  }\n  var D = JSON.parse(byId("flame-data").textContent ?? "{}");\n  var kind = D.value ?? NS_PER_OP;\n  var op = perOpSuffix(kind);\n  var what = escapeHtml(quantityOf(kind));\n  var fmt = (v) => formatValue(v, kind);\n  var fmtDelta = (v) => formatDeltaValue(v, kind);\n  var S = D.strings;\n  var N = D.n.length;\n  var u = D.unit;\n  var at = (column, i) => column[i] ?? 0;\n  var kids = Array.from({ length: N }, () => []);\n  var depth = new Int32Array(N);\n  for (let i = 1; i < N; i++) {\n    const parent = at(D.par, i);\n    kids[parent]?.push(i);\n    depth[i] = (depth[parent] ?? 0) + 1;\n  }\n  var H = 17;\n  var chart = byId("chart");\n  var details = byId("details");\n  var crumbs = byId("crumbs");\n  var searchBox = byId("search");\n  var searchCount = byId("search-count");\n  var view = "diff";\n  var zoomed = 0;\n  var re = null;\n  var sizedByHead = () => view === "diff" || view === "head";\n  var byChange = () => view === "diff" || view === "diffbase";\n  var size = (i) => sizedByHead() ? at(D.ht, i) : at(D.bt, i);\n  var colorOf = (i) => byChange() ? D.colors[at(D.c, i)] : D.kindColors[at(D.k, i)];\n  var inkOf = (i) => byChange() ? D.inks[at(D.c, i)] : "#000";\n  var nameOf = (i) => S[at(D.n, i)] ?? "";\n  var gone = (i) => at(D.ht, i) === 0 && at(D.bt, i) > 0;\n  function legend() {\n    const el = byId("legend");\n    if (byChange()) {\n      el.innerHTML = (view === "diff" ? `Width: head ${what}${op}.` : `Width: base ${what}${op}; dashed = only on base.`) + ` Colour: change of self ${what}${op} <i style="background:rgb(255,54,54)"></i>grew<i style="background:rgb(54,94,255)"></i>shrank<i style="background:rgb(224,224,224)"></i>unchanged`;\n    } else {\n      el.innerHTML = `Width: ${view} ${what}${op}. Colour: kind${D.kinds.map((k, i) => `<i style="background:${D.kindColors[i]}"></i>${escapeHtml(k)}`).join("")}`;\n    }\n  }\n  function render() {\n    if (size(zoomed) <= 0) zoomed = 0;\n    const W = chart.clientWidth || 1e3;\n    const parts = [];\n    const anc = [];\n    for (let a = at(D.par, zoomed); a >= 0; a = at(D.par, a)) anc.push(a);\n    let maxDepth = depth[zoomed] ?? 0;\n    const frame = (i, x, w, extra) => {\n      let cls = `frame ${D.changes[at(D.ch, i)]}`;\n      if (gone(i)) cls += " gone";\n      if (extra) cls += ` ${extra}`;\n      if (re?.test(nameOf(i))) cls += " match";\n      const d = depth[i] ?? 0;\n      parts.push(\n        `<div class="${cls}" data-i="${i}" style="left:${x.toFixed(1)}px;top:${d * H}px;width:${Math.max(w - 1, 1).toFixed(1)}px;background:${colorOf(i)};color:${inkOf(i)}">${w > 18 ? escapeHtml(nameOf(i)) : ""}</div>`\n      );\n      if (d > maxDepth) maxDepth = d;\n    };\n    for (const a of anc) frame(a, 0, W, "anc");\n    const total = size(zoomed);\n    const k = total > 0 ? W / total : 0;\n    const stack = [[zoomed, 0]];\n    for (let top = stack.pop(); top; top = stack.pop()) {\n      const [i, x] = top;\n      frame(i, x, size(i) * k, "");\n      let cx = x;\n      const next = [];\n      for (const c of kids[i] ?? []) {\n        const cw = size(c) * k;\n        if (cw >= 0.5) next.push([c, cx]);\n        cx += cw;\n      }\n      stack.push(...next.reverse());\n    }\n    chart.style.height = `${(maxDepth + 1) * H + 2}px`;\n    chart.innerHTML = parts.join("");\n    crumbs.textContent = zoomed === 0 ? "" : `Zoomed: ${[...anc].reverse().concat([zoomed]).map(nameOf).join(" › ")}`;\n    legend();\n  }\n  function describe(i) {\n    const file = S[at(D.f, i)];\n    const line = at(D.l, i);\n    const meta = [];\n    if (file) meta.push(file + (line > 0 ? `:${line}` : ""));\n    if (at(D.pk, i) >= 0) meta.push(`package ${S[at(D.pk, i)]}`);\n    meta.push(D.kinds[at(D.k, i)] ?? "");\n    return [\n      nameOf(i),\n      meta.join(" · "),\n      `head: total ${fmt(at(D.ht, i) * u)}${op}, self ${fmt(at(D.hs, i) * u)}${op}`,\n      `base: total ${fmt(at(D.bt, i) * u)}${op}, self ${fmt(at(D.bs, i) * u)}${op}`,\n      `change: self ${fmtDelta((at(D.hs, i) - at(D.bs, i)) * u)}${op}, total ${fmtDelta(\n        (at(D.ht, i) - at(D.bt, i)) * u\n      )}${op}${gone(i) ? " (only on base)" : ""}`\n    ].join("\\n");\n  }\n  var frameIndex = (e) => {\n    const el = e.target?.closest(".frame");\n    return el ? Number(el.dataset.i) : void 0;\n  };\n  chart.addEventListener("mouseover", (e) => {\n    const i = frameIndex(e);\n    if (i !== void 0) details.textContent = describe(i);\n  });\n  chart.addEventListener("click", (e) => {\n    const i = frameIndex(e);\n    if (i === void 0) return;\n    zoomed = i;\n    render();\n  });\n  byId("reset").addEventListener("click", () => {\n    zoomed = 0;\n    render();\n  });\n  var viewButtons = Array.from(document.querySelectorAll(".views button"));\n  for (const b of viewButtons) {\n    b.addEventListener("click", () => {\n      view = b.dataset.view ?? "diff";\n      for (const o of viewButtons) o.classList.toggle("on", o === b);\n      render();\n      search();\n    });\n  }\n  function search() {\n    const term = searchBox.value.trim();\n    re = null;\n    if (term) {\n      try {\n        re = new RegExp(term, "i");\n      } catch {\n        re = new RegExp(term.replace(/[.*+?^$()|[\\]\\\\{}]/g, "\\\\$&"), "i");\n      }\n    }\n    for (const el of Array.from(chart.querySelectorAll(".frame")))\n      el.classList.toggle("match", !!re && re.test(nameOf(Number(el.dataset.i))));\n    if (!re) {\n      searchCount.textContent = "";\n      return;\n    }\n    let count = 0;\n    let covered = 0;\n    const stack = [[0, false]];\n    for (let top = stack.pop(); top; top = stack.pop()) {\n      const [i, inside] = top;\n      const hit = i !== 0 && re.test(nameOf(i));\n      if (hit) count++;\n      if (hit && !inside) covered += size(i);\n      for (const c of kids[i] ?? []) stack.push([c, inside || hit]);\n    }\n    const total = size(0);\n    searchCount.textContent = `${count}${count === 1 ? " match" : " matches"}, ${formatPercent(\n      total > 0 ? covered / total : 0,\n      false\n    )} of ${sizedByHead() ? "head" : "base"} ${quantityOf(kind)}`;\n  }\n  searchBox.addEventListener("input", search);\n  var rows = D.fns.map(([name, file, line, kind2, pkg, bs, hs, bt, ht, link]) => {\n    const row = {\n      name: S[name] ?? "",\n      file: S[file] ?? "",\n      line,\n      kind: D.kinds[kind2] ?? "",\n      pkg: pkg >= 0 ? S[pkg] ?? "" : "",\n      bs: bs * u,\n      hs: hs * u,\n      bt: bt * u,\n      ht: ht * u,\n      link: link >= 0 ? S[link] ?? "" : ""\n    };\n    const delta = row.hs - row.bs;\n    return {\n      ...row,\n      delta,\n      pct: row.bs > 0 ? delta / row.bs : row.hs > 0 ? Number.POSITIVE_INFINITY : 0,\n      where: row.pkg ? `${row.pkg} · ${row.file}` : row.file\n    };\n  });\n  var sortKey = "delta";\n  var asc = false;\n  var tbody = document.querySelector("#functions tbody");\n  var headers = Array.from(document.querySelectorAll("#functions th"));\n  function table() {\n    const key = sortKey;\n    const sorted = [...rows].sort((a, b) => {\n      const x = a[key];\n      const y = b[key];\n      const c = typeof x === "string" || typeof y === "string" ? String(x).localeCompare(String(y)) : key === "delta" || key === "pct" ? Math.abs(x) - Math.abs(y) : x - y;\n      return asc ? c : -c;\n    });\n    tbody.innerHTML = sorted.map((r) => {\n      const cls = r.delta > 0 ? "grew" : r.delta < 0 ? "shrank" : "";\n      const name = r.link ? `<a href="${escapeHtml(r.link)}" target="_blank" rel="noopener noreferrer">${escapeHtml(r.name)}</a>` : escapeHtml(r.name);\n      const pct = r.pct === Number.POSITIVE_INFINITY ? "new" : formatPercent(r.pct);\n      const where = r.where + (r.line > 0 && r.file ? `:${r.line}` : "");\n      return `<tr><td class="fn">${name}</td><td class="where">${escapeHtml(where)}</td><td>${escapeHtml(r.kind)}</td><td class="num">${escapeHtml(fmt(r.bs))}</td><td class="num">${escapeHtml(fmt(r.hs))}</td><td class="num ${cls}">${escapeHtml(fmtDelta(r.delta))}</td><td class="num ${cls}">${pct}</td><td class="num">${escapeHtml(fmt(r.ht))}</td></tr>`;\n    }).join("");\n    for (const th of headers) {\n      th.classList.toggle("sorted", th.dataset.sort === sortKey);\n      th.classList.toggle("asc", th.dataset.sort === sortKey && asc);\n    }\n  }\n  for (const th of headers) {\n    th.addEventListener("click", () => {\n      const key = th.dataset.sort;\n      if (sortKey === key) asc = !asc;\n      else {\n        sortKey = key;\n        asc = key === "name" || key === "where" || key === "kind";\n      }\n      table();\n    });\n  }\n  byId("fns-note").textContent = D.fnsOmitted > 0 ? `${D.fnsOmitted} functions with smaller changes are not listed.` : "";\n  window.addEventListener("resize", render);\n  render();\n  table();\n})();\n';

// src/flame/color.ts
var DEFAULT_SCALE = { noise: 1e-3, saturate: 0.05 };
function changeOf(delta, total, scale = DEFAULT_SCALE) {
  if (!(total > 0)) return delta > 0 ? "grew" : delta < 0 ? "shrank" : "same";
  const share = delta / total;
  if (share > scale.noise) return "grew";
  if (share < -scale.noise) return "shrank";
  return "same";
}
__name(changeOf, "changeOf");
function intensityOf(delta, total, scale = DEFAULT_SCALE) {
  if (!(total > 0)) return delta === 0 ? 0 : 1;
  const share = Math.abs(delta) / total;
  if (share <= scale.noise) return 0;
  return Math.min(1, Math.sqrt((share - scale.noise) / (scale.saturate - scale.noise)));
}
__name(intensityOf, "intensityOf");
function deltaColor(delta, total, scale = DEFAULT_SCALE) {
  const change = changeOf(delta, total, scale);
  if (change === "same") return "rgb(224,224,224)";
  const i = intensityOf(delta, total, scale);
  const t = 0.25 + 0.75 * i;
  const strong = 255;
  const weak = Math.round(215 * (1 - t));
  return change === "grew" ? `rgb(${strong},${weak},${weak})` : `rgb(${weak},${weak + Math.round(40 * (1 - t))},${strong})`;
}
__name(deltaColor, "deltaColor");
function textColor(fill) {
  const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(fill);
  if (!m) return "rgb(0,0,0)";
  const [r2, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.2126 * r2 + 0.7152 * g + 0.0722 * b < 110 ? "rgb(255,255,255)" : "rgb(0,0,0)";
}
__name(textColor, "textColor");
var KIND_COLORS = {
  user: "rgb(240,160,60)",
  dependency: "rgb(200,190,70)",
  node: "rgb(110,190,110)",
  runtime: "rgb(170,170,190)",
  harness: "rgb(190,150,210)"
};

// src/flame/html.ts
var KINDS = ["user", "dependency", "node", "runtime", "harness"];
var CHANGES = ["same", "grew", "shrank"];
function renderFlameHtml(tree, options = {}) {
  const scale = scaleOf(tree);
  const minFraction = options.minFraction ?? 2e-5;
  const cut = scale * minFraction;
  const unit = scale > 0 ? scale / 1e7 : 1;
  const q = /* @__PURE__ */ __name((v) => Math.round(v / unit), "q");
  const strings = [];
  const stringIds = /* @__PURE__ */ new Map();
  const str = /* @__PURE__ */ __name((s) => {
    let id = stringIds.get(s);
    if (id === void 0) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  }, "str");
  const colors = [];
  const colorIds = /* @__PURE__ */ new Map();
  const color = /* @__PURE__ */ __name((c) => {
    let id = colorIds.get(c);
    if (id === void 0) {
      id = colors.length;
      colors.push(c);
      colorIds.set(c, id);
    }
    return id;
  }, "color");
  const cols = {
    n: [],
    f: [],
    l: [],
    k: [],
    pk: [],
    par: [],
    bt: [],
    ht: [],
    bs: [],
    hs: [],
    c: [],
    ch: []
  };
  const stack = [tree.root];
  const parents = [-1];
  while (stack.length > 0) {
    const node = stack.pop();
    const parent = parents.pop();
    const id = cols.n.length;
    const d = selfDelta(node);
    cols.n.push(str(node.name));
    cols.f.push(str(node.file));
    cols.l.push(node.line);
    cols.k.push(Math.max(0, KINDS.indexOf(node.kind)));
    cols.pk.push(node.package === void 0 ? -1 : str(node.package));
    cols.par.push(parent);
    cols.bt.push(q(node.baseTotal));
    cols.ht.push(q(node.headTotal));
    cols.bs.push(q(node.baseSelf));
    cols.hs.push(q(node.headSelf));
    cols.c.push(color(deltaColor(d, scale)));
    cols.ch.push(CHANGES.indexOf(changeOf(d, scale)));
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i];
      if (Math.max(c.baseTotal, c.headTotal) >= cut) {
        stack.push(c);
        parents.push(id);
      }
    }
  }
  const maxFunctions = options.maxFunctions ?? 500;
  const all = flameFunctions(tree);
  const fns = all.slice(0, maxFunctions).map((fn) => {
    const link = sourceUrl(options.repoUrl, options.headSha, fn.file, fn.line);
    return [
      str(fn.name),
      str(fn.file),
      fn.line,
      Math.max(0, KINDS.indexOf(fn.kind)),
      fn.package === void 0 ? -1 : str(fn.package),
      q(fn.baseSelf),
      q(fn.headSelf),
      q(fn.baseTotal),
      q(fn.headTotal),
      link === void 0 ? -1 : str(link)
    ];
  });
  const title = options.title ?? "Flame graph delta";
  const kind = valueKindOfTree(tree, options);
  const op = perOpSuffix(kind);
  const what = escapeHtml(quantityOf(kind));
  const data = {
    title,
    unit,
    strings,
    colors,
    inks: colors.map(textColor),
    kinds: KINDS,
    kindColors: KINDS.map((k) => KIND_COLORS[k] ?? "#ccc"),
    changes: CHANGES,
    ...cols,
    fns,
    fnsOmitted: all.length - fns.length,
    baseOps: tree.baseOps,
    headOps: tree.headOps,
    bytes: kind.unit === "bytes"
  };
  if (!(kind.unit === "nanoseconds" && kind.perOp && quantityOf(kind) === "time")) {
    data.value = { unit: kind.unit, perOp: kind.perOp, quantity: quantityOf(kind) };
  }
  const fmt = /* @__PURE__ */ __name((v) => formatValue(v, kind), "fmt");
  const lead = options.timing ? `${timingHeadline(options.timing)} · profiled: ` : "";
  const summary = `${lead}head ${fmt(tree.headTotal)}${op} · base ${fmt(tree.baseTotal)}${op} · change ${formatDeltaValue(
    tree.headTotal - tree.baseTotal,
    kind
  )}${op}${tree.baseTotal > 0 ? ` (${formatPercent((tree.headTotal - tree.baseTotal) / tree.baseTotal)})` : ""}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summary)}</p>
<div class="controls">
<span class="views" role="group" aria-label="View">
<button type="button" id="view-diff" data-view="diff" class="on" title="Width = head ${what}${op}; colour = change of self ${what}${op}">Diff</button>
<button type="button" id="view-diffbase" data-view="diffbase" title="Width = base ${what}${op}, colour = change of self ${what}${op}: shows stacks that exist only on base">Diff (base-sized)</button>
<button type="button" id="view-head" data-view="head" title="Head alone, coloured by frame kind">Head</button>
<button type="button" id="view-base" data-view="base" title="Base alone, coloured by frame kind">Base</button>
</span>
<input id="search" type="search" placeholder="Search functions (regex)" aria-label="Search functions" autocomplete="off">
<span id="search-count"></span>
<button type="button" id="reset">Reset zoom</button>
</div>
<div id="legend"></div>
</header>
<div id="crumbs"></div>
<div id="chart" aria-label="Flame graph"></div>
<div id="details">Hover a frame for details; click to zoom.</div>
<h2>Functions by change of self ${what}${kind.perOp ? " per op" : ""}</h2>
<table id="functions"><thead><tr>
<th data-sort="name">Function</th><th data-sort="where">Where</th><th data-sort="kind">Kind</th>
<th data-sort="bs" class="num">Base self${op}</th><th data-sort="hs" class="num">Head self${op}</th>
<th data-sort="delta" class="num sorted">Δ self${op}</th><th data-sort="pct" class="num">Δ %</th>
<th data-sort="ht" class="num">Head total${op}</th>
</tr></thead><tbody></tbody></table>
<p id="fns-note"></p>
<script type="application/json" id="flame-data">${jsonForScript(data)}</script>
<script>${html_viewer_default}</script>
</body>
</html>
`;
}
__name(renderFlameHtml, "renderFlameHtml");
var CSS = `
*{box-sizing:border-box}
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;padding:12px 16px;color:#1f2328;background:#fff}
h1{font-size:18px;margin:0 0 2px}
h2{font-size:15px;margin:18px 0 6px}
.summary{margin:0 0 8px;color:#57606a}
.controls{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.views button,#reset{border:1px solid #d0d7de;background:#f6f8fa;padding:3px 10px;border-radius:6px;cursor:pointer;font:inherit}
.views button.on{background:#0969da;color:#fff;border-color:#0969da}
#search{width:260px;padding:3px 8px;border:1px solid #d0d7de;border-radius:6px;font:inherit}
#search-count{color:#57606a;min-width:12em}
#legend{margin:6px 0;color:#57606a;font-size:12px}
#legend i{display:inline-block;width:11px;height:11px;margin:0 4px -1px 10px;border:1px solid #0002}
#crumbs{font-size:12px;color:#57606a;min-height:18px}
#chart{position:relative;width:100%;overflow:hidden;border:1px solid #d0d7de;border-radius:6px;background:#fafafa}
.frame{position:absolute;height:17px;line-height:17px;font:11px/17px Verdana,Helvetica,sans-serif;padding:0 3px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;border-right:1px solid #fff;border-bottom:1px solid #fff;cursor:pointer;color:#000;border-radius:2px}
.frame:hover{outline:1px solid #000;z-index:1}
.frame.gone{outline:1px dashed #00008c;outline-offset:-1px}
.frame.anc{opacity:.55}
.frame.match{background:rgb(230,0,230)!important;color:#fff!important}
#details{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;min-height:4.2em;margin-top:6px;padding:6px;background:#f6f8fa;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border-bottom:1px solid #eaeef2;padding:3px 6px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f6f8fa;user-select:none;position:sticky;top:0}
th.sorted::after{content:" ▾"}
th.sorted.asc::after{content:" ▴"}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.grew{color:#b00}
td.shrank{color:#0550ae}
td.fn{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
td.where{color:#57606a;word-break:break-all}
a{color:#0969da}
`;

// browser-script:src/flame/browser/svg-viewer.ts
var svg_viewer_default = '"use strict";\n(() => {\n  // src/format.ts\n  function formatPercent(fraction, signed = true) {\n    if (!Number.isFinite(fraction)) return fraction > 0 ? "+∞" : fraction < 0 ? "−∞" : "–";\n    const pct = fraction * 100;\n    const digits = Math.abs(pct) >= 100 ? 0 : 1;\n    const text = Math.abs(pct).toFixed(digits);\n    if (!signed) return `${fraction < 0 ? "−" : ""}${text}%`;\n    return `${pct > 0 && text !== 0 .toFixed(digits) ? "+" : pct < 0 && text !== 0 .toFixed(digits) ? "−" : "±"}${text}%`;\n  }\n\n  // src/flame/label.ts\n  var FONT_PX = 11;\n  var CHAR_W = FONT_PX * 0.59;\n  function fitLabel(name, w, charW = CHAR_W) {\n    const chars = Math.floor((w - 6) / charW);\n    if (chars < 3) return "";\n    if (name.length <= chars) return name;\n    return `${name.slice(0, chars - 2)}..`;\n  }\n\n  // src/flame/browser/svg-viewer.ts\n  var svg = document.documentElement;\n  var fw = Number.parseFloat(svg.getAttribute("data-fw") ?? "0");\n  var pad = Number.parseFloat(svg.getAttribute("data-pad") ?? "0");\n  var cw = Number.parseFloat(svg.getAttribute("data-cw") ?? "6");\n  var frames = [];\n  function byId(id) {\n    const el = document.getElementById(id);\n    if (!el) throw new Error(`flame graph: #${id} is missing`);\n    return el;\n  }\n  function place(f, x, w) {\n    f.rect.setAttribute("x", String(x));\n    f.rect.setAttribute("width", String(w));\n    f.text.setAttribute("x", String(x + 3));\n    f.text.textContent = fitLabel(f.name, w, cw);\n  }\n  function setClass(f, cls, on) {\n    const classes = (f.g.getAttribute("class") ?? "").split(/ +/).filter((c) => c && c !== cls);\n    if (on) classes.push(cls);\n    f.g.setAttribute("class", classes.join(" "));\n  }\n  function zoom(z) {\n    const eps = 0.01;\n    for (const f of frames) {\n      if (f.p !== z.p) continue;\n      setClass(f, "pa", false);\n      setClass(f, "hid", false);\n      if (f.y < z.y && f.x <= z.x + eps && f.x + f.w >= z.x + z.w - eps) {\n        place(f, pad, fw);\n        setClass(f, "pa", true);\n      } else if (f.y >= z.y && f.x >= z.x - eps && f.x + f.w <= z.x + z.w + eps) {\n        place(f, pad + (f.x - z.x) * fw / z.w, f.w * fw / z.w);\n      } else {\n        setClass(f, "hid", true);\n      }\n    }\n    byId("reset").setAttribute("style", "opacity:1");\n  }\n  function reset() {\n    for (const f of frames) {\n      setClass(f, "pa", false);\n      setClass(f, "hid", false);\n      place(f, f.x, f.w);\n    }\n    byId("reset").setAttribute("style", "opacity:0");\n  }\n  function search(term) {\n    let re = null;\n    if (term) {\n      try {\n        re = new RegExp(term, "i");\n      } catch {\n        re = new RegExp(term.replace(/[.*+?^$()|[\\]\\\\{}]/g, "\\\\$&"), "i");\n      }\n    }\n    let count = 0;\n    const spans = [];\n    for (const f of frames) {\n      const hit = re?.test(f.name) === true;\n      setClass(f, "hl", hit);\n      if (hit) {\n        count++;\n        if (f.p === "0") spans.push([f.x, f.x + f.w]);\n      }\n    }\n    spans.sort((a, b) => a[0] - b[0]);\n    let covered = 0;\n    let end = -1;\n    for (const [from, to] of spans) {\n      if (from >= end) {\n        covered += to - from;\n        end = to;\n      } else if (to > end) {\n        covered += to - end;\n        end = to;\n      }\n    }\n    byId("matched").textContent = re === null ? " " : `Matched: ${count} frame${count === 1 ? "" : "s"}, ${formatPercent(covered / fw, false)} of the first panel`;\n  }\n  function askSearch() {\n    const term = window.prompt("Search for a function (regular expression, case-insensitive):", "");\n    if (term !== null) search(term);\n  }\n  function init() {\n    const details = byId("details");\n    for (const g of Array.from(document.getElementsByTagName("g"))) {\n      if (!/(^| )f( |$)/.test(g.getAttribute("class") ?? "")) continue;\n      const rect = g.getElementsByTagName("rect")[0];\n      const text = g.getElementsByTagName("text")[0];\n      const title = g.getElementsByTagName("title")[0]?.textContent ?? "";\n      if (!rect || !text) continue;\n      const f = {\n        g,\n        rect,\n        text,\n        title,\n        name: title.split("\\n")[0] ?? "",\n        p: g.getAttribute("data-p"),\n        x: Number.parseFloat(rect.getAttribute("x") ?? "0"),\n        w: Number.parseFloat(rect.getAttribute("width") ?? "0"),\n        y: Number.parseFloat(rect.getAttribute("y") ?? "0")\n      };\n      frames.push(f);\n      g.addEventListener("mouseover", () => {\n        details.textContent = f.title.split("\\n").join("  |  ");\n      });\n      g.addEventListener("mouseout", () => {\n        details.textContent = " ";\n      });\n      g.addEventListener("click", () => zoom(f));\n    }\n    byId("reset").addEventListener("click", reset);\n    byId("search").addEventListener("click", askSearch);\n    window.addEventListener("keydown", (e) => {\n      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {\n        e.preventDefault();\n        askSearch();\n      }\n      if (e.key === "Escape") {\n        reset();\n        search("");\n      }\n    });\n  }\n  if (document.readyState === "loading") window.addEventListener("load", init);\n  else init();\n})();\n';

// src/flame/label.ts
var FONT_PX = 11;
var CHAR_W = FONT_PX * 0.59;
function fitLabel(name, w, charW = CHAR_W) {
  const chars = Math.floor((w - 6) / charW);
  if (chars < 3) return "";
  if (name.length <= chars) return name;
  return `${name.slice(0, chars - 2)}..`;
}
__name(fitLabel, "fitLabel");

// src/flame/svg.ts
var FRAME_H = 17;
var PAD = 10;
function renderFlameSvg(tree, options = {}) {
  const width = options.width ?? 1200;
  const minPx = options.minFramePx ?? 0.3;
  const kind = valueKindOfTree(tree, options);
  const fmt = /* @__PURE__ */ __name((v) => formatValue(v, kind), "fmt");
  const op = perOpSuffix(kind);
  const what = quantityOf(kind);
  const panels = [];
  if (tree.headTotal > 0 || tree.baseTotal === 0) {
    panels.push({
      sizeBy: "head",
      label: `Head: width = ${what}${op} on head (${fmt(tree.headTotal)}${op}); colour = change in self ${what}${op}`
    });
  }
  if (tree.baseTotal > 0 && options.basePanel !== false) {
    panels.push({
      sizeBy: "base",
      label: `Base: width = ${what}${op} on base (${fmt(tree.baseTotal)}${op}); dashed = only on base`
    });
  }
  const body = [];
  const titles = new FrameTitles(tree, kind);
  let y = 70;
  panels.forEach((panel, p) => {
    body.push(`<text class="pl" x="${PAD}" y="${y + 13}">${escapeHtml(panel.label)}</text>`);
    y += 20;
    const top = y;
    const depth = drawPanel(body, tree, panel, p, top, width, minPx, titles);
    y = top + (depth + 1) * FRAME_H + 14;
  });
  const height = y + 26;
  const title = options.title ?? "Flame graph delta";
  const lead = options.timing ? `${timingHeadline(options.timing)}; profiled: ` : "";
  const subtitle = options.subtitle ?? `${lead}head ${fmt(tree.headTotal)}${op}, base ${fmt(tree.baseTotal)}${op} (${formatDeltaValue(
    tree.headTotal - tree.baseTotal,
    kind
  )}); red = self ${what} grew, blue = shrank`;
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="no"?>');
  out.push(
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-fw="${width - 2 * PAD}" data-pad="${PAD}" data-cw="${CHAR_W}">`
  );
  out.push(`<style>${STYLE}</style>`);
  out.push(`<script type="text/ecmascript"><![CDATA[${svg_viewer_default}]]></script>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="rgb(250,250,250)"/>`);
  out.push(`<text class="ti" x="${width / 2}" y="22">${escapeHtml(title)}</text>`);
  out.push(`<text class="st" x="${width / 2}" y="40">${escapeHtml(subtitle)}</text>`);
  out.push(legend(width));
  out.push(`<text id="reset" class="ctl" x="${PAD}" y="58" style="opacity:0">Reset zoom</text>`);
  out.push(`<text id="search" class="ctl" x="${width - PAD}" y="58" text-anchor="end">Search</text>`);
  const end = [
    `<text id="details" x="${PAD}" y="${height - 10}"> </text>`,
    `<text id="matched" x="${width - PAD}" y="${height - 10}" text-anchor="end"> </text>`,
    "</svg>"
  ];
  return `${out.join("\n")}
${body.join("\n")}
${end.join("\n")}
`;
}
__name(renderFlameSvg, "renderFlameSvg");
function legend(width) {
  const items = [
    ["rgb(255,0,0)", "self grew"],
    ["rgb(0,0,255)", "self shrank"],
    ["rgb(224,224,224)", "unchanged"]
  ];
  let x = width / 2 - 150;
  const parts = [];
  for (const [fill, label] of items) {
    parts.push(`<rect x="${x}" y="49" width="10" height="10" fill="${fill}"/>`);
    parts.push(`<text class="lg" x="${x + 14}" y="58">${label}</text>`);
    x += 100;
  }
  return parts.join("");
}
__name(legend, "legend");
function drawPanel(out, tree, panel, p, top, width, minPx, titles) {
  const head = panel.sizeBy === "head";
  const total = head ? tree.root.headTotal : tree.root.baseTotal;
  const fullW = width - 2 * PAD;
  const pxPerNs = total > 0 ? fullW / total : 0;
  let maxDepth = 0;
  const nodes = [tree.root];
  const xs = [PAD];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const x = xs.pop();
    const w = total > 0 ? (head ? node.headTotal : node.baseTotal) * pxPerNs : fullW;
    if (node.depth > maxDepth) maxDepth = node.depth;
    out.push(frame(node, p, x, top + node.depth * FRAME_H, w, titles));
    const from = nodes.length;
    let cx = x;
    for (const c of node.children) {
      const cw = (head ? c.headTotal : c.baseTotal) * pxPerNs;
      if (cw >= minPx) {
        nodes.push(c);
        xs.push(cx);
      }
      cx += cw;
    }
    for (let i = from, j = nodes.length - 1; i < j; i++, j--) {
      [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
  }
  return maxDepth;
}
__name(drawPanel, "drawPanel");
var FrameTitles = class {
  constructor(tree, kind) {
    this.tree = tree;
    const op = perOpSuffix(kind);
    this.v = (n) => `${formatValue(n, kind)}${op}`;
    this.dv = (n) => `${formatDeltaValue(n, kind)}${op}`;
  }
  tree;
  static {
    __name(this, "FrameTitles");
  }
  cache = /* @__PURE__ */ new Map();
  inks = /* @__PURE__ */ new Map();
  /** A value, and a signed one, in the tree's unit with its `/op`. */
  v;
  dv;
  of(node) {
    let text = this.cache.get(node);
    if (text === void 0) {
      const tree = this.tree;
      const { v, dv } = this;
      const d = selfDelta(node);
      const fill = deltaColor(d, scaleOf(tree));
      const onlyBase = node.headTotal === 0 && node.baseTotal > 0;
      const where = node.file ? `${node.file}${node.line > 0 ? `:${node.line}` : ""}` : "";
      const meta = [
        where,
        node.package && node.kind === "dependency" ? `package ${node.package}` : "",
        node.kind
      ].filter(Boolean).join(" · ");
      const share = /* @__PURE__ */ __name((v2, t) => t > 0 ? ` (${formatPercent(v2 / t, false)})` : "", "share");
      const title = [
        node.name,
        meta,
        `head: total ${v(node.headTotal)}${share(node.headTotal, tree.headTotal)}, self ${v(node.headSelf)}`,
        `base: total ${v(node.baseTotal)}${share(node.baseTotal, tree.baseTotal)}, self ${v(node.baseSelf)}`,
        `change: self ${dv(d)}, total ${dv(totalDelta(node))}${onlyBase ? " (only on base)" : ""}`
      ].join("\n");
      let inkAttr = this.inks.get(fill);
      if (inkAttr === void 0) {
        const ink = textColor(fill);
        inkAttr = ink === "rgb(0,0,0)" ? "" : ` style="fill:${ink}"`;
        this.inks.set(fill, inkAttr);
      }
      text = { title: escapeHtml(title), fill, inkAttr, onlyBase };
      this.cache.set(node, text);
    }
    return text;
  }
};
function frame(node, p, x, y, w, titles) {
  const { title, fill, inkAttr, onlyBase } = titles.of(node);
  const label = fitLabel(node.name, w);
  const cls = onlyBase ? "f gone" : "f";
  return `<g class="${cls}" data-p="${p}"><title>${title}</title><rect x="${r(x)}" y="${y}" width="${r(w)}" height="${FRAME_H - 1}" fill="${fill}" rx="2"/><text x="${r(x + 3)}" y="${y + 12}"${inkAttr}>${label ? escapeHtml(label) : ""}</text></g>`;
}
__name(frame, "frame");
function r(n) {
  const hundredths = Math.round(n * 100);
  if (!(hundredths >= 0 && hundredths < 2 ** 31)) return String(hundredths / 100);
  const whole = hundredths / 100 | 0;
  const rest = hundredths - whole * 100;
  if (rest === 0) return String(whole);
  if (rest % 10 === 0) return `${whole}.${rest / 10}`;
  return `${whole}.${rest < 10 ? "0" : ""}${rest}`;
}
__name(r, "r");
var STYLE = [
  `text{font-family:Verdana,Helvetica,sans-serif;font-size:${FONT_PX}px;fill:rgb(0,0,0)}`,
  ".ti{font-size:17px;text-anchor:middle}",
  ".st{font-size:12px;text-anchor:middle;fill:rgb(80,80,80)}",
  ".pl{font-size:12px;font-weight:bold}",
  ".lg{font-size:11px}",
  ".ctl{cursor:pointer;font-size:12px;fill:rgb(0,0,160)}",
  ".f{cursor:pointer}",
  ".f text{pointer-events:none}",
  ".f:hover rect{stroke:rgb(0,0,0);stroke-width:0.5}",
  ".gone rect{stroke:rgb(0,0,140);stroke-width:1;stroke-dasharray:3,2}",
  ".f.hl rect{fill:rgb(230,0,230)}",
  ".f.pa{opacity:0.55}",
  ".f.hid{display:none}"
].join("");

// src/flame/text.ts
var INDENT_CAP = 24;
var FRAME_NAME_MAX = 80;
function renderFlameText(tree, options) {
  const maxFrames = options.maxFrames ?? 40;
  const noise = options.noise ?? 1e-3;
  const scale = scaleOf(tree);
  const score = /* @__PURE__ */ __name((n) => Math.abs(totalDelta(n)) + Math.abs(selfDelta(n)), "score");
  const changed = [];
  const parents = /* @__PURE__ */ new Map();
  const all = [];
  let small = 0;
  const stack = [tree.root];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const c of node.children) {
      parents.set(c, node);
      all.push(c);
      stack.push(c);
      const sc = score(c);
      if (sc > noise * scale) changed.push(c);
      else if (sc > 0) small++;
    }
  }
  const nothingChanged = changed.length === 0;
  const candidates = nothingChanged ? all.filter((n) => n.headTotal > noise * scale) : changed;
  const rank = nothingChanged ? (n) => n.headTotal : score;
  candidates.sort((a, b) => rank(b) - rank(a) || a.depth - b.depth);
  const limit = Math.min(candidates.length, maxFrames, Math.floor(options.maxChars / 40));
  const render = /* @__PURE__ */ __name((k) => {
    const selected = /* @__PURE__ */ new Set([tree.root]);
    for (let i = 0; i < k; i++) {
      for (let n = candidates[i]; n && !selected.has(n); n = parents.get(n))
        selected.add(n);
    }
    const lines = treeLines(
      tree,
      selected,
      rank,
      options.barWidth ?? 20,
      noise * scale,
      kindOf(tree, options)
    );
    const omitted = candidates.length - k;
    const notes = [];
    if (omitted > 0) {
      const what = nothingChanged ? "cooler" : "less changed";
      notes.push(`${omitted} ${what} frame${omitted === 1 ? "" : "s"} left out to fit the comment.`);
    }
    if (small > 0 && !nothingChanged) {
      const pct = `${+(noise * 100).toFixed(3)}%`;
      notes.push(
        `${small} frame${small === 1 ? "" : "s"} changed by less than ${pct} of the benchmark: left out.`
      );
    }
    return wrap(tree, options, lines, notes, nothingChanged, fenceFor(selected, kindOf(tree, options).unit));
  }, "render");
  let lo = 0;
  let hi = limit;
  let best = render(0);
  if (best.length > options.maxChars) return fallback(tree, options);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const text = render(mid);
    if (text.length <= options.maxChars) {
      lo = mid;
      best = text;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
__name(renderFlameText, "renderFlameText");
function kindOf(tree, options) {
  return valueKindOfTree(tree, options);
}
__name(kindOf, "kindOf");
function summaryLine(tree, options) {
  const kind = kindOf(tree, options);
  const op = perOpSuffix(kind);
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : "";
  const name = options.title ? `<b>${htmlCodeName(options.title)}</b>: ` : "";
  const value = /* @__PURE__ */ __name((text) => escapeHtml(oneLine(text)), "value");
  if (options.timing)
    return `${name}${value(timingHeadline(options.timing))}; flame graph delta of profiled time`;
  return `${name}flame graph delta, head ${value(formatValue(tree.headTotal, kind))}${op}, ${value(formatDeltaValue(delta, kind))}${op}${pct}`;
}
__name(summaryLine, "summaryLine");
function wrap(tree, options, lines, notes, nothingChanged, fence) {
  const out = [];
  out.push(`<details${options.open ? " open" : ""}><summary>${summaryLine(tree, options)}</summary>`);
  out.push("");
  if (nothingChanged) out.push("No frame changed by more than the noise level; the hottest frames on head:");
  out.push("");
  out.push(`${fence}text`);
  out.push(...lines);
  out.push(fence);
  out.push("");
  const kind = kindOf(tree, options);
  out.push(
    `█ ${escapeHtml(oneLine(quantityOf(kind)))} on both sides · ▒ added on head · ░ gone since base; Δ = head − base${kind.perOp ? ", per op" : ""}.`
  );
  out.push(...notes);
  out.push("");
  out.push("</details>");
  return `${out.join("\n")}
`;
}
__name(wrap, "wrap");
function fallback(tree, options) {
  const text = `<details><summary>${summaryLine(tree, options)}</summary>

Frames left out to fit the comment.
</details>
`;
  if (text.length <= options.maxChars) return text;
  const bare = `<details><summary>${summaryLine(tree, options)}</summary></details>
`;
  return bare.length <= options.maxChars ? bare : "";
}
__name(fallback, "fallback");
function treeLines(tree, selected, rank, barWidth, noiseNs, kind) {
  const scale = scaleOf(tree);
  const cells = /* @__PURE__ */ __name((node) => [
    oneLine(formatValue(node.headTotal, kind)),
    oneLine(formatDeltaValue(totalDelta(node), kind)),
    oneLine(formatDeltaValue(selfDelta(node), kind))
  ], "cells");
  const widths = [9, 10, 10];
  if (kind.unit !== "nanoseconds" && kind.unit !== "ns") {
    for (const node of selected) {
      cells(node).forEach((c, i) => {
        widths[i] = Math.max(widths[i], c.length);
      });
    }
  }
  const [w0, w1, w2] = widths;
  const header = `${pad(kind.perOp ? "head/op" : "head", w0)}  ${pad("Δ total", w1)}  ${pad("Δ self", w2)}  ${"bar".padEnd(barWidth)}  frame`;
  const lines = [header];
  const nodes = [...selected];
  const names = /* @__PURE__ */ new Map();
  for (const [i, name] of namesWithFiles(nodes).entries()) names.set(nodes[i], name);
  const visit = /* @__PURE__ */ __name((node, level, elided) => {
    const kids = node.children.filter((c) => selected.has(c)).sort((a, b) => rank(b) - rank(a));
    const passThrough = kids.length === 1 && Math.abs(selfDelta(node)) <= noiseNs && node !== tree.root;
    if (passThrough && elided > 0) {
      visit(kids[0], level, elided + 1);
      return;
    }
    if (elided > 1)
      lines.push(
        `${" ".repeat(w0 + 2 + w1 + 2 + w2 + 2 + barWidth + 2)}${indent(level)}┆ ${plural(elided - 1, "frame")}`
      );
    lines.push(line(node, names.get(node) ?? node.name, level, scale, barWidth, cells(node), widths));
    const next = passThrough ? 1 : 0;
    for (const c of kids) visit(c, level + 1, next);
  }, "visit");
  visit(tree.root, 0, 0);
  return lines;
}
__name(treeLines, "treeLines");
function line(node, shownName2, level, scale, barWidth, [head, total, self], [w0, w1, w2]) {
  const name = shortenMiddle(oneLine(shownName2), FRAME_NAME_MAX) + (node.package && node.kind === "dependency" && !node.collapsed ? ` [${node.package}]` : "");
  const gone = node.headTotal === 0 && node.baseTotal > 0 ? " (only on base)" : "";
  return `${pad(head, w0)}  ${pad(total, w1)}  ${pad(self, w2)}  ${bar(node, scale, barWidth)}  ${indent(level)}${level > 0 ? "└ " : ""}${name}${gone}`;
}
__name(line, "line");
function indent(level) {
  const l = Math.max(0, level - 1);
  return l <= INDENT_CAP ? "  ".repeat(l) : `${"  ".repeat(INDENT_CAP - 1)}»${level - 1 - INDENT_CAP + 1} `;
}
__name(indent, "indent");
function bar(node, scale, width) {
  if (!(scale > 0)) return " ".repeat(width);
  const cells = /* @__PURE__ */ __name((v) => Math.round(v / scale * width), "cells");
  const both = cells(Math.min(node.baseTotal, node.headTotal));
  const head = cells(node.headTotal);
  const base = cells(node.baseTotal);
  const s = "█".repeat(both) + (head > base ? "▒".repeat(head - both) : "░".repeat(Math.max(0, base - both)));
  return s.padEnd(width).slice(0, width);
}
__name(bar, "bar");
function pad(s, n) {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}
__name(pad, "pad");
function fenceFor(nodes, unit) {
  let longest = 0;
  for (const n of nodes) for (const m of n.name.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  for (const m of unit.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}
__name(fenceFor, "fenceFor");

export {
  escapeHtml,
  jsonForScript,
  NAME_MAX,
  shortenMiddle,
  clipAtWord,
  plainText,
  codeName,
  htmlCodeName,
  markdownText,
  sourceUrl,
  buildFlameTree,
  mergeSides,
  flameFunctions,
  renderFlameHtml,
  renderFlameSvg,
  renderFlameText
};
