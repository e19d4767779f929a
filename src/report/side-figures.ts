// The one rule for the per-side times every output shows next to a benchmark's change (the
// comment's table, the terminal, the flame-graph headers): the paired figures, which agree with the
// change by construction; a side measured alone (added, removed) shows its median.
import { formatBytes } from '../format.js';
import type { BenchmarkResult, MemoryResult } from '../model.js';

export interface SideFigures {
  base?: number;
  head?: number;
}

export function sideFigures(b: Pick<BenchmarkResult, 'base' | 'head' | 'pairedNs' | 'status'>): SideFigures {
  if (b.pairedNs && b.status !== 'failed') return { base: b.pairedNs.base, head: b.pairedNs.head };
  return { base: b.base?.medianNs, head: b.head?.medianNs };
}

/**
 * `3.18 MiB/op` when the bytes did not change (one figure: two equal sizes and a `±0.0%` read as a
 * change), `272 KiB → 311 KiB/op` otherwise.
 */
export function bytesFigures(m: MemoryResult): string {
  const base = formatBytes(m.baseBytesPerOp);
  const head = formatBytes(m.headBytesPerOp);
  return m.status === 'unchanged' && base === head ? `${base}/op` : `${base} → ${head}/op`;
}

/**
 * The time in GC. Its two shares are measured from a few collections per process and swing with
 * when a major collection lands, with no interval of their own; so they are shown as two figures only
 * when the allocations they follow changed with evidence (`status`), and otherwise as one, their mean.
 */
export function gcFigures(m: MemoryResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
  if (m.status === 'unchanged') return `GC ${pct((m.baseGcShare + m.headGcShare) / 2)}`;
  return `GC ${pct(m.baseGcShare)} → ${pct(m.headGcShare)}`;
}
