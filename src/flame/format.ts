// Small, dependency-free formatting and escaping helpers shared by the text, SVG and HTML renderers.

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

/** A fraction (0.123) as a signed percentage (+12.3%). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : '−∞%';
  const p = fraction * 100;
  const text = Math.abs(p) >= 10 ? p.toFixed(0) : Math.abs(p) >= 1 ? p.toFixed(1) : p.toFixed(2);
  return p >= 0 ? `+${text}%` : `−${text.slice(1)}%`;
}

function trim(s: string): string {
  // toPrecision may give exponent notation or trailing zeros after the point; neither reads well.
  const n = Number(s);
  return String(n);
}

// XML 1.0 forbids most control characters even when escaped, and lone surrogates are not well-formed
// either; profiles of native code can contain both. Everything outside XML's Char production goes.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML/HTML element content and attribute values (either quote style). */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/**
 * JSON that can sit inside a `<script>` element: `</script>`, `<!--` and HTML entities cannot end or
 * confuse the element, and U+2028/2029 are escaped for old JS parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
