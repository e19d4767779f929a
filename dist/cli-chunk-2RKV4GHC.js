import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/profile/packed.ts
var TIME_SAMPLE_TYPE = { type: "wall", unit: "nanoseconds" };
function emptyProfile(sampleType = TIME_SAMPLE_TYPE) {
  return new StackBuffer(0, 0).finish([], 1, sampleType);
}
__name(emptyProfile, "emptyProfile");
function mergeProfiles(profiles, sampleType) {
  const type = sampleType ?? profiles[0]?.sampleType ?? TIME_SAMPLE_TYPE;
  let frameCount = 0;
  let stackCount = 0;
  for (const p of profiles) {
    if (p.sampleType.unit !== type.unit || p.sampleType.type !== type.type) {
      throw new Error(
        `cannot merge a ${p.sampleType.type}/${p.sampleType.unit} profile into ${type.type}/${type.unit} ones`
      );
    }
    frameCount += p.stackFrames.length;
    stackCount += p.values.length;
  }
  const frames = [];
  const index = /* @__PURE__ */ new Map();
  const out = new StackBuffer(stackCount, frameCount);
  let ops = 0;
  for (const profile of profiles) {
    const remap = profile.frames.map((frame) => {
      const key = `${frame.name}\0${frame.file}\0${frame.line}\0${frame.kind}\0${frame.package ?? ""}`;
      let i = index.get(key);
      if (i === void 0) {
        i = frames.length;
        frames.push(frame);
        index.set(key, i);
      }
      return i;
    });
    const { stackFrames, stackStart, values, samples } = profile;
    for (let s = 0; s < values.length; s++) {
      const to = stackStart[s + 1];
      for (let i = stackStart[s]; i < to; i++)
        out.pushFrame(remap[stackFrames[i]]);
      out.endStack(values[s], samples[s]);
    }
    ops += profile.ops;
  }
  return out.finish(frames, profiles.length > 0 ? ops : 1, type);
}
__name(mergeProfiles, "mergeProfiles");
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
  /** The stacks so far (views, not copies). */
  stacks() {
    return {
      stackFrames: this.frames.subarray(0, this.frameCount),
      stackStart: this.starts.subarray(0, this.stackCount + 1),
      values: this.vals.subarray(0, this.stackCount),
      samples: this.counts.subarray(0, this.stackCount)
    };
  }
  finish(frames, ops, sampleType) {
    return { frames, ...this.stacks(), ops, sampleType };
  }
};

// src/flame/side.ts
var NODE_GROUP_NAME = "(node internals)";
function sideStacks(input, collapse = {}) {
  const profile = input ?? emptyProfile();
  const { keys, frameKey, frameGroup } = keysOf(profile, collapse);
  const stackCount = profile.values.length;
  const ops = profile.ops > 0 ? profile.ops : 1;
  const length = new Int32Array(stackCount);
  const value = new Float64Array(stackCount);
  const sums = {
    self: new Float64Array(keys.length),
    total: new Float64Array(keys.length),
    stamp: new Int32Array(keys.length).fill(-1)
  };
  const laidOut = /* @__PURE__ */ __name((stacks, toKey) => {
    sums.self.fill(0);
    sums.total.fill(0);
    sums.stamp.fill(-1);
    const samples2 = lengthsOf(stacks, ops, length, value);
    const side2 = layOut(length, value, keys.length);
    return writeAndSum(stacks, toKey, side2.rank, side2.colStart, side2.keysAt, sums) ? { samples: samples2, side: side2 } : void 0;
  }, "laidOut");
  const asKeys = /* @__PURE__ */ __name(() => {
    const laid = laidOut(keyStacks(profile, frameKey, frameGroup), identity(keys.length));
    if (!laid) throw new Error("stacks of keys hold a key out of range");
    return laid;
  }, "asKeys");
  const { samples, side } = (frameGroup.includes(1) ? void 0 : laidOut(profile, frameKey)) ?? asKeys();
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
    ...input ? { sampleType: input.sampleType } : {}
  };
}
__name(sideStacks, "sideStacks");
function sumOf(values) {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
__name(sumOf, "sumOf");
function keysOf(profile, collapse) {
  const keys = [];
  const ids = /* @__PURE__ */ new Map();
  const frameKey = new Int32Array(profile.frames.length);
  const frameGroup = new Uint8Array(profile.frames.length);
  profile.frames.forEach((f, i) => {
    let info;
    if (collapse.dependencies && f.kind === "dependency" && f.package) {
      const pkg = f.package;
      info = {
        key: `pkg\0${pkg}`,
        name: pkg,
        file: "",
        line: 0,
        kind: "dependency",
        package: pkg,
        collapsed: true
      };
    } else if (collapse.node && f.kind === "node") {
      info = { key: "node", name: NODE_GROUP_NAME, file: "", line: 0, kind: "node", collapsed: true };
    } else {
      info = {
        key: `${f.name}\0${f.file}`,
        name: f.name,
        file: f.file,
        line: f.line,
        kind: f.kind,
        collapsed: false
      };
      if (f.package !== void 0) info.package = f.package;
    }
    let id = ids.get(info.key);
    if (id === void 0) {
      id = keys.length;
      keys.push(info);
      ids.set(info.key, id);
    }
    frameKey[i] = id;
    frameGroup[i] = info.collapsed ? 1 : 0;
  });
  return { keys, frameKey, frameGroup };
}
__name(keysOf, "keysOf");
function keyStacks(profile, frameKey, frameGroup) {
  const { stackFrames, stackStart, values } = profile;
  const out = new StackBuffer(values.length, stackFrames.length);
  const keys = out.reserve(stackFrames.length);
  const frameTotal = frameKey.length;
  let at = 0;
  for (let s = 0; s < values.length; s++) {
    let prev = -1;
    const to = stackStart[s + 1];
    for (let i = stackStart[s]; i < to; i++) {
      const fi = stackFrames[i];
      if (fi < 0 || fi >= frameTotal) continue;
      const key = frameKey[fi];
      if (frameGroup[fi] === 1 && key === prev) continue;
      keys[at++] = key;
      prev = key;
    }
    out.length = at;
    out.endStack(values[s], profile.samples[s]);
  }
  return out.finish([], profile.ops, profile.sampleType);
}
__name(keyStacks, "keyStacks");
function identity(count) {
  const map = new Int32Array(count);
  for (let k = 0; k < count; k++) map[k] = k;
  return map;
}
__name(identity, "identity");
function lengthsOf(profile, ops, length, value) {
  let samples = 0;
  const { stackStart, values } = profile;
  for (let s = 0; s < values.length; s++) {
    samples += profile.samples[s];
    value[s] = values[s] / ops;
    length[s] = stackStart[s + 1] - stackStart[s];
  }
  return samples;
}
__name(lengthsOf, "lengthsOf");
function writeAndSum(profile, frameKey, rank, colStart, keysAt, sums) {
  const { stackFrames, stackStart, values } = profile;
  const { self, total, stamp } = sums;
  const frameTotal = frameKey.length;
  const ops = profile.ops > 0 ? profile.ops : 1;
  for (let s = 0; s < values.length; s++) {
    const r = rank[s];
    const v = values[s] / ops;
    const from = stackStart[s];
    const to = stackStart[s + 1];
    let key = -1;
    for (let i = from; i < to; i++) {
      const fi = stackFrames[i];
      if (fi < 0 || fi >= frameTotal) return false;
      key = frameKey[fi];
      keysAt[colStart[i - from] + r] = key;
      if (stamp[key] !== s) {
        stamp[key] = s;
        total[key] = total[key] + v;
      }
    }
    if (key >= 0) self[key] = self[key] + v;
  }
  return true;
}
__name(writeAndSum, "writeAndSum");
function layOut(length, value, keyCount) {
  const ofLength = lengthCounts(length);
  const maxLen = ofLength.length - 1;
  const reaching = new Int32Array(maxLen + 1);
  for (let d = maxLen - 1; d >= 0; d--)
    reaching[d] = reaching[d + 1] + ofLength[d + 1];
  const colStart = new Int32Array(maxLen + 1);
  for (let d = 1; d <= maxLen; d++) colStart[d] = colStart[d - 1] + reaching[d - 1];
  const rank = new Int32Array(length.length);
  const rankedValue = new Float64Array(length.length);
  assignRanks(length, value, reaching.slice(), rank, rankedValue);
  const size = colStart[maxLen];
  const keysAt = keyCount < 65536 ? new Uint16Array(size) : new Int32Array(size);
  return { keysAt, colStart, reaching, rank, rankedValue };
}
__name(layOut, "layOut");
function lengthCounts(length) {
  let maxLen = 0;
  for (let s = 0; s < length.length; s++) maxLen = Math.max(maxLen, length[s]);
  const ofLength = new Int32Array(maxLen + 1);
  countLengths(length, ofLength);
  return ofLength;
}
__name(lengthCounts, "lengthCounts");
function countLengths(length, ofLength) {
  for (let s = 0; s < length.length; s++) {
    const len = length[s];
    ofLength[len] = ofLength[len] + 1;
  }
}
__name(countLengths, "countLengths");
function assignRanks(length, value, nextRank, rank, rankedValue) {
  for (let s = 0; s < length.length; s++) {
    const len = length[s];
    const r = nextRank[len];
    nextRank[len] = r + 1;
    rank[s] = r;
    rankedValue[r] = value[s];
  }
}
__name(assignRanks, "assignRanks");

export {
  TIME_SAMPLE_TYPE,
  mergeProfiles,
  StackBuffer,
  sideStacks
};
