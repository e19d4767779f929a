// Accumulates V8 sampling heap profiles (the inspector's `HeapProfiler` format) of many slices into
// one set of stacks per side, and writes them as pprof (`alloc_space` in bytes) that `go tool pprof`
// and the profile stage read like the time profiles. Child-only: the runner feeds it.
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
import type { Position } from './source-maps.js';

/** The parts of `HeapProfiler.SamplingHeapProfile` read here (node:inspector's types, loosely). */
export interface SamplingHeapProfile {
  head: SamplingNode;
  samples?: { size: number; nodeId: number; ordinal: number }[];
}
export interface SamplingNode {
  id: number;
  selfSize: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children: SamplingNode[];
}

interface CallFrameKey {
  name: string;
  url: string;
  /** 1-based first line of the function (the inspector's is 0-based). */
  line: number;
}

/** A call frame's source position (0-based; source-maps.ts), or undefined to keep the generated one. */
export type MapPosition = (generated: Position) => Position | undefined;

export class HeapStacks {
  readonly frames: CallFrameKey[] = [];
  private readonly frameIndex = new Map<string, number>();
  /** Stack (frame indices root first, joined by commas) → bytes and raw samples. */
  readonly stacks = new Map<string, { bytes: number; samples: number }>();

  private constructor(private readonly mapPosition?: MapPosition) {}

  /**
   * The stacks of `profile` that `keep` accepts (given the file URLs of the stack, root first), with
   * only the samples whose ordinal `inPhase` accepts. V8's `selfSize` is already scaled to estimated
   * bytes allocated; a node's bytes are split by the share of its samples in the phase. `keep` sees
   * the generated files; the frames written name the source positions `mapPosition` gives.
   */
  static from(
    profile: SamplingHeapProfile,
    keep: (urls: string[]) => boolean,
    inPhase: (ordinal: number) => boolean,
    mapPosition?: MapPosition,
  ): HeapStacks {
    const stacks = new HeapStacks(mapPosition);
    const all = new Map<number, number>();
    const kept = new Map<number, number>();
    for (const s of profile.samples ?? []) {
      all.set(s.nodeId, (all.get(s.nodeId) ?? 0) + 1);
      if (inPhase(s.ordinal)) kept.set(s.nodeId, (kept.get(s.nodeId) ?? 0) + 1);
    }
    const walk = (node: SamplingNode, path: number[], urls: string[]) => {
      const samples = kept.get(node.id) ?? 0;
      if (samples > 0 && keep(urls)) {
        const bytes = (node.selfSize * samples) / (all.get(node.id) ?? samples);
        const key = path.join(',');
        const entry = stacks.stacks.get(key);
        if (entry) {
          entry.bytes += bytes;
          entry.samples += samples;
        } else stacks.stacks.set(key, { bytes, samples });
      }
      for (const child of node.children)
        walk(child, [...path, stacks.frame(child)], [...urls, child.callFrame.url]);
    };
    // The root is V8's `(root)`: a profile's stacks start at its children.
    for (const child of profile.head.children) walk(child, [stacks.frame(child)], [child.callFrame.url]);
    return stacks;
  }

  private frame(node: SamplingNode): number {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}\u0000${url}\u0000${lineNumber}\u0000${columnNumber}`;
    let i = this.frameIndex.get(key);
    if (i === undefined) {
      i = this.frames.length;
      const source = this.mapPosition?.({ file: url, line: lineNumber, column: columnNumber });
      this.frames.push({
        name: functionName,
        url: source?.file ?? url,
        line: (source?.line ?? lineNumber) + 1,
      });
      this.frameIndex.set(key, i);
    }
    return i;
  }

  /** gzipped pprof: sample types `samples/count` and `alloc_space/bytes`. */
  encode(comments: string[], samplingIntervalBytes: number): Uint8Array {
    const strings = new StringTable();
    const functions = this.frames.map(
      (f, i) =>
        new PprofFunction({
          id: i + 1,
          name: strings.dedup(f.name || '(anonymous)'),
          systemName: strings.dedup(f.name || '(anonymous)'),
          filename: strings.dedup(f.url),
          startLine: f.line,
        }),
    );
    const locations = this.frames.map(
      (f, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: f.line })] }),
    );
    const samples: Sample[] = [];
    for (const [key, value] of this.stacks) {
      if (key === '') continue;
      samples.push(
        new Sample({
          // pprof lists a sample's locations from the leaf to the root.
          locationId: key
            .split(',')
            .map((f) => Number(f) + 1)
            .reverse(),
          value: [value.samples, Math.round(value.bytes)],
        }),
      );
    }
    const profile = new Profile({
      sampleType: [
        new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }),
        new ValueType({ type: strings.dedup('alloc_space'), unit: strings.dedup('bytes') }),
      ],
      sample: samples,
      location: locations,
      function: functions,
      stringTable: strings,
      periodType: new ValueType({ type: strings.dedup('space'), unit: strings.dedup('bytes') }),
      period: samplingIntervalBytes,
      comment: comments.map((c) => strings.dedup(c)),
    });
    return gzipSync(profile.encode());
  }
}
