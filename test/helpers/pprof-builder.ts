// Hand-built pprof profiles for tests, written with pprof-format (the library the profiler uses).
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';

export interface FrameSpec {
  name: string;
  file?: string;
  line?: number;
}

export interface SampleSpec {
  /** Leaf first, as pprof stores it. A nested array is one location with inlined frames (innermost first). */
  stack: (FrameSpec | FrameSpec[])[];
  /** Values in the order of `sampleTypes`. */
  values: number[];
}

export interface PprofSpec {
  sampleTypes?: [string, string][];
  samples: SampleSpec[];
  comments?: string[];
}

export function buildPprof(spec: PprofSpec): Uint8Array {
  const strings = new StringTable();
  const functions = new Map<string, { id: number; name: number; filename: number; startLine: number }>();
  const locations: { id: number; line: { functionId: number; line: number }[] }[] = [];
  const functionId = (f: FrameSpec) => {
    const key = `${f.name}\u0000${f.file ?? ''}\u0000${f.line ?? 0}`;
    let fn = functions.get(key);
    if (!fn) {
      fn = {
        id: functions.size + 1,
        name: strings.dedup(f.name),
        filename: strings.dedup(f.file ?? ''),
        startLine: f.line ?? 0,
      };
      functions.set(key, fn);
    }
    return fn.id;
  };
  const locationId = (frames: FrameSpec[]) => {
    const id = locations.length + 1;
    locations.push({ id, line: frames.map((f) => ({ functionId: functionId(f), line: f.line ?? 0 })) });
    return id;
  };
  const sampleTypes = spec.sampleTypes ?? [
    ['sample', 'count'],
    ['wall', 'nanoseconds'],
  ];
  const profile = new Profile({
    sampleType: sampleTypes.map(([type, unit]) => ({ type: strings.dedup(type), unit: strings.dedup(unit) })),
    sample: spec.samples.map((s) => ({
      locationId: s.stack.map((f) => locationId(Array.isArray(f) ? f : [f])),
      value: s.values,
    })),
    location: locations,
    function: [...functions.values()],
    stringTable: strings,
    comment: (spec.comments ?? []).map((c) => strings.dedup(c)),
  });
  return gzipSync(profile.encode());
}
