// Writes a StackProfile as a gzipped pprof file: how the profile stage hands users one merged
// `base.pb.gz` / `head.pb.gz` per benchmark without decoding the per-process files a second time.
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
import type { StackProfile } from '../model.js';

/**
 * What a StackProfile's `ns` holds: wall time by default; the allocation pass's heap profiles keep
 * bytes there (`{ type: 'alloc_space', unit: 'bytes' }`).
 */
export interface ValueUnit {
  type: string;
  unit: string;
}

const WALL: ValueUnit = { type: 'wall', unit: 'nanoseconds' };

/** One location per frame; samples keep their wall time (or `value`) and their sample count. */
export function encodePprof(
  profile: StackProfile,
  comments: string[] = [],
  value: ValueUnit = WALL,
): Uint8Array {
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
  let totalNs = 0;
  let totalSamples = 0;
  const samples = profile.stacks.map((stack) => {
    totalNs += stack.ns;
    totalSamples += stack.samples;
    // pprof lists a sample's locations from the leaf to the root.
    return new Sample({
      locationId: stack.frames.map((f) => f + 1).reverse(),
      value: [stack.samples, stack.ns],
    });
  });
  const merged = new Profile({
    sampleType: [
      new ValueType({ type: strings.dedup('sample'), unit: strings.dedup('count') }),
      new ValueType({ type: strings.dedup(value.type), unit: strings.dedup(value.unit) }),
    ],
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
    durationNanos: value === WALL ? totalNs : 0,
    periodType: new ValueType({ type: strings.dedup(value.type), unit: strings.dedup(value.unit) }),
    period: totalSamples > 0 ? Math.round(totalNs / totalSamples) : 0,
    comment: [`${OPS_COMMENT_PREFIX}${profile.ops}`, ...comments].map((c) => strings.dedup(c)),
  });
  return gzipSync(merged.encode());
}
