// Reads a pprof profile (gzipped or not). The protobuf is read by hand, field by field, straight into
// flat typed arrays: strings are decoded only when a function or sample type names them, each location
// is turned into frames once, and a sample costs one pass over its varints. A generic decoder that
// builds an object per sample and per location is several times slower on the 100k-sample profiles
// `flamegate diff` must handle in a fraction of a second.
import { OPS_COMMENT_PREFIX } from '../measure/protocol.js';
import type { Frame, PackedProfile, SampleType } from '../model.js';
import { checkCap, gunzipBounded, LIMITS, overCap } from './limits.js';
import { StackBuffer } from './packed.js';

export interface ReadOptions {
  /** Sample type to read, by its type name (`wall`, `cpu`, `samples`…). */
  valueType?: string;
  /**
   * Without `valueType`: the time sample types to look for first, in order (default `wall`, then
   * `cpu`); failing those, the first time type, then the last type. A caller that needs CPU time
   * rather than wall time (production weighting) puts `cpu` first.
   */
  preferTypes?: readonly string[];
}

/** Default order among time types: wall first, what flamegate's own profiler records and `diff` compares. */
const DEFAULT_PREFERRED_TYPES: readonly string[] = ['wall', 'cpu'];

/** Time units pprof writers use, in nanoseconds; time values are converted to ns. */
const TIME_UNITS: Record<string, number> = {
  nanoseconds: 1,
  ns: 1,
  microseconds: 1e3,
  us: 1e3,
  milliseconds: 1e6,
  ms: 1e6,
  seconds: 1e9,
  s: 1e9,
};

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

// The read position, shared by the small readers below: a field of the module rather than of an
// object or closure, so the hot loops stay free of allocation.
let pos = 0;
let buf: Uint8Array = new Uint8Array(0);

function varint(): number {
  let byte = buf[pos++] as number;
  if (byte < 0x80) return byte;
  // Values above 2^53 (addresses) lose precision; ids, lines and nanoseconds do not get there.
  let result = byte & 0x7f;
  let shift = 128;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    byte = buf[pos++] as number;
    result += (byte & 0x7f) * shift;
    if (byte < 0x80) return result;
    shift *= 128;
  }
}

function skip(wire: number): void {
  if (wire === 0) varint();
  else if (wire === 1) pos += 8;
  else if (wire === 2) {
    const length = varint();
    pos += length;
  } else if (wire === 5) pos += 4;
  else throw new Error(`unsupported protobuf wire type ${wire} at byte ${pos}`);
}

/** Signed int64 values arrive as two's complement varints. */
const signed = (n: number) => (n >= 2 ** 63 ? n - 2 ** 64 : n);

/** Growable list of numbers in a typed array. */
class IntList {
  data = new Float64Array(256);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = n;
  }
  pushPair(a: number, b: number): void {
    this.push(a);
    this.push(b);
  }
}

export function decodePprof(bytes: Uint8Array, options: ReadOptions = {}): PackedProfile {
  const raw = isGzip(bytes) ? gunzipBounded(bytes) : bytes;
  buf = raw;
  pos = 0;
  try {
    return decode(raw, options);
  } finally {
    buf = new Uint8Array(0);
  }
}

/** What each of the profile's repeated fields holds, for a message naming the cap it went over. */
const FIELD_NAMES: Record<number, string> = { 2: 'samples', 4: 'locations', 5: 'functions', 6: 'strings' };
const fieldName = (field: number) => FIELD_NAMES[field] ?? `entries of field ${field}`;
/** The cap on a repeated field's entries: samples, or the entries of a table (LIMITS). */
const fieldCap = (field: number) => (field === 2 ? LIMITS.samples : LIMITS.tableEntries);
/** Below this many range bounds (two per entry) no field is over its cap. */
const smallerCap = 2 * Math.min(LIMITS.samples, LIMITS.tableEntries);

/**
 * The byte ranges of the profile's length-delimited fields, by field number (from `pos` to `end`);
 * varint fields are skipped, but for comments (13), which are collected. Each field's count is
 * capped as it grows: a small gzipped file can hold a hundred million empty samples.
 */
function scanFields(end: number, comments: number[]): Map<number, IntList> {
  const ranges = new Map<number, IntList>();
  // The lists of the profile's own message fields exist before the loop, which then meets no new
  // kind of object to make when the messages change kind (V8 dropped its optimized loop there).
  for (const field of [1, 2, 3, 4, 5, 6, 13]) ranges.set(field, new IntList());
  while (pos < end) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire !== 2) {
      if (field === 13) {
        comments.push(varint());
        if (comments.length > LIMITS.tableEntries) throw overCap(LIMITS.tableEntries, 'comments');
      } else skip(wire);
      continue;
    }
    const len = varint();
    const start = pos;
    const stop = start + len;
    if (stop > end) throw new Error(`field ${field} runs past the end of the profile`);
    let list = ranges.get(field);
    if (list === undefined) {
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

/** One Location message (from `pos` to `stop`): its (functionId, line) pairs into `lines`; returns its id. */
function readLocation(stop: number, lines: IntList): number {
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
        throw overCap(LIMITS.tableEntries, 'lines (inlined frames) of locations');
    } else skip(t & 7);
  }
  return id;
}

/** One Function message (from `pos` to `stop`): its id, and name, systemName, filename, startLine. */
function readFunction(stop: number, ids: IntList, fields: IntList): void {
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

function decode(raw: Uint8Array, options: ReadOptions): PackedProfile {
  const end = raw.length;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const sampleTypes: [number, number][] = [];
  const comments: number[] = [];
  // Functions: id → [name, systemName, filename, startLine], flat.
  const functionIds = new IntList();
  const functionFields = new IntList();
  // Locations: id → (functionId, line) pairs, innermost first as pprof lists inlined frames.
  const locationIds = new IntList();
  const locationLines = new IntList();
  const locationLineStart = new IntList();

  // First every length-delimited field's byte range, by field number, in one uniform loop; then each
  // kind of message in a loop of its own. Parsed in one loop, each new kind of message (they come in
  // runs: samples, then locations, then functions) took V8's optimized code down with it.
  const rangesOf = scanFields(end, comments);
  const sampleRanges = rangesOf.get(2) ?? new IntList();
  // The string table as byte ranges into the buffer; a string is decoded when something names it.
  const stringRanges = rangesOf.get(6) ?? new IntList();
  const locations = rangesOf.get(4);
  for (let i = 0; locations && i < locations.length; i += 2) {
    pos = locations.data[i] as number;
    locationLineStart.push(locationLines.length);
    locationIds.push(readLocation(locations.data[i + 1] as number, locationLines));
  }
  const functions = rangesOf.get(5);
  for (let i = 0; functions && i < functions.length; i += 2) {
    pos = functions.data[i] as number;
    readFunction(functions.data[i + 1] as number, functionIds, functionFields);
  }
  const types = rangesOf.get(1);
  for (let i = 0; types && i < types.length; i += 2) {
    pos = types.data[i] as number;
    const stop = types.data[i + 1] as number;
    let type = 0;
    let unit = 0;
    while (pos < stop) {
      const t = varint();
      if (t >>> 3 === 1) type = varint();
      else if (t >>> 3 === 2) unit = varint();
      else skip(t & 7);
    }
    sampleTypes.push([type, unit]);
  }
  const packedComments = rangesOf.get(13);
  for (let i = 0; packedComments && i < packedComments.length; i += 2) {
    pos = packedComments.data[i] as number;
    while (pos < (packedComments.data[i + 1] as number)) comments.push(varint());
    checkCap(comments.length, LIMITS.tableEntries, 'comments');
  }
  locationLineStart.push(locationLines.length);

  const decoded = new Map<number, string>();
  const string = (i: number): string => {
    if (i <= 0 || 2 * i >= stringRanges.length) return '';
    let s = decoded.get(i);
    if (s === undefined) {
      s = text.toString('utf8', stringRanges.data[2 * i], stringRanges.data[2 * i + 1]);
      decoded.set(i, s);
    }
    return s;
  };

  const typeName = (i: number) => string(sampleTypes[i]?.[0] ?? 0);
  const unitName = (i: number) => string(sampleTypes[i]?.[1] ?? 0);
  const valueIndex = pickValue(
    sampleTypes.length,
    typeName,
    unitName,
    options.valueType,
    options.preferTypes ?? DEFAULT_PREFERRED_TYPES,
  );
  const countIndex = sampleTypes.findIndex(
    (_, i) => i !== valueIndex && /^samples?$/.test(typeName(i)) && unitName(i) === 'count',
  );
  const unit = unitName(valueIndex);
  const timeFactor = TIME_UNITS[unit];
  const sampleType: SampleType = {
    type: typeName(valueIndex) || 'samples',
    unit: timeFactor !== undefined ? 'nanoseconds' : unit || 'count',
  };
  const factor = timeFactor ?? 1;

  // Function id → position in the flat function list.
  const functionAt = new Map<number, number>();
  for (let i = 0; i < functionIds.length; i++) functionAt.set(functionIds.data[i] as number, i);

  // Frames: one per (function, first line) so links can point at the line; identity elsewhere ignores it.
  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = (functionId: number, line: number): number => {
    const at = functionAt.get(functionId);
    const f = at === undefined ? -1 : 4 * at;
    const startLine = (f >= 0 ? (functionFields.data[f + 3] as number) : 0) || line;
    const key = `${functionId}:${startLine}`;
    let index = frameIndex.get(key);
    if (index === undefined) {
      index = frames.length;
      if (index === LIMITS.frames) throw overCap(LIMITS.frames, 'distinct frames');
      const name =
        f < 0 ? '' : string(functionFields.data[f] as number) || string(functionFields.data[f + 1] as number);
      const file = f < 0 ? '' : string(functionFields.data[f + 2] as number);
      frames.push({ name, file, line: startLine, kind: 'user' });
      frameIndex.set(key, index);
    }
    return index;
  };

  // Location → its frames, outermost caller first (the order of a root-first stack), flat. Ids are
  // small and dense in practice: an array indexed by id replaces millions of Map look-ups.
  const locationCount = locationIds.length;
  const locFrames = new Int32Array(locationLines.length / 2);
  const locStart = new Int32Array(locationCount + 1);
  let maxId = 0;
  for (let l = 0; l < locationCount; l++) maxId = Math.max(maxId, locationIds.data[l] as number);
  const dense = maxId < 4 * locationCount + 1024;
  const slotOf = dense ? new Int32Array(maxId + 1).fill(-1) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  let at = 0;
  for (let l = 0; l < locationCount; l++) {
    locStart[l] = at;
    const from = locationLineStart.data[l] as number;
    const to = locationLineStart.data[l + 1] as number;
    for (let i = to - 2; i >= from; i -= 2) {
      locFrames[at++] = frameOf(locationLines.data[i] as number, locationLines.data[i + 1] as number);
    }
    const id = locationIds.data[l] as number;
    if (slotOf) slotOf[id] = l;
    else sparse?.set(id, l);
  }
  locStart[locationCount] = at;

  let maxFramesPerLocation = 1;
  for (let l = 0; l < locationCount; l++) {
    maxFramesPerLocation = Math.max(
      maxFramesPerLocation,
      (locStart[l + 1] as number) - (locStart[l] as number),
    );
  }
  const slots = slotOf ?? new Int32Array(0);
  // Every location id takes at least one byte: this bounds the ids, so the buffer never grows.
  let sampleBytes = 0;
  for (let i = 0; i < sampleRanges.length; i += 2) {
    sampleBytes += (sampleRanges.data[i + 1] as number) - (sampleRanges.data[i] as number);
  }
  // The samples' location ids, mapped as they are read: straight to their one frame when no location
  // has inlined frames (Node's profiles), else to the location, whose frames are filled in after.
  const flat = slotOf !== undefined && maxFramesPerLocation === 1;
  const idMap = flat ? frameById(slotOf, locStart, locFrames) : slots;
  // Room for one id per sample byte up to the cap on frames: only a profile near the cap has to count.
  const read = new StackBuffer(sampleRanges.length / 2, Math.min(sampleBytes, LIMITS.stackFrames));
  readStacks(sampleRanges, valueIndex, countIndex, factor, idMap, flat ? undefined : sparse, read);
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

/**
 * The hot loop of a large profile: every sample's location ids and values, each id mapped (by `map`,
 * or `sparse` when ids are too spread out for an array) straight into the output buffer, then turned
 * around (pprof lists the leaf first; stacks here are root first). Locals and typed arrays only, so
 * that V8 keeps it tight: the read position is a local here (the module-level one costs a memory round
 * trip per byte), and one- and two-byte varints, which almost every id is, are read inline.
 */
function readStacks(
  sampleRanges: IntList,
  valueIndex: number,
  countIndex: number,
  factor: number,
  map: Int32Array,
  sparse: Map<number, number> | undefined,
  out: StackBuffer,
): void {
  const bytes = buf;
  const values = new Float64Array(Math.max(valueIndex, countIndex) + 1);
  const ranges = sampleRanges.data;
  const idCount = map.length;
  // The buffer has room for one id per sample byte, up to the cap on frames: a sample whose bytes
  // would not fit (only near the cap) has its ids counted before it is read.
  const items = out.reserve(0);
  const capacity = items.length;
  for (let s = 0; s < sampleRanges.length; s += 2) {
    let p = ranges[s] as number;
    const end = ranges[s + 1] as number;
    const first = out.length;
    if (first + (end - p) > capacity && first + locationIdCount(p, end) > capacity) {
      throw overCap(LIMITS.stackFrames, 'frames over all its stacks');
    }
    let at = first;
    let unknown = 0;
    let nValues = 0;
    for (let v = 0; v < values.length; v++) values[v] = 0;
    while (p < end) {
      const tag = bytes[p++] as number;
      const field = tag >>> 3;
      const wire = tag & 7;
      if (tag > 0x7f || (field !== 1 && field !== 2) || (wire !== 0 && wire !== 2)) {
        // A field this loop does not read (labels, addresses): the general reader skips it.
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
      if (stop > end) throw new Error('a sample runs past its end');
      if (field === 1) {
        while (p < stop) {
          let id = bytes[p++] as number;
          if (id > 0x7f) {
            const b = bytes[p++] as number;
            if (b < 0x80) id = (id & 0x7f) | (b << 7);
            else {
              pos = p - 2;
              id = varint();
              p = pos;
            }
          }
          const item = sparse ? (sparse.get(id) ?? -1) : id < idCount ? (map[id] as number) : -1;
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
    const value = signed(values[valueIndex] as number) * factor;
    const count = countIndex < 0 ? 1 : signed(values[countIndex] as number);
    if (value === 0 && count === 0) continue;
    if (unknown > 0) at = dropUnknown(items, first, at);
    for (let i = first, j = at - 1; i < j; i++, j--) {
      const t = items[i] as number;
      items[i] = items[j] as number;
      items[j] = t;
    }
    out.length = at;
    out.endStack(value, count);
  }
}

/** The location ids of the sample from `from` to `end`. */
function locationIdCount(from: number, end: number): number {
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
      for (; pos < stop; pos++) if ((buf[pos] as number) < 0x80) n++;
    } else skip(tag & 7);
  }
  return n;
}

/** Each location id's one frame, or -1 (no such location, or one without frames). */
function frameById(slotOf: Int32Array, locStart: Int32Array, locFrames: Int32Array): Int32Array {
  const map = new Int32Array(slotOf.length).fill(-1);
  for (let id = 0; id < slotOf.length; id++) {
    const l = slotOf[id] as number;
    if (l >= 0 && (locStart[l + 1] as number) > (locStart[l] as number))
      map[id] = locFrames[locStart[l] as number] as number;
  }
  return map;
}

/** Stacks of locations (root first) as stacks of their frames, a location's inlined frames outermost first. */
function expandLocations(read: StackBuffer, locStart: Int32Array, locFrames: Int32Array): StackBuffer {
  const { stackFrames: slots, stackStart, values, samples } = read.stacks();
  let total = 0;
  for (let i = 0; i < slots.length; i++) {
    const l = slots[i] as number;
    total += (locStart[l + 1] as number) - (locStart[l] as number);
  }
  // A few locations of thousands of inlined frames each, repeated by every sample, expand a small
  // file into gigabytes: the total is checked before anything is made.
  checkCap(total, LIMITS.stackFrames, 'frames over all its stacks (inlined frames expanded)');
  const out = new StackBuffer(values.length, total);
  const frames = out.reserve(total);
  let at = 0;
  for (let s = 0; s < values.length; s++) {
    const to = stackStart[s + 1] as number;
    for (let i = stackStart[s] as number; i < to; i++) {
      const l = slots[i] as number;
      const end = locStart[l + 1] as number;
      for (let j = locStart[l] as number; j < end; j++) frames[at++] = locFrames[j] as number;
    }
    out.length = at;
    out.endStack(values[s] as number, samples[s] as number);
  }
  return out;
}

/** Removes the -1 frames (ids of no location) from frames[from, to); returns the new end. */
function dropUnknown(frames: Int32Array, from: number, to: number): number {
  let w = from;
  for (let i = from; i < to; i++) if ((frames[i] as number) >= 0) frames[w++] = frames[i] as number;
  return w;
}

function pickValue(
  count: number,
  type: (i: number) => string,
  unit: (i: number) => string,
  wanted: string | undefined,
  preferred: readonly string[],
): number {
  const indices = Array.from({ length: count }, (_, i) => i);
  if (wanted) {
    const found = indices.find((i) => type(i) === wanted);
    if (found === undefined) {
      const known = indices.map((i) => `${type(i)}/${unit(i)}`).join(', ');
      throw new Error(`the profile has no sample type "${wanted}" (it has ${known || 'none'})`);
    }
    return found;
  }
  const isTime = (i: number) => TIME_UNITS[unit(i)] !== undefined;
  const byType = (name: string) => indices.find((i) => type(i) === name && isTime(i));
  for (const name of preferred) {
    const found = byType(name);
    if (found !== undefined) return found;
  }
  return indices.find(isTime) ?? Math.max(0, count - 1);
}
