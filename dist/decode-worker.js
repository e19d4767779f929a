import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/profile/decode-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/profile/decode.ts
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { gunzip, gunzipSync as gunzipSync2 } from "node:zlib";

// src/profile/packed.ts
var StackBuffer = class {
  static {
    __name(this, "StackBuffer");
  }
  frames;
  starts;
  vals;
  counts;
  frameCount = 0;
  stackCount = 0;
  constructor(stacks = 1024, frames = stacks * 16) {
    this.frames = new Int32Array(Math.max(16, frames));
    this.starts = new Int32Array(Math.max(16, stacks + 1));
    this.vals = new Float64Array(Math.max(16, stacks));
    this.counts = new Float64Array(Math.max(16, stacks));
  }
  /** The frame array with room for `n` more frames, for writing directly (then set `length`). */
  reserve(n) {
    const need = this.frameCount + n;
    if (need > this.frames.length) {
      const grown = new Int32Array(Math.max(need, this.frames.length * 2));
      grown.set(this.frames.subarray(0, this.frameCount));
      this.frames = grown;
    }
    return this.frames;
  }
  /** Frames written so far, over all stacks. */
  get length() {
    return this.frameCount;
  }
  set length(n) {
    this.frameCount = n;
  }
  pushFrame(frame) {
    if (this.frameCount === this.frames.length) {
      const grown = new Int32Array(this.frames.length * 2);
      grown.set(this.frames);
      this.frames = grown;
    }
    this.frames[this.frameCount++] = frame;
  }
  /** Frames pushed since the last endStack. */
  get openFrames() {
    return this.frameCount - this.starts[this.stackCount];
  }
  /** Closes the stack begun after the previous endStack (an empty stack is kept: it holds time). */
  endStack(value, samples) {
    if (this.stackCount + 2 > this.starts.length) {
      const size = this.starts.length * 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const vals = new Float64Array(size);
      vals.set(this.vals);
      this.vals = vals;
      const counts = new Float64Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.vals[this.stackCount] = value;
    this.counts[this.stackCount] = samples;
    this.stackCount++;
    this.starts[this.stackCount] = this.frameCount;
  }
  /** Forgets the frames pushed since the last endStack. */
  dropStack() {
    this.frameCount = this.starts[this.stackCount];
  }
  finish(frames, ops, sampleType) {
    return {
      frames,
      stackFrames: this.frames.subarray(0, this.frameCount),
      stackStart: this.starts.subarray(0, this.stackCount + 1),
      values: this.vals.subarray(0, this.stackCount),
      samples: this.counts.subarray(0, this.stackCount),
      ops,
      sampleType
    };
  }
};

// src/profile/cpuprofile.ts
var CPUPROFILE_SAMPLE_TYPE = { type: "cpu", unit: "nanoseconds" };
var SKIPPED = /* @__PURE__ */ new Set(["(root)", "(idle)"]);
function isCpuProfile(value) {
  return typeof value === "object" && value !== null && Array.isArray(value.nodes) && value.nodes.every(
    (n) => typeof n === "object" && n !== null && typeof n.id === "number"
  );
}
__name(isCpuProfile, "isCpuProfile");
function decodeCpuProfile(json) {
  const nodes = json.nodes;
  const slot = /* @__PURE__ */ new Map();
  nodes.forEach((n, i) => {
    slot.set(n.id, i);
  });
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    for (const child of n.children ?? []) {
      const c = slot.get(child);
      if (c !== void 0) parent[c] = i;
    }
    if (typeof n.parent === "number") parent[i] = slot.get(n.parent) ?? -1;
  });
  const selfUs = new Float64Array(nodes.length);
  const hits = new Float64Array(nodes.length);
  const samples = json.samples ?? [];
  const deltas = json.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    let last = 0;
    for (let i = 0; i < samples.length; i++) {
      const at = slot.get(samples[i]);
      if (at === void 0) continue;
      const next = deltas[i + 1];
      const us = next !== void 0 ? next : last;
      if (next !== void 0) last = next;
      selfUs[at] = selfUs[at] + Math.max(0, us);
      hits[at] = hits[at] + 1;
    }
  } else {
    let total = 0;
    for (const n of nodes) total += n.hitCount ?? 0;
    const span = (json.endTime ?? 0) - (json.startTime ?? 0);
    const perHit = total > 0 && span > 0 ? span / total : 1e3;
    nodes.forEach((n, i) => {
      hits[i] = n.hitCount ?? 0;
      selfUs[i] = (n.hitCount ?? 0) * perHit;
    });
  }
  const frames = [];
  const frameIndex = /* @__PURE__ */ new Map();
  const frameOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    const name = n.callFrame?.functionName || "(anonymous)";
    if (SKIPPED.has(name)) return;
    const file = n.callFrame?.url ?? "";
    const line = (n.callFrame?.lineNumber ?? -1) + 1;
    const key = `${name}\0${file}\0${line}`;
    let f = frameIndex.get(key);
    if (f === void 0) {
      f = frames.length;
      frames.push({ name, file, line: Math.max(0, line), kind: "user" });
      frameIndex.set(key, f);
    }
    frameOf[i] = f;
  });
  const out = new StackBuffer(nodes.length, nodes.length * 16);
  const path = [];
  for (let i = 0; i < nodes.length; i++) {
    if (hits[i] === 0 || frameOf[i] === -1) continue;
    path.length = 0;
    for (let at = i; at >= 0; at = parent[at]) {
      const f = frameOf[at];
      if (f >= 0) path.push(f);
      if (path.length > nodes.length) throw new Error("the call tree has a cycle");
    }
    for (let k = path.length - 1; k >= 0; k--) out.pushFrame(path[k]);
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
    for (const raw of m[1].split(";")) {
      let f = frameIndex.get(raw);
      if (f === void 0) {
        f = frames.length;
        frames.push({ ...parseFoldedFrame(raw), kind: "user" });
        frameIndex.set(raw, f);
      }
      out.pushFrame(f);
    }
    out.endStack(count, count);
  }
  return out.finish(frames, 1, FOLDED_SAMPLE_TYPE);
}
__name(decodeFolded, "decodeFolded");

// src/profile/pprof.ts
import { gunzipSync } from "node:zlib";

// src/measure/protocol.ts
var OPS_COMMENT_PREFIX = "flamegate.ops=";

// src/profile/pprof.ts
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
  const raw = isGzip(bytes) ? gunzipSync(bytes) : bytes;
  buf = raw;
  pos = 0;
  try {
    return decode(raw, options);
  } finally {
    buf = new Uint8Array(0);
  }
}
__name(decodePprof, "decodePprof");
function decode(raw, options) {
  const end = raw.length;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const stringRanges = new IntList();
  const sampleTypes = [];
  const comments = [];
  const functionIds = new IntList();
  const functionFields = new IntList();
  const locationIds = new IntList();
  const locationLines = new IntList();
  const locationLineStart = new IntList();
  const sampleRanges = new IntList();
  while (pos < end) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire !== 2) {
      if (field === 13) comments.push(varint());
      else skip(wire);
      continue;
    }
    const len = varint();
    const start = pos;
    const stop = start + len;
    if (stop > end) throw new Error(`field ${field} runs past the end of the profile`);
    if (field === 6) stringRanges.pushPair(start, stop);
    else if (field === 2) sampleRanges.pushPair(start, stop);
    else if (field === 4) {
      let id = 0;
      locationLineStart.push(locationLines.length);
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
          locationLines.push(functionId);
          locationLines.push(line);
        } else skip(t & 7);
      }
      locationIds.push(id);
    } else if (field === 5) {
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
      functionIds.push(id);
      functionFields.push(name);
      functionFields.push(systemName);
      functionFields.push(filename);
      functionFields.push(startLine);
    } else if (field === 1) {
      let type = 0;
      let unit2 = 0;
      while (pos < stop) {
        const t = varint();
        if (t >>> 3 === 1) type = varint();
        else if (t >>> 3 === 2) unit2 = varint();
        else skip(t & 7);
      }
      sampleTypes.push([type, unit2]);
    } else if (field === 13) {
      while (pos < stop) comments.push(varint());
    }
    pos = stop;
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
  const valueIndex = pickValue(sampleTypes.length, typeName, unitName, options.valueType);
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
  const out = new StackBuffer(sampleRanges.length / 2, sampleBytes * maxFramesPerLocation);
  readStacks(
    sampleRanges,
    valueIndex,
    countIndex,
    factor,
    slots,
    sparse,
    locStart,
    locFrames,
    maxFramesPerLocation,
    out
  );
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
function readStacks(sampleRanges, valueIndex, countIndex, factor, slotOf, sparse, locStart, locFrames, maxFramesPerLocation, out) {
  let ids = new Int32Array(256);
  const values = new Float64Array(Math.max(valueIndex, countIndex) + 1);
  const ranges = sampleRanges.data;
  for (let s = 0; s < sampleRanges.length; s += 2) {
    pos = ranges[s];
    const end = ranges[s + 1];
    let nIds = 0;
    let nValues = 0;
    values.fill(0);
    while (pos < end) {
      const tag = varint();
      const field = tag >>> 3;
      const wire = tag & 7;
      const stop = wire === 2 && (field === 1 || field === 2) ? varint() + pos : -1;
      let single = stop < 0;
      if (field === 1) {
        while (stop < 0 ? single : pos < stop) {
          single = false;
          if (nIds === ids.length) {
            const grown = new Int32Array(nIds * 2);
            grown.set(ids);
            ids = grown;
          }
          const id = varint();
          ids[nIds++] = sparse ? sparse.get(id) ?? -1 : id < slotOf.length ? slotOf[id] : -1;
        }
      } else if (field === 2) {
        while (stop < 0 ? single : pos < stop) {
          single = false;
          const v = varint();
          if (nValues < values.length) values[nValues] = v;
          nValues++;
        }
      } else skip(wire);
    }
    const value = signed(values[valueIndex]) * factor;
    const count = countIndex < 0 ? 1 : signed(values[countIndex]);
    if (value === 0 && count === 0) continue;
    const frames = out.reserve(nIds * maxFramesPerLocation);
    let at = out.length;
    for (let i = nIds - 1; i >= 0; i--) {
      const l = ids[i];
      if (l < 0) continue;
      const to = locStart[l + 1];
      for (let j = locStart[l]; j < to; j++) frames[at++] = locFrames[j];
    }
    out.length = at;
    out.endStack(value, count);
  }
}
__name(readStacks, "readStacks");
function pickValue(count, type, unit, wanted) {
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
  return byType("wall") ?? byType("cpu") ?? indices.find(isTime) ?? Math.max(0, count - 1);
}
__name(pickValue, "pickValue");

// src/profile/decode.ts
var FORMAT_NAMES = {
  pprof: "pprof",
  cpuprofile: ".cpuprofile (V8 JSON)",
  folded: "folded stacks"
};
var gunzipAsync = promisify(gunzip);
async function readProfileBytes(path) {
  const bytes = await readFile(path);
  return isGzip(bytes) ? gunzipAsync(bytes) : bytes;
}
__name(readProfileBytes, "readProfileBytes");
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
function detectFormat(bytes) {
  if (firstNonSpace(bytes) === 123) return "cpuprofile";
  if (bytes.length > 0 && isText(bytes)) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("utf8");
    if (looksFolded(head)) return "folded";
    throw new Error(
      'it is text but not folded stacks (lines of "caller;callee;leaf 123") nor .cpuprofile JSON'
    );
  }
  return "pprof";
}
__name(detectFormat, "detectFormat");
function decodeProfile(bytes, options = {}) {
  const raw = isGzip(bytes) ? gunzipSync2(bytes) : bytes;
  const format = detectFormat(raw);
  let profile;
  if (format === "pprof") {
    try {
      profile = decodePprof(raw, options);
    } catch (error) {
      throw new Error(
        `it is not a pprof, .cpuprofile or folded-stacks file (read as pprof: ${error.message})`
      );
    }
    return { format, profile };
  }
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
async function loadProfileFile(path, side, valueType) {
  let bytes;
  try {
    bytes = await readProfileBytes(path);
  } catch (error) {
    const code = error.code;
    throw new Error(`cannot read the ${side} profile ${path} (${code ?? error.message})`);
  }
  try {
    return decodeProfile(bytes, valueType ? { valueType } : {});
  } catch (error) {
    throw new Error(`cannot read the ${side} profile ${path}: ${error.message}`);
  }
}
__name(loadProfileFile, "loadProfileFile");

// src/profile/decode-worker.ts
var job = workerData;
loadProfileFile(job.path, job.side, job.valueType).then(
  (decoded) => {
    const p = decoded.profile;
    const buffers = [p.stackFrames, p.stackStart, p.values, p.samples].map((a) => a.buffer);
    parentPort?.postMessage({ decoded }, [...new Set(buffers)]);
  },
  (error) => parentPort?.postMessage({ error: error.message })
);
