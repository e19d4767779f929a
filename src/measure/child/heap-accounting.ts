// The allocation job's two accounts. Bytes per op come from the garbage collector's own books
// (`AllocationBooks`): the heap's growth over a slice plus every byte the collections during the slice
// freed (v8.GCProfiler, Node 18.15+), so objects already collected count. Per function, the sampling
// heap profile's samples carry no labels: a sample's side is the worktree its stack runs in (base and
// head load from different folders), and the measured phase is told apart by two marker allocations
// whose sample ordinals bound it (`splitBySide`).
import v8 from 'node:v8';
import type { Side, SideAllocation, SideTiming } from '../../model.js';
import { HeapStacks, type SamplingHeapProfile } from './heap-profile.js';
import { clock, log } from './pristine.js';
import { SIDES } from './slices.js';
import type { Position, SourceMapper } from './source-maps.js';

interface GcProfilerLike {
  start(): void;
  stop(): {
    statistics: {
      gcType: string;
      cost: number;
      beforeGC: { heapStatistics: { usedHeapSize: number } };
      afterGC: { heapStatistics: { usedHeapSize: number } };
    }[];
  };
}

// Node 18.15+ (flamegate needs 20.6+); the type is spelled out because its JSON shape is loose.
const GCProfiler = (v8 as unknown as { GCProfiler: new () => GcProfilerLike }).GCProfiler;
const usedHeap = () => v8.getHeapStatistics().used_heap_size;

/** One benchmark's allocations per side, slice by slice, from the collector's books. */
export class AllocationBooks {
  readonly totals: Partial<Record<Side, SideAllocation>> = {};
  private readonly slices: { side: Side; bytes: number; ops: number }[] = [];

  /** Runs one slice of `side` (as `alternate`'s `around`) and books what it allocated and collected. */
  async slice(side: Side, run: () => Promise<SideTiming>): Promise<SideTiming> {
    const gc = new GCProfiler();
    gc.start();
    const started = clock();
    const before = usedHeap();
    const timing = await run();
    const after = usedHeap();
    const wallNs = (clock() - started) * 1e6;
    const collections = gc.stop().statistics;
    let freed = 0;
    let gcNs = 0;
    let majorGcNs = 0;
    const durations = { minor: [] as number[], major: [] as number[] };
    for (const c of collections) {
      freed += c.beforeGC.heapStatistics.usedHeapSize - c.afterGC.heapStatistics.usedHeapSize;
      gcNs += c.cost * 1e3;
      const minor = /scavenge|minor/i.test(String(c.gcType));
      if (!minor) majorGcNs += c.cost * 1e3;
      durations[minor ? 'minor' : 'major'].push(c.cost * 1e3);
    }
    const bytes = after - before + freed;
    const total = (this.totals[side] ??= {
      ops: 0,
      bytes: 0,
      gcNs: 0,
      wallNs: 0,
      majorGcNs: 0,
      minorGcDurationsNs: [],
      majorGcDurationsNs: [],
    });
    total.ops += timing.ops;
    total.bytes += bytes;
    total.gcNs += gcNs;
    total.majorGcNs = (total.majorGcNs ?? 0) + majorGcNs;
    total.minorGcDurationsNs?.push(...durations.minor);
    total.majorGcDurationsNs?.push(...durations.major);
    total.wallNs += wallNs;
    this.slices.push({ side, bytes, ops: timing.ops });
    return timing;
  }

  /** ln(head bytes/op ÷ base bytes/op) for each pair of slices (one per side, ABBA). */
  pairLogRatios(): number[] {
    const ratios: number[] = [];
    for (let i = 0; i + 1 < this.slices.length; i += 2) {
      const x = this.slices[i] as (typeof this.slices)[number];
      const y = this.slices[i + 1] as (typeof this.slices)[number];
      if (x.side === y.side) continue;
      const [base, head] = x.side === 'base' ? [x, y] : [y, x];
      if (base.bytes > 0 && head.bytes > 0) ratios.push(log(head.bytes / head.ops / (base.bytes / base.ops)));
    }
    return ratios;
  }
}

/**
 * The marker whose sampled allocations bound the measured phase in the heap profile: allocated once
 * before and once after it, far larger than the sampling interval, so it is sampled with certainty
 * (1 − e⁻⁴⁰). Found in the profile by this function's name.
 */
export function flamegateAllocationMark(samplingIntervalBytes: number): number {
  const marker = new Array<number>(Math.ceil((40 * samplingIntervalBytes) / 8)).fill(0);
  return marker.length;
}

/** Where each side's code lives: its worktree (`roots`), else its benchmark file's folder. */
export interface SideFolders {
  base?: string;
  head?: string;
  roots?: Partial<Record<Side, string>>;
}

/**
 * The measured phase's samples, split by side. A sample belongs to the side whose worktree holds a
 * frame of its stack (the benchmark's own function is on every stack of its operations); samples of
 * neither (the runner between slices) are dropped.
 */
export function splitBySide(
  profile: SamplingHeapProfile,
  where: SideFolders,
  sourceMapper: SourceMapper,
): Record<Side, HeapStacks> {
  const prefix = (side: Side) => {
    const dir = where.roots?.[side] ?? where[side];
    return dir ? (dir.endsWith('/') ? dir : `${dir}/`) : undefined;
  };
  const prefixes = { base: prefix('base'), head: prefix('head') };
  const marks = markerOrdinals(profile);
  const mapPosition = (p: Position) => sourceMapper.map(p);
  const inPhase = (ordinal: number) => !marks || (ordinal > marks[0] && ordinal < marks[1]);
  const sideOf = (urls: string[]): Side | undefined => {
    for (let i = urls.length - 1; i >= 0; i--) {
      const path = urlPath(urls[i] as string);
      // The longer prefix first: one worktree may sit inside the other's folder.
      const candidates = SIDES.filter((s) => prefixes[s] && path.startsWith(prefixes[s] as string)).sort(
        (x, y) => (prefixes[y]?.length ?? 0) - (prefixes[x]?.length ?? 0),
      );
      if (candidates[0]) return candidates[0];
    }
    return undefined;
  };
  return {
    base: HeapStacks.from(profile, (urls) => sideOf(urls) === 'base', inPhase, mapPosition),
    head: HeapStacks.from(profile, (urls) => sideOf(urls) === 'head', inPhase, mapPosition),
  };
}

function markerOrdinals(profile: SamplingHeapProfile): [number, number] | undefined {
  const markerNodes = new Set<number>();
  const walk = (node: SamplingHeapProfile['head']) => {
    if (node.callFrame.functionName === 'flamegateAllocationMark') markerNodes.add(node.id);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const ordinals = (profile.samples ?? []).filter((s) => markerNodes.has(s.nodeId)).map((s) => s.ordinal);
  if (ordinals.length < 2) return undefined;
  return [Math.min(...ordinals), Math.max(...ordinals)];
}

function urlPath(url: string): string {
  if (!url.startsWith('file://')) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.slice('file://'.length);
  }
}
