// Writes a profile as a gzipped pprof file, its values under the profile's own sample type: how the
// profile stage hands users one merged `base.pb.gz` / `alloc-head.pb.gz`… per benchmark without
// decoding the per-process files a second time.
import { gzipSync } from 'node:zlib';
import {
  Line,
  Location,
  Function as PprofFunction,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';
import { OPS_COMMENT_PREFIX } from '../measure/protocol.js';
import type { PackedProfile } from '../model.js';

/** One location per frame; samples keep their value (in the profile's unit) and their sample count. */
export function encodePprof(profile: PackedProfile, comments: string[] = []): Uint8Array {
  const strings = new StringTable();
  const functions = profile.frames.map(
    (frame, i) =>
      new PprofFunction({
        id: i + 1,
        name: strings.dedup(frame.name),
        systemName: strings.dedup(frame.name),
        filename: strings.dedup(frame.file),
        startLine: frame.line,
      }),
  );
  const locations = profile.frames.map(
    (frame, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: frame.line })] }),
  );
  const { stackFrames, stackStart, values, samples: counts, sampleType } = profile;
  let total = 0;
  let totalSamples = 0;
  const samples: Sample[] = new Array(values.length);
  for (let s = 0; s < values.length; s++) {
    total += values[s] as number;
    totalSamples += counts[s] as number;
    // pprof lists a sample's locations from the leaf to the root.
    const locationId: number[] = [];
    for (let i = (stackStart[s + 1] as number) - 1; i >= (stackStart[s] as number); i--) {
      locationId.push((stackFrames[i] as number) + 1);
    }
    samples[s] = new Sample({ locationId, value: [counts[s] as number, values[s] as number] });
  }
  const merged = new Profile({
    sampleType: [
      new ValueType({ type: strings.dedup('sample'), unit: strings.dedup('count') }),
      new ValueType({ type: strings.dedup(sampleType.type), unit: strings.dedup(sampleType.unit) }),
    ],
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
    // A time profile's samples span its duration; a heap profile's values are no time.
    durationNanos: sampleType.unit === 'nanoseconds' ? total : 0,
    periodType: new ValueType({ type: strings.dedup(sampleType.type), unit: strings.dedup(sampleType.unit) }),
    period: totalSamples > 0 ? Math.round(total / totalSamples) : 0,
    comment: [`${OPS_COMMENT_PREFIX}${profile.ops}`, ...comments].map((c) => strings.dedup(c)),
  });
  return gzipSync(merged.encode());
}
