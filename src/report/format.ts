// Number formatting shared by the Markdown comment, the terminal summary and failure messages.

// One notation for durations across the comment, the terminal and the flame graphs.
export { formatDeltaNs, formatNs } from '../flame/format.js';

/** `+12.3%` (signed by default); `12.3%` for thresholds. */
export function formatPercent(fraction: number, signed = true): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞' : fraction < 0 ? '−∞' : '–';
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (!signed) return `${fraction < 0 ? '−' : ''}${text}%`;
  return `${pct > 0 && text !== (0).toFixed(digits) ? '+' : pct < 0 && text !== (0).toFixed(digits) ? '−' : '±'}${text}%`;
}

export function formatInterval(ci: [number, number]): string {
  if (!Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return 'unknown';
  return `${formatPercent(ci[0])} … ${formatPercent(ci[1])}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
