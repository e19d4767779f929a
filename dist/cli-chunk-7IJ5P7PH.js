import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  LIMITS,
  LimitError,
  checkCap,
  checkJsonSize,
  gunzipBounded,
  gunzipBoundedAsync,
  overCap,
  readFileBounded,
  readFileBoundedAsync
} from "./cli-chunk-4L6WBSUI.js";
import {
  StackBuffer
} from "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/profile/cpuprofile.ts
var CPUPROFILE_SAMPLE_TYPE = { type: "cpu", unit: "nanoseconds" };
var SKIPPED = /* @__PURE__ */ new Set(["(root)", "(idle)"]);
function isCpuProfile(value) {
  return typeof value === "object" && value !== null && Array.isArray(value.nodes) && value.nodes.every(
    (n) => typeof n === "object" && n !== null && typeof n.id === "number"
  );
}
__name(isCpuProfile, "isCpuProfile");
function slotsById(nodes) {
  checkCap(nodes.length, LIMITS.samples, "call-tree nodes");
  const slot = /* @__PURE__ */ new Map();
  nodes.forEach((n, i) => {
    if (slot.has(n.id)) throw new Error(`node id ${n.id} appears twice in "nodes"`);
    slot.set(n.id, i);
  });
  return slot;
}
__name(slotsById, "slotsById");
function parentsOf(nodes, slot) {
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    if (n.children !== void 0 && !Array.isArray(n.children)) {
      throw new Error(`node ${n.id} has "children" that is not a list of node ids`);
    }
    for (const child of n.children ?? []) {
      const c = slot.get(child);
      if (c === void 0)
        throw new Error(`node ${n.id} lists child ${String(child)}, which is no node's id`);
      if (parent[c] !== -1 && parent[c] !== i) throw new Error(`node ${child} is the child of two nodes`);
      parent[c] = i;
    }
    if (n.parent !== void 0) {
      const p = slot.get(n.parent);
      if (p === void 0)
        throw new Error(`node ${n.id} names parent ${String(n.parent)}, which is no node's id`);
      parent[i] = p;
    }
  });
  return parent;
}
__name(parentsOf, "parentsOf");
function selfTimes(json, slot) {
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
        `it has ${samples.length} samples but ${deltas.length} timeDeltas: each sample needs one`
      );
    }
    for (let i = 0; i < deltas.length; i++) {
      if (!Number.isFinite(deltas[i])) {
        throw new Error(
          `timeDeltas[${i}] is ${JSON.stringify(deltas[i]) ?? "missing"}, not a number of microseconds`
        );
      }
    }
    let last = 0;
    for (let i = 0; i < samples.length; i++) {
      const at = slot.get(samples[i]);
      if (at === void 0)
        throw new Error(`samples[${i}] is ${JSON.stringify(samples[i])}, which is no node's id`);
      const next = deltas[i + 1];
      const us = next !== void 0 ? next : last;
      if (next !== void 0) last = next;
      selfUs[at] = selfUs[at] + Math.max(0, us);
      hits[at] = hits[at] + 1;
    }
    return { selfUs, hits };
  }
  let total = 0;
  nodes.forEach((n) => {
    if (n.hitCount !== void 0 && !(Number.isFinite(n.hitCount) && n.hitCount >= 0)) {
      throw new Error(`node ${n.id} has hitCount ${JSON.stringify(n.hitCount)}, not a count`);
    }
    total += n.hitCount ?? 0;
  });
  const span = (json.endTime ?? 0) - (json.startTime ?? 0);
  const perHit = total > 0 && span > 0 ? span / total : 1e3;
  nodes.forEach((n, i) => {
    hits[i] = n.hitCount ?? 0;
    selfUs[i] = (n.hitCount ?? 0) * perHit;
  });
  return { selfUs, hits };
}
__name(selfTimes, "selfTimes");
function depthsOf(parent, frameOf) {
  const depth = new Int32Array(parent.length).fill(-1);
  const pending = [];
  for (let i = 0; i < parent.length; i++) {
    for (let at = i; at >= 0 && depth[at] < 0; at = parent[at]) {
      if (depth[at] === -2) throw new Error("the call tree has a cycle");
      depth[at] = -2;
      pending.push(at);
    }
    while (pending.length > 0) {
      const at = pending.pop();
      const p = parent[at];
      depth[at] = (p >= 0 ? depth[p] : 0) + (frameOf[at] >= 0 ? 1 : 0);
    }
  }
  return depth;
}
__name(depthsOf, "depthsOf");
function decodeCpuProfile(json) {
  const nodes = json.nodes;
  const slot = slotsById(nodes);
  const parent = parentsOf(nodes, slot);
  const { selfUs, hits } = selfTimes(json, slot);
  const frames = [];
  const frameIndex = /* @__PURE__ */ new Map();
  const frameOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    const call = n.callFrame;
    const name = typeof call?.functionName === "string" && call.functionName ? call.functionName : "(anonymous)";
    if (SKIPPED.has(name)) return;
    const file = typeof call?.url === "string" ? call.url : "";
    const line = Number.isInteger(call?.lineNumber) ? call?.lineNumber + 1 : 0;
    const key = `${name}\0${file}\0${line}`;
    let f = frameIndex.get(key);
    if (f === void 0) {
      f = frames.length;
      if (f === LIMITS.frames) throw overCap(LIMITS.frames, "distinct frames");
      frames.push({ name, file, line: Math.max(0, line), kind: "user" });
      frameIndex.set(key, f);
    }
    frameOf[i] = f;
  });
  const depth = depthsOf(parent, frameOf);
  let stackFrames = 0;
  for (let i = 0; i < nodes.length; i++)
    if (hits[i] !== 0 && frameOf[i] !== -1) stackFrames += depth[i];
  checkCap(stackFrames, LIMITS.stackFrames, "frames over all its stacks");
  const out = new StackBuffer(nodes.length, stackFrames);
  for (let i = 0; i < nodes.length; i++) {
    if (hits[i] === 0 || frameOf[i] === -1) continue;
    const room = out.reserve(depth[i]);
    let w = out.length + depth[i];
    for (let at = i; at >= 0; at = parent[at]) {
      const f = frameOf[at];
      if (f >= 0) room[--w] = f;
    }
    out.length += depth[i];
    out.endStack(selfUs[i] * 1e3, hits[i]);
  }
  return out.finish(frames, 1, CPUPROFILE_SAMPLE_TYPE);
}
__name(decodeCpuProfile, "decodeCpuProfile");

// src/profile/folded.ts
var FOLDED_SAMPLE_TYPE = { type: "samples", unit: "count" };
var LINE = /^(.*\S)\s+(\d+(?:\.\d+)?)\s*$/;
var V8_PREFIX = /^(?:LazyCompile|Function|JS|Script|Eval|InterpretedFunction|Builtin):[*~^+-]?/;
var NAME_FILE_LINE = /^(.*?) (\S+?):(\d+)(?::\d+)?$/;
var NAME_PAREN_FILE_LINE = /^(.*?) \((\S+?):(\d+)(?::\d+)?\)$/;
function looksFolded(text) {
  for (const line of text.split("\n", 20)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    return LINE.test(trimmed);
  }
  return false;
}
__name(looksFolded, "looksFolded");
function parseFoldedFrame(raw) {
  const text = raw.trim().replace(V8_PREFIX, "");
  const m = NAME_PAREN_FILE_LINE.exec(text) ?? NAME_FILE_LINE.exec(text);
  if (m && m[2].length > 0 && /[./\\]/.test(m[2])) {
    return { name: m[1] || "(anonymous)", file: m[2], line: Number(m[3]) };
  }
  return { name: text, file: "", line: 0 };
}
__name(parseFoldedFrame, "parseFoldedFrame");
function decodeFolded(text) {
  const frames = [];
  const frameIndex = /* @__PURE__ */ new Map();
  const out = new StackBuffer(1024);
  let lineNumber = 0;
  let stacks = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNumber++;
    if (line === "" || line.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`line ${lineNumber} is not "frame;frame;… count": ${line.slice(0, 80)}`);
    const count = Number(m[2]);
    if (count === 0) continue;
    const stack = m[1];
    for (let from = 0; from <= stack.length; ) {
      let to = stack.indexOf(";", from);
      if (to < 0) to = stack.length;
      const raw = stack.slice(from, to);
      from = to + 1;
      let f = frameIndex.get(raw);
      if (f === void 0) {
        f = frames.length;
        if (f === LIMITS.frames) throw overCap(LIMITS.frames, "distinct frames");
        frames.push({ ...parseFoldedFrame(raw), kind: "user" });
        frameIndex.set(raw, f);
      }
      if (out.length === LIMITS.stackFrames) throw overCap(LIMITS.stackFrames, "frames over all its stacks");
      out.pushFrame(f);
    }
    if (++stacks > LIMITS.samples) throw overCap(LIMITS.samples, "stacks (lines)");
    out.endStack(count, count);
  }
  return out.finish(frames, 1, FOLDED_SAMPLE_TYPE);
}
__name(decodeFolded, "decodeFolded");

// src/measure/protocol.ts
var OPS_COMMENT_PREFIX = "flamegate.ops=";

// src/profile/pprof.ts
var DEFAULT_PREFERRED_TYPES = ["wall", "cpu"];
var TIME_UNITS = {
  nanoseconds: 1,
  ns: 1,
  microseconds: 1e3,
  us: 1e3,
  milliseconds: 1e6,
  ms: 1e6,
  seconds: 1e9,
  s: 1e9
};
function isGzip(bytes) {
  return bytes[0] === 31 && bytes[1] === 139;
}
__name(isGzip, "isGzip");
var pos = 0;
var buf = new Uint8Array(0);
function varint() {
  let byte = buf[pos++];
  if (byte < 128) return byte;
  let result = byte & 127;
  let shift = 128;
  for (; ; ) {
    if (pos >= buf.length) throw new Error("truncated varint");
    byte = buf[pos++];
    result += (byte & 127) * shift;
    if (byte < 128) return result;
    shift *= 128;
  }
}
__name(varint, "varint");
function skip(wire) {
  if (wire === 0) varint();
  else if (wire === 1) pos += 8;
  else if (wire === 2) {
    const length = varint();
    pos += length;
  } else if (wire === 5) pos += 4;
  else throw new Error(`unsupported protobuf wire type ${wire} at byte ${pos}`);
}
__name(skip, "skip");
var signed = /* @__PURE__ */ __name((n) => n >= 2 ** 63 ? n - 2 ** 64 : n, "signed");
var IntList = class {
  static {
    __name(this, "IntList");
  }
  data = new Float64Array(256);
  length = 0;
  push(n) {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = n;
  }
  pushPair(a, b) {
    this.push(a);
    this.push(b);
  }
};
function decodePprof(bytes, options = {}) {
  const raw = isGzip(bytes) ? gunzipBounded(bytes) : bytes;
  buf = raw;
  pos = 0;
  try {
    return decode(raw, options);
  } finally {
    buf = new Uint8Array(0);
  }
}
__name(decodePprof, "decodePprof");
var FIELD_NAMES = { 2: "samples", 4: "locations", 5: "functions", 6: "strings" };
var fieldName = /* @__PURE__ */ __name((field) => FIELD_NAMES[field] ?? `entries of field ${field}`, "fieldName");
var fieldCap = /* @__PURE__ */ __name((field) => field === 2 ? LIMITS.samples : LIMITS.tableEntries, "fieldCap");
var smallerCap = 2 * Math.min(LIMITS.samples, LIMITS.tableEntries);
function scanFields(end, comments) {
  const ranges = /* @__PURE__ */ new Map();
  for (const field of [1, 2, 3, 4, 5, 6, 13]) ranges.set(field, new IntList());
  while (pos < end) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire !== 2) {
      if (field === 13) {
        comments.push(varint());
        if (comments.length > LIMITS.tableEntries) throw overCap(LIMITS.tableEntries, "comments");
      } else skip(wire);
      continue;
    }
    const len = varint();
    const start = pos;
    const stop = start + len;
    if (stop > end) throw new Error(`field ${field} runs past the end of the profile`);
    let list = ranges.get(field);
    if (list === void 0) {
      list = new IntList();
      ranges.set(field, list);
    }
    list.pushPair(start, stop);
    if (list.length > smallerCap && list.length > 2 * fieldCap(field))
      throw overCap(fieldCap(field), fieldName(field));
    pos = stop;
  }
  return ranges;
}
__name(scanFields, "scanFields");
function readLocation(stop, lines) {
  let id = 0;
  while (pos < stop) {
    const t = varint();
    const n = t >>> 3;
    if (n === 1) id = varint();
    else if (n === 4 && (t & 7) === 2) {
      const lineEnd = varint() + pos;
      let functionId = 0;
      let line = 0;
      while (pos < lineEnd) {
        const lt = varint();
        if (lt >>> 3 === 1) functionId = varint();
        else if (lt >>> 3 === 2) line = signed(varint());
        else skip(lt & 7);
      }
      lines.push(functionId);
      lines.push(line);
      if (lines.length > 2 * LIMITS.tableEntries)
        throw overCap(LIMITS.tableEntries, "lines (inlined frames) of locations");
    } else skip(t & 7);
  }
  return id;
}
__name(readLocation, "readLocation");
function readFunction(stop, ids, fields) {
  let id = 0;
  let name = 0;
  let systemName = 0;
  let filename = 0;
  let startLine = 0;
  while (pos < stop) {
    const t = varint();
    const n = t >>> 3;
    if (n === 1) id = varint();
    else if (n === 2) name = varint();
    else if (n === 3) systemName = varint();
    else if (n === 4) filename = varint();
    else if (n === 5) startLine = signed(varint());
    else skip(t & 7);
  }
  ids.push(id);
  fields.push(name);
  fields.push(systemName);
  fields.push(filename);
  fields.push(startLine);
}
__name(readFunction, "readFunction");
function decode(raw, options) {
  const end = raw.length;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const sampleTypes = [];
  const comments = [];
  const functionIds = new IntList();
  const functionFields = new IntList();
  const locationIds = new IntList();
  const locationLines = new IntList();
  const locationLineStart = new IntList();
  const rangesOf = scanFields(end, comments);
  const sampleRanges = rangesOf.get(2) ?? new IntList();
  const stringRanges = rangesOf.get(6) ?? new IntList();
  const locations = rangesOf.get(4);
  for (let i = 0; locations && i < locations.length; i += 2) {
    pos = locations.data[i];
    locationLineStart.push(locationLines.length);
    locationIds.push(readLocation(locations.data[i + 1], locationLines));
  }
  const functions = rangesOf.get(5);
  for (let i = 0; functions && i < functions.length; i += 2) {
    pos = functions.data[i];
    readFunction(functions.data[i + 1], functionIds, functionFields);
  }
  const types = rangesOf.get(1);
  for (let i = 0; types && i < types.length; i += 2) {
    pos = types.data[i];
    const stop = types.data[i + 1];
    let type = 0;
    let unit2 = 0;
    while (pos < stop) {
      const t = varint();
      if (t >>> 3 === 1) type = varint();
      else if (t >>> 3 === 2) unit2 = varint();
      else skip(t & 7);
    }
    sampleTypes.push([type, unit2]);
  }
  const packedComments = rangesOf.get(13);
  for (let i = 0; packedComments && i < packedComments.length; i += 2) {
    pos = packedComments.data[i];
    while (pos < packedComments.data[i + 1]) comments.push(varint());
    checkCap(comments.length, LIMITS.tableEntries, "comments");
  }
  locationLineStart.push(locationLines.length);
  const decoded = /* @__PURE__ */ new Map();
  const string = /* @__PURE__ */ __name((i) => {
    if (i <= 0 || 2 * i >= stringRanges.length) return "";
    let s = decoded.get(i);
    if (s === void 0) {
      s = text.toString("utf8", stringRanges.data[2 * i], stringRanges.data[2 * i + 1]);
      decoded.set(i, s);
    }
    return s;
  }, "string");
  const typeName = /* @__PURE__ */ __name((i) => string(sampleTypes[i]?.[0] ?? 0), "typeName");
  const unitName = /* @__PURE__ */ __name((i) => string(sampleTypes[i]?.[1] ?? 0), "unitName");
  const valueIndex = pickValue(
    sampleTypes.length,
    typeName,
    unitName,
    options.valueType,
    options.preferTypes ?? DEFAULT_PREFERRED_TYPES
  );
  const countIndex = sampleTypes.findIndex(
    (_, i) => i !== valueIndex && /^samples?$/.test(typeName(i)) && unitName(i) === "count"
  );
  const unit = unitName(valueIndex);
  const timeFactor = TIME_UNITS[unit];
  const sampleType = {
    type: typeName(valueIndex) || "samples",
    unit: timeFactor !== void 0 ? "nanoseconds" : unit || "count"
  };
  const factor = timeFactor ?? 1;
  const functionAt = /* @__PURE__ */ new Map();
  for (let i = 0; i < functionIds.length; i++) functionAt.set(functionIds.data[i], i);
  const frames = [];
  const frameIndex = /* @__PURE__ */ new Map();
  const frameOf = /* @__PURE__ */ __name((functionId, line) => {
    const at2 = functionAt.get(functionId);
    const f = at2 === void 0 ? -1 : 4 * at2;
    const startLine = (f >= 0 ? functionFields.data[f + 3] : 0) || line;
    const key = `${functionId}:${startLine}`;
    let index = frameIndex.get(key);
    if (index === void 0) {
      index = frames.length;
      if (index === LIMITS.frames) throw overCap(LIMITS.frames, "distinct frames");
      const name = f < 0 ? "" : string(functionFields.data[f]) || string(functionFields.data[f + 1]);
      const file = f < 0 ? "" : string(functionFields.data[f + 2]);
      frames.push({ name, file, line: startLine, kind: "user" });
      frameIndex.set(key, index);
    }
    return index;
  }, "frameOf");
  const locationCount = locationIds.length;
  const locFrames = new Int32Array(locationLines.length / 2);
  const locStart = new Int32Array(locationCount + 1);
  let maxId = 0;
  for (let l = 0; l < locationCount; l++) maxId = Math.max(maxId, locationIds.data[l]);
  const dense = maxId < 4 * locationCount + 1024;
  const slotOf = dense ? new Int32Array(maxId + 1).fill(-1) : void 0;
  const sparse = dense ? void 0 : /* @__PURE__ */ new Map();
  let at = 0;
  for (let l = 0; l < locationCount; l++) {
    locStart[l] = at;
    const from = locationLineStart.data[l];
    const to = locationLineStart.data[l + 1];
    for (let i = to - 2; i >= from; i -= 2) {
      locFrames[at++] = frameOf(locationLines.data[i], locationLines.data[i + 1]);
    }
    const id = locationIds.data[l];
    if (slotOf) slotOf[id] = l;
    else sparse?.set(id, l);
  }
  locStart[locationCount] = at;
  let maxFramesPerLocation = 1;
  for (let l = 0; l < locationCount; l++) {
    maxFramesPerLocation = Math.max(
      maxFramesPerLocation,
      locStart[l + 1] - locStart[l]
    );
  }
  const slots = slotOf ?? new Int32Array(0);
  let sampleBytes = 0;
  for (let i = 0; i < sampleRanges.length; i += 2) {
    sampleBytes += sampleRanges.data[i + 1] - sampleRanges.data[i];
  }
  const flat = slotOf !== void 0 && maxFramesPerLocation === 1;
  const idMap = flat ? frameById(slotOf, locStart, locFrames) : slots;
  const read = new StackBuffer(sampleRanges.length / 2, Math.min(sampleBytes, LIMITS.stackFrames));
  readStacks(sampleRanges, valueIndex, countIndex, factor, idMap, flat ? void 0 : sparse, read);
  const out = flat ? read : expandLocations(read, locStart, locFrames);
  let ops = 1;
  for (const c of comments) {
    const comment = string(c);
    if (comment.startsWith(OPS_COMMENT_PREFIX)) {
      const n = Number(comment.slice(OPS_COMMENT_PREFIX.length));
      if (n > 0) ops = n;
    }
  }
  return out.finish(frames, ops, sampleType);
}
__name(decode, "decode");
function readStacks(sampleRanges, valueIndex, countIndex, factor, map, sparse, out) {
  const bytes = buf;
  const values = new Float64Array(Math.max(valueIndex, countIndex) + 1);
  const ranges = sampleRanges.data;
  const idCount = map.length;
  const items = out.reserve(0);
  const capacity = items.length;
  for (let s = 0; s < sampleRanges.length; s += 2) {
    let p = ranges[s];
    const end = ranges[s + 1];
    const first = out.length;
    if (first + (end - p) > capacity && first + locationIdCount(p, end) > capacity) {
      throw overCap(LIMITS.stackFrames, "frames over all its stacks");
    }
    let at = first;
    let unknown = 0;
    let nValues = 0;
    for (let v = 0; v < values.length; v++) values[v] = 0;
    while (p < end) {
      const tag = bytes[p++];
      const field = tag >>> 3;
      const wire = tag & 7;
      if (tag > 127 || field !== 1 && field !== 2 || wire !== 0 && wire !== 2) {
        pos = p - 1;
        skip(varint() & 7);
        p = pos;
        continue;
      }
      let stop = p + 1;
      if (wire === 2) {
        pos = p;
        const length = varint();
        p = pos;
        stop = p + length;
      }
      if (stop > end) throw new Error("a sample runs past its end");
      if (field === 1) {
        while (p < stop) {
          let id = bytes[p++];
          if (id > 127) {
            const b = bytes[p++];
            if (b < 128) id = id & 127 | b << 7;
            else {
              pos = p - 2;
              id = varint();
              p = pos;
            }
          }
          const item = sparse ? sparse.get(id) ?? -1 : id < idCount ? map[id] : -1;
          items[at++] = item;
          if (item < 0) unknown++;
        }
      } else {
        while (p < stop) {
          pos = p;
          const v = varint();
          p = pos;
          if (nValues < values.length) values[nValues] = v;
          nValues++;
        }
      }
    }
    const value = signed(values[valueIndex]) * factor;
    const count = countIndex < 0 ? 1 : signed(values[countIndex]);
    if (value === 0 && count === 0) continue;
    if (unknown > 0) at = dropUnknown(items, first, at);
    for (let i = first, j = at - 1; i < j; i++, j--) {
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    out.length = at;
    out.endStack(value, count);
  }
}
__name(readStacks, "readStacks");
function locationIdCount(from, end) {
  let n = 0;
  pos = from;
  while (pos < end) {
    const tag = varint();
    if (tag >>> 3 !== 1) skip(tag & 7);
    else if ((tag & 7) === 0) {
      varint();
      n++;
    } else if ((tag & 7) === 2) {
      const stop = varint() + pos;
      for (; pos < stop; pos++) if (buf[pos] < 128) n++;
    } else skip(tag & 7);
  }
  return n;
}
__name(locationIdCount, "locationIdCount");
function frameById(slotOf, locStart, locFrames) {
  const map = new Int32Array(slotOf.length).fill(-1);
  for (let id = 0; id < slotOf.length; id++) {
    const l = slotOf[id];
    if (l >= 0 && locStart[l + 1] > locStart[l])
      map[id] = locFrames[locStart[l]];
  }
  return map;
}
__name(frameById, "frameById");
function expandLocations(read, locStart, locFrames) {
  const { stackFrames: slots, stackStart, values, samples } = read.stacks();
  let total = 0;
  for (let i = 0; i < slots.length; i++) {
    const l = slots[i];
    total += locStart[l + 1] - locStart[l];
  }
  checkCap(total, LIMITS.stackFrames, "frames over all its stacks (inlined frames expanded)");
  const out = new StackBuffer(values.length, total);
  const frames = out.reserve(total);
  let at = 0;
  for (let s = 0; s < values.length; s++) {
    const to = stackStart[s + 1];
    for (let i = stackStart[s]; i < to; i++) {
      const l = slots[i];
      const end = locStart[l + 1];
      for (let j = locStart[l]; j < end; j++) frames[at++] = locFrames[j];
    }
    out.length = at;
    out.endStack(values[s], samples[s]);
  }
  return out;
}
__name(expandLocations, "expandLocations");
function dropUnknown(frames, from, to) {
  let w = from;
  for (let i = from; i < to; i++) if (frames[i] >= 0) frames[w++] = frames[i];
  return w;
}
__name(dropUnknown, "dropUnknown");
function pickValue(count, type, unit, wanted, preferred) {
  const indices = Array.from({ length: count }, (_, i) => i);
  if (wanted) {
    const found = indices.find((i) => type(i) === wanted);
    if (found === void 0) {
      const known = indices.map((i) => `${type(i)}/${unit(i)}`).join(", ");
      throw new Error(`the profile has no sample type "${wanted}" (it has ${known || "none"})`);
    }
    return found;
  }
  const isTime = /* @__PURE__ */ __name((i) => TIME_UNITS[unit(i)] !== void 0, "isTime");
  const byType = /* @__PURE__ */ __name((name) => indices.find((i) => type(i) === name && isTime(i)), "byType");
  for (const name of preferred) {
    const found = byType(name);
    if (found !== void 0) return found;
  }
  return indices.find(isTime) ?? Math.max(0, count - 1);
}
__name(pickValue, "pickValue");

// src/profile/decode.ts
var FORMAT_NAMES = {
  pprof: "pprof",
  cpuprofile: ".cpuprofile (V8 JSON)",
  folded: "folded stacks"
};
async function readProfileBytes(path) {
  const bytes = await readFileBoundedAsync(path);
  return isGzip(bytes) ? gunzipBoundedAsync(bytes, inflatedChunk(bytes)) : bytes;
}
__name(readProfileBytes, "readProfileBytes");
function inflatedChunk(bytes) {
  const n = bytes.length;
  const stated = n >= 18 ? (bytes[n - 4] | bytes[n - 3] << 8 | bytes[n - 2] << 16) + bytes[n - 1] * 2 ** 24 : 0;
  return Math.min(Math.max(stated + 64, 64 * 1024), 256 * 1024 * 1024);
}
__name(inflatedChunk, "inflatedChunk");
function firstNonSpace(bytes) {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i];
    if (b === 32 || b === 10 || b === 13 || b === 9) continue;
    if (b === 239 && bytes[i + 1] === 187 && bytes[i + 2] === 191) {
      i += 2;
      continue;
    }
    return b;
  }
  return -1;
}
__name(firstNonSpace, "firstNonSpace");
function isText(bytes) {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}
__name(isText, "isText");
function firstLines(bytes, count) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = 0;
  for (let i = 0; i < count && end < text.length; i++) {
    const newline = text.indexOf(10, end);
    end = newline < 0 ? text.length : newline + 1;
  }
  return text.toString("utf8", 0, end);
}
__name(firstLines, "firstLines");
function detectFormat(bytes) {
  if (firstNonSpace(bytes) === 123) return "cpuprofile";
  if (bytes.length > 0 && isText(bytes)) {
    if (looksFolded(firstLines(bytes, 20))) return "folded";
    throw new Error(
      'it is text but not folded stacks (lines of "caller;callee;leaf 123") nor .cpuprofile JSON'
    );
  }
  return "pprof";
}
__name(detectFormat, "detectFormat");
function decodeProfile(bytes, options = {}) {
  const raw = isGzip(bytes) ? gunzipBounded(bytes) : bytes;
  const format = detectFormat(raw);
  let profile;
  if (format === "pprof") {
    try {
      profile = decodePprof(raw, options);
    } catch (error) {
      if (error instanceof LimitError) throw error;
      throw new Error(
        `it is not a pprof, .cpuprofile or folded-stacks file (read as pprof: ${error.message})`
      );
    }
    return { format, profile };
  }
  if (format === "cpuprofile") checkJsonSize(raw);
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8");
  if (format === "cpuprofile") {
    let json;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`it starts like JSON but does not parse: ${error.message}`);
    }
    if (!isCpuProfile(json)) {
      throw new Error(
        `it is JSON but not a .cpuprofile (no "nodes" call tree; Chrome trace-event files are not read, save the profile from the Performance panel's CPU profile or use node --cpu-prof)`
      );
    }
    profile = decodeCpuProfile(json);
  } else {
    profile = decodeFolded(text);
  }
  if (options.valueType && options.valueType !== profile.sampleType.type) {
    throw new Error(
      `the profile has no sample type "${options.valueType}" (a ${FORMAT_NAMES[format]} file holds ${describeSampleType(profile.sampleType)})`
    );
  }
  return { format, profile };
}
__name(decodeProfile, "decodeProfile");
function describeSampleType(type) {
  return `${type.type}/${type.unit}`;
}
__name(describeSampleType, "describeSampleType");
function incomparable(base, head) {
  const a = base.profile.sampleType;
  const b = head.profile.sampleType;
  if (a.unit === b.unit && (a.unit === "nanoseconds" || a.type === b.type)) return void 0;
  const hint = base.format === "pprof" || head.format === "pprof" ? "; a pprof file may hold other sample types: pick one with --value-type" : "";
  return `the profiles measure different things: base is ${describeSampleType(a)} (${FORMAT_NAMES[base.format]}), head is ${describeSampleType(b)} (${FORMAT_NAMES[head.format]}); compare two profiles of the same kind${hint}`;
}
__name(incomparable, "incomparable");
function readProductionProfile(path) {
  let bytes;
  try {
    bytes = readFileBounded(path);
  } catch (error) {
    if (error instanceof LimitError)
      throw new Error(`cannot read the production profile ${path}: ${error.message}`);
    const code = error.code;
    throw new Error(`cannot read the production profile ${path}${code ? ` (${code})` : ""}`);
  }
  let decoded;
  try {
    decoded = decodeProfile(bytes, { preferTypes: PRODUCTION_TIME_TYPES });
  } catch (error) {
    throw new Error(`cannot read the production profile ${path}: ${error.message}`);
  }
  const type = decoded.profile.sampleType;
  if (type.unit !== "nanoseconds" && type.unit !== "count") {
    throw new Error(
      `the production profile ${path} holds ${describeSampleType(type)}, not CPU time: export a CPU or wall profile`
    );
  }
  return decoded.profile;
}
__name(readProductionProfile, "readProductionProfile");
var PRODUCTION_TIME_TYPES = ["cpu", "wall"];
async function readSideBytes(path, side) {
  try {
    return await readProfileBytes(path);
  } catch (error) {
    if (error instanceof LimitError)
      throw new Error(`cannot read the ${side} profile ${path}: ${error.message}`);
    const code = error.code;
    throw new Error(`cannot read the ${side} profile ${path} (${code ?? error.message})`);
  }
}
__name(readSideBytes, "readSideBytes");
function decodeSideBytes(bytes, path, side, valueType) {
  try {
    return decodeProfile(bytes, valueType ? { valueType } : {});
  } catch (error) {
    throw new Error(`cannot read the ${side} profile ${path}: ${error.message}`);
  }
}
__name(decodeSideBytes, "decodeSideBytes");

// src/measure/harness.ts
var RUNNER_BUNDLE = "runner.js";
var PRELOAD_BUNDLE = "pristine-preload.cjs";
var RUNNER_SOURCE_DIR = "src/measure/child";
var BUNDLE_DIR = "dist";
var SEP = "[\\\\/]";
var pathPattern = /* @__PURE__ */ __name((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\//g, SEP), "pathPattern");
var HARNESS = new RegExp(
  [
    // tinybench drives every task: its frames are above the user's code in every sample. The script
    // harnesses' own code runs only where a benchmark calls it (mitata's `do_not_optimize`).
    `(^|${SEP})node_modules${SEP}(tinybench|mitata|benchmark|bench-node)${SEP}`,
    `${SEP}${pathPattern(RUNNER_SOURCE_DIR)}${SEP}`,
    `${SEP}${pathPattern(BUNDLE_DIR)}${SEP}${pathPattern(RUNNER_BUNDLE)}$`
  ].join("|")
);
function isHarnessFile(file) {
  if (!file.includes("tinybench") && !file.includes("mitata") && !file.includes("bench") && !file.includes(RUNNER_BUNDLE) && !file.includes("child"))
    return false;
  return HARNESS.test(file);
}
__name(isHarnessFile, "isHarnessFile");

// src/profile/builtins.ts
var OWNERS = [
  "Array",
  "ArrayBuffer",
  "Atomics",
  "BigInt",
  "Boolean",
  "DataView",
  "Date",
  "Error",
  "FinalizationRegistry",
  "Function",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Promise",
  "Reflect",
  "RegExp",
  "Set",
  "SharedArrayBuffer",
  "String",
  "Symbol",
  "WeakMap",
  "WeakRef",
  "WeakSet"
];
var TYPED_ARRAY = "TypedArray";
var byName;
function qualifiedNames() {
  if (byName) return byName;
  const owners = /* @__PURE__ */ new Map();
  const add = /* @__PURE__ */ __name((name, qualified) => {
    const list = owners.get(name);
    if (list) list.push(qualified);
    else owners.set(name, [qualified]);
  }, "add");
  const methodsOf = /* @__PURE__ */ __name((target, prefix) => {
    for (const key of Object.getOwnPropertyNames(target)) {
      if (key === "constructor" || key === "prototype") continue;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (typeof descriptor?.value === "function") add(key, `${prefix}.${key}`);
      if (descriptor?.get) add(`get ${key}`, `get ${prefix}.${key}`);
    }
  }, "methodsOf");
  const globals = globalThis;
  const typedArray = Object.getPrototypeOf(Uint8Array);
  const all = OWNERS.map((name) => [name, globals[name]]);
  all.push([TYPED_ARRAY, typedArray]);
  const isObject = /* @__PURE__ */ __name((value) => typeof value === "function" || typeof value === "object" && value !== null, "isObject");
  for (const [owner, value] of all) {
    if (!isObject(value)) continue;
    methodsOf(value, owner);
    const prototype = typeof value === "function" ? value.prototype : void 0;
    if (isObject(prototype)) methodsOf(prototype, `${owner}.prototype`);
  }
  for (const name of ["parseInt", "parseFloat", "isNaN", "isFinite"]) add(name, name);
  byName = /* @__PURE__ */ new Map();
  for (const [name, list] of owners) {
    const own = list.filter((q) => !q.startsWith(`${TYPED_ARRAY}.`) && !q.startsWith(`get ${TYPED_ARRAY}.`));
    const copied = own.length < list.length;
    if (own.length === 1 && (!copied || /^(get )?Array\./.test(own[0])))
      byName.set(name, own[0]);
    else if (list.length === 1) byName.set(name, list[0]);
  }
  return byName;
}
__name(qualifiedNames, "qualifiedNames");
function builtinName(name) {
  return qualifiedNames().get(name) ?? name;
}
__name(builtinName, "builtinName");

// src/profile/classify.ts
var HARNESS_FRAME = "(benchmark harness)";
var defaultIsHarness = isHarnessFile;
var RUNTIME_NAMES = /^(\((garbage collector|program|idle|root|non-JS threads|GC|unknown)\)|Garbage Collection|Non JS threads activity|Node\.js)$/;
function toPath(file) {
  if (!file.startsWith("file://")) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return file.slice("file://".length);
  }
}
__name(toPath, "toPath");
function relativeToRoots(file, roots) {
  return stripRoot(toPath(file), roots);
}
__name(relativeToRoots, "relativeToRoots");
function stripRoot(path, roots) {
  for (const root of roots) {
    const prefix = root.endsWith("/") ? root : `${root}/`;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}
__name(stripRoot, "stripRoot");
function npmPackageOf(file) {
  if (!file.includes("node_modules")) return void 0;
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return void 0;
  const first = parts[at + 1];
  if (!first || first.startsWith(".")) return void 0;
  if (first.startsWith("@")) {
    const second = parts[at + 2];
    return second ? `${first}/${second}` : first;
  }
  return first;
}
__name(npmPackageOf, "npmPackageOf");
function kindOf(name, file) {
  if (RUNTIME_NAMES.test(name)) return { kind: "runtime" };
  if (file.startsWith("node:") || file.startsWith("internal/")) return { kind: "node" };
  if (file === "") return name.startsWith("(") ? { kind: "runtime" } : { kind: "node" };
  const pkg = npmPackageOf(file);
  if (pkg) return { kind: "dependency", package: pkg };
  return { kind: "user" };
}
__name(kindOf, "kindOf");
var isAnonymous = /* @__PURE__ */ __name((name) => name === "" || name === "<anonymous>" || /^\(anonymous(:[^)]*)?\)$/.test(name), "isAnonymous");
var REGEXP_PREFIX = "RegExp: ";
var isRegExp = /* @__PURE__ */ __name((name, file) => file === "" && name.startsWith(REGEXP_PREFIX), "isRegExp");
function regExpName(name, callerName) {
  const caller = /^\(.*\)$/.test(callerName) ? callerName.slice(1, -1) : callerName;
  return caller ? `${name} (in ${caller})` : name;
}
__name(regExpName, "regExpName");
function hasEmptyStack(profile) {
  const starts = profile.stackStart;
  for (let s = 0; s + 1 < starts.length; s++) if (starts[s] === starts[s + 1]) return true;
  return false;
}
__name(hasEmptyStack, "hasEmptyStack");
function classifyProfile(profile, options = {}) {
  const roots = options.roots ?? [];
  const isHarness = options.isHarness ?? defaultIsHarness;
  const count = profile.frames.length;
  const base = profile.frames.map((frame) => {
    const path = toPath(frame.file);
    const harness2 = path !== "" && isHarness(path);
    const stripped = stripRoot(path, roots);
    const file = stripped.includes("\\") ? stripped.replace(/\\/g, "/") : stripped;
    const classified = kindOf(frame.name, file);
    const name = classified.kind === "node" && file === "" ? builtinName(frame.name) : frame.name;
    return { frame, name, file, harness: harness2, ...classified };
  });
  const harness = new Uint8Array(count);
  const anonymous = new Uint8Array(count);
  const regExp = new Uint8Array(count);
  let anyHarness = false;
  let anyAnonymous = false;
  let anyRegExp = false;
  for (let i = 0; i < count; i++) {
    const info = base[i];
    if (info.harness) {
      harness[i] = 1;
      anyHarness = true;
    }
    if (isAnonymous(info.frame.name)) {
      anonymous[i] = 1;
      anyAnonymous = true;
    } else if (isRegExp(info.frame.name, info.file)) {
      regExp[i] = 1;
      anyRegExp = true;
    }
  }
  if (!anyHarness && !anyAnonymous && !anyRegExp && !hasEmptyStack(profile)) {
    const frames2 = base.map((info) => {
      const { name } = info;
      const { line } = info.frame;
      return info.package ? { name, file: info.file, line, kind: info.kind, package: info.package } : { name, file: info.file, line, kind: info.kind };
    });
    return { ...profile, frames: frames2 };
  }
  const frames = [];
  const reachesCode = [];
  const index = /* @__PURE__ */ new Map();
  const intern = /* @__PURE__ */ __name((name, file, line, kind, pkg) => {
    const key = `${name}\0${file}\0${line}\0${kind}`;
    let i = index.get(key);
    if (i === void 0) {
      i = frames.length;
      frames.push(pkg ? { name, file, line, kind, package: pkg } : { name, file, line, kind });
      reachesCode.push(kind === "user" || kind === "dependency" ? 1 : 0);
      index.set(key, i);
    }
    return i;
  }, "intern");
  const direct = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const info = base[i];
    direct[i] = anonymous[i] ? -1 : intern(info.name, info.file, info.frame.line, info.kind, info.package);
  }
  const renamed = /* @__PURE__ */ new Map();
  const anonymousFrame = /* @__PURE__ */ __name((i, caller) => {
    const key = i * (count + 1) + caller + 1;
    let mapped = renamed.get(key);
    if (mapped === void 0) {
      const info = base[i];
      const callerName = caller >= 0 ? base[caller].frame.name : "";
      const name = callerName ? `(anonymous in ${callerName})` : "(anonymous)";
      mapped = intern(name, info.file, info.frame.line, info.kind, info.package);
      renamed.set(key, mapped);
    }
    return mapped;
  }, "anonymousFrame");
  const ranBy = /* @__PURE__ */ new Map();
  const regExpFrame = /* @__PURE__ */ __name((i, caller) => {
    const key = `${i}\0${caller}`;
    let mapped = ranBy.get(key);
    if (mapped === void 0) {
      const code = frames[caller];
      const name = regExpName(base[i].frame.name, code.name);
      mapped = intern(name, code.file, code.line, code.kind, code.package);
      ranBy.set(key, mapped);
    }
    return mapped;
  }, "regExpFrame");
  const { stackFrames, stackStart, values, samples } = profile;
  const out = new StackBuffer(values.length, stackFrames.length);
  for (let s = 0; s < values.length; s++) {
    const from = stackStart[s];
    const to = stackStart[s + 1];
    let start = from;
    let sawHarness = false;
    if (anyHarness) {
      for (let i = to - 1; i >= from; i--) {
        if (harness[stackFrames[i]] === 1) {
          start = i + 1;
          sawHarness = true;
          break;
        }
      }
    }
    let reaches = false;
    if (anyAnonymous || anyRegExp) {
      let namedCaller = -1;
      let codeCaller = -1;
      for (let i = start; i < to; i++) {
        const f = stackFrames[i];
        let mapped;
        if (anonymous[f] === 1) mapped = anonymousFrame(f, namedCaller);
        else if (regExp[f] === 1)
          mapped = codeCaller >= 0 ? regExpFrame(f, codeCaller) : direct[f];
        else {
          mapped = direct[f];
          namedCaller = f;
        }
        if (regExp[f] !== 1 && frames[mapped].file !== "") codeCaller = mapped;
        out.pushFrame(mapped);
        if (reachesCode[mapped] === 1) reaches = true;
      }
    } else {
      for (let i = start; i < to; i++) {
        const mapped = direct[stackFrames[i]];
        out.pushFrame(mapped);
        if (reachesCode[mapped] === 1) reaches = true;
      }
    }
    if (sawHarness && !reaches) out.dropStack();
    if (out.openFrames === 0) {
      if (!sawHarness) continue;
      out.pushFrame(intern(HARNESS_FRAME, "", 0, "harness"));
    }
    out.endStack(values[s], samples[s]);
  }
  return out.finish(frames, profile.ops, profile.sampleType);
}
__name(classifyProfile, "classifyProfile");

export {
  OPS_COMMENT_PREFIX,
  decodePprof,
  FORMAT_NAMES,
  incomparable,
  readProductionProfile,
  readSideBytes,
  decodeSideBytes,
  RUNNER_BUNDLE,
  PRELOAD_BUNDLE,
  BUNDLE_DIR,
  relativeToRoots,
  npmPackageOf,
  classifyProfile
};
