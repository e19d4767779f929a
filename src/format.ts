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

/**
 * What the values of a flame graph measure, for every number and word the renderers print around
 * them. The default, NS_PER_OP, is time per operation.
 */
export interface ValueKind {
  /**
   * `nanoseconds` (also `ns`), `bytes`, `count` (sample counts, also `samples`), or any other unit
   * name, printed after the number as given: `12 objects`.
   */
  unit: 'nanoseconds' | 'bytes' | 'count' | (string & {});
  /** The values are per operation (printed with `/op`); false for totals over the whole profile. */
  perOp: boolean;
  /**
   * What the values are in the words around them ("width = time/op", "self time grew"); defaults to
   * `time`, `bytes`, `samples` or the unit's name.
   */
  quantity?: string;
}

/** Time per operation: what every flame graph showed before units were told apart. */
export const NS_PER_OP: ValueKind = { unit: 'nanoseconds', perOp: true };

/** Sample types whose values have a name of their own in words (pprof's heap profile types). */
const QUANTITIES: Record<string, string> = { alloc_space: 'allocated bytes' };

/**
 * How to print a profile's values: in its sample type's unit, and per op or in total. The one place
 * a flame graph's unit comes from: the profile's own sample type, carried from its decoder.
 */
export function valueKindOf(sampleType: { type: string; unit: string }, perOp: boolean): ValueKind {
  const quantity = QUANTITIES[sampleType.type];
  return quantity !== undefined && sampleType.unit === 'bytes'
    ? { unit: sampleType.unit, perOp, quantity }
    : { unit: sampleType.unit, perOp };
}

type BaseUnit = 'ns' | 'bytes' | 'samples' | 'other';

function baseUnit(unit: string): BaseUnit {
  if (unit === 'nanoseconds' || unit === 'ns') return 'ns';
  if (unit === 'bytes') return 'bytes';
  if (unit === 'count' || unit === 'samples') return 'samples';
  return 'other';
}

/** A value in its unit, without `/op`: `1.23 ms`, `3.4 KiB`, `700 samples`, `12 objects`. */
export function formatValue(value: number, kind: ValueKind): string {
  switch (baseUnit(kind.unit)) {
    case 'ns':
      return formatNs(value);
    case 'bytes':
      return formatBytes(value);
    default:
      return countOf(value, kind.unit);
  }
}

/** A signed value in its unit (the sign always shown), without `/op`: `+1.2 ms`, `−3 samples`. */
export function formatDeltaValue(value: number, kind: ValueKind): string {
  switch (baseUnit(kind.unit)) {
    case 'ns':
      return formatDeltaNs(value);
    case 'bytes':
      return formatDeltaBytes(value);
    default:
      if (value === 0) return `±${countOf(0, kind.unit)}`;
      return value > 0 ? `+${countOf(value, kind.unit)}` : `−${countOf(-value, kind.unit)}`;
  }
}

/** `/op` for values per operation, else nothing: appended to formatValue's and to quantityOf's text. */
export function perOpSuffix(kind: ValueKind): string {
  return kind.perOp ? '/op' : '';
}

/** What the values are, in words: `time`, `bytes`, `samples`, or the unit's name. */
export function quantityOf(kind: ValueKind): string {
  if (kind.quantity !== undefined) return kind.quantity;
  const base = baseUnit(kind.unit);
  return base === 'ns' ? 'time' : base === 'other' ? kind.unit : base;
}

/** A count (or a value of a unit not known here): whole numbers from 100 up, else three digits. */
function countOf(value: number, unit: string): string {
  const abs = Math.abs(value);
  const text = abs >= 100 ? String(Math.round(value)) : trim(value.toPrecision(3));
  const name = baseUnit(unit) === 'samples' ? (Math.abs(Number(text)) === 1 ? 'sample' : 'samples') : unit;
  return name ? `${text} ${name}` : text;
}

/** `1 benchmark`, `2 benchmarks`: a count with its noun, singular or plural as the count says. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Each item's name as shown where names must tell things apart (the rows of one table, the frames of
 * one flame tree): its name alone, or, when another item has the same name in another file, the name
 * followed by the shortest end of its file that no other such file shares: `groupBy (array/groupBy.ts)`
 * beside `groupBy (map/groupBy.ts)`. An item without a file keeps its bare name.
 */
export function namesWithFiles(items: readonly { name: string; file: string }[]): string[] {
  const filesByName = new Map<string, Set<string>>();
  for (const { name, file } of items) {
    if (!file) continue;
    const files = filesByName.get(name);
    if (files) files.add(file);
    else filesByName.set(name, new Set([file]));
  }
  const shown = new Map<string, string>();
  for (const [name, files] of filesByName) {
    if (files.size < 2) continue;
    const all = [...files].map((file) => file.split('/'));
    for (const parts of all) {
      const tail = (segments: string[], k: number) => segments.slice(-k).join('/');
      let k = 1;
      while (k < parts.length && all.some((other) => other !== parts && tail(other, k) === tail(parts, k)))
        k++;
      shown.set(`${name}\u0000${parts.join('/')}`, `${name} (${tail(parts, k)})`);
    }
  }
  return items.map(({ name, file }) => shown.get(`${name}\u0000${file}`) ?? name);
}
