// Merges the per-process pprof files of one benchmark side into one file, so users get a single
// `base.pb.gz` and `head.pb.gz` per benchmark that `go tool pprof -diff_base` and `flamegate diff`
// take directly. The op counts recorded in comments are summed, keeping time per op meaningful, and
// file names can be rewritten to repository-relative paths, so base and head files compare.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  Label,
  Line,
  Location,
  Function as PprofFunction,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';

const OPS_PREFIX = 'flamegate.ops=';

function decode(bytes: Uint8Array): Profile {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return Profile.decode(raw);
}

export interface MergeOptions {
  /** Rewrites function file names, e.g. to drop the temporary worktree prefix so files compare across sides. */
  rewriteFile?: (file: string) => string;
}

export function mergePprof(inputs: Uint8Array[], options: MergeOptions = {}): Uint8Array {
  const profiles = inputs.map(decode);
  const first = profiles[0];
  if (!first) throw new Error('nothing to merge');
  const strings = new StringTable();
  const str = (p: Profile, index: number | bigint) =>
    strings.dedup(p.stringTable.strings[Number(index)] ?? '');
  const functions: PprofFunction[] = [];
  const locations: Location[] = [];
  const samples: Sample[] = [];
  let ops = 0;
  const comments: string[] = [];
  for (const p of profiles) {
    const functionIds = new Map<number, number>();
    for (const f of p.function) {
      const id = functions.length + 1;
      functionIds.set(Number(f.id), id);
      functions.push(
        new PprofFunction({
          id,
          name: str(p, f.name),
          systemName: str(p, f.systemName),
          filename: options.rewriteFile
            ? strings.dedup(options.rewriteFile(p.stringTable.strings[Number(f.filename)] ?? ''))
            : str(p, f.filename),
          startLine: f.startLine,
        }),
      );
    }
    const locationIds = new Map<number, number>();
    for (const l of p.location) {
      const id = locations.length + 1;
      locationIds.set(Number(l.id), id);
      locations.push(
        new Location({
          id,
          address: l.address,
          line: l.line.map(
            (line) =>
              new Line({ functionId: functionIds.get(Number(line.functionId)) ?? 0, line: line.line }),
          ),
        }),
      );
    }
    for (const s of p.sample) {
      samples.push(
        new Sample({
          locationId: s.locationId.map((id) => locationIds.get(Number(id)) ?? 0),
          value: s.value,
          label: s.label.map(
            (l) =>
              new Label({ key: str(p, l.key), str: str(p, l.str), num: l.num, numUnit: str(p, l.numUnit) }),
          ),
        }),
      );
    }
    for (const c of p.comment) {
      const text = p.stringTable.strings[Number(c)] ?? '';
      if (text.startsWith(OPS_PREFIX)) ops += Number(text.slice(OPS_PREFIX.length));
      else if (p === first) comments.push(text);
    }
  }
  const merged = new Profile({
    sampleType: first.sampleType.map(
      (t) => new ValueType({ type: str(first, t.type), unit: str(first, t.unit) }),
    ),
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
    timeNanos: first.timeNanos,
    durationNanos: profiles.reduce((sum, p) => sum + Number(p.durationNanos), 0),
    periodType: first.periodType
      ? new ValueType({ type: str(first, first.periodType.type), unit: str(first, first.periodType.unit) })
      : undefined,
    period: first.period,
    comment: [...(ops > 0 ? [`${OPS_PREFIX}${ops}`] : []), ...comments].map((c) => strings.dedup(c)),
  });
  return gzipSync(merged.encode());
}
