// Reads a pprof profile (gzipped or not) into a StackProfile. The protobuf is read directly, field
// by field, into flat arrays: a generic decoder that builds an object per sample and per location is
// several times slower on the 100k-sample profiles `flamegate diff` must handle in well under a second.
import { gunzipSync } from 'node:zlib';
import { OPS_COMMENT_PREFIX } from '../measure/protocol.js';
import type { Frame, StackProfile } from '../model.js';

export interface ReadOptions {
  /** Sample type to read, by its type name (`wall`, `cpu`, `samples`…). */
  valueType?: string;
}

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }
  varint(): number {
    // Values above 2^53 (addresses) lose precision; ids, lines and nanoseconds do not get there.
    let result = 0;
    let shift = 1;
    for (;;) {
      const byte = this.buf[this.pos++] as number;
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
      shift *= 128;
      if (this.pos > this.end) throw new Error('truncated varint');
    }
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) {
      const length = this.varint();
      this.pos += length;
    } else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  /** Reads a packed or single varint field into `out`. */
  repeated(wire: number, out: number[]): void {
    if (wire === 2) {
      const length = this.varint();
      const end = this.pos + length;
      while (this.pos < end) out.push(this.varint());
    } else {
      out.push(this.varint());
    }
  }
}

interface RawFunction {
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
}

/** Signed int64 values arrive as two's complement varints; profiles here never hold negatives. */
const signed = (n: number) => (n >= 2 ** 63 ? n - 2 ** 64 : n);

export function readPprof(bytes: Uint8Array, options: ReadOptions = {}): StackProfile {
  const buf = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const r = new Reader(buf);
  const strings: string[] = [];
  const sampleTypes: [number, number][] = [];
  const comments: number[] = [];
  const functions = new Map<number, RawFunction>();
  // location id → [functionId, line] pairs, innermost first (pprof's order for inlined frames).
  const locations = new Map<number, number[]>();
  // Samples are kept as byte ranges and decoded once the sample types are known.
  const sampleRanges: number[] = [];
  const decoder = new TextDecoder();

  while (r.pos < r.end) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire !== 2 || ![1, 2, 4, 5, 6, 13].includes(field)) {
      if (field === 13) r.repeated(wire, comments);
      else r.skip(wire);
      continue;
    }
    const len = r.varint();
    const start = r.pos;
    const end = start + len;
    if (field === 6) strings.push(decoder.decode(buf.subarray(start, end)));
    else if (field === 2) sampleRanges.push(start, end);
    else if (field === 13) {
      const inner = new Reader(buf, start, end);
      while (inner.pos < end) comments.push(inner.varint());
    } else {
      const m = new Reader(buf, start, end);
      if (field === 1) {
        let type = 0;
        let unit = 0;
        while (m.pos < end) {
          const t = m.varint();
          if (t >> 3 === 1) type = m.varint();
          else if (t >> 3 === 2) unit = m.varint();
          else m.skip(t & 7);
        }
        sampleTypes.push([type, unit]);
      } else if (field === 5) {
        const f: RawFunction & { id: number } = { id: 0, name: 0, systemName: 0, filename: 0, startLine: 0 };
        while (m.pos < end) {
          const t = m.varint();
          const n = t >> 3;
          if (n === 1) f.id = m.varint();
          else if (n === 2) f.name = m.varint();
          else if (n === 3) f.systemName = m.varint();
          else if (n === 4) f.filename = m.varint();
          else if (n === 5) f.startLine = m.varint();
          else m.skip(t & 7);
        }
        functions.set(f.id, f);
      } else if (field === 4) {
        let id = 0;
        const lines: number[] = [];
        while (m.pos < end) {
          const t = m.varint();
          const n = t >> 3;
          if (n === 1) id = m.varint();
          else if (n === 4 && (t & 7) === 2) {
            const lineLength = m.varint();
            const lineEnd = m.pos + lineLength;
            let functionId = 0;
            let line = 0;
            while (m.pos < lineEnd) {
              const lt = m.varint();
              if (lt >> 3 === 1) functionId = m.varint();
              else if (lt >> 3 === 2) line = m.varint();
              else m.skip(lt & 7);
            }
            lines.push(functionId, line);
          } else m.skip(t & 7);
        }
        locations.set(id, lines);
      }
    }
    r.pos = end;
  }

  const typeName = (i: number) => strings[sampleTypes[i]?.[0] ?? 0] ?? '';
  const unitName = (i: number) => strings[sampleTypes[i]?.[1] ?? 0] ?? '';
  const valueIndex = pickValue(sampleTypes.length, typeName, unitName, options.valueType);
  const countIndex = sampleTypes.findIndex(
    (_, i) => /^samples?$/.test(typeName(i)) && unitName(i) === 'count',
  );

  // Frames: one per (function, line) so links can point at the line; identity elsewhere ignores it.
  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = (functionId: number, line: number): number => {
    const fn = functions.get(functionId);
    const startLine = fn?.startLine || line;
    const key = `${functionId}:${startLine}`;
    let index = frameIndex.get(key);
    if (index === undefined) {
      index = frames.length;
      const name = strings[fn?.name ?? 0] || strings[fn?.systemName ?? 0] || '';
      frames.push({ name, file: strings[fn?.filename ?? 0] ?? '', line: startLine, kind: 'user' });
      frameIndex.set(key, index);
    }
    return index;
  };
  // location id → frame indices, outermost caller first (the order of a root-first stack). Ids are
  // small and dense in practice, so an array indexed by id replaces millions of Map look-ups.
  const byId: (number[] | undefined)[] = [];
  const sparse = new Map<number, number[]>();
  for (const [id, lines] of locations) {
    const list: number[] = [];
    for (let i = lines.length - 2; i >= 0; i -= 2)
      list.push(frameOf(lines[i] as number, lines[i + 1] as number));
    if (id < 1 << 24) byId[id] = list;
    else sparse.set(id, list);
  }
  const locationFrames = (id: number) => (id < 1 << 24 ? byId[id] : sparse.get(id));

  // Identical stacks are not merged here: every consumer sums, and merging 100k stacks costs more
  // than decoding them.
  const stacks: StackProfile['stacks'] = [];
  const locationIds: number[] = [];
  const values: number[] = [];
  for (let s = 0; s < sampleRanges.length; s += 2) {
    const end = sampleRanges[s + 1] as number;
    readSample(buf, sampleRanges[s] as number, end, locationIds, values);
    const value = signed(values[valueIndex] ?? 0);
    const count = countIndex >= 0 ? signed(values[countIndex] ?? 0) : 1;
    if (value === 0 && count === 0) continue;
    // Sized up front: growing 100k arrays one push at a time doubles the time spent in GC.
    let depth = 0;
    for (let i = 0; i < locationIds.length; i++)
      depth += locationFrames(locationIds[i] as number)?.length ?? 0;
    const path: number[] = new Array(depth);
    let at = 0;
    for (let i = locationIds.length - 1; i >= 0; i--) {
      const list = locationFrames(locationIds[i] as number);
      if (list) for (let j = 0; j < list.length; j++) path[at++] = list[j] as number;
    }
    stacks.push({ frames: path, ns: value, samples: count });
  }

  let ops = 1;
  for (const c of comments) {
    const text = strings[c] ?? '';
    if (text.startsWith(OPS_COMMENT_PREFIX)) {
      const n = Number(text.slice(OPS_COMMENT_PREFIX.length));
      if (n > 0) ops = n;
    }
  }
  return { frames, stacks, ops };
}

/**
 * The hot loop of a large profile: one call per sample, so varints are read inline, with a fast
 * path for the one-byte case that nearly all ids take.
 */
function readSample(
  buf: Uint8Array,
  start: number,
  end: number,
  locationIds: number[],
  values: number[],
): void {
  let pos = start;
  let ids = 0;
  let vals = 0;
  const next = (): number => {
    const first = buf[pos++] as number;
    if (first < 0x80) return first;
    let result = first & 0x7f;
    let shift = 128;
    for (;;) {
      const byte = buf[pos++] as number;
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
      shift *= 128;
    }
  };
  while (pos < end) {
    const tag = next();
    const field = tag >> 3;
    const wire = tag & 7;
    if (field !== 1 && field !== 2) {
      if (wire === 0) next();
      else if (wire === 2) {
        const length = next();
        pos += length;
      } else if (wire === 1) pos += 8;
      else pos += 4;
      continue;
    }
    const out = field === 1 ? locationIds : values;
    if (wire === 2) {
      const length = next();
      const stop = pos + length;
      while (pos < stop) {
        if (field === 1) locationIds[ids++] = next();
        else values[vals++] = next();
      }
    } else if (field === 1) out[ids++] = next();
    else out[vals++] = next();
  }
  locationIds.length = ids;
  values.length = vals;
}

function pickValue(
  count: number,
  type: (i: number) => string,
  unit: (i: number) => string,
  wanted: string | undefined,
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
  const byType = (name: string) => indices.find((i) => type(i) === name && unit(i) === 'nanoseconds');
  return (
    byType('wall') ??
    byType('cpu') ??
    indices.find((i) => unit(i) === 'nanoseconds') ??
    Math.max(0, count - 1)
  );
}
