// Number formatting shared by every stage that writes for people: the compare stage's failure lines,
// the Markdown comment, the terminal summary and the flame graphs. One notation everywhere.

/** A duration in ns as a short human string with three significant digits: 850 ns, 1.23 µs, 12.3 ms. */
export function formatNs(ns: number): string {
  const abs = Math.abs(ns);
  if (abs === 0) return '0 ns';
  if (abs < 1) return `${trim(ns.toPrecision(2))} ns`;
  if (abs < 1e3) return `${trim(ns.toPrecision(3))} ns`;
  if (abs < 1e6) return `${trim((ns / 1e3).toPrecision(3))} µs`;
  if (abs < 1e9) return `${trim((ns / 1e6).toPrecision(3))} ms`;
  return `${trim((ns / 1e9).toPrecision(3))} s`;
}

/** A signed duration: the sign is always shown so that a reader never mistakes a delta for a level. */
export function formatDeltaNs(ns: number): string {
  if (ns === 0) return '±0 ns';
  return ns > 0 ? `+${formatNs(ns)}` : `−${formatNs(-ns)}`;
}

function trim(s: string): string {
  // toPrecision may give exponent notation or trailing zeros after the point; neither reads well.
  const n = Number(s);
  return String(n);
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

/** Seconds as `45 s`, `3 min 20 s`, `1 h 05 min`: for time left and time spent. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${String(s % 60).padStart(2, '0')} s` : ''}`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Bytes with three significant digits in binary units: 850 B, 1.23 KiB, 12.3 MiB. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${trim(bytes.toPrecision(3))} B`;
  if (abs < 1024 ** 2) return `${trim((bytes / 1024).toPrecision(3))} KiB`;
  if (abs < 1024 ** 3) return `${trim((bytes / 1024 ** 2).toPrecision(3))} MiB`;
  return `${trim((bytes / 1024 ** 3).toPrecision(3))} GiB`;
}

/** A signed byte count, the sign always shown. */
export function formatDeltaBytes(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return bytes > 0 ? `+${formatBytes(bytes)}` : `−${formatBytes(-bytes)}`;
}
