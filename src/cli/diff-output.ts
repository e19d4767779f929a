// What `flamegate diff` writes once both sides are prepared (diff-side.ts): the merged tree, the files
// asked for (SVG, HTML viewer, JSON rows) and the terminal text. diff.ts loads this module while the
// profiles are still being read.
import { writeFileSync } from 'node:fs';
import { shortenMiddle } from '../escape.js';
import { alignSides, type SideRoots } from '../flame/align.js';
import { renderFlameHtml } from '../flame/html.js';
import { renderFlameSvg } from '../flame/svg.js';
import { renderFlameText } from '../flame/text.js';
import { type FlameTree, flameFunctions, mergeSides } from '../flame/tree.js';
import { formatDeltaValue, formatPercent, formatValue, type ValueKind, valueKindOf } from '../format.js';
import type { PackedProfile } from '../model.js';
import type { DiffIo, DiffOptions } from './diff-options.js';
import type { PreparedSide } from './diff-side.js';

/** Merges the sides, writes the files asked for and prints the summary; returns the exit code. */
export function writeOutputs(
  base: PreparedSide,
  head: PreparedSide,
  formats: [string, string],
  o: DiffOptions,
  io: DiffIo,
): number {
  // Profiles of two folders (two checkouts, two copies of a script) compare files by their path there.
  const aligned = alignSides(base.stacks, head.stacks);
  const tree = mergeSides(aligned.base, aligned.head);
  const title = o.title ?? `Flame graph delta: ${o.basePath} → ${o.headPath}`;
  // The tree carries its profiles' unit (a folded pair counts samples, an allocation profile bytes);
  // only profiles that count operations are per op (the same rule as the rows' unit).
  const perOp = base.profile.ops > 1 || head.profile.ops > 1;
  const written: string[] = [];
  try {
    if (o.svg) {
      writeFileSync(o.svg, renderFlameSvg(tree, { title, perOp }));
      written.push(o.svg);
    }
    if (o.html) {
      writeFileSync(o.html, renderFlameHtml(tree, { title, repoUrl: o.repoUrl, headSha: o.sha, perOp }));
      written.push(o.html);
    }
    if (o.json) {
      writeFileSync(o.json, `${JSON.stringify(diffRows(tree, base.profile, head.profile), null, 2)}\n`);
      written.push(o.json);
    }
  } catch (error) {
    io.stderr(`flamegate diff: cannot write output: ${(error as Error).message}\n`);
    return 2;
  }

  if (o.text) {
    io.stdout(renderFlameText(tree, { maxChars: o.maxChars, title: o.title, perOp }));
  } else {
    io.stdout(summary(tree, base.profile, head.profile, formats, o.top, aligned.roots));
  }
  for (const file of written) io.stderr(`wrote ${file}\n`);
  return 0;
}

/** One function's row of `--json`: the documented, stable output of `flamegate diff`. */
export interface DiffRow {
  name: string;
  /**
   * File as the profile names it, relative to the working directory when under it; when base and head
   * ran from two folders (see the summary's "files compared by their path below" line), relative to
   * each side's folder. '' when unknown.
   */
  file: string;
  line: number;
  /** Self time (or value) per op on each side, in `unit`. */
  baseSelf: number;
  headSelf: number;
  /** headSelf − baseSelf. Rows are sorted by |delta|, largest first. */
  delta: number;
  /** `ns/op` when both profiles count operations, `ns` for time, else the profile's unit (`bytes`, `samples`). */
  unit: string;
}

/** What the outputs need to know of each side's profile. */
type ProfileInfo = Pick<PackedProfile, 'ops' | 'sampleType'>;

export function unitOf(base: ProfileInfo, head: ProfileInfo): string {
  const unit = head.sampleType.unit;
  const name = unit === 'nanoseconds' ? 'ns' : unit === 'count' ? 'samples' : unit;
  return base.ops > 1 || head.ops > 1 ? `${name}/op` : name;
}

export function diffRows(tree: FlameTree, base: ProfileInfo, head: ProfileInfo): DiffRow[] {
  const unit = unitOf(base, head);
  return flameFunctions(tree)
    .filter((f) => f.headSelf !== 0 || f.baseSelf !== 0)
    .map((f) => ({
      name: f.name,
      file: f.file,
      line: f.line,
      baseSelf: f.baseSelf,
      headSelf: f.headSelf,
      delta: f.headSelf - f.baseSelf,
      unit,
    }));
}

function summary(
  tree: FlameTree,
  base: ProfileInfo,
  head: ProfileInfo,
  formats: [string, string],
  top: number,
  roots: SideRoots | undefined,
): string {
  const out: string[] = [];
  const unit = tree.sampleType.unit;
  // Per op or not is said once per line here, so values are printed without their `/op`.
  const kind: ValueKind = valueKindOf(tree.sampleType, false);
  const value = (v: number) => formatValue(v, kind);
  const deltaOf = (v: number) => formatDeltaValue(v, kind);
  const perOp = (p: ProfileInfo) =>
    p.ops > 1 ? `/op over ${p.ops} ops` : ' in total (no op count in the profile)';
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : '';
  out.push(`base: ${value(tree.baseTotal)}${perOp(base)}, ${tree.baseSamples} samples, ${formats[0]}`);
  out.push(`head: ${value(tree.headTotal)}${perOp(head)}, ${tree.headSamples} samples, ${formats[1]}`);
  out.push(`change: ${deltaOf(delta)}${pct}`);
  if (roots) out.push(`files compared by their path below ${roots.base} (base) and ${roots.head} (head)`);
  const fns = flameFunctions(tree).filter((f) => f.headSelf !== f.baseSelf);
  if (top > 0 && fns.length > 0) {
    out.push('');
    const what = unit === 'nanoseconds' ? 'self time' : `self ${unit === 'count' ? 'samples' : unit}`;
    out.push(`Largest changes of ${what}${base.ops > 1 || head.ops > 1 ? ' per op' : ''}:`);
    const rows = fns.slice(0, top).map((f) => {
      const d = f.headSelf - f.baseSelf;
      const rel = f.baseSelf > 0 ? formatPercent(d / f.baseSelf) : 'new';
      const where = f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ''}` : f.kind;
      // A regular expression's name can run to hundreds of characters; the column holds every row's.
      return [deltaOf(d), rel, value(f.baseSelf), value(f.headSelf), shortenMiddle(f.name, 80), where];
    });
    const header = ['Δ self', 'Δ %', 'base', 'head', 'function', 'where'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const fmt = (r: string[]) =>
      r
        .map((c, i) =>
          i < 4 ? c.padStart(widths[i] as number) : i === 4 ? c.padEnd(widths[i] as number) : c,
        )
        .join('  ')
        .trimEnd();
    out.push(`  ${fmt(header)}`);
    for (const r of rows) out.push(`  ${fmt(r)}`);
    if (fns.length > top) out.push(`  … ${fns.length - top} more changed functions`);
  } else if (fns.length === 0) {
    out.push('No function changed its self time.');
  }
  return `${out.join('\n')}\n`;
}
