// The profile model carries its unit from decode to render: a heap profile shaped as the allocation
// pass writes it (`samples/count`, `alloc_space/bytes`, the op count in a comment) is decoded once by
// the profile stage and comes out as bytes in its function tables, its merged pprof file, its flame
// graphs (SVG, HTML, Markdown text) and its allocation rows; a CPU profile comes out as time. No
// option tells the renderers the unit: if the stage or the tree dropped the sample type, the heap
// graphs would print nanoseconds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareAllocations } from '../../src/compare/allocations.js';
import { compareFunctions } from '../../src/compare/functions.js';
import { renderFlameOutputs } from '../../src/flame/index.js';
import type { BenchmarkMeasurement, ProcessAllocation } from '../../src/model.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { profileStage } from '../../src/profile/profile.js';
import { buildPprof } from '../helpers/pprof-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'bench/yaml.bench.mjs > load';
const ROOT = '/w/head';
const load = { name: 'load', file: `${ROOT}/lib/loader.js`, line: 10 };
const scalar = { name: 'readPlainScalar', file: `${ROOT}/lib/loader.js`, line: 474 };
const mapping = { name: 'readBlockMapping', file: `${ROOT}/lib/loader.js`, line: 300 };
const OPS = 100;
const HEAP_TYPES: [string, string][] = [
  ['samples', 'count'],
  ['alloc_space', 'bytes'],
];

/** A heap profile as the allocation pass's child writes it: bytes allocated per stack over OPS ops. */
function heapFile(name: string, scalarBytesPerOp: number): { path: string; ops: number } {
  const path = join(dir, name);
  writeFileSync(
    path,
    buildPprof({
      sampleTypes: HEAP_TYPES,
      samples: [
        { stack: [scalar, load], values: [scalarBytesPerOp / 512, scalarBytesPerOp * OPS] },
        { stack: [mapping, load], values: [400, 204_800 * OPS] },
      ],
      comments: [`flamegate.ops=${OPS}`],
    }),
  );
  return { path, ops: OPS };
}

/** A time profile as the attribution pass writes it: wall nanoseconds over OPS ops. */
function cpuFile(name: string, scalarNsPerOp: number): { path: string; ops: number } {
  const path = join(dir, name);
  writeFileSync(
    path,
    buildPprof({
      samples: [
        { stack: [scalar, load], values: [scalarNsPerOp / 10, scalarNsPerOp * OPS] },
        { stack: [mapping, load], values: [300, 3000 * OPS] },
      ],
      comments: [`flamegate.ops=${OPS}`],
    }),
  );
  return { path, ops: OPS };
}

function stage() {
  const measurement: BenchmarkMeasurement = {
    id: { file: 'bench/yaml.bench.mjs', name: 'load' },
    slug: '000-load',
    present: { base: true, head: true },
    timings: [],
    soloTimings: [],
    errors: {},
    profiles: {
      base: [cpuFile('base-0.pb.gz', 1000), cpuFile('base-1.pb.gz', 1000)],
      head: [cpuFile('head-0.pb.gz', 4000), cpuFile('head-1.pb.gz', 4000)],
    },
    allocationProfiles: {
      base: [heapFile('alloc-base-0.pb.gz', 10_240), heapFile('alloc-base-1.pb.gz', 10_240)],
      head: [heapFile('alloc-head-0.pb.gz', 55_296), heapFile('alloc-head-1.pb.gz', 55_296)],
    },
  };
  return profileStage({ measurements: [measurement], roots: [ROOT], outDir: dir });
}

/** The HTML page without its data and page script (whose formatting code names every unit). */
function htmlPage(html: string): string {
  return html
    .replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '')
    .replace(/<script>[\s\S]*<\/script>/, '');
}

const { cpu, allocations } = stage();
const heap = allocations[KEY];
const time = cpu[KEY];

describe('a heap profile decoded once carries bytes to every output', () => {
  it('keeps alloc_space/bytes on the merged profile and on every function table', () => {
    expect(heap?.head?.stacks.sampleType).toEqual({ type: 'alloc_space', unit: 'bytes' });
    expect(heap?.base?.processes.map((t) => t.sampleType.unit)).toEqual(['bytes', 'bytes']);
    const table = heap?.head?.processes[0];
    const row = table?.functions.find((f) => f.frame.name === 'readPlainScalar');
    // 55,296 bytes per op, read from the values the heap profile holds: no conversion on the way.
    expect(row?.selfPerOp).toBe(55_296);
    expect(table?.totalPerOp).toBe(55_296 + 204_800);
  });

  it('writes the merged pprof under its own sample type', () => {
    const merged = readFileSync(join(dir, heap?.head?.path as string));
    const reread = decodePprof(merged, { valueType: 'alloc_space' });
    expect(reread.sampleType).toEqual({ type: 'alloc_space', unit: 'bytes' });
    expect(reread.ops).toBe(2 * OPS);
    // A heap profile holds no time type: read without asking, its one value type is still bytes.
    expect(decodePprof(merged).sampleType.unit).toBe('bytes');
  });

  it('draws its flame graphs in bytes per op, with no unit given to the renderers', () => {
    const flame = renderFlameOutputs(heap?.base?.stacks, heap?.head?.stacks, { title: KEY });
    expect(flame.tree.sampleType.unit).toBe('bytes');
    // 10 KiB → 54 KiB per op in readPlainScalar, the total 210 KiB → 254 KiB.
    expect(flame.svg).toContain('Head: width = allocated bytes/op on head (254 KiB/op)');
    expect(flame.text).toContain('flame graph delta, head 254 KiB/op, +44 KiB/op');
    expect(flame.text).toMatch(/54 KiB\s+\+44 KiB\s+\+44 KiB\s+.*└ readPlainScalar/);
    expect(flame.html).toContain('<h2>Functions by change of self allocated bytes per op</h2>');
    expect(flame.html).toContain('head 254 KiB/op · base 210 KiB/op · change +44 KiB/op');
    for (const out of [flame.svg, flame.text, htmlPage(flame.html)])
      expect(out).not.toMatch(/\d (ns|µs|ms)\b/);
    expect(flame.html).toContain('"bytes":true');
  });

  it('gives allocation rows in bytes, and is refused as time', () => {
    const books = (bytesPerOp: number) => ({ ops: OPS, bytes: bytesPerOp * OPS, gcNs: 1e6, wallNs: 1e8 });
    const ratio = Math.log((55_296 + 204_800) / (10_240 + 204_800));
    const processes: ProcessAllocation[] = [0, 1].map((process) => ({
      process,
      base: books(10_240 + 204_800),
      head: books(55_296 + 204_800),
      pairLogRatios: [ratio, ratio * 1.001, ratio * 0.999],
    }));
    const { rows } = compareAllocations({
      benchmark: KEY,
      benchmarkFile: 'bench/yaml.bench.mjs',
      allocations: processes,
      base: heap?.base?.processes,
      head: heap?.head?.processes,
      samplingIntervalBytes: 512,
      threshold: 0.1,
    });
    const row = rows.find((r) => r.name === 'readPlainScalar');
    expect(row?.baseBytesPerOp).toBeCloseTo(10_240, 0);
    expect(row?.headBytesPerOp).toBeCloseTo(55_296, 0);
    expect(() =>
      compareFunctions({
        benchmark: KEY,
        benchmarkFile: 'bench/yaml.bench.mjs',
        base: heap?.base?.processes ?? [],
        head: heap?.head?.processes ?? [],
        functionThreshold: 0.05,
      }),
    ).toThrow('compareFunctions compares nanoseconds, but a function table holds alloc_space/bytes');
  });
});

describe('a CPU profile decoded once carries nanoseconds to every output', () => {
  it('keeps wall/nanoseconds on the merged profile and its tables', () => {
    expect(time?.head?.stacks.sampleType).toEqual({ type: 'wall', unit: 'nanoseconds' });
    expect(time?.head?.processes.map((t) => t.sampleType.unit)).toEqual(['nanoseconds', 'nanoseconds']);
    const row = time?.head?.processes[0]?.functions.find((f) => f.frame.name === 'readPlainScalar');
    expect(row?.selfPerOp).toBe(4000);
  });

  it('draws its flame graphs in time per op, and is refused as bytes', () => {
    const flame = renderFlameOutputs(time?.base?.stacks, time?.head?.stacks, { title: KEY });
    expect(flame.tree.sampleType.unit).toBe('nanoseconds');
    expect(flame.svg).toContain('Head: width = time/op on head (7 µs/op)');
    expect(flame.text).toContain('flame graph delta, head 7 µs/op, +3 µs/op');
    expect(flame.html).toContain('<h2>Functions by change of self time per op</h2>');
    for (const out of [flame.svg, flame.text, htmlPage(flame.html)])
      expect(out).not.toMatch(/\d (B|KiB|MiB)\b/);
    expect(flame.html).not.toContain('"bytes":true');
    expect(() =>
      compareAllocations({
        benchmark: KEY,
        benchmarkFile: 'bench/yaml.bench.mjs',
        allocations: [0, 1].map((process) => ({
          process,
          base: { ops: OPS, bytes: 1000, gcNs: 0, wallNs: 1e8 },
          head: { ops: OPS, bytes: 1000, gcNs: 0, wallNs: 1e8 },
          pairLogRatios: [0, 0.001],
        })),
        base: time?.base?.processes,
        head: time?.head?.processes,
        samplingIntervalBytes: 512,
        threshold: 0.1,
      }),
    ).toThrow('compareAllocations compares bytes, but a function table holds wall/nanoseconds');
  });
});
