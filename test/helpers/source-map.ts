// Source maps for tests: `mappings` written from absolute positions, as a bundler would encode them.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** One mapping: generated column, source index, source line, source column (all 0-based). */
export type Segment = [number, number, number, number];

/** A map's `mappings` from the segments of each generated line, in absolute positions. */
export function mappings(lines: Segment[][]): string {
  let source = 0;
  let line = 0;
  let column = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map(([g, s, l, c]) => {
          const text = vlq(g - generated) + vlq(s - source) + vlq(l - line) + vlq(c - column);
          [generated, source, line, column] = [g, s, l, c];
          return text;
        })
        .join(',');
    })
    .join(';');
}

/** A version 3 map's JSON. */
export function mapJson(sources: unknown[], lines: Segment[][], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: 3, sources, names: [], mappings: mappings(lines), ...extra });
}
