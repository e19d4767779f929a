// Number formatting shared by the Markdown comment, the terminal summary and failure messages.

export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '–';
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${(ns / 1e9).toFixed(2)} s`;
  if (abs >= 1e6) return `${(ns / 1e6).toFixed(abs >= 1e8 ? 0 : abs >= 1e7 ? 1 : 2)} ms`;
  if (abs >= 1e3) return `${(ns / 1e3).toFixed(abs >= 1e5 ? 0 : abs >= 1e4 ? 1 : 2)} µs`;
  return `${ns.toFixed(abs >= 100 ? 0 : 1)} ns`;
}

export function formatDeltaNs(ns: number): string {
  return `${ns > 0 ? '+' : ns < 0 ? '−' : '±'}${formatNs(Math.abs(ns))}`;
}

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
